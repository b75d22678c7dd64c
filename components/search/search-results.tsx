import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { Hit, SearchResults } from '@/lib/queries/search-results'
import { memberHref, taskHref, unitHref, unitPageHref } from '@/lib/domain/paths'

type Group = { kind: 'unit' | 'task' | 'member'; hits: (Hit & { href: string; merged?: boolean; split?: boolean })[] }

/** The hits grouped by kind (units, tasks, members), each linking to its page. */
export function SearchResultList({ results }: { results: SearchResults }) {
  const t = useTranslations('search')
  const groups: Group[] = [
    // A merged commune's progress page is its successor's; its own unit page says where it went. A split commune keeps its page.
    { kind: 'unit', hits: results.units.map((u) => ({ ...u, href: u.merged ? unitPageHref(u.code) : unitHref(u.code, u.unitKind) })) },
    { kind: 'task', hits: results.tasks.map((h) => ({ ...h, href: taskHref(h.code) })) },
    { kind: 'member', hits: results.members.map((h) => ({ ...h, href: memberHref(h.code) })) },
  ]
  return (
    <div className="space-y-6">
      {groups
        .filter((group) => group.hits.length > 0)
        .map((group) => (
          <section key={group.kind} aria-labelledby={`results-${group.kind}`}>
            <h2 id={`results-${group.kind}`} className="mb-2 text-lg font-semibold">
              {t(`kinds.${group.kind}`)} <span className="text-base font-normal text-slate-600">({group.hits.length})</span>
            </h2>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {group.hits.map((hit) => (
                <li key={hit.code}>
                  <Link href={hit.href} className="block px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700">
                    <span className="block font-medium text-blue-800">
                      {hit.name}
                      {hit.merged && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{t('merged')}</span>}
                      {hit.split && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{t('split')}</span>}
                    </span>
                    {hit.detail && <span className="block text-sm text-slate-700">{hit.detail}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  )
}
