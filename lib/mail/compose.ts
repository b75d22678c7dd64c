// What a mail says, in the account's language: plain text, and a simple HTML of one narrow column
// that reads on a phone. Pure: the outbox (./outbox.ts) stores what this returns.
import { createTranslator } from 'next-intl'
import type { MailNotice } from '@/lib/domain/mail'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import type { ReportCycle } from '@/lib/domain/report-cycle'
import { resolveLocale, type AppLocale } from '@/lib/i18n/locales'
import { en, vi } from '@/messages'

export type ComposedMail = { subject: string; text: string; html: string }

const translator = (locale: AppLocale) => createTranslator({ locale, messages: locale === 'en' ? en : vi, namespace: 'mail', timeZone: DISTRICT_TIME_ZONE })

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

type MailLink = { label: string; href: string }

/** Paragraphs, each with its link if it has one, a button-like link, and a footer with its own link, in both forms. */
function layout(parts: { paragraphs: (string | { text: string; link: MailLink })[]; action: MailLink; footer: string; footerLink?: MailLink }): Omit<ComposedMail, 'subject'> {
  const { action, footer, footerLink } = parts
  const paragraphs = parts.paragraphs.map((p) => (typeof p === 'string' ? { text: p, link: null } : p))
  const paragraphHtml = ({ text, link }: { text: string; link: MailLink | null }) =>
    `<p style="margin:0 0 12px;white-space:pre-line">${escapeHtml(text)}${link ? `<br><a href="${escapeHtml(link.href)}" style="color:#1e40af">${escapeHtml(link.label)}</a>` : ''}</p>`
  const text = [
    ...paragraphs.map(({ text, link }) => (link ? `${text}\n${link.label}: ${link.href}` : text)),
    `${action.label}: ${action.href}`,
    '--',
    footer,
    ...(footerLink ? [`${footerLink.label}: ${footerLink.href}`] : []),
  ].join('\n\n')
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">
<div style="max-width:560px;margin:0 auto">
${paragraphs.map(paragraphHtml).join('\n')}
<p style="margin:20px 0"><a href="${escapeHtml(action.href)}" style="display:inline-block;padding:10px 16px;background:#1e40af;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a></p>
<p style="margin:24px 0 0;font-size:13px;color:#475569">${escapeHtml(footer)}${footerLink ? `<br><a href="${escapeHtml(footerLink.href)}" style="color:#475569">${escapeHtml(footerLink.label)}</a>` : ''}</p>
</div></body></html>`
  return { text, html }
}

export type VerificationMail = { locale: string; recipientName: string; email: string; link: string }

export function composeVerification(mail: VerificationMail): ComposedMail {
  const t = translator(resolveLocale(mail.locale))
  return {
    subject: t('verifySubject'),
    ...layout({
      paragraphs: [t('greeting', { name: mail.recipientName }), t('verifyBody', { email: mail.email }), t('verifyExpires')],
      action: { label: t('verifyAction'), href: mail.link },
      footer: t('verifyIgnore'),
    }),
  }
}

/** One notice: what happened or falls due, where, by whom, and the page it leads to. */
export type NoticeItem = {
  kind: Exclude<MailNotice, 'WEEKLY_DIGEST'>
  unitName: string
  taskTitle: string
  actorName: string
  /** The reviewer's reason, the answer, the report's note or the question. */
  text: string | null
  link: string
  /** A calendar notice's deadline (dd/mm/yyyy). */
  deadline?: string
  /** The reporting cycle a calendar notice is about; none for a task's own due date. */
  cycle?: Pick<ReportCycle, 'kind' | 'year' | 'number'> | null
  /** The units a cycle's notice lists (UNITS_NOT_REPORTED, UNITS_LATE). */
  units?: string[]
}

export type NoticeMail = NoticeItem & { locale: string; recipientName: string; unsubscribeLink: string }

export type DigestMail = { locale: string; recipientName: string; day: string; hour: number; items: NoticeItem[]; settingsLink: string; unsubscribeLink: string }

/** The daily digest: every notice of the day's window, each with its own link. */
export function composeDigest(mail: DigestMail): ComposedMail {
  const t = translator(resolveLocale(mail.locale))
  return {
    subject: t('digestSubject', { date: mail.day, count: mail.items.length }),
    ...layout({
      paragraphs: [
        t('greeting', { name: mail.recipientName }),
        t('digestIntro', { count: mail.items.length }),
        ...mail.items.map((item) => {
          const [, body, detail] = noticeParts(t, item)
          return { text: detail ? `${body}\n${detail}` : body, link: { label: t('open'), href: item.link } }
        }),
      ],
      action: { label: t('digestSettings'), href: mail.settingsLink },
      footer: t('digestFooter', { hour: mail.hour }),
      footerLink: { label: t('unsubscribeDigest'), href: mail.unsubscribeLink },
    }),
  }
}

/** What one notice says: its subject, its sentence, and its detail (the reason, the answer, the note, the question, the units). */
function noticeParts(t: ReturnType<typeof translator>, notice: NoticeItem): readonly [string, string, string | null] {
  const cycle = notice.cycle ? t(notice.cycle.kind === 'MONTHLY' ? 'cycleMonth' : 'cycleQuarter', { number: notice.cycle.number, year: notice.cycle.year }) : ''
  const values = { unit: notice.unitName, task: notice.taskTitle, actor: notice.actorName, date: notice.deadline ?? '', cycle }
  const units = notice.units ?? []
  switch (notice.kind) {
    case 'REPORT_RETURNED':
      return [t('returnedSubject', values), t('returnedBody', values), notice.text && t('reason', { reason: notice.text })]
    case 'QUESTION_ANSWERED':
      return [t('answeredSubject', values), t('answeredBody', values), notice.text && t('answer', { answer: notice.text })]
    case 'REPORT_AWAITING_CONFIRMATION':
      return [t('awaitingSubject', values), t('awaitingBody', values), notice.text && t('note', { note: notice.text })]
    case 'QUESTION_AWAITING_ANSWER':
      return [t('questionWaitingSubject', values), t('questionWaitingBody', values), notice.text && t('question', { question: notice.text })]
    case 'DUE_SOON':
      return [t('dueSoonSubject', values), t(notice.cycle ? 'cycleDueSoonBody' : 'dueSoonBody', values), null]
    case 'OVERDUE':
      return [t('overdueSubject', values), t(notice.cycle ? 'cycleOverdueBody' : 'overdueBody', values), null]
    case 'UNITS_NOT_REPORTED':
      return [t('unitsNotReportedSubject', values), t('unitsNotReportedBody', { ...values, count: units.length }), units.map((unit) => `- ${unit}`).join('\n')]
    case 'UNITS_LATE':
      return [t('unitsLateSubject', values), t('unitsLateBody', { ...values, count: units.length }), units.map((unit) => `- ${unit}`).join('\n')]
  }
}

export function composeNotice(mail: NoticeMail): ComposedMail {
  const t = translator(resolveLocale(mail.locale))
  const [subject, body, detail] = noticeParts(t, mail)
  return {
    subject,
    ...layout({
      paragraphs: [t('greeting', { name: mail.recipientName }), body, ...(detail ? [detail] : [])],
      action: { label: t('open'), href: mail.link },
      footer: t('footer', { notice: t(`notice.${mail.kind}`) }),
      footerLink: { label: t('unsubscribe'), href: mail.unsubscribeLink },
    }),
  }
}

/** A unit of the weekly digest, in the member page's order. */
export type WeeklyUnit = { name: string; overdue: number; dueSoon: number; progress: number }

export type WeeklyMail = { locale: string; recipientName: string; day: string; hour: number; units: WeeklyUnit[]; link: string; unsubscribeLink: string }

/** The members' weekly digest: the units in their charge, ranked as the member page ranks them. */
export function composeWeekly(mail: WeeklyMail): ComposedMail {
  const t = translator(resolveLocale(mail.locale))
  const lines = mail.units.map((unit, index) => t('weeklyLine', { rank: index + 1, unit: unit.name, overdue: unit.overdue, dueSoon: unit.dueSoon, progress: unit.progress }))
  return {
    subject: t('weeklySubject', { date: mail.day }),
    ...layout({
      paragraphs: [t('greeting', { name: mail.recipientName }), t('weeklyIntro'), lines.join('\n')],
      action: { label: t('weeklyAction'), href: mail.link },
      footer: t('weeklyFooter', { hour: mail.hour }),
      footerLink: { label: t('unsubscribeWeekly'), href: mail.unsubscribeLink },
    }),
  }
}
