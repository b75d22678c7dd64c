// The addresses mail links to: absolute, from the app's public origin (mailEnvSchema: AUTH_URL, else
// this computer's). The verification and unsubscribe pages need no sign-in.
import { mailEnvSchema, parseEnv } from '@/lib/config/env'

export function appOrigin(env: Record<string, string | undefined> = process.env): string {
  const { AUTH_URL, PORT } = parseEnv(mailEnvSchema, env)
  return AUTH_URL ? new URL(AUTH_URL).origin : `http://localhost:${PORT}`
}

export const verifyEmailHref = (token: string) => `/verify-email/${encodeURIComponent(token)}`
export const unsubscribeHref = (token: string) => `/unsubscribe/${encodeURIComponent(token)}`
/** RFC 8058's one-click POST (List-Unsubscribe-Post), answered without a page. */
export const unsubscribeApiHref = (token: string) => `/api/mail/unsubscribe/${encodeURIComponent(token)}`
export const MAIL_SETTINGS_PATH = '/account/mail'
export const OUTBOX_PATH = '/admin/outbox'

/** What stands for a link's token where a person other than the recipient reads the mail. */
export const MASKED_TOKEN = '••••••'

/**
 * The mail's text with the tokens of its verification and unsubscribe links masked: the outbox
 * shows an administrator what went out and where each link leads, never a link that would act for
 * the account.
 */
export function maskMailTokens(text: string): string {
  return text.replace(/(\/(?:verify-email|unsubscribe|api\/mail\/unsubscribe)\/)[^\s<>"'/]+/g, `$1${MASKED_TOKEN}`)
}
