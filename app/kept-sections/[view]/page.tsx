// A kept section rendered for the app itself (lib/queries/kept-html.ts), which takes the section's
// element out of this page: only a request with this process's token is answered, every other is
// not found. The key is the one the reader's page made after its own checks (who may read what).
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { CommuneSections } from '@/components/kept/commune-sections'
import type { KeptKeys } from '@/components/kept/kept-section'
import { MemberSections } from '@/components/kept/member-sections'
import { OverviewSections } from '@/components/kept/overview-sections'
import { TaskReportsSection, TaskSections } from '@/components/kept/task-sections'
import { SELF_TOKEN_HEADER, isSelfRequest } from '@/lib/http/self-request'
import { KEPT_SECTION_END_ID, KEPT_SECTION_ID, KEPT_VIEWS, type KeptView } from '@/lib/queries/kept-html'

type Props = { params: Promise<{ view: string }>; searchParams: Promise<{ key?: string | string[] }> }

export default async function KeptSectionPage({ params, searchParams }: Props) {
  if (!isSelfRequest((await headers()).get(SELF_TOKEN_HEADER))) notFound()
  const [{ view }, { key }] = await Promise.all([params, searchParams])
  if (!KEPT_VIEWS.includes(view as KeptView) || typeof key !== 'string') notFound()
  return (
    <>
      <div id={KEPT_SECTION_ID}>{section(view as KeptView, key)}</div>
      <div id={KEPT_SECTION_END_ID} hidden />
    </>
  )
}

/** The view's section for the key, as its page made it (the token vouches for it). */
function section(view: KeptView, key: string) {
  const parse = <V extends KeptView>(): KeptKeys[V] => JSON.parse(key) as KeptKeys[V]
  switch (view) {
    case 'overview':
      return <OverviewSections {...parse<'overview'>()} />
    case 'commune':
      return <CommuneSections {...parse<'commune'>()} />
    case 'member':
      return <MemberSections {...parse<'member'>()} />
    case 'task':
      return <TaskSections {...parse<'task'>()} />
    case 'task-reports':
      return <TaskReportsSection {...parse<'task-reports'>()} />
  }
}
