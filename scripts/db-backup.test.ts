// npm run db:backup and db:restore as the operator runs them on the zero-config install: no
// DATABASE_URL, the embedded PostgreSQL of DATA_DIR started as `npm start` starts it, with the demo
// data, and the pg_dump and pg_restore of its version found on the machine (Debian's
// postgresql-client-15). Backup → change → restore: the reports, every row and every evidence
// file's bytes are as they were at the backup.
import { randomUUID } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import type { CurrentUser } from '@/lib/auth/session'
import { DEFAULT_DEMO_PASSWORD } from '@/lib/config/env'
import { db } from '@/lib/db'
import { createPrismaClient } from '@/lib/db/client'
import { withConnection } from '@/lib/db/connection'
import { embeddedMajor, runningServerPort } from '@/lib/db/embedded'
import { progressByGroup } from '@/lib/queries/district-overview'
import { fromKeptCounts } from '@/lib/queries/progress-source'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { exportDownload } from '@/lib/reports/exports/download'
import { reviewReportData } from '@/lib/reports/review-report'
import { seedDemoData } from '@/prisma/seed-demo'
import { formData, pdfFile, pngFile } from '@/test/helpers/factories'
import { at } from '@/test/helpers/review-report-fixture'
import { EMBEDDED_DATABASE, startEmbeddedAppDatabase } from './lib/app-database'
import { serverMajor } from './lib/pg-tools'
import { migrateDeploy } from './lib/prisma-cli'
import { runQuietly } from './lib/process'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { fullReader } from '@/test/helpers/reader'
import { actorOf, type Actor } from '@/lib/auth/permissions'

const TODAY = '2026-07-15'
const NOW = at(TODAY, '17:00')

let tempDir: string
let dataDir: string
let backupDir: string
let server: { url: string; stop(): Promise<void> } | undefined
let port: number
let leader: CurrentUser
let staff: Actor

/** `npm run db:backup` / `db:restore` with the settings of a plain `npm start`: no DATABASE_URL. */
function npmRun(script: 'db:backup' | 'db:restore', args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, BACKUP_DIR: backupDir }
  for (const name of ['DATABASE_URL', 'PG_BIN_DIR']) delete env[name]
  return runQuietly('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { env })
}

/** The app as `npm start` runs it, on the same port each time so that db() finds it again. */
async function startApp(): Promise<void> {
  server = await startEmbeddedAppDatabase(dataDir, port)
}
async function stopApp(): Promise<void> {
  await server?.stop()
  server = undefined
}

/** Every table's rows, each table as one digest: equal digests, equal data. */
async function fingerprint(): Promise<Record<string, string>> {
  return withConnection(process.env.DATABASE_URL!, async (client) => {
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

/** The evidence files as the download route reads them: name, type and bytes. */
const evidence = () => db().attachment.findMany({ orderBy: { id: 'asc' }, select: { id: true, fileName: true, mediaType: true, content: true } })

/** The figures the office reports from: today's overview, each period's review report, the overview CSV. */
async function reports() {
  const periods = await reportingPeriods(fullReader)
  const csv = await exportDownload({ user: leader, path: ['overview.csv'], search: new URLSearchParams(), locale: 'vi', ip: null, now: NOW })
  return {
    overview: await progressByGroup(fromKeptCounts(TODAY), null),
    reviewReports: await Promise.all(periods.map((period) => reviewReportData(fullReader, period, NOW))),
    csv: await csv.text(),
  }
}

async function report(fields: Record<string, string | File>) {
  const assignment = await db().assignment.findFirstOrThrow({ where: { unitId: staff.unitId, status: { in: ['NOT_STARTED', 'IN_PROGRESS'] } }, orderBy: { id: 'asc' } })
  const form = formData({ assignmentId: assignment.id, baseVersion: String(assignment.version), submissionKey: randomUUID(), ...fields })
  const result = await recordStatusUpdate({ actor: staff, now: NOW, ip: '203.0.113.7' }, readStatusUpdateForm(form).input)
  expect(result.kind).toBe('saved')
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-backup-'))
  await chmod(tempDir, 0o755) // PostgreSQL runs as the user `postgres` when we are root
  dataDir = path.join(tempDir, 'data')
  backupDir = path.join(tempDir, 'backups')
  await mkdir(backupDir)

  // As `npm start` does on its first run: the server, the database, migrations, the demo data.
  await startApp()
  port = Number(new URL(server!.url).port)
  await migrateDeploy(server!.url)
  const seeding = createPrismaClient(server!.url)
  await seedDemoData(seeding, { password: DEFAULT_DEMO_PASSWORD, today: at(TODAY) })
  await seeding.$disconnect()
  process.env.DATABASE_URL = server!.url // db() and the report builders read this database

  const found = await db().user.findUniqueOrThrow({
    where: { username: 'bi-thu' },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, memberId: true, unit: { select: { code: true, name: true } } },
  })
  leader = { ...found, scopeUnitId: (await actorOf(found.id)).scopeUnitId }
  const clerk = await db().user.findFirstOrThrow({
    where: { role: 'STAFF', active: true, unit: { kind: 'COMMUNE', assignments: { some: { status: { in: ['NOT_STARTED', 'IN_PROGRESS'] } } } } },
    orderBy: { username: 'asc' },
  })
  staff = await actorOf(clerk.id)
  // A report with an evidence file before the backup: history, audit and file rows to get back.
  await report({ status: 'IN_PROGRESS', progress: '30', note: 'Đã họp thôn', files: pngFile() })
}, 240_000)

afterAll(async () => {
  await db().$disconnect()
  await stopApp()
  await rm(tempDir, { recursive: true, force: true })
})

describe('backup, change, restore on the embedded database', () => {
  test('the server is the embedded PostgreSQL 15, in DATA_DIR', async () => {
    expect(await serverMajor(process.env.DATABASE_URL!)).toBe(15)
    expect(await embeddedMajor()).toBe(15)
    expect(await runningServerPort(path.join(dataDir, 'pg'))).toBe(port)
  })

  test('the reports, every row and every evidence file are as they were at the backup', async () => {
    const before = await reports()
    const rowsBefore = await fingerprint()
    const filesBefore = await evidence()
    expect(filesBefore).toHaveLength(1)

    // While the app runs, as a nightly cron job would.
    const backup = await npmRun('db:backup', [])
    expect(backup.code, backup.output).toBe(0)
    const file = backup.output.trim()
    expect(path.dirname(file)).toBe(backupDir)
    expect(path.basename(file)).toMatch(new RegExp(`^${EMBEDDED_DATABASE}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.dump$`))

    // After the backup: two more reports through the action, one with a file, a renamed commune.
    await report({ status: 'BLOCKED', progress: '40', note: 'Thiếu kinh phí', files: pdfFile() })
    await report({ status: 'DONE', progress: '100', note: 'Đã xong' })
    await db().unit.update({ where: { id: staff.unitId }, data: { name: 'Xã đổi tên sau sao lưu' } })
    const changed = await reports()
    expect(changed.overview).not.toEqual(before.overview)
    expect(changed.csv).not.toEqual(before.csv)
    expect(changed.reviewReports).not.toEqual(before.reviewReports)
    expect(await evidence()).toHaveLength(2)

    // Stopped as the README says, restored (the script starts the server for the while), restarted.
    await stopApp()
    const restored = await npmRun('db:restore', [file])
    expect(restored.code, restored.output).toBe(0)
    expect(restored.output).toContain(`Restored ${file} into ${EMBEDDED_DATABASE}.`)
    expect(await runningServerPort(path.join(dataDir, 'pg'))).toBeNull()
    await startApp()

    expect(await fingerprint()).toEqual(rowsBefore)
    expect(await evidence()).toEqual(filesBefore)
    expect(await reports()).toEqual(before)

    // The database as it was just before the restore was kept, so the restore can be undone.
    const kept = (await readdir(backupDir)).filter((f) => f.endsWith('-before-restore.dump'))
    expect(kept).toHaveLength(1)
    expect(restored.output).toContain(path.join(backupDir, kept[0]!))
  })

  test('restore refuses without a file, and a file that is not a backup, changing nothing', async () => {
    const rows = await fingerprint()
    const bare = await npmRun('db:restore', [])
    expect(bare.code).toBe(2)
    expect(bare.output).toContain('Usage: npm run db:restore -- FILE')

    const notABackup = path.join(backupDir, 'not-a-backup.dump')
    await writeFile(notABackup, 'PGDMP but not really')
    const refused = await npmRun('db:restore', [notABackup])
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('is not a backup pg_restore can read')
    expect(await fingerprint()).toEqual(rows)
  })

  test('a backup never overwrites a file', async () => {
    const existing = path.join(backupDir, 'existing.dump')
    await writeFile(existing, 'keep me')
    const again = await npmRun('db:backup', [existing])
    expect(again.code).toBe(1)
    expect(again.output).toContain('already exists')
  })
})
