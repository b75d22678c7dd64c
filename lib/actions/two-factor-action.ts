'use server'
// The two-factor page's forms and its button; the rules live in ./two-factor.ts.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { twoFactorHref } from '@/lib/auth/landing'
import { readCodeForm } from '@/lib/validation/two-factor'
import { accountActionContext, type AccountActionContext } from './context'
import { buttonAction, formAction } from './form-action'
import type { TwoFactorFormState } from './form-states'
import { minutesUntil } from './session-cookie'
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, startEnrolment, type TwoFactorResult } from './two-factor'

export const startTwoFactorEnrolment = buttonAction(
  'startTwoFactorEnrolment',
  async () => {
    const context = await accountActionContext()
    if (context) await startEnrolment(context)
  },
  () => revalidatePath(twoFactorHref),
)

/** A form of one code: the core, and the message on success. */
function codeForm(name: string, core: (context: AccountActionContext, code: string | null) => Promise<TwoFactorResult>, done: 'enabled' | 'regenerated' | 'disabled', revalidate?: () => void) {
  return formAction({
    name,
    read: readCodeForm,
    context: accountActionContext,
    messages: () => getTranslations('account'),
    run: core,
    revalidate: (result) => {
      if (result.kind === 'done') revalidate?.()
    },
    answer: (result, t, _values, now): TwoFactorFormState => {
      switch (result.kind) {
        case 'invalid':
          return { kind: 'invalid', message: t('formInvalid'), fieldErrors: { code: t(result.problem) } }
        case 'locked':
          return { kind: 'refused', message: t('locked', { minutes: minutesUntil(result.until, now) }) }
        case 'notFound':
          return { kind: 'refused', message: t('notFound') }
        case 'done':
          return { kind: 'saved', message: t(done), recoveryCodes: result.recoveryCodes }
      }
    },
    notSaved: (message: string): TwoFactorFormState => ({ kind: 'refused', message }),
  })
}

// Enrolling does not refresh the page: the recovery codes stay on screen until the user goes on.
export const confirmTwoFactor = codeForm('confirmTwoFactor', confirmEnrolment, 'enabled')
export const replaceRecoveryCodes = codeForm('replaceRecoveryCodes', regenerateRecoveryCodes, 'regenerated')
export const turnOffTwoFactor = codeForm('turnOffTwoFactor', disableTwoFactor, 'disabled', () => revalidatePath(twoFactorHref))
