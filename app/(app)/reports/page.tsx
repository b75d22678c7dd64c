import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { formatDay } from '@/lib/domain/calendar'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { progressMoment } from '@/lib/queries/as-of'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports')
  return { title: t('title') }
}

/** Leaders and administrators download the review reports; for anyone else the page does not exist. */
export default async function ReportsPage() {
  const user = await requireUser()
  if (!allows(user, 'report.create')) notFound()
  const now = new Date()
  const [periods, t] = await Promise.all([reportingPeriods(), getTranslations('reports')])
  const href = (code: string, format: 'docx' | 'pdf') => `/reports/review?${new URLSearchParams({ period: code, format }).toString()}`
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-700">{t('intro')}</p>
      {periods.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-2 pr-4">{t('period')}</th>
              <th scope="col" className="py-2 pr-4">{t('dates')}</th>
              <th scope="col" className="py-2 pr-4">{t('asOf')}</th>
              <th scope="col" className="py-2">{t('download')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period.code} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {period.name}
                  <span className="block text-xs font-normal text-slate-600">{t(`kind.${period.kind}`)}</span>
                </th>
                <td className="py-2 pr-4">{t('range', { start: formatDay(period.startDay), end: formatDay(period.endDay) })}</td>
                <td className="py-2 pr-4">{formatDay(progressMoment(period.endDay, now).day)}</td>
                <td className="py-2">
                  <a href={href(period.code, 'docx')} download className="mr-4 font-medium text-blue-800 underline-offset-2 hover:underline">
                    {t('word')}
                  </a>
                  <a href={href(period.code, 'pdf')} download className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {t('pdf')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-3 text-sm text-slate-600">{t('note')}</p>
    </>
  )
}
