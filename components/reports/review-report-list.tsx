// The review reports written in the app, each with its state: the drafts being written and the
// reports issued, with the issued files to download.
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { Badge } from '@/components/badge'
import { formatDay, formatInstant } from '@/lib/domain/calendar'
import { reviewReportFileHref, reviewReportHref } from '@/lib/domain/paths'
import type { ReviewReportRow } from '@/lib/queries/review-drafts'

const linkClass = 'font-medium text-blue-800 underline-offset-2 hover:underline'

export async function ReviewReportList({ reports, caption }: { reports: ReviewReportRow[]; caption: string }) {
  const t = await getTranslations('reports')
  const name = (r: ReviewReportRow) => r.periodName ?? t('drafts.customName', { kind: t(`kind.${r.kind}`), start: formatDay(r.startDay), end: formatDay(r.endDay) })
  return (
    <table className="w-full border-collapse text-sm max-sm:block">
      <caption className="sr-only">{caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-2 pr-4">{t('drafts.report')}</th>
          <th scope="col" className="py-2 pr-4">{t('drafts.range')}</th>
          <th scope="col" className="py-2 pr-4">{t('drafts.stateLabel')}</th>
          <th scope="col" className="py-2">{t('drafts.details')}</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {reports.map((r) => (
          <tr key={r.id} className="border-b border-slate-200 max-sm:block max-sm:py-2">
            <th scope="row" className="py-2 pr-4 text-left font-medium max-sm:block max-sm:py-0">
              <Link href={reviewReportHref(r.id)} className={linkClass}>
                {name(r)}
              </Link>
              <span className="block text-xs font-normal text-slate-600">{t(`kind.${r.kind}`)}</span>
            </th>
            <td className="py-2 pr-4 tabular-nums max-sm:block max-sm:py-0">{t('range', { start: formatDay(r.startDay), end: formatDay(r.endDay) })}</td>
            <td className="py-2 pr-4 max-sm:block max-sm:py-0">
              <Badge tone={r.state === 'ISSUED' ? 'green' : 'blue'}>{t(`drafts.state.${r.state}`)}</Badge>
            </td>
            <td className="py-2 max-sm:block max-sm:py-0">
              {r.state === 'ISSUED' && r.issuedAt ? (
                <>
                  {r.number && r.issuedOn && <span className="block">{t('drafts.numberLine', { number: r.number, day: formatDay(r.issuedOn) })}</span>}
                  <span className="block text-slate-700">{t('drafts.issuedBy', { time: formatInstant(r.issuedAt), name: r.issuedByName ?? '' })}</span>
                  <a href={reviewReportFileHref(r.id, 'docx')} download className={`mr-4 ${linkClass}`}>
                    {t('drafts.word')}
                  </a>
                  <a href={reviewReportFileHref(r.id, 'pdf')} download className={linkClass}>
                    {t('drafts.pdf')}
                  </a>
                </>
              ) : (
                <span className="text-slate-700">{t('drafts.createdBy', { time: formatInstant(r.createdAt), name: r.createdByName })}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
