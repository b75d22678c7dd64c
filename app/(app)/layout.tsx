// The signed-in part of the app: the header. Each page still checks the session itself (and sends a
// user who owes a new password or two-factor enrolment there; the header alone is shown to them too).
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { ClientMessages } from '@/components/client-messages'
import { LanguageSwitch } from '@/components/language-switch'
import { PrintedAt } from '@/components/printed-at'
import { ReportQueue } from '@/components/report-queue'
import { SiteHeader } from '@/components/site-header'
import { signOutAndLeave } from '@/lib/actions/sign-in-action'
import { switchLocale } from '@/lib/actions/locale-action'
import { landingPath } from '@/lib/auth/landing'
import { allows } from '@/lib/auth/permissions'
import { requireSession } from '@/lib/auth/session'
import { districtDay, formatInstant } from '@/lib/domain/calendar'
import { HEADER_COUNT_CAP } from '@/lib/domain/notifications'
import { nameValues } from '@/lib/domain/organisation'
import { unreadNotificationCount } from '@/lib/queries/notifications'
import { organisationOn } from '@/lib/queries/organisation'
import { pendingReviewCount } from '@/lib/queries/pending-reviews'
import { reminderCounts } from '@/lib/queries/reminders'

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession()
  const now = new Date()
  const [t, tApp, locale, organisation, pending, reminders, notifications] = await Promise.all([
    getTranslations('roles'),
    getTranslations('app'),
    getLocale(),
    organisationOn(districtDay(now), user.scopeUnitId),
    allows(user, 'review.queue') ? pendingReviewCount(user) : null,
    reminderCounts(user, districtDay(now)),
    unreadNotificationCount(user, now, HEADER_COUNT_CAP + 1),
  ])
  return (
    <>
      <SiteHeader
        homeHref={landingPath(user)}
        organisation={organisation && tApp('committee', nameValues(organisation.home))}
        showOverview={allows(user, 'overview.read')}
        showReports={allows(user, 'report.create')}
        administration={allows(user, 'admin.manage') ? 'all' : allows(user, 'period.manage') ? 'periods' : null}
        pendingReviews={pending}
        reminders={reminders}
        notifications={notifications}
        showAudit={allows(user, 'audit.read')}
        userName={user.displayName}
        unitName={user.unit.name}
        roleLabel={t(user.role)}
        languageSwitch={<LanguageSwitch current={locale} action={switchLocale} />}
        signOutAction={signOutAndLeave}
        queue={
          <ClientMessages namespaces={['offline']}>
            <ReportQueue userId={user.id} />
          </ClientMessages>
        }
      />
      {/* On paper the header is left out: who made the page and when stand at its top instead. */}
      <p className="hidden text-sm text-slate-700 print:block">
        {organisation && `${tApp('committee', nameValues(organisation.home))} · `}
        <PrintedAt label={tApp('printedAt', { time: '{time}' })} renderedAt={formatInstant(now)} />
      </p>
      <main className="mx-auto max-w-6xl px-4 py-6 print:px-0 print:py-2">{children}</main>
    </>
  )
}
