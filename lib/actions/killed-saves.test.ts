// Faults: the app process is killed in the middle of saves. A separate Node process
// saves status reports with evidence files through the real core (test/helpers/saves-until-killed.ts)
// and is SIGKILLed at random moments, then started again, KILLS times. Afterwards every save it
// began is complete (history row, assignment moved on, files intact, audit event) or absent
// (nothing of it at all), and none it had been told was saved is missing.
//
// Evidence bytes live in the database (Attachment.content), written by the save's single SQL
// statement together with the rest: there is no file on disk that a kill could leave behind, so
// "absent" means no row of any kind. The test checks it by the rows themselves: no attachment
// without its history row, no history row without its audit event, and the reverse.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { districtDay } from '@/lib/domain/calendar'
import { progressCountsReady } from '@/lib/queries/progress-counts'
import { projectRoot } from '@/scripts/lib/process'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { keptCountDifferences, pageCountDifferences } from '@/test/helpers/progress-recount'
import type { SaverLine, SentFile } from '@/test/helpers/saves-until-killed'
import { seededRandom } from '@/test/helpers/seeded-random'

const database = testDatabase()
const make = factories(() => database.db)
const KILLS = 15
const LOOPS = 3
const today = districtDay(new Date())

let actor: Actor
let assignmentIds: string[] = []

beforeAll(async () => {
  const unit = await make.unit({ name: 'Xã Đạp Thanh' })
  actor = await make.user({ role: 'STAFF', unitId: unit.id, name: 'Cán bộ xã Đạp Thanh' })
  const group = await make.group()
  const tasks = await Promise.all(Array.from({ length: 6 }, () => make.task({ groupId: group.id })))
  assignmentIds = (await Promise.all(tasks.map((t) => make.assignment({ taskId: t.id, unitId: unit.id })))).map((a) => a.id)
  // Today's counts are kept from the start, so they must follow every save that stands.
  await progressCountsReady(today)
})

/** What the saving processes said: each save begun, with its files, and each answer. */
const started = new Map<string, { assignmentId: string; files: SentFile[] }>()
const answered = new Map<string, { kind: string; updateId: string | null }>()

/**
 * Starts the saving process and SIGKILLs it `delayMs` after its first save was confirmed (so each
 * restart is seen to save again); resolves when it is gone.
 */
function saveUntilKilled(delayMs: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  // Node itself with tsx as its loader: the `tsx` command would run the script in a child process of its own, out of the kill's reach.
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'test/helpers/saves-until-killed.ts', JSON.stringify({ actor, assignmentIds, loops: LOOPS })], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  let timer: NodeJS.Timeout | undefined
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as SaverLine
    if ('started' in line) started.set(line.started, { assignmentId: line.assignmentId, files: line.files })
    else {
      answered.set(line.answered, { kind: line.kind, updateId: line.updateId })
      if (line.kind === 'saved') timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs)
    }
  })
  return new Promise((resolve) => child.on('exit', (code, signal) => (clearTimeout(timer), resolve({ signal, code, stderr }))))
}

/** Waits until the database has finished what the killed processes had sent (it runs a received statement to its end). */
async function serverSettled(): Promise<void> {
  for (;;) {
    const [busy] = await database.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`
    if (busy!.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the app process killed in the middle of saves', () => {
  test(`${KILLS} kills: each save begun is complete or absent, and none confirmed is lost`, { timeout: 300_000 }, async () => {
    const next = seededRandom(8)
    for (let k = 0; k < KILLS; k++) {
      const run = await saveUntilKilled(Math.floor(next() * 1000))
      // Killed by us, not ended by an error of its own.
      expect(run, run.stderr).toMatchObject({ signal: 'SIGKILL' })
    }
    await serverSettled()

    const history = await database.db.statusUpdate.findMany({ where: { assignmentId: { in: assignmentIds } }, include: { attachments: true } })
    const byKey = new Map(history.map((u) => [u.submissionKey, u]))
    const confirmed = [...answered].filter(([, a]) => a.kind === 'saved').map(([key]) => key)
    const inFlight = [...started.keys()].filter((key) => !answered.has(key))
    const figures = {
      kills: KILLS,
      savesBegun: started.size,
      savesCompleted: [...started.keys()].filter((key) => byKey.has(key)).length,
      savesAbsent: [...started.keys()].filter((key) => !byKey.has(key)).length,
      inFlightAtKill: inFlight.length,
      inFlightCompleted: inFlight.filter((key) => byKey.has(key)).length,
      rowsLost: confirmed.filter((key) => !byKey.has(key)).length,
    }
    console.info(`killed saves: ${JSON.stringify(figures)}`)
    // The kills came in the middle of saves, and saves went on after each restart.
    expect(figures.inFlightAtKill).toBeGreaterThan(0)
    expect(confirmed.length).toBeGreaterThanOrEqual(KILLS)

    // Nothing confirmed is lost; no save was refused (each loop keeps to its own assignments,
    // reading them afresh), except after a killed save that the server completed; nothing saved
    // that was never begun.
    expect(figures.rowsLost).toBe(0)
    for (const [key, a] of answered) expect(a.kind === 'saved' || (a.kind === 'conflict' && !byKey.has(key)), `${key}: ${a.kind}`).toBe(true)
    expect(history.filter((u) => !started.has(u.submissionKey ?? ''))).toEqual([])
    for (const key of confirmed) expect(byKey.get(key)!.id).toBe(answered.get(key)!.updateId)

    // Each save that stands has every file it sent, byte for byte.
    for (const update of history) {
      const sent = started.get(update.submissionKey ?? '')!
      expect(update.assignmentId).toBe(sent.assignmentId)
      expect(update.attachments.map((f) => ({ name: f.fileName, size: f.byteSize, sha256: f.sha256 })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        [...sent.files].sort((a, b) => a.name.localeCompare(b.name)),
      )
      for (const f of update.attachments) {
        expect(f.content.byteLength).toBe(f.byteSize)
        expect(createHash('sha256').update(f.content).digest('hex')).toBe(f.sha256)
      }
    }
    // No file without its report (the schema's foreign key says as much; the count says none hid).
    const [files] = await database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Attachment"`
    expect(files!.n).toBe(history.reduce((n, u) => n + u.attachments.length, 0))

    // One audit event per save that stands, none for any other, and the assignment as the last left it.
    const audits = await database.db.auditEvent.findMany({ where: { entityId: { in: assignmentIds }, action: { startsWith: 'statusUpdate.' } } })
    expect(audits.map((e) => (e.after as { statusUpdateId: string }).statusUpdateId).sort()).toEqual(history.map((u) => u.id).sort())
    expect(audits.every((e) => e.action === 'statusUpdate.create')).toBe(true)
    for (const id of assignmentIds) {
      const chain = audits
        .filter((e) => e.entityId === id)
        .map((e) => ({ ...(e.after as { statusUpdateId: string; version: number }), before: (e.before as { version: number }).version }))
        .sort((a, b) => a.version - b.version)
      expect(chain.map((c) => [c.before, c.version])).toEqual(chain.map((_, i) => [i, i + 1]))
      const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id } })
      const updates = history.filter((u) => u.assignmentId === id)
      expect(assignment.version).toBe(updates.length)
      const last = updates.find((u) => u.id === chain.at(-1)?.statusUpdateId)
      if (!last) expect(assignment).toMatchObject({ version: 0, status: 'NOT_STARTED', lastUpdateAt: null })
      else expect(assignment).toMatchObject({ status: last.status, progress: last.progress, lastUpdateAt: last.createdAt, lastUpdateById: last.authorId })
    }

    // And the progress pages count what stands.
    expect(await keptCountDifferences()).toEqual([])
    expect(await pageCountDifferences(today)).toEqual([])
  })
})
