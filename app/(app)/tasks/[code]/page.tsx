import type { Metadata } from 'next'
import { getLocale } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { mayReadView, readerOf } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot } from '@/lib/db/snapshot-cache'
import { KeptSection } from '@/components/kept/kept-section'
import { districtDay } from '@/lib/domain/calendar'
import { requestSource, type ProgressSource } from '@/lib/queries/progress-source'
import { asOfParam } from '@/lib/validation/as-of'
import { pageParam } from '@/lib/validation/page'
import { taskProgressByCode, type TaskProgress } from '@/lib/queries/task-progress'

type Props = {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

async function load(user: CurrentUser, params: Props['params'], source: ProgressSource): Promise<TaskProgress> {
  if (!mayReadView(user, 'tasks')) notFound()
  const task = await taskProgressByCode(source, (await params).code)
  if (!task) notFound()
  return task
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser()
  return { title: (await load(user, params, requestSource(null, user))).title }
}

/** One task across every unit it is assigned to: where each stands, the district's result, the latest reports. */
export default async function TaskPage({ params, searchParams }: Props) {
  const user = await requireUser()
  const query = await searchParams
  const asked = asOfParam(query.asOf)
  const source = requestSource(asked, user)
  const [task, locale, snapshot] = await Promise.all([load(user, params, source), getLocale(), dataSnapshot()])
  const section = { snapshot, locale, today: districtDay(new Date()), asked, scopeUnitId: user.scopeUnitId, code: task.code }
  // Two async siblings, rendered at once: neither waits for the other.
  return (
    <>
      <KeptSection view="task" sectionKey={{ ...section, page: pageParam(query.page) }} />
      <KeptSection view="task-reports" sectionKey={{ ...section, reader: readerOf(user) }} />
    </>
  )
}
