// Evidence files attached to a status update: what is accepted is decided by the bytes, not by
// the name or the type the browser claims.
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'

export const MAX_EVIDENCE_FILES = 5
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

/** Detected media type → the extensions a file of that type may carry. */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
}

export type EvidenceFile = { fileName: string; mediaType: string; content: Uint8Array<ArrayBuffer>; sha256: string }

export type EvidenceProblem =
  | { code: 'tooManyFiles'; max: number }
  | { code: 'fileTooLarge'; name: string }
  | { code: 'fileType'; name: string }

/**
 * The files a form sent. With nothing chosen, a form posted by the browser sends one empty part
 * named '' and one posted by React (JavaScript on) an empty file named "undefined": an empty file
 * is no evidence either way.
 */
export function chosenFiles(parts: FormDataEntryValue[]): File[] {
  return parts.filter((p): p is File => typeof p !== 'string' && p.size > 0)
}

/** Checks the files; returns the first problem, or the files ready to store. */
export async function checkEvidence(files: File[]): Promise<{ problem: EvidenceProblem } | { files: EvidenceFile[] }> {
  if (files.length > MAX_EVIDENCE_FILES) return { problem: { code: 'tooManyFiles', max: MAX_EVIDENCE_FILES } }
  const checked: EvidenceFile[] = []
  for (const file of files) {
    const name = cleanFileName(file.name)
    if (file.size > MAX_EVIDENCE_BYTES) return { problem: { code: 'fileTooLarge', name } }
    const content = new Uint8Array(await file.arrayBuffer())
    const detected = await fileTypeFromBuffer(content)
    const extension = name.split('.').pop()?.toLowerCase() ?? ''
    const extensions = detected ? ACCEPTED[detected.mime] : undefined
    if (!detected || !extensions?.includes(extension) || content.byteLength === 0) return { problem: { code: 'fileType', name } }
    checked.push({ fileName: name, mediaType: detected.mime, content, sha256: createHash('sha256').update(content).digest('hex') })
  }
  return { files: checked }
}

/** A file name safe to store and to send back in a header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // Control characters (C0, DEL, C1) have no place in a name shown on pages and in headers.
  const clean = Array.from(base.normalize('NFC'))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0
      return code >= 0x20 && !(code >= 0x7f && code <= 0x9f)
    })
    .join('')
    .trim()
    .slice(0, 200)
  return clean || 'tep-dinh-kem'
}
