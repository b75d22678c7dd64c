// Large request bodies against the production server (scripts/serve.ts): without a standing
// session nothing above 1 MB is read, so the server's memory does not grow however many arrive;
// signed in, only the upload route takes the evidence files, counted as they arrive. Needs the
// production build (npm test makes it).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '@/lib/auth/password'
import { createPrismaClient } from '@/lib/db/client'
import { EVIDENCE_BODY_BYTES, SMALL_BODY_BYTES } from '@/lib/http/body-limit'
import { vi as viMessages } from '@/messages'
import { residentBytes, startNextServer, type NextServer } from '@/scripts/lib/next-server'
import { createTestDatabase } from '@/test/helpers/database'
import { postSignIn } from '@/test/helpers/sign-in'

const MB = 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 'x')

/** What became of a body sent: the answer's status and text (null when the connection was cut) and how much was written. */
type Sent = { status: number | null; headers: IncomingHttpHeaders; text: string; written: number }

/**
 * Sends `bytes` of body to the path, with Content-Length or (chunked) without, and stops writing
 * as soon as an answer comes or the connection closes.
 */
function sendBody(base: string, path: string, bytes: number, options: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Sent> {
  return new Promise((resolve) => {
    let written = 0
    let done = false
    const finish = (status: number | null, text: string, headers: IncomingHttpHeaders = {}) => {
      if (done) return
      done = true
      resolve({ status, headers, text, written })
      request.destroy()
    }
    const request = httpRequest(`${base}${path}`, {
      method: 'POST',
      headers: {
        origin: base,
        'content-type': 'multipart/form-data; boundary=----x',
        ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(bytes) }),
        ...options.headers,
      },
    })
    request.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => finish(response.statusCode ?? null, text, response.headers))
      response.on('error', () => finish(response.statusCode ?? null, text, response.headers))
    })
    request.on('error', () => finish(null, ''))
    const writeMore = () => {
      while (!done && written < bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bytes - written))
        written += chunk.length
        if (!request.write(chunk)) return void request.once('drain', writeMore)
      }
      if (!done) request.end()
    }
    writeMore()
  })
}

/** Refused (413) or cut off before the whole body went: either way the server did not take it. */
function expectRefused(sent: Sent, bytes: number) {
  if (sent.status !== null) expect(sent.status).toBe(413)
  else expect(sent.written).toBeLessThan(bytes)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('request bodies are limited before they are read', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let server: NextServer
  let session = ''
  let actionId = ''

  beforeAll(async () => {
    database = await createTestDatabase()
    const db = createPrismaClient(database.url)
    const unit = await db.unit.create({ data: { code: 'bodies-unit', name: 'Xã thử nghiệm', kind: 'COMMUNE' } })
    await db.user.create({ data: { username: 'bodies-staff', displayName: 'Cán bộ thử nghiệm', passwordHash: await hashPassword('Thu-nghiem-bodies-1'), role: 'STAFF', unitId: unit.id } })
    await db.$disconnect()
    server = await startNextServer(database.url)
    const signedIn = await postSignIn(server.base, 'bodies-staff', 'Thu-nghiem-bodies-1')
    session = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith('authjs.session-token='))?.split(';')[0] ?? ''
    expect(session).not.toBe('')
    // The sign-in form's action, as a browser with JavaScript names it in the Next-Action header.
    actionId = /[0-9a-f]{40,}/.exec(await (await fetch(`${server.base}/login`)).text())?.[0] ?? ''
    expect(actionId).not.toBe('')
  }, 600_000)

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
  })

  test('20 MB without a session, to the sign-in action and to the upload route, eight at once: refused at once, and the server does not grow', async () => {
    // Small posts first, so that both routes' code is loaded before measuring.
    await sendBody(server.base, '/login', 1000, { headers: { 'next-action': actionId } })
    await sendBody(server.base, '/api/status-updates', 1000)
    await settle()
    const before = await residentBytes(server.serverPid)
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? sendBody(server.base, '/login', 20 * MB, { headers: { 'next-action': actionId } }) : sendBody(server.base, '/api/status-updates', 20 * MB))),
    )
    await settle()
    const after = await residentBytes(server.serverPid)
    console.info(`server RSS before ${(before / MB).toFixed(1)} MB, after ${(after / MB).toFixed(1)} MB`)
    for (const s of sent) expectRefused(s, 20 * MB)
    expect(after - before).toBeLessThan(5 * MB)
    // A browser without JavaScript shows the refusal: it says what happened.
    const refusal = sent.find((s) => s.status === 413)
    expect(refusal?.text).toContain(viMessages.upload.tooLargeTitle)
    expect(refusal?.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect((await fetch(`${server.base}/login`)).status).toBe(200)
  })

  test('a chunked body (no Content-Length) without a session is stopped once it passes 1 MB', async () => {
    const bytes = 30 * MB
    const before = await residentBytes(server.serverPid)
    const sent = await sendBody(server.base, '/api/status-updates', bytes, { chunked: true })
    await settle()
    expectRefused(sent, bytes)
    expect(sent.written).toBeLessThan(bytes)
    expect((await residentBytes(server.serverPid)) - before).toBeLessThan(5 * MB)
  })

  test('signed in, a server action still takes 1 MB at most, and the upload route no more than the evidence files', async () => {
    const toAction = await sendBody(server.base, '/login', 10 * MB, { chunked: true, headers: { 'next-action': actionId, cookie: session } })
    expectRefused(toAction, 10 * MB)

    const declared = await sendBody(server.base, '/api/status-updates', EVIDENCE_BODY_BYTES + 1, { headers: { cookie: session } })
    expectRefused(declared, EVIDENCE_BODY_BYTES + 1)

    const bytes = EVIDENCE_BODY_BYTES + 20 * MB
    const chunked = await sendBody(server.base, '/api/status-updates', bytes, { chunked: true, headers: { cookie: session } })
    expectRefused(chunked, bytes)
    expect(chunked.written).toBeLessThan(bytes)
    expect((await fetch(`${server.base}/login`)).status).toBe(200)
  })

  test('signed in, a body above 1 MB reaches the upload route, and the import', async () => {
    const sent = await sendBody(server.base, '/api/status-updates', 2 * SMALL_BODY_BYTES, { headers: { cookie: session } })
    // The body is no form: the route itself answers that it could not read it.
    expect(sent.status).toBe(400)
    const toImport = await sendBody(server.base, '/admin/import', 2 * SMALL_BODY_BYTES, { chunked: true, headers: { cookie: session } })
    expect(toImport.status).not.toBe(413)
    expect(toImport.status).not.toBeNull()
  })
})
