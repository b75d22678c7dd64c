// A question or an answer in an assignment's thread: append-only, audited. A new question is told
// to the member who confirms the assignment at once, and to the office once it has waited
// OFFICE_QUESTION_WORKING_DAYS working days; an answer, to the asking unit's staff, and it settles both.
import 'server-only'
import { findAssignmentFor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { addWorkingDays } from '@/lib/domain/calendar'
import { OFFICE_QUESTION_WORKING_DAYS } from '@/lib/domain/notifications'
import { askedSql } from '@/lib/queries/questions'
import type { CommentForm } from '@/lib/validation/comment'
import type { FieldProblem } from '@/lib/validation/messages'
import { recordAudit, recordRefusal } from '@/lib/audit/record'
import type { ActionContext } from './context'
import { notifySql, settleSql } from './notify'
import type { AssignmentPath } from './status-update'

const ACTION = 'comment.create'

export type CommentResult =
  | { kind: 'invalid'; problems: { body?: FieldProblem } }
  | { kind: 'notFound' }
  | { kind: 'saved'; commentId: string; path: AssignmentPath }

export async function recordComment(context: ActionContext, { namedId, parsed }: CommentForm): Promise<CommentResult> {
  const assignment =
    parsed.kind === 'foreign' || namedId === null
      ? null
      : await findAssignmentFor(context.actor, 'assignment.comment', namedId, { id: true, unit: { select: { code: true } }, task: { select: { code: true } } })
  if (!assignment) {
    await recordRefusal(context, ACTION, 'Assignment', namedId)
    return { kind: 'notFound' }
  }
  if (parsed.kind !== 'valid') return parsed.kind === 'invalid' ? parsed : { kind: 'notFound' }

  const comment = await db().$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { assignmentId: assignment.id, authorId: context.actor.id, body: parsed.input.body, createdAt: context.now },
      select: { id: true },
    })
    await recordAudit(tx, context, { action: ACTION, entity: 'Comment', entityId: created.id, after: { assignmentId: assignment.id } })
    await tellOfComment(tx, context, assignment.id, created.id)
    return created
  })
  return { kind: 'saved', commentId: comment.id, path: { unitCode: assignment.unit.code, taskCode: assignment.task.code } }
}

/** The notifications a comment causes: a question that opens a thread, or the first answer to one. */
async function tellOfComment(tx: Prisma.TransactionClient, context: ActionContext, assignmentId: string, commentId: string): Promise<void> {
  // Whether this comment asks, and whether a question waited before it (the latest earlier comment asked).
  const [thread] = await tx.$queryRaw<{ asks: boolean; waiting: boolean }[]>`
    SELECT ${askedSql('me', 'a')} AS "asks",
           COALESCE((SELECT ${askedSql('earlier', 'a')}
                       FROM "Comment" c JOIN "User" earlier ON earlier.id = c."authorId"
                      WHERE c."assignmentId" = a.id AND c.id <> ${commentId}::uuid
                      ORDER BY c."createdAt" DESC, c.id DESC LIMIT 1), false) AS "waiting"
      FROM "Assignment" a, "User" me
     WHERE a.id = ${assignmentId}::uuid AND me.id = ${context.actor.id}::uuid`
  const notice = { assignment: Prisma.sql`${assignmentId}::uuid`, comment: Prisma.sql`${commentId}::uuid` }
  if (thread?.asks && !thread.waiting) {
    await tx.$executeRaw(notifySql(context, { kind: 'QUESTION_AWAITING_ANSWER', to: 'confirmer', ...notice }))
    const showFrom = addWorkingDays(context.now, OFFICE_QUESTION_WORKING_DAYS)
    await tx.$executeRaw(notifySql(context, { kind: 'QUESTION_AWAITING_ANSWER', to: 'office', ...notice, showFrom }))
  } else if (thread && !thread.asks && thread.waiting) {
    await tx.$executeRaw(settleSql(context, { kind: 'QUESTION_AWAITING_ANSWER', assignment: notice.assignment }))
    await tx.$executeRaw(notifySql(context, { kind: 'QUESTION_ANSWERED', to: 'unitStaff', ...notice }))
  }
}
