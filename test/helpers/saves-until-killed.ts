// The app's save of status reports, run in a loop until the process is killed ("Faults":
// lib/actions/killed-saves.test.ts SIGKILLs it at random moments). Several reports are in flight
// at once, each with evidence files of up to 400 kB, through the real core
// (lib/actions/status-update.ts) on the database in DATABASE_URL. It tells its parent on stdout,
// one JSON line each, when a save starts (with what it sends) and when the save has answered; a
// line is written before the next step (pipes are synchronous on Linux), so what the parent read
// happened. Run as `node --import tsx --conditions=react-server` (the core imports 'server-only'),
// so that the process killed is the one saving.
//
// argv[2]: {"actor": Actor, "assignmentIds": string[], "loops": number}
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import type { TaskStatus } from '@/lib/domain/status'

export type SentFile = { name: string; size: number; sha256: string }
export type SaverLine =
  | { started: string; assignmentId: string; files: SentFile[] }
  | { answered: string; kind: string; updateId: string | null }

const { actor, assignmentIds, loops } = JSON.parse(process.argv[2] ?? '{}') as { actor: Actor; assignmentIds: string[]; loops: number }
const STATUSES: TaskStatus[] = ['IN_PROGRESS', 'BLOCKED', 'DONE']

function tell(line: SaverLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

/** A PDF of `size` random bytes between its header and its end: each file's hash is its own. */
function evidence(size: number): File {
  return new File([`%PDF-1.4\n`, randomBytes(size), `\n%%EOF\n`], `bien-ban-${randomUUID().slice(0, 8)}.pdf`, { type: 'application/pdf' })
}

/** One valid report on the assignment as it stands now (a note always: every rule is met). */
async function saveOne(assignmentId: string): Promise<void> {
  const { version, progress } = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { version: true, progress: true } })
  const status = STATUSES[Math.floor(Math.random() * STATUSES.length)]!
  const files = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => evidence(Math.floor(Math.random() * 400_000)))
  const form = new FormData()
  const submissionKey = randomUUID()
  const fields = { assignmentId, baseVersion: String(version), submissionKey, status, progress: String(Math.min(100, progress + Math.floor(Math.random() * 5))), note: `Lần lưu ${submissionKey.slice(0, 8)}` }
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const file of files) form.append('files', file)
  const sent = await Promise.all(files.map(async (f) => ({ name: f.name, size: f.size, sha256: createHash('sha256').update(new Uint8Array(await f.arrayBuffer())).digest('hex') })))
  tell({ started: submissionKey, assignmentId, files: sent })
  const result = await recordStatusUpdate({ actor, now: new Date(), ip: '203.0.113.9' }, readStatusUpdateForm(form).input)
  tell({ answered: submissionKey, kind: result.kind, updateId: result.kind === 'saved' ? result.updateId : null })
}

// Each loop keeps to its own assignments, so the loops do not refuse each other's reports.
await Promise.all(
  Array.from({ length: loops }, async (_, loop) => {
    const mine = assignmentIds.filter((_, i) => i % loops === loop)
    for (let i = 0; ; i++) await saveOne(mine[i % mine.length]!)
  }),
)
