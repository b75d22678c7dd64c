import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { RemindersNotice } from '@/components/reminders'
import { landingPath } from '@/lib/auth/landing'
import { mayReadView } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { dataSnapshot } from '@/lib/db/snapshot-cache'
import { KeptSection } from '@/components/kept/kept-section'
import { districtDay, type CalendarDay } from '@/lib/domain/calendar'
import { pendingReviewCount } from '@/lib/queries/pending-reviews'
import { reminderCounts } from '@/lib/queries/reminders'
import { periodParamsSchema } from '@/lib/queries/reporting-rate'
import { cycleParamsSchema } from '@/lib/queries/report-cycles'
import { asOfParam } from '@/lib/validation/as-of'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser()
  // Staff start from their own unit; the overview is the leaders' page.
  if (!mayReadView(user, 'overview')) redirect(landingPath(user))
  const today = districtDay(new Date())
  const params = await searchParams
  const { period } = periodParamsSchema.parse(params)
  const { cycle } = cycleParamsSchema.parse(params)
  const [locale, snapshot] = await Promise.all([getLocale(), dataSnapshot()])
  return (
    <div className="space-y-8">
      {/* Two async siblings, rendered at once: neither waits for the other. No Suspense boundary, so
          the HTML comes whole and in order (a streamed boundary needs scripts to show). */}
      <Reminders user={user} today={today} />
      {/* ?asOf=YYYY-MM-DD: the district as the history says it stood at the end of that day. */}
      <KeptSection
        view="overview"
        className="space-y-8"
        sectionKey={{ snapshot, locale, today, asked: asOfParam(params.asOf), scopeUnitId: user.scopeUnitId, period, cycle }}
      />
    </div>
  )
}

/** The reader's own reminders and reports to confirm. */
async function Reminders({ user, today }: { user: CurrentUser; today: CalendarDay }) {
  const [reminders, pending] = await Promise.all([reminderCounts(user, today), pendingReviewCount(user)])
  return <RemindersNotice counts={reminders} pendingReviews={pending} />
}

