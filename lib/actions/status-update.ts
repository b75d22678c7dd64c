// Recording a status report (issue 3): validate -> authorize -> one transaction (assignment,
// history row, evidence, audit) -> the caller revalidates. Nothing is ever overwritten: a report
// made against an older version is refused with what was saved in between.
import 'server-only'
import { findAssignmentFor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { districtDay } from '@/lib/domain/calendar'
import type { TaskStatus } from '@/lib/domain/status'
import { completionTime, effectiveProgress, noteRequirement } from '@/lib/domain/status-update-rules'
import { checkEvidence, chosenFiles } from '@/lib/validation/evidence'
import { problem } from '@/lib/validation/messages'
import { parseStatusUpdateForm, type StatusUpdateProblems } from '@/lib/validation/status-update'
import { recordAudit, recordRefusal, type ActionContext } from './audit'
import { lockedPeriodOn } from './period-lock'

const ACTION = 'statusUpdate.create'

export type SavedState = {
  status: TaskStatus
  progress: number
  indicatorActual: string | null
  note: string | null
  authorName: string
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

class Conflict extends Error {}

export async function recordStatusUpdate(context: ActionContext, form: FormData): Promise<StatusUpdateResult> {
  const parsed = parseStatusUpdateForm(form)
  if (parsed.kind === 'foreign') {
    await recordRefusal(context, ACTION, 'Assignment', null)
    return { kind: 'notFound' }
  }
  const rawId = form.get('assignmentId')
  const assignment = await findAssignmentFor(context.actor, 'assignment.update', String(rawId), {
    id: true,
    status: true,
    progress: true,
    completedAt: true,
    indicatorActual: true,
    version: true,
    unit: { select: { code: true } },
    task: { select: { code: true, dueDate: true, indicatorUnit: true } },
  })
  if (!assignment) {
    await recordRefusal(context, ACTION, 'Assignment', String(rawId))
    return { kind: 'notFound' }
  }
  if (parsed.kind === 'invalid') return parsed

  const input = parsed.input
  const problems: StatusUpdateProblems = {}
  const progress = effectiveProgress(input)
  const requirement = noteRequirement(input, { ...assignment, dueDate: assignment.task.dueDate }, districtDay(context.now))
  if (requirement && !input.note) {
    if (requirement.reason === 'blocked') problems.note = problem('noteRequiredBlocked')
    else if (requirement.reason === 'progressDown') problems.note = problem('noteRequiredProgressDown', { previous: requirement.previous })
    else problems.note = problem('noteRequiredLate', { due: requirement.due })
  }
  const evidence = await checkEvidence(chosenFiles(form.getAll('files')))
  if ('problem' in evidence) {
    const { code, ...params } = evidence.problem
    problems.files = problem(code, params)
  }
  if (Object.keys(problems).length > 0 || !('files' in evidence)) return { kind: 'invalid', problems }

  // The indicator is reported only for tasks that have one.
  const indicatorActual = assignment.task.indicatorUnit ? input.indicatorActual : null
  const path = { unitCode: assignment.unit.code, taskCode: assignment.task.code }
  try {
    return await db().$transaction(async (tx) => {
      const earlier = await findSubmission(tx, input.submissionKey)
      if (earlier) return { kind: 'saved', updateId: earlier, path } as const
      const locked = await lockedPeriodOn(tx, context.now)
      if (locked) return { kind: 'locked', period: locked.name } as const

      const next = {
        status: input.status,
        progress,
        indicatorActual,
        completedAt: completionTime(input.status, assignment, context.now),
        lastUpdateAt: context.now,
        lastUpdateById: context.actor.id,
      }
      const { count } = await tx.assignment.updateMany({
        where: { id: assignment.id, version: input.baseVersion },
        data: { ...next, version: { increment: 1 } },
      })
      if (count === 0) {
        // The same form submitted twice: the first one is the save.
        const twin = await findSubmission(tx, input.submissionKey)
        if (twin) return { kind: 'saved', updateId: twin, path } as const
        throw new Conflict()
      }
      const update = await tx.statusUpdate.create({
        data: {
          assignmentId: assignment.id,
          authorId: context.actor.id,
          status: input.status,
          progress,
          indicatorActual,
          note: input.note,
          submissionKey: input.submissionKey,
          createdAt: context.now,
        },
        select: { id: true },
      })
      if (evidence.files.length > 0)
        await tx.attachment.createMany({
          data: evidence.files.map((f) => ({
            statusUpdateId: update.id,
            fileName: f.fileName,
            mediaType: f.mediaType,
            byteSize: f.content.byteLength,
            sha256: f.sha256,
            content: f.content,
            createdAt: context.now,
          })),
        })
      await recordAudit(tx, context, {
        action: ACTION,
        entity: 'Assignment',
        entityId: assignment.id,
        before: { status: assignment.status, progress: assignment.progress, indicatorActual: assignment.indicatorActual?.toString() ?? null, version: assignment.version },
        after: {
          statusUpdateId: update.id,
          status: input.status,
          progress,
          indicatorActual,
          version: assignment.version + 1,
          attachments: evidence.files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
        },
      })
      return { kind: 'saved', updateId: update.id, path } as const
    })
  } catch (error) {
    if (error instanceof Conflict) return { kind: 'conflict', current: await savedState(assignment.id), path }
    // Two submissions of one form racing: the unique key let one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const twin = await findSubmission(db(), input.submissionKey)
      if (twin) return { kind: 'saved', updateId: twin, path }
    }
    throw error
  }
}

async function findSubmission(client: Prisma.TransactionClient, submissionKey: string): Promise<string | null> {
  const found = await client.statusUpdate.findUnique({ where: { submissionKey }, select: { id: true } })
  return found?.id ?? null
}

/** The assignment as it stands, with the report that made it so. */
async function savedState(assignmentId: string): Promise<SavedState> {
  const a = await db().assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      status: true,
      progress: true,
      indicatorActual: true,
      version: true,
      lastUpdateAt: true,
      lastUpdateBy: { select: { displayName: true } },
      updates: { orderBy: { createdAt: 'desc' }, take: 1, select: { note: true } },
    },
  })
  return {
    status: a.status,
    progress: a.progress,
    indicatorActual: a.indicatorActual?.toString() ?? null,
    note: a.updates[0]?.note ?? null,
    authorName: a.lastUpdateBy?.displayName ?? '',
    savedAt: a.lastUpdateAt ?? new Date(0),
    version: a.version,
  }
}
