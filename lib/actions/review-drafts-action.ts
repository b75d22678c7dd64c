'use server'
// The review report draft's actions; the rules live in ./review-drafts.ts. Opening a draft is a
// button (it opens the new draft's page); a section is saved by the editor as the clerk types; the
// issue fields are a form that saves them or issues the report.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { notFound, redirect } from 'next/navigation'
import { formatInstant } from '@/lib/domain/calendar'
import { reviewReportHref } from '@/lib/domain/paths'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { loggedAction } from '@/lib/log/request'
import { issueValues, NUMBER_MAX, readDraftSource, readSectionSave, RECIPIENT_MAX, RECIPIENTS_MAX, SECTION_MAX, SIGNER_MAX, type IssueField, type IssueProblems, type IssueValues } from '@/lib/validation/review-draft'
import { actionContext } from './context'
import { formAction } from './form-action'
import type { IssueFormState, SectionSaveState } from './form-states'
import { createReviewDraft, issueReviewReport, saveIssueFields, saveReviewSection, type IssueResult } from './review-drafts'

const revalidateReports = (id: string) => {
  revalidatePath('/reports')
  revalidatePath('/reports/drafts')
  revalidatePath(reviewReportHref(id))
}

/** Opens a draft (for a period, a range, or from an issued report) and goes to its page. */
export const createReviewDraftAction = loggedAction(
  'createReviewDraftAction',
  async (form: FormData): Promise<void> => {
    const context = await actionContext()
    if (!context) notFound()
    const result = await createReviewDraft(context, readDraftSource(form))
    if (result.kind === 'notFound') notFound()
    revalidateReports(result.id)
    redirect(reviewReportHref(result.id))
  },
  () => 'saved',
)

/** One section's save, sent by the editor a moment after the clerk stops typing. */
export const saveReviewSectionAction = loggedAction(
  'saveReviewSectionAction',
  async (input: { reportId: string; section: string; baseVersion: number; text: string }): Promise<SectionSaveState> => {
    const t = await getTranslations('reports.drafts.save')
    try {
      const context = await actionContext()
      if (!context) return { kind: 'refused', message: t('notFound') }
      const result = await saveReviewSection(context, readSectionSave(input), typeof input.reportId === 'string' ? input.reportId : null)
      switch (result.kind) {
        case 'notFound':
          return { kind: 'refused', message: t('notFound') }
        case 'tooLong':
          return { kind: 'refused', message: t('tooLong', { max: SECTION_MAX }) }
        case 'issued':
          return { kind: 'refused', message: t('issued') }
        case 'conflict': {
          const { current } = result
          const name = current.authorName ?? ''
          return {
            kind: 'conflict',
            message: t('conflict', { name, time: current.savedAt ? formatInstant(current.savedAt) : '' }),
            takeTheirs: t('takeTheirs', { name }),
            current: { text: current.text, version: current.version },
          }
        }
        // The page is not made again for a save: the editor holds the text, and the page is rendered per request.
        case 'saved':
          return { kind: 'saved', version: result.version, savedAt: result.savedAt.toISOString() }
      }
    } catch (error) {
      // The text stays in the editor, which says so and saves again.
      if (!isDatabaseUnavailable(error)) throw error
      const unavailable = await getTranslations('unavailable')
      return { kind: 'refused', message: unavailable('notSaved') }
    }
  },
)

type DraftsMessages = Awaited<ReturnType<typeof getTranslations<'reports'>>>

const LIMITS: Partial<Record<IssueField, number>> = { number: NUMBER_MAX, signerOnBehalfOf: SIGNER_MAX, signerTitle: SIGNER_MAX, signerName: SIGNER_MAX, recipients: RECIPIENT_MAX }

function problemMessages(problems: IssueProblems, t: DraftsMessages): Partial<Record<IssueField, string>> {
  return Object.fromEntries(
    Object.entries(problems).map(([field, p]) => {
      const f = field as IssueField
      switch (p) {
        case 'required':
          return [f, t(`drafts.problem.required.${f}`)]
        case 'dayInvalid':
          return [f, t('drafts.problem.dayInvalid')]
        case 'tooMany':
          return [f, t('drafts.problem.tooMany', { max: RECIPIENTS_MAX })]
        default:
          return [f, t('drafts.problem.tooLong', { max: LIMITS[f] ?? 0 })]
      }
    }),
  )
}

/** The issue form: "Lưu thông tin" keeps the fields on the draft; "Ban hành" issues it, and the page then shows the issued report. */
export const issueFormAction = formAction({
  name: 'issueFormAction',
  read: (form: FormData) => {
    const values = issueValues(form)
    const reportId = form.get('reportId')
    return { values, input: { values, reportId: typeof reportId === 'string' ? reportId : null, toIssue: form.get('intent') === 'issue' } }
  },
  context: actionContext,
  messages: () => getTranslations('reports'),
  run: async (context, input: { values: IssueValues; reportId: string | null; toIssue: boolean }): Promise<IssueResult & { reportId: string | null; toIssue: boolean }> => ({
    ...(await (input.toIssue ? issueReviewReport : saveIssueFields)(context, input.reportId, input.values)),
    reportId: input.reportId,
    toIssue: input.toIssue,
  }),
  revalidate: (result) => {
    if ((result.kind === 'saved' || result.kind === 'issuedNow') && result.reportId) revalidateReports(result.reportId)
  },
  answer: (result, t, values): IssueFormState => {
    switch (result.kind) {
      case 'notFound':
        return { kind: 'refused', message: t('drafts.issueNotFound'), values }
      case 'issued':
        return { kind: 'refused', message: t('drafts.alreadyIssued'), values }
      case 'invalid':
        return { kind: 'invalid', message: t(result.toIssue ? 'drafts.issueInvalid' : 'drafts.fieldsInvalid'), values, fieldErrors: problemMessages(result.problems, t) }
      case 'saved':
        return { kind: 'saved', message: t('drafts.fieldsSaved') }
      case 'issuedNow':
        redirect(`${reviewReportHref(result.reportId ?? '')}?issued=1`)
    }
  },
  notSaved: (message: string, values: IssueValues): IssueFormState => ({ kind: 'refused', message, values }),
})
