// A unit's indicators as its kind frames each: "5 / 12 chức danh (chưa đạt mục tiêu)", "Đạt".
import Link from '@/components/link'
import { IndicatorProgress } from '@/components/indicator-value'
import { assignmentHref } from '@/lib/domain/paths'
import type { UnitIndicatorRow } from '@/lib/queries/unit-indicators'

export function UnitIndicatorList({ unitCode, rows, labelledBy }: { unitCode: string; rows: UnitIndicatorRow[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.taskCode} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4" data-indicator={row.taskCode}>
          <Link href={assignmentHref(unitCode, row.taskCode)} className="text-blue-800 underline-offset-2 hover:underline">
            {row.title}
          </Link>
          <span className="shrink-0 font-semibold sm:text-right">
            <IndicatorProgress {...row.indicator} />
          </span>
        </li>
      ))}
    </ul>
  )
}
