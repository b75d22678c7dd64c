import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { NotificationList } from '@/components/notification-list'
import { Pagination } from '@/components/pagination'
import { markAllNotificationsRead } from '@/lib/actions/notifications-action'
import { requireUser } from '@/lib/auth/session'
import { NOTIFICATIONS_PATH } from '@/lib/domain/notifications'
import { offsetOf, pageCountOf, pagedHref } from '@/lib/domain/paging'
import { notificationList, unreadNotificationCount } from '@/lib/queries/notifications'
import { pageParam } from '@/lib/validation/page'

/** An entry is a few lines: 30 a page, a few screens on a phone. */
const ENTRIES_PER_PAGE = 30

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications')
  return { title: t('title') }
}

/**
 * Every account: its own notifications, the unread first (what a clerk must still do), then those
 * read, the newest first in each; the unread and the read of a page under a heading each.
 */
export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser()
  const page = pageParam((await searchParams).page)
  const now = new Date()
  const [list, unread, t] = await Promise.all([
    notificationList(user, now, ENTRIES_PER_PAGE, offsetOf(page, ENTRIES_PER_PAGE)),
    unreadNotificationCount(user, now),
    getTranslations('notifications'),
  ])
  if (page > 1 && list.rows.length === 0) notFound()
  const unreadRows = list.rows.filter((entry) => !entry.read)
  const readRows = list.rows.filter((entry) => entry.read)
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-slate-700">{t(`intro.${user.role}`)}</p>
      </header>
      {list.total === 0 && <p className="text-slate-700">{t('empty')}</p>}
      {unreadRows.length > 0 && (
        <section aria-labelledby="notifications-unread" className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="notifications-unread" className="text-lg font-semibold">
              {t('unread', { count: unread })}
            </h2>
            <form action={markAllNotificationsRead}>
              <input type="hidden" name="shownAt" value={now.toISOString()} />
              <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100">
                {t('markAll')}
              </button>
            </form>
          </div>
          <NotificationList entries={unreadRows} />
        </section>
      )}
      {readRows.length > 0 && (
        <section aria-labelledby="notifications-read" className="space-y-2">
          <h2 id="notifications-read" className="text-lg font-semibold">
            {t('read')}
          </h2>
          <NotificationList entries={readRows} />
        </section>
      )}
      <Pagination page={page} pageCount={pageCountOf(list.total, ENTRIES_PER_PAGE)} href={(n) => pagedHref(NOTIFICATIONS_PATH, {}, n)} label={t('pages')} />
    </div>
  )
}
