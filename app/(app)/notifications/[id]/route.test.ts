// Opening an entry of "Việc cần xử lý" through its route, as Next calls it: only Auth.js's reading of
// the cookie and Next's request headers are stood in for; the session check and the database are real.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test, vi } from 'vitest'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'

const request = vi.hoisted(() => ({ claims: null as unknown }))

vi.mock('@/lib/auth/auth', () => ({ auth: async () => request.claims, signIn: async () => undefined, signOut: async () => undefined }))
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined }) }))

const { GET } = await import('./route')

const database = testDatabase()
const make = factories(() => database.db)

let own: string
let others: string
let notYetShown: string
let target: string
let claims: unknown

beforeAll(async () => {
  const unit = await make.unit({ name: 'Xã Minh Cầm' })
  const task = await make.task({ groupId: (await make.group()).id })
  const assignment = await make.assignment({ taskId: task.id, unitId: unit.id })
  const reader = await make.user({ role: 'STAFF', unitId: unit.id })
  const other = await make.user({ role: 'STAFF', unitId: unit.id })
  const update = await database.db.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: other.id, status: 'IN_PROGRESS', progress: 40 } })
  const row = (recipientId: string, showFrom = new Date(Date.now() - 60_000)) =>
    database.db.notification.create({ data: { recipientId, kind: 'REPORT_RETURNED', assignmentId: assignment.id, statusUpdateId: update.id, actorId: other.id, createdAt: new Date(), showFrom } })
  own = (await row(reader.id)).id
  others = (await row(other.id)).id
  notYetShown = (await row(reader.id, new Date(Date.now() + 86_400_000))).id
  target = `/units/${unit.code}/tasks/${task.code}#update-${update.id}`
  const sessionId = randomUUID()
  await database.db.userSession.create({ data: { id: sessionId, userId: reader.id, createdAt: new Date(), lastSeenAt: new Date() } })
  claims = { user: { id: reader.id }, sessionId, sessionVersion: 0 }
})

const open = (id: string) => GET(new Request(`http://localhost/notifications/${id}`), { params: Promise.resolve({ id }) })
const readAt = async (id: string) => (await database.db.notification.findUniqueOrThrow({ where: { id } })).readAt

test("the reader's own row: marked read, and a 303 to the report in the assignment's history", async () => {
  request.claims = claims
  const response = await open(own)
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toBe(target)
  expect(await readAt(own)).not.toBeNull()
})

test("someone else's row, one not yet shown, a missing id and a malformed one: the plain 404, nothing marked", async () => {
  request.claims = claims
  for (const id of [others, notYetShown, randomUUID(), 'x"><script>', '']) {
    const response = await open(id)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found')
  }
  expect(await readAt(others)).toBeNull()
  expect(await readAt(notYetShown)).toBeNull()
})

test('signed out: to the login page, whatever the id, and nothing marked', async () => {
  request.claims = null
  for (const id of [others, randomUUID()]) {
    const response = await open(id)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
  }
  expect(await readAt(others)).toBeNull()
})
