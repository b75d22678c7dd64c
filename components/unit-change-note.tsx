// "Đổi tên từ … ngày …" / "Đổi mã từ … ngày …" under a unit's heading: its latest rename and
// re-code in force on the page's day.
import { getTranslations } from 'next-intl/server'
import { formatDay } from '@/lib/domain/calendar'
import type { UnitHistory } from '@/lib/queries/unit-history'

export async function UnitChangeNote({ history }: { history: Pick<UnitHistory, 'renamed' | 'recoded'> | null }) {
  if (!history || (!history.renamed && !history.recoded)) return null
  const t = await getTranslations('unit')
  return (
    <p className="mt-1 text-sm text-slate-700">
      {[
        history.renamed && t('renamedFrom', { name: history.renamed.from, date: formatDay(history.renamed.day) }),
        history.recoded && t('recodedFrom', { code: history.recoded.from, date: formatDay(history.recoded.day) }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  )
}
