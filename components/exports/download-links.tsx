// "Tải về: CSV · Excel" under a progress page's heading: the page's figures as spreadsheets, with
// the page's filters. Plain links: a download needs no client code.
import { useTranslations } from 'next-intl'
import { exportPath, type ExportView } from '@/lib/reports/exports/paths'
import type { en } from '@/messages'

type Props = {
  view: ExportView
  /** The unit, member or task code; none for the district overview. */
  code?: string
  /** The table the CSV file carries (the Excel file has every section). */
  table: keyof typeof en.exports.sheets
  /** The page's filters in force, e.g. { status: 'overdue', group: undefined }. */
  filters?: Record<string, string | undefined>
  /** The district's whole register of assignments rather than the page's own tables. */
  register?: boolean
}

const linkClass = 'inline-flex min-h-11 min-w-11 items-center justify-center font-medium text-blue-800 underline-offset-2 hover:underline'

export function DownloadLinks({ view, code, table, filters = {}, register = false }: Props) {
  const t = useTranslations('exports')
  const name = t(`sheets.${table}`)
  const search = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString()
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 print:hidden">
      <span>{register ? t('register.download') : t('download')}</span>
      <a href={exportPath(view, code ?? null, 'csv', search)} download aria-label={register ? t('register.csvLabel') : t('csvLabel', { table: name })} className={linkClass}>
        {t('csv')}
      </a>
      <span aria-hidden>·</span>
      <a href={exportPath(view, code ?? null, 'xlsx', search)} download aria-label={register ? t('register.xlsxLabel') : t('xlsxLabel')} className={linkClass}>
        {t('xlsx')}
      </a>
      {!register && <span className="text-slate-600">{t('csvNote', { table: name })}</span>}
    </p>
  )
}
