import type { ReactNode } from 'react'
import { useTranslations } from 'next-intl'
import { formatInstant } from '@/lib/domain/calendar'
import type { CommentEntry } from '@/lib/queries/assignment-detail'

/**
 * The question-and-answer thread, oldest first. Bodies are plain text: React escapes them. Each
 * comment is an anchor (`#comment-<id>`), where a notification of it leads.
 * `publishSlot` puts what the page gives (the publish form, for who may publish) under a comment.
 */
export function QuestionThread({ comments, publishSlot }: { comments: CommentEntry[]; publishSlot?: (commentId: string) => ReactNode }) {
  const t = useTranslations('questions')
  const tRole = useTranslations('roles')
  if (comments.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ol className="space-y-3">
      {comments.map((comment) => {
        const staff = comment.author.role === 'STAFF'
        return (
          <li key={comment.id} id={`comment-${comment.id}`} className={`scroll-mt-4 rounded-lg border p-3 ${staff ? 'border-slate-200 bg-white' : 'border-blue-200 bg-blue-50 sm:ml-8'}`}>
            <p className="text-sm">
              <span className="font-semibold">{comment.author.name}</span>
              <span className="text-slate-600">
                {' '}
                · {tRole(comment.author.role)}, {comment.author.unitName} ·{' '}
              </span>
              <time dateTime={comment.createdAt.toISOString()} className="tabular-nums text-slate-700">
                {formatInstant(comment.createdAt)}
              </time>
            </p>
            <p className="mt-1 whitespace-pre-line break-words">{comment.body}</p>
            {publishSlot?.(comment.id)}
          </li>
        )
      })}
    </ol>
  )
}
