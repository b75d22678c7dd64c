// The progress pages' sections kept across readers as HTML (lib/queries/kept-html.ts, keyed by the
// state of the data, lib/db/snapshot-cache.ts), against two production servers on one database, as
// two instances behind a balancer run: a report saved through one shows on the other's next page,
// however often that page was read before; readers of two subtrees never get each other's
// sections, nor readers of one subtree each other's reports; and nobody but the app itself is
// answered by the page that renders a section. Needs the production build (npm test makes it).
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '@/lib/auth/password'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'
import type { CacheCounts } from '@/lib/db/snapshot-cache'
import { startNextServer, type NextServer } from '@/scripts/lib/next-server'
import { createTestDatabase } from '@/test/helpers/database'
import { postSignIn } from '@/test/helpers/sign-in'

const PASSWORD = 'Thu-nghiem-cache-1'

async function signIn(server: NextServer, username: string): Promise<string> {
  const answer = await postSignIn(server.base, username, PASSWORD)
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='))?.split(';')[0]
  if (!cookie) throw new Error(`${username} could not sign in`)
  return cookie
}

/** Saves a report on the assignment through the server's upload route, as the report form sends it. */
async function saveReport(server: NextServer, cookie: string, db: PrismaClient, assignmentId: string, report: { progress: number; note: string }): Promise<void> {
  const { version } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { version: true } })
  const form = new FormData()
  for (const [name, value] of Object.entries({ assignmentId, baseVersion: String(version), submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: String(report.progress), note: report.note })) form.append(name, value)
  const saved = await fetch(`${server.base}/api/status-updates`, { method: 'POST', body: form, headers: { cookie, origin: server.base } })
  expect(saved.status).toBe(200)
}

async function page(server: NextServer, cookie: string, path: string): Promise<string> {
  const answer = await fetch(`${server.base}${path}`, { headers: { cookie }, redirect: 'manual' })
  expect(answer.status).toBe(200)
  return answer.text()
}

describe('pages kept across readers', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let db: PrismaClient
  let countsDir: string
  // Two instances of the app on one database, each counting its caches into its own file when it stops.
  const servers: NextServer[] = []
  const countsFiles: string[] = []
  const communes = { north: { code: 'xa-bac-son', name: 'Xã Bắc Sơn' }, south: { code: 'xa-nam-son', name: 'Xã Nam Sơn' } }
  let assignmentId = ''
  // A second commune of the north's district: its clerk and Bắc Sơn's read one subtree.
  let neighbourAssignmentId = ''

  beforeAll(async () => {
    database = await createTestDatabase()
    db = createPrismaClient(database.url)
    const passwordHash = await hashPassword(PASSWORD)
    const province = await db.unit.create({ data: { code: 'tinh-thu', name: 'Tỉnh thử nghiệm', kind: 'PROVINCE' } })
    const districts = await Promise.all(
      (['north', 'south'] as const).map(async (side) => {
        const district = await db.unit.create({ data: { code: `huyen-${side}`, name: `Huyện ${side}`, kind: 'DISTRICT', parentId: province.id } })
        const commune = await db.unit.create({
          data: { ...communes[side], kind: 'COMMUNE', parentId: district.id },
        })
        return { district, commune }
      }),
    )
    const group = await db.taskGroup.create({ data: { code: 'nhom-thu', name: 'Nhóm thử nghiệm' } })
    const task = await db.task.create({ data: { code: 'nhiem-vu-thu', groupId: group.id, title: 'Nhiệm vụ thử nghiệm', dueDate: new Date('2099-12-31'), scope: 'COMMUNE' } })
    const [north, south] = districts
    const neighbour = await db.unit.create({ data: { code: 'xa-dong-son', name: 'Xã Đông Sơn', kind: 'COMMUNE', parentId: north!.district.id } })
    const assignment = await db.assignment.create({ data: { taskId: task.id, unitId: north!.commune.id } })
    await db.assignment.create({ data: { taskId: task.id, unitId: south!.commune.id } })
    assignmentId = assignment.id
    neighbourAssignmentId = (await db.assignment.create({ data: { taskId: task.id, unitId: neighbour.id } })).id
    await db.user.createMany({
      data: [
        { username: 'lanh-dao-tinh', displayName: 'Lãnh đạo tỉnh', passwordHash, role: 'LEADER', unitId: province.id },
        { username: 'lanh-dao-bac', displayName: 'Lãnh đạo huyện Bắc', passwordHash, role: 'LEADER', unitId: north!.district.id },
        { username: 'lanh-dao-nam', displayName: 'Lãnh đạo huyện Nam', passwordHash, role: 'LEADER', unitId: south!.district.id },
        { username: 'can-bo-bac-son', displayName: 'Cán bộ Bắc Sơn', passwordHash, role: 'STAFF', unitId: north!.commune.id },
        { username: 'can-bo-dong-son', displayName: 'Cán bộ Đông Sơn', passwordHash, role: 'STAFF', unitId: neighbour.id },
      ],
    })
    countsDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-page-cache-'))
    for (const name of ['a', 'b']) {
      countsFiles.push(path.join(countsDir, `${name}.json`))
      // The server reads it from the environment it inherits at its start.
      process.env.SNAPSHOT_CACHE_COUNTS_FILE = countsFiles.at(-1)
      servers.push(await startNextServer(database.url))
    }
    delete process.env.SNAPSHOT_CACHE_COUNTS_FILE
  }, 600_000)

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await db?.$disconnect()
    await database?.drop()
    if (countsDir) await rm(countsDir, { recursive: true, force: true })
  })

  /** Stops the servers (which writes their counts) and returns each one's. */
  async function countsAfterStop(): Promise<Record<string, CacheCounts>[]> {
    await Promise.all(servers.splice(0).map((server) => server.stop()))
    return Promise.all(countsFiles.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as Record<string, CacheCounts>))
  }

  test('a report saved through one instance shows on the next page the other serves, after many readings of the old one', async () => {
    const [a, b] = servers as [NextServer, NextServer]
    const leader = await signIn(b, 'lanh-dao-tinh')
    const communePage = `/communes/${communes.north.code}`
    // Read and kept on b: every reading after the first is served what was kept.
    for (let i = 0; i < 5; i++) expect(await page(b, leader, communePage)).not.toContain('37%')

    const staff = await signIn(a, 'can-bo-bac-son')
    await saveReport(a, staff, db, assignmentId, { progress: 37, note: 'Đã làm một phần' })
    expect(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progress: true } })).toEqual({ progress: 37 })

    expect(await page(b, leader, communePage)).toContain('37%')
  })

  test('readers of two subtrees, one instance, reading in turns: each gets the sections of their own', async () => {
    const [a] = servers as [NextServer]
    const north = await signIn(a, 'lanh-dao-bac')
    const south = await signIn(a, 'lanh-dao-nam')
    for (let i = 0; i < 3; i++) {
      const [northPage, southPage] = await Promise.all([page(a, north, '/'), page(a, south, '/')])
      expect(northPage).toContain(communes.north.name)
      expect(northPage).not.toContain(communes.south.name)
      expect(southPage).toContain(communes.south.name)
      expect(southPage).not.toContain(communes.north.name)
    }
    // The other subtree's commune is not found, kept sections or not.
    expect((await fetch(`${a.base}/communes/${communes.south.code}`, { headers: { cookie: north }, redirect: 'manual' })).status).toBe(404)
  })

  test("two clerks of one subtree reading a task's page in turns: each gets the latest reports of their own commune, never the other's", async () => {
    const [a] = servers as [NextServer]
    const [bacSon, dongSon] = await Promise.all([signIn(a, 'can-bo-bac-son'), signIn(a, 'can-bo-dong-son')])
    const notes = { bacSon: 'Bắc Sơn đã rà soát thôn', dongSon: 'Đông Sơn đã họp dân' }
    await saveReport(a, bacSon, db, assignmentId, { progress: 40, note: notes.bacSon })
    await saveReport(a, dongSon, db, neighbourAssignmentId, { progress: 20, note: notes.dongSon })
    for (let i = 0; i < 3; i++) {
      const [bacSonPage, dongSonPage] = await Promise.all([page(a, bacSon, '/tasks/nhiem-vu-thu'), page(a, dongSon, '/tasks/nhiem-vu-thu')])
      expect(bacSonPage).toContain(notes.bacSon)
      expect(bacSonPage).not.toContain(notes.dongSon)
      expect(dongSonPage).toContain(notes.dongSon)
      expect(dongSonPage).not.toContain(notes.bacSon)
    }
  })

  test("the page that renders a section for the app answers nobody else: without the app's token, or with another, it is not found and shows nothing", async () => {
    const [a] = servers as [NextServer]
    const key = JSON.stringify({ snapshot: '', locale: 'vi', today: '2026-12-07', asked: null, scopeUnitId: null })
    for (const headers of [{}, { 'x-self-request-token': 'doan-thu' }] as Record<string, string>[]) {
      const answer = await fetch(`${a.base}/kept-sections/overview?${new URLSearchParams({ key })}`, { headers, redirect: 'manual' })
      expect(answer.status).toBe(404)
      const text = await answer.text()
      expect(text).not.toContain(communes.north.name)
      expect(text).not.toContain('id="kept-section"')
    }
  })

  test('the sections were kept: fewer renders than readings on each instance', async () => {
    const [a, b] = await countsAfterStop()
    console.info('instance a', a, 'instance b', b)
    // b read the commune's page 6 times over two states of the data (the snapshot also moves with
    // other writes to the database's server, hence no exact count).
    expect(b!['commune sections']!.asked).toBe(6)
    expect(b!['commune sections']!.computed).toBeLessThan(6)
    expect(a!['overview sections']!.asked).toBe(6)
    expect(a!['overview sections']!.computed).toBeLessThan(6)
    // Two clerks read the task's page three times each: their latest reports twice, at most.
    expect(a!['task-reports sections']!.asked).toBe(6)
    expect(a!['task-reports sections']!.computed).toBeLessThan(6)
  })
})
