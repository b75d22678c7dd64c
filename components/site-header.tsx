import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import type { ReactNode } from 'react'
import { adminHref, adminSectionHref } from '@/lib/domain/admin-paths'
import { AUDIT_PATH } from '@/lib/audit/events'
import { accountHref } from '@/lib/auth/landing'
import { HEADER_COUNT_CAP, NOTIFICATIONS_PATH } from '@/lib/domain/notifications'
import { REMINDERS_PATH } from '@/lib/domain/paths'
import type { ReminderCounts } from '@/lib/queries/reminders'
import { SearchForm } from './search/search-form'

type Props = {
  homeHref: string
  /** The committee the app serves, from the unit tree (lib/queries/organisation.ts); null when the tree names none. */
  organisation: string | null
  /** Who reads the district overview (leaders, the office, administrators) gets a link to it. */
  showOverview: boolean
  /** Who makes the review reports gets a link to them. */
  showReports: boolean
  /** Administrators get a link to the administration screens; the office, to the reporting periods alone. */
  administration: 'all' | 'periods' | null
  /** Leaders and administrators: how many updates wait for their confirmation; null for the others. */
  pendingReviews: number | null
  /** The work overdue and due soon in the user's scope. */
  reminders: ReminderCounts
  /** The user's unread notifications ("Việc cần xử lý"); every signed-in role has them. */
  notifications: number
  /** Those who may read the audit trail get a link to it. */
  showAudit: boolean
  userName: string
  unitName: string
  roleLabel: string
  languageSwitch: ReactNode
  signOutAction: () => Promise<void>
  /** The user's reports waiting on this device to be sent (components/report-queue.tsx), under both layouts. */
  queue?: ReactNode
}

/** Links and buttons are at least 44 px tall: the header is used on phones. */
const navLink = 'inline-flex min-h-11 items-center rounded px-2 text-sm font-medium text-blue-800 underline-offset-2 hover:bg-slate-100 hover:underline'

/**
 * Desktops see everything in three rows. On a phone those rows took half the screen, so there the
 * header is one row (the title, the notifications and reminders counts, and a menu button) and the rest opens below
 * it: a <details> element, which opens without JavaScript. The two layouts are hidden by CSS, so
 * each screen has one copy in its accessibility tree.
 */
export function SiteHeader(props: Props) {
  const t = useTranslations()
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto max-w-6xl px-4 py-2 md:hidden">
        <div className="flex min-h-11 items-center gap-1 pr-20">
          {/* Tight lines: with both counts beside it the title may take three at 360 px. */}
          <Title href={props.homeHref} className="leading-tight" />
          <NotificationsLink count={props.notifications} label={false} />
          <RemindersLink counts={props.reminders} label={false} />
        </div>
        <details>
          <summary className="absolute top-2 right-4 inline-flex min-h-11 cursor-pointer list-none items-center rounded border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
            {t('header.menu')}
          </summary>
          <div className="mt-2 space-y-3 border-t border-slate-100 pt-2">
            <NavLinks {...props} />
            <SearchForm compact />
            <AccountBlock {...props} />
          </div>
        </details>
      </div>
      <div className="mx-auto hidden max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 md:flex">
        <div className="min-w-0">
          <Title href={props.homeHref} />
          {props.organisation && <p className="text-sm text-slate-600">{props.organisation}</p>}
        </div>
        <AccountBlock {...props} />
        <div className="flex w-full flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-slate-100 pt-2">
          <NavLinks {...props} />
          <SearchForm compact />
        </div>
      </div>
      {props.queue}
    </header>
  )
}

function Title({ href, className = '' }: { href: string; className?: string }) {
  const t = useTranslations('app')
  return (
    <Link href={href} className={`block min-w-0 font-semibold text-red-800 hover:underline ${className}`}>
      {t('title')}
    </Link>
  )
}

function AccountBlock({ userName, unitName, roleLabel, languageSwitch, signOutAction }: Props) {
  const t = useTranslations('header')
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <section aria-label={t('account')} className="text-sm leading-tight">
        <p className="font-medium">
          <Link href={accountHref} title={t('accountLink')} className="text-blue-800 underline-offset-2 hover:underline">
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
          {t('signOut')}
        </button>
      </form>
    </div>
  )
}

/**
 * The reminders link with its count; on a phone's top row only the count shows, with its name for
 * screen readers. The two count links stand on every page: not fetched ahead (the pages have no
 * loading state to show early, and a weak signal paid some 3 KB for them at every page).
 */
function RemindersLink({ counts, label }: { counts: ReminderCounts; label: boolean }) {
  const t = useTranslations('reminders')
  return (
    <Link href={REMINDERS_PATH} prefetch={false} className={`${navLink} min-w-11 shrink-0 justify-center gap-1.5`}>
      <span className={label ? undefined : 'sr-only'}>{t('nav')}</span>
      <span
        title={t('navCount', counts)}
        className={`rounded-full px-2 text-xs font-semibold tabular-nums ${counts.overdue > 0 ? 'bg-red-700 text-white' : counts.dueSoon > 0 ? 'bg-amber-500 text-slate-950' : 'bg-slate-200 text-slate-800'}`}
      >
        {counts.overdue + counts.dueSoon}
      </span>
      <span className="sr-only">({t('navCount', counts)})</span>
    </Link>
  )
}

/**
 * "Việc cần xử lý" with the unread count. On a phone's top row the count stands beside the
 * reminders' count, so a bell inside its badge tells them apart; its name is for screen readers.
 */
function NotificationsLink({ count, label }: { count: number; label: boolean }) {
  const t = useTranslations('notifications')
  const more = count > HEADER_COUNT_CAP
  const name = more ? t('navCountMore', { count: HEADER_COUNT_CAP }) : t('navCount', { count })
  return (
    <Link href={NOTIFICATIONS_PATH} prefetch={false} className={`${navLink} min-w-11 shrink-0 justify-center gap-1.5`}>
      <span className={label ? undefined : 'sr-only'}>{t('nav')}</span>
      <span
        title={name}
        className={`inline-flex items-center gap-0.5 rounded-full px-2 text-xs font-semibold tabular-nums ${count > 0 ? 'bg-blue-700 text-white' : 'bg-slate-200 text-slate-800'}`}
      >
        {!label && (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3 w-3 fill-current">
            <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.6L15 10.6V7a5 5 0 0 0-5-5Zm-2 14a2 2 0 0 0 4 0H8Z" />
          </svg>
        )}
        {more ? `${HEADER_COUNT_CAP}+` : count}
      </span>
      <span className="sr-only">({name})</span>
    </Link>
  )
}

function NavLinks({ showOverview, showReports, administration, pendingReviews, reminders, notifications, showAudit }: Props) {
  const t = useTranslations()
  return (
    <nav aria-label={t('header.navigation')} className="-mx-2 flex flex-wrap items-center gap-x-1">
      {showOverview && (
        <Link href="/" className={navLink}>
          {t('header.overview')}
        </Link>
      )}
      <NotificationsLink count={notifications} label />
      <RemindersLink counts={reminders} label />
      <Link href="/communes" className={navLink}>
        {t('header.communes')}
      </Link>
      <Link href="/members" className={navLink}>
        {t('header.members')}
      </Link>
      <Link href="/tasks" className={navLink}>
        {t('header.tasks')}
      </Link>
      <Link href="/questions" className={navLink}>
        {t('header.questions')}
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
      {showReports && (
        <Link href="/reports" className={navLink}>
          {t('header.reports')}
        </Link>
      )}
      {showAudit && (
        <Link href={AUDIT_PATH} className={navLink}>
          {t('audit.nav')}
        </Link>
      )}
      {administration === 'all' && (
        <Link href={adminHref} className={navLink}>
          {t('admin.title')}
        </Link>
      )}
      {administration === 'periods' && (
        <Link href={adminSectionHref('periods')} className={navLink}>
          {t('admin.sections.periods')}
        </Link>
      )}
    </nav>
  )
}
