// "Structured JSON logs": the real actions and a route handler, run as the forms and the
// browser call them, write one JSON line each with the request id, the user, the outcome and the
// duration; and no line holds a password, a TOTP secret or code, a recovery code, a sign-in
// challenge, a session id or cookie, or the bytes of an uploaded file. Next's request plumbing is
// stood in for (headers, translations, revalidation) and so is Auth.js's cookie (`auth()` hands
// over the claims of the session that `signIn` opened through the app's own openSession).
import { randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { isRedirectError } from 'next/dist/client/components/redirect-error'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { hashPassword } from '@/lib/auth/password'
import { totp } from '@/lib/auth/totp'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'

type Claims = { user: { id: string }; sessionId: string; sessionVersion: number }
const request = vi.hoisted(() => ({ claims: null as Claims | null, headers: new Headers() }))

vi.mock('@/lib/auth/auth', () => ({
  auth: async () => request.claims,
  // As Auth.js does: the Credentials provider's authorize (openSession), then the cookie.
  signIn: async (_provider: string, { challenge }: { challenge: string }) => {
    const { openSession } = await import('@/lib/auth/sign-in')
    const opened = await openSession({ challenge }, '203.0.113.40')
    request.claims = opened && { user: { id: opened.id }, sessionId: opened.sessionId, sessionVersion: opened.sessionVersion }
  },
  signOut: async () => undefined,
}))
vi.mock('next-auth', () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}))
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl')
  const { vi: messages } = await import('@/messages')
  return {
    getTranslations: async (namespace: string) => createTranslator({ locale: 'vi', messages, namespace: namespace as 'validation' }),
    getLocale: async () => 'vi',
  }
})
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }))

const { logLevel, rootLogger, writeLogsTo } = await import('./logger')
const { loggedAction } = await import('./request')
const { signInWithPassword } = await import('@/lib/actions/sign-in-action')
const { savePassword } = await import('@/lib/actions/password-action')
const { confirmTwoFactor, startTwoFactorEnrolment } = await import('@/lib/actions/two-factor-action')
const { saveStatusUpdate } = await import('@/lib/actions/status-update-action')
const attachmentsRoute = await import('@/app/attachments/[id]/route')

const database = testDatabase()
const make = factories(() => database.db)

const captured = new PassThrough()
let text = ''
captured.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))

const lines = () =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** The values no log line may hold, collected as the story goes. */
const secrets = new Map<string, string>()

/** Each step is one request with its own id, as proxy.ts gives it. */
function newRequest(): string {
  const requestId = randomUUID()
  const cookie = `authjs.session-token=${randomUUID()}${randomUUID()}`
  secrets.set(`cookie ${requestId}`, cookie)
  request.headers = new Headers({ 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.40', cookie })
  return requestId
}

/** Runs an action that ends in a redirect (Next's redirect() throws); answers where to. */
async function redirected(run: () => Promise<unknown>): Promise<string> {
  const thrown = await run().then(
    () => null,
    (error: unknown) => error,
  )
  if (!isRedirectError(thrown)) throw new Error(`expected a redirect, got ${String(thrown)}`)
  return thrown.digest.split(';')[2]!
}

const PASSWORD = `Mật-khẩu-cũ-${randomUUID()}`
const NEW_PASSWORD = `Mật-khẩu-mới-${randomUUID()}`
const FILE_MARKER = `noi-dung-tep-${randomUUID()}`
const story = {} as { userId: string; username: string; assignmentId: string; requests: Record<string, string>; attachmentId: string }

beforeAll(async () => {
  writeLogsTo(captured, 'debug')
  secrets.set('password', PASSWORD)
  secrets.set('new password', NEW_PASSWORD)
  secrets.set('file bytes', FILE_MARKER)
  const unit = await make.unit()
  const task = await make.task({ groupId: (await make.group()).id })
  story.assignmentId = (await make.assignment({ taskId: task.id, unitId: unit.id })).id
  const actor = await make.user({ role: 'STAFF', unitId: unit.id })
  story.userId = actor.id
  story.username = (await database.db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(PASSWORD) } })).username
  story.requests = {}
  const r = story.requests

  // Signing in: a wrong password, then the right one.
  r.wrongPassword = newRequest()
  expect(await signInWithPassword({ username: '' }, formData({ username: story.username, password: `${PASSWORD}x` }))).toMatchObject({ error: expect.any(String) })
  r.signIn = newRequest()
  await redirected(() => signInWithPassword({ username: '' }, formData({ username: story.username, password: PASSWORD })))
  secrets.set('session id', request.claims!.sessionId)

  // Changing the password (which ends the sessions and opens a new one).
  r.passwordChange = newRequest()
  await redirected(() => savePassword({ kind: 'idle' }, formData({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })))
  secrets.set('session id after the change', request.claims!.sessionId)

  // Two-factor authentication: enrolment, then a sign-in with the password and a code.
  r.enrol = newRequest()
  await startTwoFactorEnrolment()
  const secret = (await database.db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpSecret!
  secrets.set('TOTP secret', secret)
  const enrolCode = totp(secret, new Date())
  secrets.set('TOTP code at enrolment', enrolCode)
  r.confirm = newRequest()
  const confirmed = await confirmTwoFactor({ kind: 'idle' }, formData({ code: enrolCode }))
  expect(confirmed).toMatchObject({ kind: 'saved' })
  if (confirmed.kind !== 'saved') return
  confirmed.recoveryCodes!.forEach((code, i) => secrets.set(`recovery code ${i}`, code))

  r.password = newRequest()
  request.claims = null
  const step = await signInWithPassword({ username: '' }, formData({ username: story.username, password: NEW_PASSWORD }))
  expect(step.challenge).toEqual(expect.any(String))
  secrets.set('sign-in challenge', step.challenge!)
  // The code of the next 30-second step: the enrolment's code is spent.
  const signInCode = totp(secret, new Date(Date.now() + 30_000))
  secrets.set('TOTP code at sign-in', signInCode)
  r.code = newRequest()
  await redirected(() => signInWithPassword(step, formData({ challenge: step.challenge, code: signInCode })))

  // A status report with evidence, then the evidence downloaded.
  r.report = newRequest()
  const file = new File([`%PDF-1.4\n1 0 obj <<>> endobj\n% ${FILE_MARKER}\ntrailer <<>>\n%%EOF\n`], 'bien-ban.pdf', { type: 'application/pdf' })
  const saved = await saveStatusUpdate(
    { kind: 'idle' },
    formData({ assignmentId: story.assignmentId, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '30', note: 'Đã họp', files: [file] }),
  )
  expect(saved).toMatchObject({ kind: 'saved' })
  story.attachmentId = (await database.db.attachment.findFirstOrThrow({ where: { statusUpdate: { assignmentId: story.assignmentId } } })).id
  r.download = newRequest()
  const response = await attachmentsRoute.GET(new Request(`http://localhost/attachments/${story.attachmentId}`, { headers: request.headers }), {
    params: Promise.resolve({ id: story.attachmentId }),
  })
  expect(await response.text()).toContain(FILE_MARKER)
})

afterAll(() => writeLogsTo(new PassThrough(), 'silent'))

const linesOf = (requestId: string) => lines().filter((line) => line.requestId === requestId)

describe('the log of a sign-in, a password change, two-factor steps and a report with evidence', () => {
  it('is one JSON object per line, each with a level, a time and a message', () => {
    const all = lines()
    expect(all.length).toBeGreaterThanOrEqual(12)
    for (const line of all) expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) })
  })

  it('has one line per action with its request id, user, outcome and duration', () => {
    const action = (requestId: string) => linesOf(requestId).filter((line) => line.msg === 'action')
    const expected: [string, string, string | null, string][] = [
      ['wrongPassword', 'signInWithPassword', story.userId, 'refused'],
      ['signIn', 'signInWithPassword', story.userId, 'redirected'],
      ['passwordChange', 'savePassword', story.userId, 'redirected'],
      ['enrol', 'startTwoFactorEnrolment', story.userId, 'done'],
      ['confirm', 'confirmTwoFactor', story.userId, 'saved'],
      // The password alone names nobody yet: the account is known once the session opens.
      ['password', 'signInWithPassword', null, 'secondFactor'],
      ['code', 'signInWithPassword', story.userId, 'redirected'],
      ['report', 'saveStatusUpdate', story.userId, 'saved'],
    ]
    for (const [step, name, userId, outcome] of expected) {
      const found = action(story.requests[step]!)
      expect(found, step).toHaveLength(1)
      expect(found[0], step).toMatchObject({ level: 'info', action: name, userId, outcome, durationMs: expect.any(Number) })
      expect(found[0]!.durationMs as number, step).toBeGreaterThanOrEqual(0)
    }
  })

  it('has the sign-in events: the refusal with its reason, each session opened', () => {
    expect(linesOf(story.requests.wrongPassword!)).toContainEqual(expect.objectContaining({ level: 'warn', event: 'auth.sign_in_failed', userId: story.userId, reason: 'wrong_password' }))
    for (const step of ['signIn', 'passwordChange', 'code']) {
      expect(linesOf(story.requests[step]!), step).toContainEqual(expect.objectContaining({ level: 'info', event: 'auth.sign_in', userId: story.userId }))
    }
  })

  it('has one line for the download with its route, status, user and duration', () => {
    const found = linesOf(story.requests.download!).filter((line) => line.msg === 'route')
    expect(found).toEqual([
      expect.objectContaining({ route: 'attachments', method: 'GET', path: `/attachments/${story.attachmentId}`, status: 200, userId: story.userId, durationMs: expect.any(Number) }),
    ])
  })

  it('holds no password, secret, code, challenge, session id, cookie, username or file content', () => {
    expect(secrets.size).toBeGreaterThanOrEqual(8 + 10)
    // Searched in the log the steps above wrote, not in an empty one.
    expect(lines().length).toBeGreaterThanOrEqual(12)
    for (const [what, value] of secrets) expect(text.includes(value), what).toBe(false)
    // The attempted name is not logged either: people type their password into it.
    expect(text.includes(story.username)).toBe(false)
  })
})

describe('an action that fails', () => {
  it('is logged as an error with the stack and the first and last lines of the message, and thrown on', async () => {
    const requestId = newRequest()
    const failing = loggedAction('failingForTest', async () => {
      // As Prisma words a call it refuses: the arguments it was given, then the reason.
      throw new Error(`\nInvalid \`prisma.user.update()\` invocation:\n\n{\n  data: {\n    passwordHash: "${PASSWORD}"\n  }\n}\n\nArgument \`where\` is missing.`)
    })
    await expect(failing()).rejects.toThrow('Invalid')
    const [line] = linesOf(requestId)
    expect(line).toMatchObject({
      level: 'error',
      action: 'failingForTest',
      outcome: 'error',
      err: { type: 'Error', message: 'Invalid `prisma.user.update()` invocation: … Argument `where` is missing.' },
    })
    expect((line!.err as { stack: string }).stack).toMatch(/^\s+at .*logs\.test\.ts/m)
    expect(text.includes(PASSWORD)).toBe(false)
  })
})

describe('the logger', () => {
  it('takes its level from LOG_LEVEL, info by default and silent under Vitest', () => {
    expect(logLevel({ LOG_LEVEL: 'warn' })).toBe('warn')
    expect(logLevel({ LOG_LEVEL: ' DEBUG ' })).toBe('debug')
    expect(logLevel({ LOG_LEVEL: 'verbose' })).toBe('info')
    expect(logLevel({})).toBe('info')
    expect(logLevel({ VITEST: 'true' })).toBe('silent')
    expect(logLevel({ VITEST: 'true', LOG_LEVEL: 'info' })).toBe('info')
  })

  it('blanks secrets handed to it by mistake, up to two levels down', () => {
    const before = text.length
    rootLogger().info({ password: PASSWORD, form: { newPassword: NEW_PASSWORD, file: { content: FILE_MARKER } }, headers: { cookie: 'session=x' } }, 'mistake')
    const line = JSON.parse(text.slice(before).trim()) as Record<string, unknown>
    expect(line).toMatchObject({ password: '[redacted]', form: { newPassword: '[redacted]', file: { content: '[redacted]' } }, headers: { cookie: '[redacted]' } })
  })
})
