// A section's saved versions, newest first: who saved each and when, and what it said (as the page
// was opened; the box above saves on).
import { getTranslations } from 'next-intl/server'
import { formatInstant } from '@/lib/domain/calendar'
import type { SectionVersion } from '@/lib/queries/review-drafts'

export async function SectionHistory({ versions, total }: { versions: SectionVersion[]; total: number }) {
  if (versions.length === 0) return null
  const t = await getTranslations('reports.drafts')
  return (
    <details className="mt-1 text-sm">
      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-blue-800">{t('save.versions', { count: total })}</summary>
      <ol className="mt-1 space-y-2 border-l-2 border-slate-300 pl-3">
        {versions.map((v) => (
          <li key={v.version}>
            <span className="text-xs text-slate-700">{t('history', { version: v.version, name: v.authorName, time: formatInstant(v.savedAt) })}</span>
            <p className="whitespace-pre-wrap">{v.text || t('save.notWritten')}</p>
          </li>
        ))}
      </ol>
    </details>
  )
}
