// The headers of every file the app hands out (evidence, exports, reports): always a download,
// never sniffed, never cached by a shared cache.

/**
 * `attachment` with the name; a name that is not plain ASCII also gets its UTF-8 form (RFC 6266 /
 * RFC 8187) and an ASCII fallback for old clients: "Biên bản.pdf" -> "Bien ban.pdf".
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_')
  if (ascii === fileName) return `attachment; filename="${ascii}"`
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': contentDisposition(fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  }
}

/** What a file route answers for a missing file, or one the user may not have: the same 404. */
export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })
}
