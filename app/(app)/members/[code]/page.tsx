import type { Metadata } from 'next'
import { getLocale } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { asOfParam } from '@/lib/validation/as-of'
import { mayReadView } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot } from '@/lib/db/snapshot-cache'
import { KeptSection } from '@/components/kept/kept-section'
import { districtDay } from '@/lib/domain/calendar'
import { memberByCode, type Member } from '@/lib/queries/member-progress'

type Props = {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

async function load(user: CurrentUser, params: Props['params']): Promise<Member> {
  if (!mayReadView(user, 'members')) notFound()
  const member = await memberByCode(user, (await params).code)
  if (!member) notFound()
  return member
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(await requireUser(), params)).name }
}

/** One member: the groups they lead, the units in their charge, what awaits them, what is overdue. */
export default async function MemberPage({ params, searchParams }: Props) {
  const user = await requireUser()
  const member = await load(user, params)
  const [asked, locale, snapshot] = await Promise.all([searchParams.then((search) => asOfParam(search.asOf)), getLocale(), dataSnapshot()])
  return (
    <KeptSection
      view="member"
      sectionKey={{ snapshot, locale, today: districtDay(new Date()), asked, scopeUnitId: user.scopeUnitId, member, ownPage: user.memberId === member.id }}
    />
  )
}

