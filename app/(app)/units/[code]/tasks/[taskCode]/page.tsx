import { randomUUID } from 'node:crypto'
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { AssignmentOverview } from '@/components/assignment-overview'
import { ClientMessages } from '@/components/client-messages'
import { CommentForm } from '@/components/comment-form'
import { ReportCycleNote } from '@/components/report-cycle-note'
import { QuestionThread } from '@/components/question-thread'
import { PublishForm } from '@/components/questions/publish-form'
import { ReviewForm } from '@/components/review-form'
import { StatusUpdateForm } from '@/components/status-update-form'
import { UpdateHistory } from '@/components/update-history'
import { PageDataTime } from '@/components/page-data-time'
import { postComment } from '@/lib/actions/comment-action'
import { publishQuestion } from '@/lib/actions/question-publish-action'
import { reviewStatusUpdate } from '@/lib/actions/review-action'
import { saveStatusUpdate } from '@/lib/actions/status-update-action'
import { allows, can, canReview, reportingAs } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { assignmentDetail, assignmentRecord, type AssignmentDetail } from '@/lib/queries/assignment-detail'
import { requestSource } from '@/lib/queries/progress-source'
import { answeredQuestions } from '@/lib/queries/questions'
import { assignmentCycles, type AssignmentCycles } from '@/lib/queries/report-cycles'
import { statusLabelsOf } from '@/lib/domain/status'
import { assignmentHref, unitPageHref } from '@/lib/domain/paths'
import { redirectFormerCode } from '@/lib/http/former-code'

type Props = { params: Promise<{ code: string; taskCode: string }> }

/** The assignment's reporting cycles, when its task reports monthly or quarterly: status-level facts every reader sees. */
async function CyclesSection({ cycles }: { cycles: AssignmentCycles | null }) {
  if (!cycles) return null
  const t = await getTranslations('status.cycle')
  return (
    <section aria-label={t('label')} className="mt-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <ReportCycleNote cycles={cycles} full />
    </section>
  )
}

const paramsSchema = z.object({ code: unitCodeSchema, taskCode: z.string().min(1).max(100) })

async function load(user: CurrentUser, params: Props['params']): Promise<AssignmentDetail> {
  const parsed = paramsSchema.safeParse(await params)
  const found = parsed.success ? await assignmentDetail(user, parsed.data.code, parsed.data.taskCode) : null
  if (parsed.success && !found) await redirectFormerCode(user, parsed.data.code, (current) => assignmentHref(current, parsed.data.taskCode), {})
  if (!found) notFound()
  return found
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(await requireUser(), params)
  return { title: `${detail.task.title} · ${detail.unit.name}` }
}

export default async function AssignmentPage({ params }: Props) {
  const user = await requireUser()
  const detail = await load(user, params)
  const [record, t, tQuestions, cycles] = await Promise.all([
    assignmentRecord(user, detail.id),
    getTranslations('assignment'),
    getTranslations('questions'),
    assignmentCycles(requestSource(null, user), detail.id),
  ])
  const labels = statusLabelsOf({ ...detail, dueDate: detail.task.dueDate }, new Date())
  // Another unit's assignment: its status and progress, none of its details (READ_RULES). Whoever
  // may write on an assignment may read its details, so no form is lost here.
  if (!record) {
    return (
      <ClientMessages namespaces={['assignment']}>
        <AssignmentOverview detail={detail} unitHref={unitPageHref(detail.unit.code)} labels={labels} latest={null} />
        <CyclesSection cycles={cycles} />
        <p className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">{t('detailsWithheld')}</p>
      </ClientMessages>
    )
  }
  const { history, comments } = record
  // Who may only enter what the unit sent on paper or by phone (the office) gets the same form, for the
  // unit; a merged unit's assignment takes no report (its successor's does), so no one gets it there.
  const reporting = detail.open ? reportingAs(user, detail.facts) : null
  const mayComment = can(user, 'assignment.comment', detail.facts)
  // The office and administrators publish answered questions (those already published say so).
  const publishable = allows(user, 'question.publish') ? new Map((await answeredQuestions(detail.id)).map((q) => [q.questionId, q])) : null
  return (
    <ClientMessages namespaces={['assignment', 'questions', 'upload', 'offline']}>
      <PageDataTime />
      <AssignmentOverview
        detail={detail}
        unitHref={unitPageHref(detail.unit.code)}
        labels={labels}
        latest={history[0]}
      />
      <CyclesSection cycles={cycles} />
      {reporting && (
        <p className="mt-4">
          <a href="#update-form" className="font-medium text-blue-800 underline underline-offset-2">
            {t('jumpToForm')}
          </a>
        </p>
      )}

      <section aria-labelledby="history-title" className="mt-8">
        <h2 id="history-title" className="text-lg font-semibold">
          {t('history.title')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('history.order')}</p>
        <UpdateHistory
          entries={history}
          indicator={detail.task.indicator}
          unitName={detail.unit.name}
          // Each report's own confirmer (the group's lead for the member in charge's), never its author.
          reviewSlot={(entry) =>
            canReview(user, { ...detail.facts, authorId: entry.author.id, authorMemberId: entry.author.memberId }) ? (
              <ReviewForm action={reviewStatusUpdate} updateId={entry.id} pending={entry.review.state === 'PENDING'} />
            ) : null
          }
        />
      </section>

      {reporting && (
        <section id="update-form" className="mt-8 scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <StatusUpdateForm
            action={saveStatusUpdate}
            assignmentId={detail.id}
            baseVersion={detail.version}
            // A new key each time the page is rendered: the same rendered form submitted twice is one update.
            submissionKey={randomUUID()}
            current={{ status: detail.status, progress: detail.progress, indicatorActual: detail.indicatorActual }}
            indicator={detail.task.indicator && { kind: detail.task.indicator.kind, unit: detail.task.indicator.unit, unitTarget: detail.task.indicator.unitTarget }}
            onBehalfOf={reporting === 'onBehalf' ? detail.unit.name : null}
            userId={user.id}
            queueLabel={`${detail.task.title} · ${detail.unit.name}`}
          />
        </section>
      )}

      <section aria-labelledby="questions-title" className="mt-8">
        <h2 id="questions-title" className="text-lg font-semibold">
          {tQuestions('title')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{tQuestions('intro')}</p>
        <QuestionThread
          comments={comments}
          publishSlot={
            publishable
              ? (commentId) => {
                  const answered = publishable.get(commentId)
                  return answered ? <PublishForm action={publishQuestion} {...answered} /> : null
                }
              : undefined
          }
        />
        {mayComment && (
          <div className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
            <CommentForm action={postComment} assignmentId={detail.id} />
          </div>
        )}
      </section>
    </ClientMessages>
  )
}
