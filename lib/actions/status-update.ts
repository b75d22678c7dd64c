// Recording a status report: the form read (lib/validation/status-update.ts) -> authorize -> one
// transaction (assignment, history row, evidence, audit, notifications); the pipeline revalidates.
// The unit's staff report for it; the office may enter for any unit a report the unit sent on paper
// or by phone, saying how ("nhập thay cho …, theo …"), and the unit's staff are told. Nothing is ever overwritten: a report
// made against an older version is refused with what was saved in between.
import 'server-only'
import { reportingAs, type AssignmentFacts } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { uuidV7 } from '@/lib/db/uuid'
import { Prisma } from '@/lib/db/client'
import { districtDay } from '@/lib/domain/calendar'
import { conditionAnswer, type IndicatorKind } from '@/lib/domain/indicator'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { TaskStatus } from '@/lib/domain/status'
import { completionTime, effectiveProgress, noteRequirement } from '@/lib/domain/status-update-rules'
import { checkEvidence, type EvidenceFile } from '@/lib/validation/evidence'
import { problem } from '@/lib/validation/messages'
import type { StatusUpdateForm, StatusUpdateProblems } from '@/lib/validation/status-update'
import { recordAuditSql, recordRefusal } from '@/lib/audit/record'
import type { ActionContext } from './context'
import { notifySql, settleSql } from './notify'
import { lockedPeriodSql } from './period-lock'

const ACTION = 'statusUpdate.create'

export type SavedState = {
  status: TaskStatus
  progress: number
  indicatorActual: string | null
  note: string | null
  authorName: string
  /** How the unit sent it, when the office entered it for the unit (shown with the author's name). */
  onBehalfVia: ReportChannel | null
  unitName: string
  savedAt: Date
  version: number
}

/** Where the pages of the assignment live, for revalidation. */
export type AssignmentPath = { unitCode: string; taskCode: string }

export type StatusUpdateResult =
  | { kind: 'invalid'; problems: StatusUpdateProblems }
  | { kind: 'notFound' }
  | { kind: 'locked'; period: string }
  | { kind: 'conflict'; current: SavedState; path: AssignmentPath }
  | { kind: 'saved'; updateId: string; path: AssignmentPath }

export async function recordStatusUpdate(context: ActionContext, form: StatusUpdateForm): Promise<StatusUpdateResult> {
  const { parsed, assignmentId } = form
  if (parsed.kind === 'foreign' || assignmentId === null) {
    await recordRefusal(context, ACTION, 'Assignment', null)
    return { kind: 'notFound' }
  }
  const assignment = await assignmentToReport(assignmentId)
  const reporting = assignment && reportingAs(context.actor, assignment)
  if (!assignment || !reporting) {
    await recordRefusal(context, ACTION, 'Assignment', assignmentId)
    return { kind: 'notFound' }
  }
  if (parsed.kind === 'invalid')
    // A condition's answer that is no number at all is told what a condition takes.
    return assignment.indicatorKind === 'CONDITION' && parsed.problems.indicatorActual
      ? { kind: 'invalid', problems: { ...parsed.problems, indicatorActual: problem('indicatorCondition') } }
      : parsed

  const input = parsed.input
  // Who may report for the unit reports as themself; who may only enter for it says how it came.
  if (reporting === 'onBehalf' && !input.onBehalfVia) return { kind: 'invalid', problems: { onBehalfVia: problem('onBehalfViaRequired') } }
  const onBehalfVia = reporting === 'onBehalf' ? input.onBehalfVia : null
  const path = { unitCode: assignment.unitCode, taskCode: assignment.taskCode }
  // A form made on an older version is answered with what was saved since, before its own rules
  // are judged against that newer state (its progress may look "lower" than another's report).
  if (assignment.version !== input.baseVersion) return notMoved(assignment.id, input.submissionKey, path)
  const problems: StatusUpdateProblems = {}
  const progress = effectiveProgress(input)
  const requirement = noteRequirement(input, assignment, districtDay(context.now))
  if (requirement && !input.note) {
    if (requirement.reason === 'blocked') problems.note = problem('noteRequiredBlocked')
    else if (requirement.reason === 'progressDown') problems.note = problem('noteRequiredProgressDown', { previous: requirement.previous })
    else problems.note = problem('noteRequiredLate', { due: requirement.due })
  }
  // A condition is answered yes or no (the form's radio buttons send 1 or 0); no other figure.
  const answer = assignment.indicatorKind === 'CONDITION' && input.indicatorActual !== null ? conditionAnswer(input.indicatorActual) : undefined
  if (answer === null) problems.indicatorActual = problem('indicatorCondition')
  const evidence = await checkEvidence(form.files)
  if ('problem' in evidence) {
    const { code, ...params } = evidence.problem
    problems.files = problem(code, params)
  }
  if (Object.keys(problems).length > 0 || !('files' in evidence)) return { kind: 'invalid', problems }

  // The indicator is reported only for tasks that have one.
  const indicatorActual = assignment.indicatorUnit ? (answer ?? input.indicatorActual) : null
  const updateId = uuidV7(context.now.getTime())
  const files = evidence.files.map((f) => ({ ...f, id: uuidV7(context.now.getTime()) }))
  const audit = recordAuditSql(
    context,
    {
      action: ACTION,
      entity: 'Assignment',
      entityId: assignment.id,
      before: { status: assignment.status, progress: assignment.progress, indicatorActual: assignment.indicatorActual?.toString() ?? null, version: assignment.version },
      after: {
        statusUpdateId: updateId,
        status: input.status,
        progress,
        indicatorActual,
        version: assignment.version + 1,
        ...(onBehalfVia ? { onBehalfVia } : {}),
        attachments: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
      },
    },
    Prisma.sql`saved`,
  )
  // What the report tells: its confirmer that it awaits them (the group's lead when the member in
  // charge made it); the unit's staff that the office entered it for them. A return of an earlier
  // report is answered by it.
  const saved = { assignment: Prisma.sql`(SELECT "assignmentId" FROM saved)`, statusUpdate: Prisma.sql`(SELECT id FROM saved)` }
  const notices = [
    notifySql(context, { kind: 'REPORT_AWAITING_CONFIRMATION', to: 'reportConfirmer', ...saved }),
    ...(onBehalfVia ? [notifySql(context, { kind: 'REPORT_ENTERED_ON_BEHALF', to: 'unitStaff', ...saved })] : []),
    settleSql(context, { kind: 'REPORT_RETURNED', assignment: saved.assignment }),
  ].map((sql, i) => Prisma.sql`, notice${Prisma.raw(String(i))} AS (${sql})`)
  // One statement, so one transaction in one round trip: the submission key and the period lock
  // are checked, and the assignment moves on only from the version the form was made on; the
  // history row, its files, the audit event and the notifications are written only when it did. Every part sees the
  // same snapshot, and the UPDATE waits for a concurrent save of the row and re-checks its version.
  try {
    const [outcome] = await db().$queryRaw<{ earlier: string | null; locked: string | null; saved: string | null }[]>`
      WITH earlier AS (
        SELECT id FROM "StatusUpdate" WHERE "submissionKey" = ${input.submissionKey}::uuid
      ), locked AS (${lockedPeriodSql(context.now, Prisma.sql`${[...assignment.unitAncestorIds]}::uuid[]`)}
      ), moved AS (
        UPDATE "Assignment"
           SET "status" = ${input.status}::"TaskStatus", "progress" = ${progress}, "indicatorActual" = ${indicatorActual}::numeric,
               "completedAt" = ${completionTime(input.status, assignment, context.now)}::timestamptz,
               "lastUpdateAt" = ${context.now}::timestamptz, "lastUpdateById" = ${context.actor.id}::uuid,
               "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
         WHERE id = ${assignment.id}::uuid AND "version" = ${input.baseVersion}
           AND NOT EXISTS (SELECT FROM earlier) AND NOT EXISTS (SELECT FROM locked)
        RETURNING id
      ), saved AS (
        INSERT INTO "StatusUpdate" ("id", "assignmentId", "authorId", "status", "progress", "indicatorActual", "note", "submissionKey", "createdAt", "onBehalfVia")
        SELECT ${updateId}::uuid, id, ${context.actor.id}::uuid, ${input.status}::"TaskStatus", ${progress}, ${indicatorActual}::numeric,
               ${input.note}, ${input.submissionKey}::uuid, ${context.now}::timestamptz, ${onBehalfVia}::"ReportChannel"
          FROM moved
        RETURNING id, "assignmentId"
      )${attachmentsSql(files, context.now)}, audit AS (${audit})${Prisma.join(notices, '')}
      SELECT (SELECT id FROM earlier)::text AS earlier, (SELECT name FROM locked) AS locked, (SELECT id FROM saved)::text AS saved`
    if (outcome?.earlier) return { kind: 'saved', updateId: outcome.earlier, path }
    if (outcome?.locked) return { kind: 'locked', period: outcome.locked }
    if (outcome?.saved) return { kind: 'saved', updateId: outcome.saved, path }
    return notMoved(assignment.id, input.submissionKey, path)
  } catch (error) {
    // Two submissions of one form racing: the unique key let one through.
    if (isUniqueViolation(error)) {
      const twin = await findSubmission(db(), input.submissionKey)
      if (twin) return { kind: 'saved', updateId: twin, path }
    }
    throw error
  }
}

/** The assignment did not move from the form's version: another save came first, or this very form did. */
async function notMoved(assignmentId: string, submissionKey: string, path: AssignmentPath): Promise<StatusUpdateResult> {
  // The same form submitted twice: the first one is the save.
  const twin = await findSubmission(db(), submissionKey)
  if (twin) return { kind: 'saved', updateId: twin, path }
  return { kind: 'conflict', current: await savedState(assignmentId), path }
}

/** The save's statement met a unique key (raw SQL reports it as P2010 with the driver's kind). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2010') return false
  return (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind === 'UniqueConstraintViolation'
}

/** The evidence files of the saved report, as a part of the save's statement (none: nothing). */
function attachmentsSql(files: (EvidenceFile & { id: string })[], now: Date): Prisma.Sql {
  if (files.length === 0) return Prisma.empty
  const rows = files.map((f) => Prisma.sql`(${f.id}::uuid, ${f.fileName}, ${f.mediaType}, ${f.content.byteLength}::int, ${f.sha256}, ${f.content}::bytea)`)
  return Prisma.sql`, attachments AS (
        INSERT INTO "Attachment" ("id", "statusUpdateId", "fileName", "mediaType", "byteSize", "sha256", "content", "createdAt")
        SELECT f.id, saved.id, f.name, f.type, f.size, f.sha256, f.content, ${now}::timestamptz
          FROM saved CROSS JOIN (VALUES ${Prisma.join(rows)}) AS f (id, name, type, size, sha256, content)
      )`
}

type AssignmentToReport = AssignmentFacts & {
  id: string
  status: TaskStatus
  progress: number
  completedAt: Date | null
  indicatorActual: Prisma.Decimal | null
  version: number
  unitCode: string
  taskCode: string
  dueDate: Date
  indicatorUnit: string | null
  indicatorKind: IndicatorKind | null
}

/**
 * The assignment with what the rule table needs to decide who may report on it (permissions.ts
 * `can`) and what the form's rules need, in one round trip. The id is a checked UUID. An inactive
 * unit's assignment is not found: a merged unit's work goes on in its successor's assignment, and
 * its own page is read only.
 */
async function assignmentToReport(id: string): Promise<AssignmentToReport | null> {
  const [found] = await db().$queryRaw<AssignmentToReport[]>`
    SELECT a.id::text, a.status::text, a.progress, a."completedAt", a."indicatorActual", a.version,
           a."unitId"::text, u."ancestorIds"::text[] AS "unitAncestorIds", u.code AS "unitCode", u."inChargeMemberId"::text AS "unitInChargeMemberId",
           t.code AS "taskCode", t."dueDate", t."indicatorUnit", t."indicatorKind"::text AS "indicatorKind", g."leadMemberId"::text AS "groupLeadMemberId"
      FROM "Assignment" a
      JOIN "Unit" u ON u.id = a."unitId" AND u.active
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "TaskGroup" g ON g.id = t."groupId"
     WHERE a.id = ${id}::uuid`
  return found ?? null
}

async function findSubmission(client: Prisma.TransactionClient, submissionKey: string): Promise<string | null> {
  const found = await client.statusUpdate.findUnique({ where: { submissionKey }, select: { id: true } })
  return found?.id ?? null
}

/**
 * The assignment as it stands, with the report that made it so, in one statement: two reads could
 * pair one report's state with the note of a report saved in between (lib/actions/concurrent-writers.test.ts).
 */
async function savedState(assignmentId: string): Promise<SavedState> {
  const [state] = await db().$queryRaw<SavedState[]>`
    SELECT a.status::text AS "status", a.progress, trim_scale(a."indicatorActual")::text AS "indicatorActual", a.version,
           latest.note, latest."onBehalfVia"::text AS "onBehalfVia", un.name AS "unitName",
           COALESCE(u."displayName", '') AS "authorName", COALESCE(a."lastUpdateAt", to_timestamp(0)) AS "savedAt"
      FROM "Assignment" a
      JOIN "Unit" un ON un.id = a."unitId"
      LEFT JOIN "User" u ON u.id = a."lastUpdateById"
      LEFT JOIN LATERAL (SELECT s.note, s."onBehalfVia" FROM "StatusUpdate" s WHERE s."assignmentId" = a.id ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) latest ON true
     WHERE a.id = ${assignmentId}::uuid`
  if (!state) throw new Error(`savedState: no assignment ${assignmentId}`)
  return state
}
