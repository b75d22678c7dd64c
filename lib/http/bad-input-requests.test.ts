// "Bad input", at the edge of the app: the 'use server' actions as the forms call them,
// and the route handlers as Next calls them, with forged and missing sessions and hostile paths
// and queries. Only Next's request plumbing is stood in for (headers, translations, revalidation,
// redirects) and Auth.js's reading of the cookie (`auth()`, which hands over the JWT's claims):
// the claims are forged here, and the app's own session check (lib/auth/session.ts) judges them
// against the real database.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { asSent, describe as shown, FUZZ_RUNS, HTML_FRAGMENTS, hostileForm, hostileSearch, hostileText, idText, type FieldSpec } from '@/test/helpers/arbitraries'
import { testDatabase } from '@/test/helpers/database'
import { factories, pdfFile } from '@/test/helpers/factories'
import { DAY_COUNTS, writeGuard, type Allowed } from '@/test/helpers/write-guard'

const request = vi.hoisted(() => ({ claims: null as unknown, headers: new Headers({ 'x-forwarded-for': '203.0.113.30' }) }))

vi.mock('@/lib/auth/auth', () => ({
  auth: async () => request.claims,
  signIn: async () => undefined,
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
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`)
  },
}))

// Imported after the stand-ins above (vi.mock is hoisted): the real actions and route handlers.
const actions = {
  ...(await import('@/lib/actions/status-update-action')),
  ...(await import('@/lib/actions/comment-action')),
  ...(await import('@/lib/actions/review-action')),
  ...(await import('@/lib/actions/password-action')),
  ...(await import('@/lib/actions/two-factor-action')),
  ...(await import('@/lib/actions/admin/admin-action')),
}
const { signInWithPassword } = await import('@/lib/actions/sign-in-action')
const exportsRoute = await import('@/app/exports/[...path]/route')
const attachmentsRoute = await import('@/app/attachments/[id]/route')
const templateRoute = await import('@/app/(app)/admin/import/template/route')
const reviewRoute = await import('@/app/reports/review/route')
const statusUpdatesRoute = await import('@/app/api/status-updates/route')

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
afterAll(() => guard.close())

type Session = { user: { id: string }; sessionId: string; sessionVersion: number }
const s = {} as {
  staff: Session
  leader: Session
  admin: Session
  ended: Session
  unitCode: string
  attachment: string
  periodCode: string
}

beforeAll(async () => {
  const d = database.db
  const member = await make.member()
  const unit = await make.unit({ inChargeMemberId: member.id })
  s.unitCode = unit.code
  const group = await make.group(member.id)
  const task = await make.task({ groupId: group.id })
  const assignment = await make.assignment({ taskId: task.id, unitId: unit.id })
  // A session that stands (seen "in the future", so no request moves it on), or one that has ended.
  const session = async (role: 'STAFF' | 'LEADER' | 'ADMIN', endedAt: Date | null = null): Promise<Session> => {
    const actor = await make.user({ role, unitId: unit.id, memberId: role === 'LEADER' ? member.id : null })
    const sessionId = randomUUID()
    await d.userSession.create({ data: { id: sessionId, userId: actor.id, createdAt: new Date(), lastSeenAt: new Date(Date.now() + 3_600_000), endedAt } })
    if (role === 'ADMIN') await d.user.update({ where: { id: actor.id }, data: { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() } })
    return { user: { id: actor.id }, sessionId, sessionVersion: 0 }
  }
  s.staff = await session('STAFF')
  s.leader = await session('LEADER')
  s.admin = await session('ADMIN')
  s.ended = await session('STAFF', new Date())
  const update = await d.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: s.staff.user.id, status: 'IN_PROGRESS', progress: 10 } })
  const file = pdfFile()
  s.attachment = (
    await d.attachment.create({
      data: { statusUpdateId: update.id, fileName: '<img src=x onerror=alert(1)>"; x.pdf', mediaType: 'application/pdf', byteSize: file.size, sha256: 'x', content: new Uint8Array(await file.arrayBuffer()) },
    })
  ).id
  s.periodCode = (await d.reportingPeriod.create({ data: { code: 'dot-1', name: 'Đợt 1', kind: 'INTERIM', startDate: new Date('2026-01-01'), endDate: new Date('2026-06-30') } })).code
})

/** Claims that name no standing session: none, malformed, ids of nothing, another's session, an ended one. */
const forgedClaims = fc.oneof(
  fc.constantFrom(null, undefined, {}, { user: {} }),
  fc.record({ user: fc.record({ id: fc.oneof(idText, hostileText) }), sessionId: fc.oneof(idText, hostileText), sessionVersion: fc.oneof(fc.integer(), fc.double(), hostileText) }, { requiredKeys: [] }),
  fc.constant(null).map(() => ({ ...s.staff, sessionId: randomUUID() })),
  fc.constant(null).map(() => ({ ...s.staff, user: { id: s.leader.user.id } })),
  fc.constant(null).map(() => ({ ...s.ended })),
  fc.constant(null).map(() => ({ ...s.admin, sessionVersion: 'x' })),
)

/** Any field the forms have, with any value: the session is what must refuse them. */
const anyForm = hostileForm(
  Object.fromEntries(
    ['assignmentId', 'baseVersion', 'submissionKey', 'status', 'progress', 'note', 'body', 'updateId', 'decision', 'reason', 'id', 'code', 'name', 'kind', 'code', 'currentPassword', 'newPassword', 'confirmPassword', 'entity', 'active', 'taskId', 'target', 'intent', 'content'].map(
      (name): [string, FieldSpec] => [name, { good: hostileText, bad: hostileText }],
    ),
  ),
)

/** The form actions, each answering a state with `kind`; all of them read the session first. */
const FORM_ACTIONS = Object.entries(actions).filter(([name]) => !['startTwoFactorEnrolment'].includes(name)) as [string, (previous: never, form: FormData) => Promise<{ kind: string }>][]

describe('the form actions without a standing session', () => {
  test(`${FORM_ACTIONS.length} actions, ${FUZZ_RUNS * 2} forged or missing sessions with hostile forms: each is refused and nothing is written`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORM_ACTIONS), forgedClaims, anyForm, async ([name, action], claims, { form }) => {
        request.claims = claims
        const state = await guard.check(() => action({ kind: 'idle' } as never, form), { name, claims, form }, { audit: /^$/ })
        expect(state.kind, `${name} answered ${JSON.stringify(state).slice(0, 200)}`).toBe('refused')
      }),
      { numRuns: FUZZ_RUNS * 2 },
    )
  })

  test('starting two-factor enrolment without a session changes nothing', async () => {
    const { startTwoFactorEnrolment } = actions
    await fc.assert(
      fc.asyncProperty(forgedClaims, async (claims) => {
        request.claims = claims
        await guard.check(() => startTwoFactorEnrolment(), { claims }, { audit: /^$/ })
      }),
      { numRuns: 100 },
    )
  })
})

describe('the sign-in form (signInWithPassword), which needs no session', () => {
  const WRONG_GUESS: Allowed = { tables: ['SignInFailure', 'SignInLock'], audit: /^auth\.(sign_in_failed|locked_out)$/ }
  const spec: Record<string, FieldSpec> = {
    username: { good: fc.constant(null).map(() => 'staff'), bad: hostileText },
    password: { good: hostileText, bad: hostileText },
    challenge: { good: fc.constant(undefined), bad: hostileText },
    code: { good: fc.constant(undefined), bad: hostileText },
  }
  test(`${FUZZ_RUNS} hostile sign-ins answer a message and write only the throttle's rows`, async () => {
    request.claims = null
    await fc.assert(
      fc.asyncProperty(hostileForm(spec), async ({ form }) => {
        const state = await guard.check(() => signInWithPassword({ username: '' }, form), form, WRONG_GUESS)
        expect(state.error ?? state.fieldErrors?.username ?? state.fieldErrors?.password ?? state.fieldErrors?.code, `answer ${JSON.stringify(state)} for ${shown(form)}`).toBeTruthy()
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

/** A session that stands (staff, leader, administrator), or one that does not. */
const anyClaims = fc.oneof(fc.constant(null).map(() => s.staff), fc.constant(null).map(() => s.leader), fc.constant(null).map(() => s.admin), forgedClaims)

/**
 * What a route handler's answer must be: a download the user may have, or the plain 404 (which
 * repeats nothing of the request). A download's name is the app's own ASCII name (`ownName`), or
 * a stored file name made safe for the header.
 */
async function expectSafeAnswer(response: Response, input: unknown, { ownName = true } = {}) {
  expect([200, 404], `status ${response.status} for ${shown(input)}`).toContain(response.status)
  if (response.status === 404) {
    expect(await response.text()).toBe('Not found')
    return
  }
  const disposition = response.headers.get('content-disposition')
  if (ownName) expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/)
  else expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%!._~-]*)?$/)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  await response.arrayBuffer()
}

describe('the route handlers', () => {
  // A download is audited (and a refused report too); reading may recount the day's progress counts.
  const DOWNLOADS: Allowed = { tables: DAY_COUNTS, audit: /^(export\.create|export\.create\.refused|report\.create|report\.create\.refused)$/ }

  test(`status reports with files: ${FUZZ_RUNS} forged or missing sessions with hostile forms, some from another site, are refused and nothing is written`, async () => {
    await fc.assert(
      fc.asyncProperty(forgedClaims, anyForm, fc.constantFrom(null, 'http://localhost', 'https://evil.example', 'null'), async (claims, { form }, origin) => {
        request.claims = claims
        const headers = new Headers({ host: 'localhost' })
        if (origin !== null) headers.set('origin', origin)
        const post = new Request('http://localhost/api/status-updates', { method: 'POST', body: form, headers })
        const response = await guard.check(() => statusUpdatesRoute.POST(post), { claims, form, origin }, { audit: /^$/ })
        if (origin === null || origin === 'http://localhost') expect(await response.json()).toMatchObject({ kind: 'refused' })
        else expect(response.status).toBe(404)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('status reports with files: a body that is not a form, or one too large to be a report, is refused before it is read', async () => {
    request.claims = s.staff
    const post = (body: string, headers: Record<string, string>) => statusUpdatesRoute.POST(new Request('http://localhost/api/status-updates', { method: 'POST', body, headers: { host: 'localhost', ...headers } }))
    expect((await guard.check(() => post('<script>alert(1)</script>', { 'content-type': 'text/html' }), {}, { audit: /^$/ })).status).toBe(400)
    expect((await guard.check(() => post('x', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * 1024 * 1024) }), {}, { audit: /^$/ })).status).toBe(413)
  })

  test(`exports: ${FUZZ_RUNS} hostile paths and queries answer a download or the plain 404`, async () => {
    const segment = fc.oneof(hostileText.map(asSent), fc.constantFrom('overview.csv', 'assignments.csv', 'communes', 'members', 'tasks', 'units'), hostileText.map((t) => `${asSent(t).replaceAll('/', '')}.csv`))
    const path = fc.oneof(fc.array(segment, { maxLength: 3 }), fc.constant(null).map(() => ['units', `${s.unitCode}.csv`]), fc.constant(null).map(() => ['communes', `${s.unitCode}.csv`]))
    await fc.assert(
      fc.asyncProperty(anyClaims, path, hostileSearch(['asOf', 'status', 'group', 'sort']), async (claims, segments, search) => {
        request.claims = claims
        const url = `http://localhost/exports/${segments.map(encodeURIComponent).join('/')}?${search}`
        const response = await guard.check(() => exportsRoute.GET(new NextRequest(url), { params: Promise.resolve({ path: segments }) }), { claims, segments, search }, DOWNLOADS)
        await expectSafeAnswer(response, { segments, search })
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test(`evidence downloads: ${FUZZ_RUNS} hostile ids answer the plain 404; the real file downloads with a safe name`, async () => {
    const id = fc.oneof(idText, hostileText.map(asSent), fc.constant(null).map(() => s.attachment))
    await fc.assert(
      fc.asyncProperty(anyClaims, id, async (claims, attachmentId) => {
        request.claims = claims
        const response = await guard.check(() => attachmentsRoute.GET(new Request('http://localhost/attachments/x'), { params: Promise.resolve({ id: attachmentId }) }), { claims, attachmentId }, { audit: /^$/ })
        await expectSafeAnswer(response, { attachmentId }, { ownName: false })
        // The quote cannot end the name early: it is replaced in the ASCII name and percent-encoded in the UTF-8 one.
        if (response.status === 200) expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="<img src=x onerror=alert\(1\)>_; x\.pdf"; filename\*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%22%3B%20x\.pdf$/)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test(`import templates: ${FUZZ_RUNS} hostile queries answer the plain 404 unless an administrator asks for a real template`, async () => {
    await fc.assert(
      fc.asyncProperty(anyClaims, hostileSearch(['kind', 'format']), async (claims, search) => {
        request.claims = claims
        const response = await guard.check(() => templateRoute.GET(new Request(`http://localhost/admin/import/template?${search}`)), { claims, search }, { audit: /^$/ })
        await expectSafeAnswer(response, { search })
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test(`the review report: ${FUZZ_RUNS} hostile queries answer the plain 404 or the report, out-of-range days included`, async () => {
    const query = fc.oneof(
      hostileSearch(['period', 'format', 'from', 'to', 'kind']),
      fc
        .tuple(fc.constantFrom('docx', 'pdf', 'html', ''), fc.oneof(fc.constant(null).map(() => s.periodCode), hostileText.map(asSent)), fc.constantFrom('0000-01-01', '9999-12-31', '2026-02-30', '2026-12-31', '1900-01-01', ''))
        .map(([format, period, day]) => new URLSearchParams({ format, period, from: day, to: day })),
    )
    await fc.assert(
      fc.asyncProperty(anyClaims, query, async (claims, search) => {
        request.claims = claims
        const response = await guard.check(() => reviewRoute.GET(new Request(`http://localhost/reports/review?${search}`)), { claims, search }, DOWNLOADS)
        await expectSafeAnswer(response, { search })
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

test('the stand-ins let a standing session through (so the refusals above are the forgeries\' doing)', async () => {
  request.claims = s.staff
  const form = new FormData()
  form.append('body', HTML_FRAGMENTS[0])
  form.append('assignmentId', randomUUID())
  expect(await actions.postComment({ kind: 'idle' }, form)).toMatchObject({ kind: 'refused', body: HTML_FRAGMENTS[0] })
  expect((await database.db.auditEvent.findFirstOrThrow({ where: { action: 'comment.create.refused' }, orderBy: { id: 'desc' } })).actorId).toBe(s.staff.user.id)
})
