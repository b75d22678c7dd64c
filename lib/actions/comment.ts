// A question or an answer in an assignment's thread: append-only, audited.
import 'server-only'
import { findAssignmentFor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import type { CommentForm } from '@/lib/validation/comment'
import type { FieldProblem } from '@/lib/validation/messages'
import { recordAudit, recordRefusal } from '@/lib/audit/record'
import type { ActionContext } from './context'
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
    return created
  })
  return { kind: 'saved', commentId: comment.id, path: { unitCode: assignment.unit.code, taskCode: assignment.task.code } }
}
