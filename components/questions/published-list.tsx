import { useTranslations } from 'next-intl'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import type { PublishedQuestionRow } from '@/lib/queries/questions'

/** The district's public questions and answers; the asking unit only where the office named it. */
export function PublishedList({ items }: { items: PublishedQuestionRow[] }) {
  const t = useTranslations('questions.published')
  if (items.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">
            {t('task', { title: item.taskTitle })}
            {item.unitName !== null && <> · {t('unit', { unit: item.unitName })}</>}
          </p>
          <dl className="mt-2 space-y-2">
            <div>
              <dt className="text-sm font-semibold">{t('question')}</dt>
              <dd className="whitespace-pre-line break-words">{item.question}</dd>
            </div>
            <div className="rounded border-l-4 border-blue-300 bg-blue-50 px-3 py-2">
              <dt className="text-sm font-semibold">{t('answer')}</dt>
              <dd className="whitespace-pre-line break-words">{item.answer}</dd>
            </div>
          </dl>
          <p className="mt-2 text-sm text-slate-600">{t('on', { date: formatDay(districtDay(item.publishedAt)) })}</p>
        </li>
      ))}
    </ol>
  )
}
