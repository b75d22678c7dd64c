// Every download answers as its page does: each progress view × CSV and Excel × each kind of
// reader, through the route handler's whole work on a real PostgreSQL. The expected answers are
// written out by hand and checked against mayReadView, the rule the pages decide with (their
// redirect or notFound). A refused download answers like a missing one and is audited as a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mayReadView } from '@/lib/auth/permissions'
import { PROGRESS_VIEWS, type ProgressView } from '@/lib/auth/rules'
import type { Role } from '@/lib/auth/roles'
import type { CurrentUser } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { EXPORT_FORMATS } from './exports/paths'
import { exportDownload } from './exports/download'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T05:00:00Z')

const READERS = ['staff of Minh Cầm', 'staff of Nam Sơn', 'the member in charge of Minh Cầm', 'the Party Office', 'the administrator', 'someone not signed in'] as const
type Reader = (typeof READERS)[number]

const ALL: Record<ProgressView, boolean> = { overview: true, assignments: true, communes: true, members: true, tasks: true, units: true }
const NONE: Record<ProgressView, boolean> = { overview: false, assignments: false, communes: false, members: false, tasks: false, units: false }
/** Staff start from their unit: the district overview and its register are the leaders'. */
const STAFF: Record<ProgressView, boolean> = { ...ALL, overview: false, assignments: false }

/** Which views each reader gets, written out by hand. */
const READS: Record<Reader, Record<ProgressView, boolean>> = {
  'staff of Minh Cầm': STAFF,
  'staff of Nam Sơn': STAFF,
  'the member in charge of Minh Cầm': ALL,
  'the Party Office': ALL,
  'the administrator': ALL,
  'someone not signed in': NONE,
}

let users: Record<Reader, CurrentUser | null>
/** The path of each view's file, without its format: every coded view names something of Minh Cầm's. */
let paths: Record<ProgressView, (format: string) => string[]>

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const member = await make.member('Hoàng Văn An')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: member.id })
  const namSon = await make.unit({ name: 'Xã Nam Sơn' })
  const group = await make.group(member.id)
  const task = await make.task({ groupId: group.id })
  await make.assignment({ taskId: task.id, unitId: minhCam.id })
  await make.assignment({ taskId: task.id, unitId: namSon.id })
  const user = async (role: Role, unit: { id: string; code: string; name: string }, memberId: string | null = null): Promise<CurrentUser> => {
    const made = await make.user({ role, unitId: unit.id, memberId })
    return { id: made.id, username: made.id, displayName: made.displayName, role, unitId: unit.id, memberId, scopeUnitId: made.scopeUnitId, unit: { code: unit.code, name: unit.name } }
  }
  users = {
    'staff of Minh Cầm': await user('STAFF', minhCam),
    'staff of Nam Sơn': await user('STAFF', namSon),
    'the member in charge of Minh Cầm': await user('LEADER', district, member.id),
    'the Party Office': await user('OFFICE', await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })),
    'the administrator': await user('ADMIN', district),
    'someone not signed in': null,
  }
  paths = {
    overview: (format) => [`overview.${format}`],
    assignments: (format) => [`assignments.${format}`],
    communes: (format) => ['communes', `${minhCam.code}.${format}`],
    members: (format) => ['members', `${member.code}.${format}`],
    tasks: (format) => ['tasks', `${task.code}.${format}`],
    units: (format) => ['units', `${minhCam.code}.${format}`],
  }
})

afterAll(async () => {
  await db().$disconnect()
})

const audited = (actorId: string, action: string) => database.db.auditEvent.findMany({ where: { actorId, action }, orderBy: { id: 'asc' } })

describe('the rule written out by hand is the one the pages decide with', () => {
  for (const reader of READERS) {
    it(`${reader}: the pages show exactly the views listed for them`, () => {
      const user = users[reader]
      const pageShows = Object.fromEntries(PROGRESS_VIEWS.map((view) => [view, user !== null && mayReadView(user, view)]))
      expect(pageShows).toEqual(READS[reader])
    })
  }
})

describe('every download answers as its page does', () => {
  for (const reader of READERS) {
    for (const view of PROGRESS_VIEWS) {
      for (const format of EXPORT_FORMATS) {
        const reads = READS[reader][view]
        it(`${view} as ${format} for ${reader}: ${reads ? 'downloaded' : '404, like a missing file, and the refusal audited'}`, async () => {
          const user = users[reader]
          const path = paths[view](format)
          const before = user ? { made: (await audited(user.id, 'export.create')).length, refused: (await audited(user.id, 'export.create.refused')).length } : null
          const response = await exportDownload({ user, path, search: new URLSearchParams(), locale: 'vi', ip: '203.0.113.7', now: NOW })
          expect(response.status, path.join('/')).toBe(reads ? 200 : 404)
          // The page's own decision for the same user: the download and the page agree.
          expect(response.status === 200).toBe(user !== null && mayReadView(user, view))
          if (!reads) expect(await response.text()).toBe('Not found')
          else expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
          if (!user || !before) return
          const made = (await audited(user.id, 'export.create')).slice(before.made)
          const refused = (await audited(user.id, 'export.create.refused')).slice(before.refused)
          const code = path.length === 2 ? path[1]!.replace(/\.\w+$/, '') : null
          expect(made).toHaveLength(reads ? 1 : 0)
          expect(refused).toHaveLength(reads ? 0 : 1)
          expect([...made, ...refused][0]).toMatchObject({ entity: view, entityId: code, ip: '203.0.113.7', after: { format } })
        })
      }
    }
  }
})
