import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/pagination'
import { PublishedList } from '@/components/questions/published-list'
import { QuestionFilters } from '@/components/questions/question-filters'
import { QuestionList } from '@/components/questions/question-list'
import { requireUser } from '@/lib/auth/session'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { publishedQuestions, questionFilterChoices, questionThreads } from '@/lib/queries/questions'
import { pageParam } from '@/lib/validation/page'
import { questionFilterOf } from '@/lib/validation/questions'

/** A thread's card is well under 1 KB: 30 a page, a few screens on a phone. */
const THREADS_PER_PAGE = 30
/** The newest published questions and answers shown beside the threads. */
const PUBLISHED_SHOWN = 20

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('questions.page')
  return { title: t('title') }
}

/** Every account: the threads it may read (READ_RULES), filtered, the oldest waiting first; and the district's published answers. */
export default async function QuestionsPage({ searchParams }: Props) {
  const user = await requireUser()
  const params = await searchParams
  const filter = questionFilterOf(params)
  const page = pageParam(params.page)
  const [threads, published, choices, t, tPublished] = await Promise.all([
    questionThreads(user, filter, new Date(), THREADS_PER_PAGE, offsetOf(page, THREADS_PER_PAGE)),
    publishedQuestions(user, PUBLISHED_SHOWN, 0),
    questionFilterChoices(user),
    getTranslations('questions.page'),
    getTranslations('questions.published'),
  ])
  if (page > 1 && threads.rows.length === 0) notFound()
  const kept = { state: filter.state ?? undefined, unit: filter.unit ?? undefined, group: filter.group ?? undefined }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t('intro')}</p>
      <QuestionFilters units={choices.units} groups={choices.groups} current={filter} />
      <section aria-labelledby="threads-title">
        <h2 id="threads-title" className="mb-3 text-lg font-semibold">
          {t('count', { count: threads.total })}
        </h2>
        <QuestionList threads={threads.rows} />
        <Pagination page={page} pageCount={pageCountOf(threads.total, THREADS_PER_PAGE)} href={(n) => pagedHref('/questions', kept, n)} label={t('pages')} />
      </section>
      <section aria-labelledby="published-title" className="mt-10">
        <h2 id="published-title" className="text-lg font-semibold">
          {tPublished('title')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{tPublished('intro')}</p>
        <PublishedList items={published.rows} />
      </section>
    </>
  )
}
