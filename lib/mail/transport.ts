// The SMTP server mail goes through (nodemailer), always over TLS: smtps:// from the first byte, or
// smtp:// with STARTTLS required (a server that does not offer it is refused, never sent to in the
// clear). Without SMTP_URL there is none: mail stays in the outbox (status KEPT).
import nodemailer from 'nodemailer'
import { mailEnvSchema, parseEnv } from '@/lib/config/env'

export type MailEnvelope = { from: string; to: string; subject: string; text: string; html: string; headers: Record<string, string> }
export type MailTransport = { send(mail: MailEnvelope): Promise<void> }

export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl)
  if (url.protocol === 'smtp:' && !url.searchParams.has('requireTLS')) url.searchParams.set('requireTLS', 'true')
  // A mail server that does not answer fails the attempt in seconds; the queue retries it later.
  const timeouts: [string, string][] = [['connectionTimeout', '10000'], ['greetingTimeout', '10000'], ['socketTimeout', '30000']]
  for (const [key, value] of timeouts) if (!url.searchParams.has(key)) url.searchParams.set(key, value)
  const transporter = nodemailer.createTransport(url.toString())
  return {
    async send(mail) {
      await transporter.sendMail(mail)
    },
  }
}

/** The transport the environment gives, and who mail is from; null without SMTP_URL. */
export function configuredTransport(env: Record<string, string | undefined> = process.env): { transport: MailTransport | null; from: string } {
  const { SMTP_URL, MAIL_FROM } = parseEnv(mailEnvSchema, env)
  return { transport: SMTP_URL ? smtpTransport(SMTP_URL) : null, from: MAIL_FROM }
}
