// The account's mail settings form (app/(app)/account/mail): the address, the notices, how they
// come (at once, a daily digest at an hour of the district's day, none), the days ahead of a
// deadline, the mail's language. Problems are keys of the `mail` messages.
import { z } from 'zod'
import { MAIL_DELIVERIES, MAIL_NOTICES, type MailDelivery, type MailNotice } from '@/lib/domain/mail'
import { LOCALES, type AppLocale } from '@/lib/i18n/locales'

export type MailSettingsField = 'email' | 'notices' | 'delivery' | 'digestHour' | 'dueWithinDays' | 'locale'
export type MailSettingsProblem = 'emailInvalid' | 'emailTaken' | 'hourInvalid' | 'daysInvalid' | 'choiceInvalid'
export type MailSettingsProblems = Partial<Record<MailSettingsField, MailSettingsProblem>>

/** As typed, sent back with a refusal. */
export type MailSettingsValues = { email: string; notices: string[]; delivery: string; digestHour: string; dueWithinDays: string; locale: string }

export type MailSettings = { email: string | null; notices: MailNotice[]; delivery: MailDelivery; digestHour: number; dueWithinDays: number; locale: AppLocale }

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim().slice(0, 320) : '')
const wholeIn = (min: number, max: number) => z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(min).max(max))

/** Reads the form once: the values as typed, and the settings or the problem of each field. */
export function readMailSettingsForm(form: FormData): { values: MailSettingsValues; input: { settings: MailSettings } | { problems: MailSettingsProblems } } {
  const values: MailSettingsValues = {
    email: text(form.get('email')),
    notices: form.getAll('notices').map(text),
    delivery: text(form.get('delivery')),
    digestHour: text(form.get('digestHour')),
    dueWithinDays: text(form.get('dueWithinDays')),
    locale: text(form.get('locale')),
  }
  const problems: MailSettingsProblems = {}
  const email = values.email === '' ? null : z.email().safeParse(values.email)
  if (email && !email.success) problems.email = 'emailInvalid'
  const notices = z.array(z.enum(MAIL_NOTICES)).safeParse(values.notices)
  if (!notices.success) problems.notices = 'choiceInvalid'
  const delivery = z.enum(MAIL_DELIVERIES).safeParse(values.delivery)
  if (!delivery.success) problems.delivery = 'choiceInvalid'
  const digestHour = wholeIn(0, 23).safeParse(values.digestHour)
  if (!digestHour.success) problems.digestHour = 'hourInvalid'
  const dueWithinDays = wholeIn(1, 30).safeParse(values.dueWithinDays)
  if (!dueWithinDays.success) problems.dueWithinDays = 'daysInvalid'
  const locale = z.enum(LOCALES).safeParse(values.locale)
  if (!locale.success) problems.locale = 'choiceInvalid'
  if (Object.keys(problems).length > 0 || !notices.success || !delivery.success || !digestHour.success || !dueWithinDays.success || !locale.success) return { values, input: { problems } }
  return {
    values,
    input: {
      settings: {
        // Stored lower-case: one address, however it is written, belongs to one account.
        email: email?.success ? email.data.toLowerCase() : null,
        notices: [...new Set(notices.data)],
        delivery: delivery.data,
        digestHour: digestHour.data,
        dueWithinDays: dueWithinDays.data,
        locale: locale.data,
      },
    },
  }
}
