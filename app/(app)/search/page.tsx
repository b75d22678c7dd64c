import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { SearchForm } from '@/components/search/search-form'
import { SearchResultList } from '@/components/search/search-results'
import { requireUser } from '@/lib/auth/session'
import { MIN_QUERY_LENGTH, searchResults } from '@/lib/queries/search-results'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** `?q=…`: a repeated or missing parameter is no query; a long one is cut to the box's length. */
const querySchema = z.object({ q: z.string().transform((q) => q.slice(0, 100)).catch('') })

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('search')
  return { title: t('title') }
}

/** One box for units, tasks and members, with or without diacritics. */
export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser()
  const [{ q }, t] = await Promise.all([searchParams.then((params) => querySchema.parse(params)), getTranslations('search')])
  const query = q.trim()
  const asked = query.length >= MIN_QUERY_LENGTH
  const results = asked ? await searchResults(user, query) : null
  const count = results ? results.units.length + results.tasks.length + results.members.length : 0
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <SearchForm query={q} />
      <div className="mt-6">
        {q !== '' && !asked && (
          <p role="status" className="text-slate-800">
            {t('tooShort', { min: MIN_QUERY_LENGTH })}
          </p>
        )}
        {results && (
          <>
            <p role="status" className="mb-4 text-slate-800">
              {count === 0 ? t('noResults', { query }) : t('found', { count, query })}
              {results.limited && ` ${t('limited')}`}
            </p>
            <SearchResultList results={results} />
          </>
        )}
      </div>
    </>
  )
}
