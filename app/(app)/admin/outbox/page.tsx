import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import { AdminHeading, AdminTable, linkClass } from '@/components/admin/parts'
import { Badge } from '@/components/badge'
import { adminSectionHref } from '@/lib/domain/admin-paths'
import { formatInstant } from '@/lib/domain/calendar'
import { MAIL_STATUSES, type MailStatus } from '@/lib/domain/mail'
import { requireAdmin } from '@/lib/queries/admin'
import { outboxList } from '@/lib/queries/mail'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mail')
  return { title: t('outboxTitle') }
}

const TONES = { QUEUED: 'blue', SENT: 'green', KEPT: 'grey', FAILED: 'red' } as const

type Props = { searchParams: Promise<{ status?: string | string[] }> }

/** The mail made for the accounts of the administrator's subtree: sent, waiting, kept (no SMTP_URL), or failed with the error. */
export default async function OutboxPage({ searchParams }: Props) {
  const admin = await requireAdmin()
  const requested = (await searchParams).status
  const status = MAIL_STATUSES.find((s) => s === requested) ?? null
  const [t, mails] = await Promise.all([getTranslations('mail'), outboxList(admin, status)])
  const filterHref = (s: MailStatus | null) => (s ? `${adminSectionHref('outbox')}?status=${s}` : adminSectionHref('outbox'))
  return (
    <>
      <AdminHeading section="outbox" title={t('outboxTitle')} />
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('outboxIntro')}</p>
      <ul className="mt-4 flex flex-wrap gap-3 text-sm">
        {[null, ...MAIL_STATUSES].map((s) => (
          <li key={s ?? 'all'}>
            <Link href={filterHref(s)} aria-current={s === status ? 'page' : undefined} className={`${linkClass} aria-[current=page]:font-bold`}>
              {s ? t(`status.${s}`) : t('outboxAll')}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        {mails.length === 0 ? (
          <p className="text-sm text-slate-700">{t('outboxEmpty')}</p>
        ) : (
          <AdminTable
            caption={t('outboxTitle')}
            headings={[t('column.createdAt'), t('column.to'), t('column.subject'), t('column.status'), t('column.error')]}
            rows={mails.map((mail) => ({
              key: mail.id,
              cells: [
                formatInstant(mail.createdAt),
                `${mail.recipientName} <${mail.toAddress}>`,
                <details key="subject">
                  <summary className="cursor-pointer">{mail.subject}</summary>
                  <pre className="mt-2 max-w-xl whitespace-pre-wrap break-words font-sans text-xs">{mail.text}</pre>
                </details>,
                <span key="status">
                  <Badge tone={TONES[mail.status]}>{t(`status.${mail.status}`)}</Badge>
                  {mail.attempts > 0 && <span className="ml-1 text-xs text-slate-600">{t('attempts', { count: mail.attempts })}</span>}
                </span>,
                mail.lastError ?? '',
              ],
            }))}
          />
        )}
      </div>
    </>
  )
}
