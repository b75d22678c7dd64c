import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { ReminderList } from '@/components/reminders'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { districtDay } from '@/lib/domain/calendar'
import { DUE_SOON_DAYS } from '@/lib/domain/status'
import { pendingReviewCount } from '@/lib/queries/pending-reviews'
import { reminderCounts, reminders } from '@/lib/queries/reminders'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reminders')
  return { title: t('title') }
}

/** Enough for any commune's list; a district-wide list past it points to the units' pages. */
const SHOWN = 200

/** Everyone: the work in their scope overdue or due within DUE_SOON_DAYS days; leaders also the reports awaiting them. */
export default async function RemindersPage() {
  const user = await requireUser()
  const today = districtDay(new Date())
  const [counts, listed, pending, t] = await Promise.all([
    reminderCounts(user, today),
    reminders(user, today, SHOWN),
    allows(user, 'review.queue') ? pendingReviewCount(user) : null,
    getTranslations('reminders'),
  ])
  const hidden = counts.overdue + counts.dueSoon - listed.length
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-slate-700">{t(`scope.${user.role}`, { days: DUE_SOON_DAYS })}</p>
        <p className="mt-1 text-sm text-slate-700">{t('cycles', { days: DUE_SOON_DAYS })}</p>
      </header>
      {pending !== null && pending > 0 && (
        <p>
          {t('pending', { count: pending })}{' '}
          <Link href="/reviews" className="font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('pendingLink')}
          </Link>
        </p>
      )}
      <section aria-labelledby="reminders-overdue" className="space-y-2">
        <h2 id="reminders-overdue" className="text-lg font-semibold">
          {t('overdue', { count: counts.overdue })}
        </h2>
        <ReminderList reminders={listed.filter((r) => r.overdue)} today={today} empty={t('noneOverdue')} />
      </section>
      <section aria-labelledby="reminders-due-soon" className="space-y-2">
        <h2 id="reminders-due-soon" className="text-lg font-semibold">
          {t('dueSoon', { count: counts.dueSoon, days: DUE_SOON_DAYS })}
        </h2>
        <ReminderList reminders={listed.filter((r) => !r.overdue)} today={today} empty={t('noneDueSoon', { days: DUE_SOON_DAYS })} />
      </section>
      {hidden > 0 && <p className="text-sm text-slate-700">{t('more', { count: hidden })}</p>}
    </div>
  )
}
