'use server'
// The mail settings form's action and the two buttons of the pages mail links to (verify an
// address, stop a notice kind), which need no sign-in; the rules live in ./mail-settings.ts.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { clientIp } from '@/lib/auth/client-ip'
import { MAIL_SETTINGS_PATH } from '@/lib/mail/paths'
import { loggedAction } from '@/lib/log/request'
import { readMailSettingsForm, type MailSettingsField } from '@/lib/validation/mail-settings'
import { actionContext } from './context'
import { formAction } from './form-action'
import type { MailLinkState, MailSettingsFormState } from './form-states'
import { saveMailSettings, unsubscribe, verifyEmail } from './mail-settings'

export const saveMailSettingsAction = formAction({
  name: 'saveMailSettings',
  read: readMailSettingsForm,
  context: actionContext,
  messages: () => getTranslations('mail'),
  run: saveMailSettings,
  revalidate: () => revalidatePath(MAIL_SETTINGS_PATH),
  answer: (result, t, values): MailSettingsFormState => {
    switch (result.kind) {
      case 'notFound':
        return { kind: 'refused', message: t('notFound'), values }
      case 'invalid': {
        const fieldErrors: Partial<Record<MailSettingsField, string>> = {}
        for (const [field, problem] of Object.entries(result.problems) as [MailSettingsField, NonNullable<(typeof result.problems)[MailSettingsField]>][]) fieldErrors[field] = t(problem)
        return { kind: 'invalid', message: t('formInvalid'), values, fieldErrors }
      }
      case 'saved':
        return { kind: 'saved', message: result.verifyTo ? t('savedVerify', { email: result.verifyTo }) : t('saved') }
    }
  },
  notSaved: (message, values): MailSettingsFormState => ({ kind: 'refused', message, values }),
})

const linkContext = async () => ({ now: new Date(), ip: clientIp(await headers()) })
const tokenOf = (form: FormData) => String(form.get('token') ?? '').slice(0, 200)

export const confirmEmailAddress = loggedAction('confirmEmailAddress', async (_previous: MailLinkState, form: FormData): Promise<MailLinkState> => {
  const [result, t] = await Promise.all([verifyEmail(await linkContext(), tokenOf(form)), getTranslations('mail')])
  return result.kind === 'done' ? { kind: 'done', message: t('verifyDone', { email: result.email }) } : { kind: 'invalid', message: t('tokenInvalid') }
})

export const stopMailNotice = loggedAction('stopMailNotice', async (_previous: MailLinkState, form: FormData): Promise<MailLinkState> => {
  const [result, t] = await Promise.all([unsubscribe(await linkContext(), tokenOf(form)), getTranslations('mail')])
  return result.kind === 'done'
    ? { kind: 'done', message: t('unsubscribeDone', { notice: result.notice ? t(`notice.${result.notice}`) : t('digestNotice') }) }
    : { kind: 'invalid', message: t('tokenInvalid') }
})
