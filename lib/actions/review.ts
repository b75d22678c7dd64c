// The report's confirmer (lib/auth/rules.ts reportConfirmerOf: the member in charge, or the group's
// lead when the member in charge wrote it; an administrator too) confirms a reported result (with an
// optional comment), or returns it with a reason; never their own. Either text is the report's review note, which the unit reads. A
// returned report no longer counts: if it is the latest, the assignment goes back to the state of
// the last report that was not returned, so progress pages stay truthful. The unit's staff are told
// of a return, and of a confirmation with a comment; the report no longer awaits its confirmer.
import 'server-only'
import { canReview } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { ReviewForm, ReviewInput, ReviewProblems } from '@/lib/validation/review'
import { recordAudit, recordRefusal } from '@/lib/audit/record'
import type { ActionContext } from './context'
import { notifySql, settleSql } from './notify'
import { lockedPeriodOn } from './period-lock'
import type { AssignmentPath } from './status-update'

const ACTION = 'statusUpdate.review'

export type ReviewResult =
  | { kind: 'invalid'; problems: ReviewProblems }
  | { kind: 'notFound' }
  | { kind: 'locked'; period: string }
  | { kind: 'alreadyReviewed' }
  | { kind: 'saved'; decision: ReviewInput['decision']; path: AssignmentPath }

export async function recordReview(context: ActionContext, { namedId, parsed }: ReviewForm): Promise<ReviewResult> {
  const found =
    parsed.kind !== 'foreign' && namedId !== null
      ? await db().statusUpdate.findUnique({
          where: { id: namedId },
          select: {
            id: true,
            assignmentId: true,
            createdAt: true,
            authorId: true,
            author: { select: { memberId: true } },
            assignment: {
              select: {
                unitId: true,
                unit: { select: { code: true, ancestorIds: true, inChargeMemberId: true } },
                task: { select: { code: true, group: { select: { leadMemberId: true } } } },
              },
            },
          },
        })
      : null
  // Only the report's confirmer (or an administrator), never its author: to anyone else it is missing.
  const update =
    found &&
    canReview(context.actor, {
      unitId: found.assignment.unitId,
      unitAncestorIds: found.assignment.unit.ancestorIds,
      unitInChargeMemberId: found.assignment.unit.inChargeMemberId,
      groupLeadMemberId: found.assignment.task.group.leadMemberId,
      authorId: found.authorId,
      authorMemberId: found.author.memberId,
    })
      ? found
      : null
  if (!update) {
    await recordRefusal(context, ACTION, 'StatusUpdate', namedId)
    return { kind: 'notFound' }
  }
  if (parsed.kind !== 'valid') return parsed.kind === 'invalid' ? parsed : { kind: 'notFound' }
  const { decision, reason } = parsed.input
  const path = { unitCode: update.assignment.unit.code, taskCode: update.assignment.task.code }

  return db().$transaction(async (tx) => {
    // Reviewing changes the report, so the report's own period must be open.
    const locked = await lockedPeriodOn(tx, update.createdAt, update.assignment.unit.ancestorIds)
    if (locked) return { kind: 'locked', period: locked.name } as const
    const reviewState = decision === 'CONFIRM' ? 'CONFIRMED' : 'RETURNED'
    const { count } = await tx.statusUpdate.updateMany({
      where: { id: update.id, reviewState: 'PENDING' },
      data: { reviewState, reviewedById: context.actor.id, reviewedAt: context.now, reviewNote: reason },
    })
    if (count === 0) return { kind: 'alreadyReviewed' } as const
    const reverted = reviewState === 'RETURNED' ? await revertIfCurrent(tx, update.assignmentId, update) : null
    // The unit's staff hear of a return, and of a confirmation that carries a word for them.
    const report = { assignment: Prisma.sql`${update.assignmentId}::uuid`, statusUpdate: Prisma.sql`${update.id}::uuid` }
    await tx.$executeRaw(settleSql(context, { kind: 'REPORT_AWAITING_CONFIRMATION', ...report }))
    if (reviewState === 'RETURNED') await tx.$executeRaw(notifySql(context, { kind: 'REPORT_RETURNED', to: 'unitStaff', ...report }))
    else if (reason) await tx.$executeRaw(notifySql(context, { kind: 'REPORT_CONFIRMED_WITH_COMMENT', to: 'unitStaff', ...report }))
    await recordAudit(tx, context, {
      action: ACTION,
      entity: 'StatusUpdate',
      entityId: update.id,
      before: { reviewState: 'PENDING' },
      after: { reviewState, reviewNote: reason, ...(reverted ? { assignmentRevertedTo: reverted } : {}) },
    })
    return { kind: 'saved', decision, path } as const
  })
}

/**
 * When no report still standing came after the returned one, the returned report was what the
 * assignment showed: the assignment takes back the state of the last report still standing.
 */
async function revertIfCurrent(tx: Prisma.TransactionClient, assignmentId: string, returned: { id: string; createdAt: Date }) {
  const laterStanding = await tx.statusUpdate.count({
    where: { assignmentId, reviewState: { not: 'RETURNED' }, createdAt: { gte: returned.createdAt }, id: { not: returned.id } },
  })
  if (laterStanding > 0) return null
  const standing = await tx.statusUpdate.findFirst({
    where: { assignmentId, reviewState: { not: 'RETURNED' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, status: true, progress: true, indicatorActual: true, createdAt: true, authorId: true },
  })
  // The moment it was first marked done is the first DONE report of the unbroken run up to now (a
  // report carrying work over a merge or a split starts the run, dated when that work was done), as
  // assignment_state_as_of reads it.
  const firstDone =
    standing?.status === 'DONE'
      ? await tx.$queryRaw<{ at: Date }[]>`
          SELECT min(COALESCE(s."doneSince", s."createdAt")) AS at FROM "StatusUpdate" s
           WHERE s."assignmentId" = ${assignmentId}::uuid AND s.status = 'DONE' AND s."reviewState" <> 'RETURNED'
             AND s."createdAt" > COALESCE((SELECT max(o."createdAt") FROM "StatusUpdate" o
                                            WHERE o."assignmentId" = ${assignmentId}::uuid AND o.status <> 'DONE'
                                              AND o."reviewState" <> 'RETURNED'), '-infinity')
             AND s."createdAt" >= COALESCE((SELECT max(c."createdAt") FROM "StatusUpdate" c
                                             WHERE c."assignmentId" = ${assignmentId}::uuid AND c."doneSince" IS NOT NULL
                                               AND c."reviewState" <> 'RETURNED'), '-infinity')`
      : []
  const state = {
    status: standing?.status ?? 'NOT_STARTED',
    progress: standing?.progress ?? 0,
    indicatorActual: standing?.indicatorActual ?? null,
    completedAt: firstDone[0]?.at ?? null,
    lastUpdateAt: standing?.createdAt ?? null,
    lastUpdateById: standing?.authorId ?? null,
  } as const
  await tx.assignment.update({ where: { id: assignmentId }, data: { ...state, version: { increment: 1 } } })
  return { statusUpdateId: standing?.id ?? null, status: state.status, progress: state.progress }
}
