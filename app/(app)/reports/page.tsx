import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { formatDay } from '@/lib/domain/calendar'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { progressSource } from '@/lib/queries/progress-source'
import { secondaryButtonClass } from '@/components/form-parts'
import Link from '@/components/link'
import { ReportRangeForm } from '@/components/reports/report-range-form'
import { ReviewReportList } from '@/components/reports/review-report-list'
import { createReviewDraftAction } from '@/lib/actions/review-drafts-action'
import { reviewReports } from '@/lib/queries/review-drafts'
import type { ReportFormat } from '@/lib/reports/review-report-response'
import type { FieldProblem } from '@/lib/validation/messages'
import { parseReportRange } from '@/lib/validation/report-range'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Leaders, the office and administrators download the review reports and read the issued ones; the
 * office and administrators open a draft to write from here. For anyone else the page does not exist.
 */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await requireUser()
  if (!allows(user, 'report.create')) notFound()
  const now = new Date()
  const writes = allows(user, 'report.write')
  const [periods, query, t, tValidation, written] = await Promise.all([reportingPeriods(user), searchParams, getTranslations('reports'), getTranslations('validation'), reviewReports(user)])
  const issued = written.filter((r) => r.state === 'ISSUED')
  const startDraft = (fields: Record<string, string>, label: string) => (
    <form action={createReviewDraftAction} className="mt-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondaryButtonClass}>
        {label}
      </button>
    </form>
  )
  const href = (params: Record<string, string>, format: ReportFormat) => `/reports/review?${new URLSearchParams({ ...params, format }).toString()}`
  const custom = parseReportRange(new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))))
  const message = (p: FieldProblem | undefined) => p && tValidation(p.code, p.params)
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-700">{t('intro')}</p>
      {writes && (
        <p className="mb-4 text-sm">
          <Link href="/reports/drafts" className="font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('drafts.listLink')}
          </Link>
        </p>
      )}
      {periods.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        // On a phone each period is a block of its own (a four-column table there left one word a line).
        <table className="w-full border-collapse text-sm max-sm:block">
          <thead className="max-sm:sr-only">
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-2 pr-4">{t('period')}</th>
              <th scope="col" className="py-2 pr-4">{t('dates')}</th>
              <th scope="col" className="py-2 pr-4">{t('asOf')}</th>
              <th scope="col" className="py-2">{t('download')}</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {periods.map((period) => (
              <tr key={period.code} className="border-b border-slate-200 max-sm:block max-sm:py-2">
                <th scope="row" className="py-2 pr-4 text-left font-medium max-sm:block max-sm:py-0">
                  {period.name}
                  <span className="block text-xs font-normal text-slate-600">{t(`kind.${period.kind}`)}</span>
                </th>
                <td className="py-2 pr-4 max-sm:block max-sm:py-0">
                  <span className="sm:hidden">{t('dates')}: </span>
                  {t('range', { start: formatDay(period.startDay), end: formatDay(period.endDay) })}
                </td>
                <td className="py-2 pr-4 max-sm:block max-sm:py-0">
                  <span className="sm:hidden">{t('asOf')}: </span>
                  {formatDay(progressSource(period.endDay, now).day)}
                </td>
                <td className="py-2 max-sm:block max-sm:py-0">
                  <a href={href({ period: period.code }, 'docx')} download className="mr-4 font-medium text-blue-800 underline-offset-2 hover:underline">
                    {t('word')}
                  </a>
                  <a href={href({ period: period.code }, 'pdf')} download className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {t('pdf')}
                  </a>
                  {writes && startDraft({ period: period.code }, t('drafts.start'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-3 text-sm text-slate-600">{t('note')}</p>

      <section aria-labelledby="custom-title" className="mt-8 space-y-3">
        <h2 id="custom-title" className="text-lg font-semibold">
          {t('custom.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('custom.intro')}</p>
        <ReportRangeForm
          values={custom.kind === 'valid' ? custom.input : custom.kind === 'invalid' ? custom.typed : {}}
          errors={custom.kind === 'invalid' ? { from: message(custom.problems.from), to: message(custom.problems.to) } : {}}
        />
        {custom.kind === 'valid' && (
          <p role="status" className="text-sm">
            {t('custom.ready', {
              kind: t(`kind.${custom.input.kind}`).toLowerCase(),
              start: formatDay(custom.input.from),
              end: formatDay(custom.input.to),
              asOf: formatDay(progressSource(custom.input.to, now).day),
            })}{' '}
            <a href={href(custom.input, 'docx')} download className="mr-4 font-medium text-blue-800 underline-offset-2 hover:underline">
              {t('word')}
            </a>
            <a href={href(custom.input, 'pdf')} download className="font-medium text-blue-800 underline-offset-2 hover:underline">
              {t('pdf')}
            </a>
          </p>
        )}
        {custom.kind === 'valid' && writes && startDraft(custom.input, t('drafts.startRange'))}
      </section>

      {issued.length > 0 && (
        <section aria-labelledby="issued-title" className="mt-8 space-y-3">
          <h2 id="issued-title" className="text-lg font-semibold">
            {t('drafts.issuedTitle')}
          </h2>
          <ReviewReportList reports={issued} caption={t('drafts.issuedTitle')} />
        </section>
      )}
    </>
  )
}
