// Publishing a question with its answer to the district's public list ("chuyên mục hỏi - đáp"):
// the office and administrators (DISTRICT_RULES 'question.publish'), once per question, audited.
import 'server-only'
import { allows, unitsWhere } from '@/lib/auth/permissions'
import { recordAudit, recordRefusal } from '@/lib/audit/record'
import { db } from '@/lib/db'
import { isAnswerOf } from '@/lib/queries/questions'
import type { QuestionPublishForm } from '@/lib/validation/question-publish'
import type { ActionContext } from './context'
import type { AssignmentPath } from './status-update'

const ACTION = 'question.publish'

export type QuestionPublishResult = { kind: 'notFound' } | { kind: 'alreadyPublished' } | { kind: 'published'; publishedId: string; path: AssignmentPath }

/**
 * Publishes the question with its first answer. Anyone without the right, a question that is not
 * one, or an answer that is not its answer is answered as a missing record, and the refusal audited.
 */
export async function publishQuestion(context: ActionContext, { namedId, parsed }: QuestionPublishForm): Promise<QuestionPublishResult> {
  const thread =
    parsed.kind === 'valid' && allows(context.actor, ACTION) && (await isAnswerOf(parsed.input.questionId, parsed.input.answerId))
      ? await db().comment.findFirst({
          // A question of another district is not found (the office publishes for its subtree).
          where: { id: parsed.input.questionId, assignment: { unit: unitsWhere(context.actor) } },
          select: { assignment: { select: { unit: { select: { code: true } }, task: { select: { code: true } } } } },
        })
      : null
  if (!thread || parsed.kind !== 'valid') {
    await recordRefusal(context, ACTION, 'Comment', namedId)
    return { kind: 'notFound' }
  }
  const { questionId, answerId, showUnit } = parsed.input
  const publishedId = await db().$transaction(async (tx) => {
    const [created] = await tx.publishedQuestion.createManyAndReturn({
      data: [{ questionId, answerId, showUnit, publishedById: context.actor.id, publishedAt: context.now }],
      skipDuplicates: true,
      select: { id: true },
    })
    if (created) await recordAudit(tx, context, { action: ACTION, entity: 'PublishedQuestion', entityId: created.id, after: { questionId, answerId, showUnit } })
    return created?.id ?? null
  })
  if (!publishedId) return { kind: 'alreadyPublished' }
  return { kind: 'published', publishedId, path: { unitCode: thread.assignment.unit.code, taskCode: thread.assignment.task.code } }
}
