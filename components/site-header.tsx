import { useTranslations } from 'next-intl'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { adminHref } from '@/lib/domain/admin-paths'
import { AUDIT_PATH } from '@/lib/domain/audit-events'
import { accountHref } from '@/lib/auth/landing'
import { REMINDERS_PATH } from '@/lib/domain/paths'
import type { ReminderCounts } from '@/lib/queries/reminders'
import { SearchForm } from './search/search-form'

type Props = {
  homeHref: string
  /** Leaders and administrators get a link to the district overview. */
  showOverview: boolean
  /** Administrators get a link to the administration screens. */
  showAdmin: boolean
  /** Leaders and administrators: how many updates wait for their confirmation; null for staff. */
  pendingReviews: number | null
  /** The work overdue and due soon in the user's scope. */
  reminders: ReminderCounts
  /** Those who may read the audit trail get a link to it. */
  showAudit: boolean
  userName: string
  unitName: string
  roleLabel: string
  languageSwitch: ReactNode
  signOutAction: () => Promise<void>
}

/** Links and buttons are at least 44 px tall: the header is used on phones. */
const navLink = 'inline-flex min-h-11 items-center rounded px-2 text-sm font-medium text-blue-800 underline-offset-2 hover:bg-slate-100 hover:underline'

export function SiteHeader({ homeHref, showOverview, showAdmin, pendingReviews, reminders, showAudit, userName, unitName, roleLabel, languageSwitch, signOutAction }: Props) {
  const t = useTranslations()
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <div className="min-w-0">
          <Link href={homeHref} className="block font-semibold text-red-800 hover:underline">
            {t('app.title')}
          </Link>
          <p className="text-sm text-slate-600">{t('app.district')}</p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <section aria-label={t('header.account')} className="text-sm leading-tight">
            <p className="font-medium">
              <Link href={accountHref} title={t('header.accountLink')} className="text-blue-800 underline-offset-2 hover:underline">
                {userName}
              </Link>
            </p>
            <p className="text-slate-600">
              {roleLabel} · {unitName}
            </p>
          </section>
          <div className="[&_button]:min-h-11">{languageSwitch}</div>
          <form action={signOutAction}>
            <button type="submit" className="min-h-11 rounded border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100">
              {t('header.signOut')}
            </button>
          </form>
        </div>
        <div className="flex w-full flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-slate-100 pt-2">
          <nav aria-label={t('header.navigation')} className="-mx-2 flex flex-wrap items-center gap-x-1">
            {showOverview && (
              <Link href="/" className={navLink}>
                {t('header.overview')}
              </Link>
            )}
            <Link href={REMINDERS_PATH} className={`${navLink} gap-1.5`}>
              {t('reminders.nav')}
              <span
                title={t('reminders.navCount', reminders)}
                className={`rounded-full px-2 text-xs font-semibold tabular-nums ${reminders.overdue > 0 ? 'bg-red-700 text-white' : reminders.dueSoon > 0 ? 'bg-amber-500 text-slate-950' : 'bg-slate-200 text-slate-800'}`}
              >
                {reminders.overdue + reminders.dueSoon}
              </span>
              <span className="sr-only">({t('reminders.navCount', reminders)})</span>
            </Link>
            <Link href="/communes" className={navLink}>
              {t('header.communes')}
            </Link>
            <Link href="/members" className={navLink}>
              {t('header.members')}
            </Link>
            <Link href="/tasks" className={navLink}>
              {t('header.tasks')}
            </Link>
            {pendingReviews !== null && (
              <Link href="/reviews" className={`${navLink} gap-1.5`}>
                {t('header.reviews')}
                <span
                  className={`rounded-full px-2 text-xs font-semibold tabular-nums ${pendingReviews > 0 ? 'bg-amber-500 text-slate-950' : 'bg-slate-200 text-slate-800'}`}
                >
                  {pendingReviews}
                </span>
              </Link>
            )}
            {showOverview && (
              <Link href="/reports" className={navLink}>
                {t('header.reports')}
              </Link>
            )}
            {showAudit && (
              <Link href={AUDIT_PATH} className={navLink}>
                {t('audit.nav')}
              </Link>
            )}
            {showAdmin && (
              <Link href={adminHref} className={navLink}>
                {t('admin.title')}
              </Link>
            )}
          </nav>
          <SearchForm compact />
        </div>
      </div>
    </header>
  )
}
