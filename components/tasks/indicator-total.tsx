import { IndicatorNumber } from '@/components/indicator-value'
import type { TaskIndicator } from '@/lib/queries/task-progress'

/** The district result against the target: "4 / 4 đơn vị cấp xã". */
export function IndicatorTotal({ indicator }: { indicator: TaskIndicator }) {
  return (
    <span>
      <IndicatorNumber value={indicator.total} /> / <IndicatorNumber value={indicator.target} /> {indicator.unit}
    </span>
  )
}
