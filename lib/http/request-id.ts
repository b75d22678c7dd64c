// The request id: one value per request, on every log line of that request and in the response's
// X-Request-Id header, so a user's report ("it failed at 10:42", with the id from the browser's
// network panel) leads to the log lines. A reverse proxy in front may set its own id (nginx
// $request_id); like X-Forwarded-For (client-ip.ts) the proxy must set or strip the header itself.
// Anything that is not a plain token is replaced, never echoed: no header or log injection.

export const REQUEST_ID_HEADER = 'x-request-id'

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/

/** The incoming id when it is a plain token of 8 to 128 characters, else null. */
export function wellFormedRequestId(value: string | null | undefined): string | null {
  return value && WELL_FORMED.test(value) ? value : null
}

/** The request's id: the one the proxy in front gave it when well formed, else a new one. */
export function requestIdOf(headers: Headers): string {
  return wellFormedRequestId(headers.get(REQUEST_ID_HEADER)) ?? crypto.randomUUID()
}
