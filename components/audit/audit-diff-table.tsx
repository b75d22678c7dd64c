// An event's before and after: one row per changed field. Long values show their start, with the
// whole value behind a disclosure (no script needed). The detail fields the reader may not read
// (withheld by the query) are named, with a note in place of their values.
import { useTranslations } from 'next-intl'
import type { AuditDiffRow, AuditValue } from '@/lib/audit/diff'

function Value({ value }: { value: AuditValue }) {
  const t = useTranslations('audit.diff')
  switch (value.kind) {
    case 'absent':
      return <span className="text-slate-500">{t('absent')}</span>
    case 'null':
      return <span className="italic text-slate-600">{t('null')}</span>
    case 'text':
      return value.preview === null ? (
        <span className="whitespace-pre-wrap wrap-anywhere">{value.text}</span>
      ) : (
        <details>
          <summary className="cursor-pointer wrap-anywhere">
            {value.preview} <span className="font-medium text-blue-800">{t('full')}</span>
          </summary>
          <p className="mt-1 whitespace-pre-wrap break-all">{value.text}</p>
        </details>
      )
  }
}

export function AuditDiffTable({ rows, withheld }: { rows: AuditDiffRow[]; withheld: readonly string[] }) {
  const t = useTranslations('audit.diff')
  if (rows.length === 0 && withheld.length === 0) return null
  return (
    <table className="w-full min-w-64 table-fixed border-collapse text-xs">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-700">
          <th scope="col" className="w-[30%] py-1 pr-2 font-semibold">{t('field')}</th>
          <th scope="col" className="w-[35%] py-1 pr-2 font-semibold">{t('before')}</th>
          <th scope="col" className="w-[35%] py-1 font-semibold">{t('after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field ?? ''} className="border-b border-slate-100 align-top last:border-0">
            <th scope="row" className="break-all py-1 pr-2 text-left font-mono font-normal text-slate-800">
              {row.field ?? t('value')}
            </th>
            <td className="py-1 pr-2">
              <Value value={row.before} />
            </td>
            <td className="py-1">
              <Value value={row.after} />
            </td>
          </tr>
        ))}
        {withheld.map((field) => (
          <tr key={`withheld-${field}`} className="border-b border-slate-100 align-top last:border-0">
            <th scope="row" className="break-all py-1 pr-2 text-left font-mono font-normal text-slate-800">
              {field}
            </th>
            <td colSpan={2} className="py-1 italic text-slate-600">
              {t('withheld')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
