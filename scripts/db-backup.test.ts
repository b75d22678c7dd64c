// npm run db:backup and db:restore, run as the operator runs them, against a real PostgreSQL whose
// own pg_dump and pg_restore are installed: the reports after backup → change → restore are the
// reports before the change, and every row (history, audit, evidence files) is back, byte for byte.
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { CurrentUser } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { databaseUrl, withConnection } from '@/lib/db/connection'
import { progressByGroup } from '@/lib/queries/district-overview'
import { exportDownload } from '@/lib/reports/exports/download'
import { reviewReportData, type ReportRange } from '@/lib/reports/review-report'
import { formData, pngFile } from '@/test/helpers/factories'
import { hasServer, startInstalledPostgres, type InstalledServer } from '@/test/helpers/installed-postgres'
import { NOW, PERIOD_END, reviewFixture } from '@/test/helpers/review-report-fixture'
import { installedTools, serverMajor } from './lib/pg-tools'
import { migrateDeploy } from './lib/prisma-cli'
import { bin, runQuietly } from './lib/process'

let server: InstalledServer | undefined
let url: string
let backupDir: string
let fixture: Awaited<ReturnType<typeof reviewFixture>>
let leader: CurrentUser

/**
 * The test runner's server when this machine has its pg_dump; otherwise a server of an installed
 * version that has both the server and its tools. The embedded server comes without pg_dump.
 */
async function serverWithItsTools(): Promise<string> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests with `npm test`')
  const installed = await installedTools()
  const major = await serverMajor(adminUrl)
  if (installed.some((tools) => tools.major === major)) return adminUrl
  const local = installed.find((tools) => tools.dir && hasServer(tools.dir))
  if (!local?.dir)
    throw new Error(`No pg_dump ${major} here, and no installed PostgreSQL server with its own tools (apt-get install postgresql): found ${JSON.stringify(installed)}`)
  server = await startInstalledPostgres(local.dir)
  return server.adminUrl
}

const cli = (script: string, args: string[]) =>
  runQuietly(bin('tsx'), [path.join('scripts', script), ...args], { env: { ...process.env, DATABASE_URL: url, BACKUP_DIR: backupDir } })

/** Every table's rows, each table as one digest: equal digests, equal data. */
async function fingerprint(): Promise<Record<string, string>> {
  return withConnection(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    const digests: Record<string, string> = {}
    for (const { name } of tables) {
      const { rows } = await client.query<{ digest: string; n: number }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*)::int AS n FROM ${client.escapeIdentifier(name)} t`,
      )
      digests[name] = `${rows[0]!.n} rows ${rows[0]!.digest}`
    }
    return digests
  })
}

/** The figures the office reports from: today's overview, the review report, the overview CSV. */
async function reports() {
  const today = '2026-07-15'
  const interim: ReportRange = { code: 'so-ket-dot-1', name: 'Sơ kết đợt 1', kind: 'INTERIM', startDay: '2026-05-01', endDay: PERIOD_END }
  const toDate: ReportRange = { ...interim, endDay: today }
  const csv = await exportDownload({ user: leader, path: ['overview.csv'], search: new URLSearchParams(), locale: 'vi', ip: null, now: NOW })
  return {
    overview: await progressByGroup(today, null),
    interimReport: await reviewReportData(interim, NOW),
    reportToDate: await reviewReportData(toDate, NOW),
    csv: await csv.text(),
  }
}

const report = (assignmentId: string, baseVersion: number, fields: Record<string, string | File>) =>
  formData({ assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), ...fields })

beforeAll(async () => {
  const adminUrl = await serverWithItsTools()
  const name = `backup_${randomUUID().slice(0, 8)}`
  await withConnection(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  url = databaseUrl(adminUrl, name)
  await migrateDeploy(url)
  process.env.DATABASE_URL = url // db() and the report builders read this database
  backupDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-backups-'))

  fixture = await reviewFixture(db())
  const staff = { id: fixture.staff.id, role: 'STAFF' as const, unitId: fixture.dapThanh.id, memberId: null }
  // One saved report with an evidence file, through the action: history, audit and file rows.
  const posts = await db().assignment.findFirstOrThrow({ where: { unitId: fixture.dapThanh.id, status: 'NOT_STARTED', task: { code: 'kiem-nhiem' } } })
  const saved = await recordStatusUpdate({ actor: staff, now: NOW, ip: '203.0.113.7' }, report(posts.id, posts.version, { status: 'IN_PROGRESS', progress: '30', note: 'Đã họp thôn', files: pngFile() }))
  expect(saved.kind).toBe('saved')
  leader = { id: fixture.reviewer.id, username: 'bi-thu', displayName: 'Bí thư', role: 'LEADER', unitId: fixture.district.id, memberId: fixture.an.id, unit: { code: 'ba-che', name: 'Huyện Ba Chẽ' } }
}, 180_000)

afterAll(async () => {
  if (url) await db().$disconnect()
  if (server) await server.stop()
  else if (url) await withConnection(process.env.TEST_ADMIN_DATABASE_URL!, (c) => c.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`))
  await rm(backupDir, { recursive: true, force: true })
})

describe('backup, change, restore', () => {
  test('the reports and every row are as they were at the backup', async () => {
    const before = await reports()
    const rowsBefore = await fingerprint()
    expect(rowsBefore.Attachment).toMatch(/^1 rows/)

    const backup = await cli('db-backup.ts', [])
    expect(backup.code, backup.output).toBe(0)
    const file = backup.output.trim()
    expect(path.dirname(file)).toBe(backupDir)
    expect(path.basename(file)).toMatch(/^backup_\w+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/)

    // After the backup: a staff report through the action, a renamed commune, a new account.
    const staff = { id: fixture.staff.id, role: 'STAFF' as const, unitId: fixture.dapThanh.id, memberId: null }
    const merge = await db().assignment.findUniqueOrThrow({ where: { id: fixture.mergeDapThanh.id } })
    const changed = await recordStatusUpdate({ actor: staff, now: NOW, ip: '203.0.113.7' }, report(merge.id, merge.version, { status: 'BLOCKED', progress: '100', note: 'Phải làm lại' }))
    expect(changed.kind).toBe('saved')
    await withConnection(url, async (client) => {
      await client.query(`UPDATE "Unit" SET name = 'Xã Đạp Thanh (đổi tên)' WHERE id = $1`, [fixture.dapThanh.id])
      await client.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "updatedAt") VALUES (gen_random_uuid(), 'moi', 'Mới', 'x', 'STAFF', $1, now())`, [fixture.dapThanh.id])
    })
    const changedReports = await reports()
    expect(changedReports.overview).not.toEqual(before.overview)
    expect(changedReports.csv).not.toEqual(before.csv)
    expect(changedReports.reportToDate).not.toEqual(before.reportToDate)

    const restored = await cli('db-restore.ts', [file])
    expect(restored.code, restored.output).toBe(0)
    expect(restored.output).toContain(`Restored ${file}`)

    // Every table holds exactly the rows of the backup: the history and audit rows written since
    // are gone, those before are back, the evidence file with them.
    expect(await fingerprint()).toEqual(rowsBefore)
    expect(await reports()).toEqual(before)

    // The database as it was just before the restore was kept, and restores the change.
    const kept = (await readdir(backupDir)).filter((f) => f.endsWith('-before-restore.dump'))
    expect(kept).toHaveLength(1)
    expect(restored.output).toContain(path.join(backupDir, kept[0]!))
  })

  test('restore refuses without a file, and a file that is not a backup, changing nothing', async () => {
    const rows = await fingerprint()
    const bare = await cli('db-restore.ts', [])
    expect(bare.code).toBe(2)
    expect(bare.output).toContain('Usage: npm run db:restore -- FILE')

    const notABackup = path.join(backupDir, 'not-a-backup.dump')
    await writeFile(notABackup, 'PGDMP but not really')
    const refused = await cli('db-restore.ts', [notABackup])
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('is not a backup pg_restore can read')
    expect(await fingerprint()).toEqual(rows)
  })

  test('a backup never overwrites a file', async () => {
    const existing = path.join(backupDir, 'existing.dump')
    await writeFile(existing, 'keep me')
    const again = await cli('db-backup.ts', [existing])
    expect(again.code).toBe(1)
    expect(again.output).toContain('already exists')
  })
})
