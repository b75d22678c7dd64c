import { useFormatter, useTranslations } from 'next-intl'
import { IndicatorNumber } from '@/components/indicator-value'
import { unitShare } from '@/lib/domain/indicator'
import type { TaskIndicator } from '@/lib/queries/task-progress'

/**
 * The district result as the indicator's kind counts it: "8 / 8 cơ quan" against the target;
 * "4/8 đơn vị cấp xã (50%)" meeting a condition; "6/8 đơn vị đạt mục tiêu riêng; 30 / 47 chức danh".
 */
export function IndicatorTotal({ indicator, assigned }: { indicator: TaskIndicator; assigned: number }) {
  const t = useTranslations('tasks.indicatorResult')
  const format = useFormatter()
  const share = unitShare(indicator.met, assigned)
  const shareText = share === null ? '–' : format.number(share, { style: 'percent', maximumFractionDigits: 1 })
  switch (indicator.kind) {
    case 'CONDITION':
      return <span>{t('condition', { met: indicator.met, assigned, unit: indicator.unit, share: shareText })}</span>
    case 'PER_UNIT':
      return (
        <span>
          {t('perUnit', { met: indicator.met, assigned, share: shareText })}
          {'; '}
          <IndicatorNumber value={indicator.total} />
          {indicator.targetSum !== null && (
            <>
              {' / '}
              <IndicatorNumber value={indicator.targetSum} />
            </>
          )}{' '}
          {indicator.unit}
        </span>
      )
    case 'SUM':
      return (
        <span>
          <IndicatorNumber value={indicator.total} /> / <IndicatorNumber value={indicator.target} /> {indicator.unit}
        </span>
      )
  }
}
