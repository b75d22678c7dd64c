import type { Metadata } from 'next'
import { getLocale } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { mayReadView } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot } from '@/lib/db/snapshot-cache'
import { KeptSection } from '@/components/kept/kept-section'
import { districtDay } from '@/lib/domain/calendar'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { communeByCode, type Commune } from '@/lib/queries/commune-detail'
import { communeHref } from '@/lib/domain/paths'
import { redirectFormerCode } from '@/lib/http/former-code'
import { asOfParam } from '@/lib/validation/as-of'

type Props = {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

async function load(user: CurrentUser, { params, searchParams }: Props): Promise<Commune> {
  if (!mayReadView(user, 'communes')) notFound()
  const code = unitCodeSchema.safeParse((await params).code)
  const found = code.success ? await communeByCode(user, code.data) : null
  if (code.success && !found) await redirectFormerCode(user, code.data, communeHref, await searchParams)
  if (!found) notFound()
  return found
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(await requireUser(), props)).name }
}

/** Nothing on it writes. */
export default async function CommunePage(props: Props) {
  const user = await requireUser()
  const commune = await load(user, props)
  const [asked, locale, snapshot] = await Promise.all([props.searchParams.then((search) => asOfParam(search.asOf)), getLocale(), dataSnapshot()])
  return <KeptSection view="commune" sectionKey={{ snapshot, locale, today: districtDay(new Date()), asked, scopeUnitId: user.scopeUnitId, commune }} />
}

