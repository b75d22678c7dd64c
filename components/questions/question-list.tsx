import { useTranslations } from 'next-intl'
import { Badge } from '@/components/badge'
import Link from '@/components/link'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { assignmentHref } from '@/lib/domain/paths'
import type { QuestionThreadRow } from '@/lib/queries/questions'

/** The threads, one card each: the task (to its page), the unit, the question's first lines, who asked when, how long it waited. */
export function QuestionList({ threads }: { threads: QuestionThreadRow[] }) {
  const t = useTranslations('questions.page')
  if (threads.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ol className="space-y-3">
      {threads.map((thread) => (
        <li key={thread.questionId} className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={thread.answered ? 'green' : 'amber'}>{thread.answered ? t('answered') : t('waiting')}</Badge>
            <span className="tabular-nums text-slate-700">{t(thread.answered ? 'answeredAfter' : 'waitedFor', { days: thread.waitedDays })}</span>
            {thread.published && <Badge tone="blue">{t('publishedMark')}</Badge>}
          </div>
          <h3 className="mt-2 font-semibold">
            <Link href={assignmentHref(thread.unit.code, thread.task.code)} className="text-blue-800 underline-offset-2 hover:underline">
              {thread.task.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-700">{thread.unit.name}</p>
          <p className="mt-2 line-clamp-3 whitespace-pre-line break-words">{thread.excerpt}</p>
          <p className="mt-1 text-sm text-slate-600">{t('asked', { name: thread.askedBy, date: formatDay(districtDay(thread.askedAt)) })}</p>
        </li>
      ))}
    </ol>
  )
}
