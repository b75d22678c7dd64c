// Every form's action, and the pages, with the database out of reach (DATABASE_URL on a port
// nothing listens on): each form answers "not saved" with what was typed, never an error that
// would replace the page; a page is sent to the 503 page. Next.js and Auth.js are stood in for, as
// in lib/http/bad-input-requests.test.ts; the database is real, only absent.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { freePort } from '@/scripts/lib/network'
import vi_unavailable from '@/messages/vi/unavailable.json'
import vi_login from '@/messages/vi/login.json'

const request = vi.hoisted(() => ({ claims: null as unknown, headers: new Headers({ 'x-forwarded-for': '203.0.113.31' }) }))

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

const { saveStatusUpdate } = await import('@/lib/actions/status-update-action')
const { postComment } = await import('@/lib/actions/comment-action')
const { reviewStatusUpdate } = await import('@/lib/actions/review-action')
const { savePassword } = await import('@/lib/actions/password-action')
const { confirmTwoFactor } = await import('@/lib/actions/two-factor-action')
const { saveUnitAction, resetPasswordAction, importAction } = await import('@/lib/actions/admin/admin-action')
const { signInWithPassword, signOutAndLeave } = await import('@/lib/actions/sign-in-action')
const { signOutEverywhereAndLeave } = await import('@/lib/actions/account-action')
const { startTwoFactorEnrolment } = await import('@/lib/actions/two-factor-action')
const { requireUser } = await import('@/lib/auth/session')
const { GET: unavailablePage } = await import('@/app/unavailable/route')
const downloads = {
  exports: (await import('@/app/exports/[...path]/route')).GET,
  attachments: (await import('@/app/attachments/[id]/route')).GET,
  importTemplate: (await import('@/app/(app)/admin/import/template/route')).GET,
  reviewReport: (await import('@/app/reports/review/route')).GET,
}

const NOT_SAVED = vi_unavailable.notSaved

beforeAll(async () => {
  // Free a moment ago, so nothing listens there: every connection is refused, as with a stopped server.
  process.env.DATABASE_URL = `postgresql://postgres:x@127.0.0.1:${await freePort()}/gone`
  request.claims = { user: { id: randomUUID() }, sessionId: randomUUID(), sessionVersion: 1 }
})

const formOf = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  return form
}

describe('with the database out of reach', () => {
  it('the status report answers not saved, with every value as typed', async () => {
    const typed = { status: 'IN_PROGRESS', progress: '70', indicatorActual: '3,5', note: 'Đang rà soát lại các lớp ghép.', onBehalfVia: 'PAPER' }
    const form = formOf({ ...typed, assignmentId: randomUUID(), baseVersion: '1', submissionKey: randomUUID() })
    expect(await saveStatusUpdate({ kind: 'idle' }, form)).toEqual({ kind: 'unavailable', message: NOT_SAVED, values: typed })
  })

  it('a question, a review, a password change and a two-factor code answer not saved, keeping what they keep', async () => {
    expect(await postComment({ kind: 'idle' }, formOf({ assignmentId: randomUUID(), body: 'Xin hướng dẫn thêm?' }))).toEqual({
      kind: 'refused',
      message: NOT_SAVED,
      body: 'Xin hướng dẫn thêm?',
    })
    expect(await reviewStatusUpdate({ kind: 'idle' }, formOf({ updateId: randomUUID(), decision: 'RETURN', reason: 'Bổ sung số liệu.' }))).toEqual({
      kind: 'refused',
      message: NOT_SAVED,
      reason: 'Bổ sung số liệu.',
    })
    expect(await savePassword({ kind: 'idle' }, formOf({ current: 'a', next: 'b', confirm: 'b' }))).toEqual({ kind: 'refused', message: NOT_SAVED })
    expect(await confirmTwoFactor({ kind: 'idle' }, formOf({ code: '123456' }))).toEqual({ kind: 'refused', message: NOT_SAVED })
  })

  it('the administration forms answer not saved, with the fields as typed but never a password', async () => {
    expect(await saveUnitAction({ kind: 'idle' }, formOf({ code: 'xa-moi', name: 'Xã Mới', password: 'secret' }))).toEqual({
      kind: 'refused',
      message: NOT_SAVED,
      values: { code: 'xa-moi', name: 'Xã Mới' },
    })
    expect(await resetPasswordAction({ kind: 'idle' }, formOf({ id: randomUUID() }))).toEqual({ kind: 'refused', message: NOT_SAVED, values: {} })
    expect(await importAction({ kind: 'idle' }, formOf({ kind: 'units', intent: 'check' }))).toEqual({
      kind: 'refused',
      message: NOT_SAVED,
      fieldErrors: {},
      importKind: 'units',
    })
  })

  it('signing in answers that it is not possible right now, keeping the name', async () => {
    expect(await signInWithPassword({ username: '' }, formOf({ username: 'minh-cam', password: 'bache-demo-2026' }))).toEqual({
      username: 'minh-cam',
      error: vi_login.unavailable,
    })
  })

  it('a page is sent to the temporarily unavailable page, which answers 503 in Vietnamese', async () => {
    await expect(requireUser()).rejects.toThrow('redirect /unavailable')
    const response = await unavailablePage()
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toContain('<html lang="vi">')
    expect(html).toContain(vi_unavailable.title)
  })

  it('the downloads answer the same 503 page, not an error', async () => {
    const { NextRequest } = await import('next/server')
    const answers = await Promise.all([
      downloads.exports(new NextRequest('http://localhost/exports/overview.csv'), { params: Promise.resolve({ path: ['overview.csv'] }) }),
      downloads.attachments(new Request('http://localhost/attachments/x'), { params: Promise.resolve({ id: randomUUID() }) }),
      downloads.importTemplate(new Request('http://localhost/admin/import/template?kind=tasks&format=xlsx')),
      downloads.reviewReport(new Request('http://localhost/reports/review?period=dot-1&format=docx')),
    ])
    for (const response of answers) {
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('30')
      expect(await response.text()).toContain(vi_unavailable.title)
    }
  })

  it('the buttons with nothing typed (sign out, sign out everywhere, start two-factor) send the browser to the 503 page, not an error', async () => {
    for (const press of [signOutAndLeave, signOutEverywhereAndLeave, startTwoFactorEnrolment]) await expect(press()).rejects.toThrow('redirect /unavailable')
  })
})
