// The "temporarily unavailable" page: a whole HTML document, for a route handler to send with
// HTTP 503. It cannot be a React page of the app: Next.js answers a failed page with 500 and lets
// nothing else set a page's status (see app/unavailable/route.ts). Styled with style attributes,
// which the Content-Security-Policy allows without a nonce (lib/http/security-headers.ts), since
// the app's stylesheet has a build-time name a route handler does not know.

// It names the app but not the committee: that comes from the unit tree, in the database this page stands in for.
export type UnavailablePageText = { app: string; title: string; body: string; retry: string }

/** Where a page that found the database unreachable sends the browser. */
export const UNAVAILABLE_PATH = '/unavailable'

/** How long a browser or a crawler is told to wait before asking again, in seconds. */
export const RETRY_AFTER_SECONDS = 30

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The page; `retryHref` is where "try again" leads (the start page: the failed address is not known). */
export function unavailablePage(locale: string, text: UnavailablePageText, retryHref = '/'): string {
  const t = Object.fromEntries(Object.entries(text).map(([key, value]) => [key, escapeHtml(value)])) as UnavailablePageText
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title} · ${t.app}</title>
</head>
<body style="margin:0;min-height:100dvh;background:#f8fafc;color:#0f172a;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',system-ui,sans-serif;line-height:1.5;-webkit-font-smoothing:antialiased">
<main style="box-sizing:border-box;max-width:36rem;margin:0 auto;padding:4rem 1rem">
<p style="margin:0 0 1.5rem;font-size:1.125rem;font-weight:600;color:#991b1b">${t.app}</p>
<div role="alert" style="border:1px solid #e2e8f0;border-left:4px solid #b45309;border-radius:0.5rem;background:#fff;padding:1.25rem 1.5rem;box-shadow:0 1px 2px rgb(0 0 0 / 0.05)">
<h1 style="margin:0;font-size:1.5rem;line-height:2rem;font-weight:700">${t.title}</h1>
<p style="margin:0.5rem 0 0;color:#334155">${t.body}</p>
<p style="margin:1.5rem 0 0"><a href="${escapeHtml(retryHref)}" style="display:inline-block;border-radius:0.25rem;background:#991b1b;padding:0.625rem 1rem;font-weight:600;color:#fff;text-decoration:none">${t.retry}</a></p>
</div>
</main>
</body>
</html>
`
}
