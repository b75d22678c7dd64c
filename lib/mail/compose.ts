// What a mail says, in the account's language: plain text, and a simple HTML of one narrow column
// that reads on a phone. Pure: the outbox (./outbox.ts) stores what this returns.
import { createTranslator } from 'next-intl'
import type { MailNotice } from '@/lib/domain/mail'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { resolveLocale, type AppLocale } from '@/lib/i18n/locales'
import { en, vi } from '@/messages'

export type ComposedMail = { subject: string; text: string; html: string }

const translator = (locale: AppLocale) => createTranslator({ locale, messages: locale === 'en' ? en : vi, namespace: 'mail', timeZone: DISTRICT_TIME_ZONE })

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Paragraphs, a button-like link, and a footer with its own links, in both forms. */
function layout(parts: { paragraphs: string[]; action: { label: string; href: string }; footer: string; footerLink?: { label: string; href: string } }): Omit<ComposedMail, 'subject'> {
  const { paragraphs, action, footer, footerLink } = parts
  const text = [...paragraphs, `${action.label}: ${action.href}`, '', '--', footer, ...(footerLink ? [`${footerLink.label}: ${footerLink.href}`] : [])].join('\n\n')
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">
<div style="max-width:560px;margin:0 auto">
${paragraphs.map((p) => `<p style="margin:0 0 12px;white-space:pre-line">${escapeHtml(p)}</p>`).join('\n')}
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

export type NoticeMail = {
  kind: MailNotice
  locale: string
  recipientName: string
  unitName: string
  taskTitle: string
  actorName: string
  /** The reviewer's reason, or the answer. */
  text: string | null
  link: string
  unsubscribeLink: string
}

export function composeNotice(mail: NoticeMail): ComposedMail {
  const t = translator(resolveLocale(mail.locale))
  const values = { unit: mail.unitName, task: mail.taskTitle, actor: mail.actorName }
  const [subject, body, detail] =
    mail.kind === 'REPORT_RETURNED'
      ? [t('returnedSubject', values), t('returnedBody', values), mail.text && t('reason', { reason: mail.text })]
      : [t('answeredSubject', values), t('answeredBody', values), mail.text && t('answer', { answer: mail.text })]
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
