import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { ProgressBar } from '@/components/progress-bar'

export type ProgressItem = { key: string; href: string; name: string; progress: number; overdue: number }

/** Task groups or units, each with its average progress and its overdue count. */
export function ProgressList({ items, emptyMessage }: { items: ProgressItem[]; emptyMessage: string }) {
  const t = useTranslations('members')
  if (items.length === 0) return <p className="text-sm text-slate-700">{emptyMessage}</p>
  return (
    <ul className="space-y-2 text-sm">
      {items.map((item) => (
        <li key={item.key}>
          <Link href={item.href} className="inline-block py-0.5 font-medium text-blue-800 underline-offset-2 hover:underline">
            {item.name}
          </Link>
          <span className="flex flex-wrap items-center gap-x-3">
            <ProgressBar value={item.progress} />
            <span className={item.overdue > 0 ? 'font-semibold text-red-800' : 'text-slate-600'}>{t('overdueCount', { count: item.overdue })}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
