'use server'
// The two-factor page's forms; the rules live in ./two-factor.ts.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { twoFactorHref } from '@/lib/auth/landing'
import { loggedAction } from '@/lib/log/request'
import type { TwoFactorFormState } from './account-forms'
import { accountActionContext, type AccountActionContext } from './account-context'
import { keepInputWhenDatabaseDown, unavailablePageWhenDatabaseDown } from './context'
import { minutesUntil } from './session-cookie'
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, startEnrolment, type TwoFactorResult } from './two-factor'

export const startTwoFactorEnrolment = loggedAction('startTwoFactorEnrolment', async (): Promise<void> => {
  await unavailablePageWhenDatabaseDown(async () => {
    const context = await accountActionContext()
    if (context) await startEnrolment(context)
  })
  revalidatePath(twoFactorHref)
})

/** Runs a core and words its answer; `done` is the message on success. */
async function answer(
  core: (context: AccountActionContext, form: FormData) => Promise<TwoFactorResult>,
  done: 'enabled' | 'regenerated' | 'disabled',
  form: FormData,
): Promise<TwoFactorFormState> {
  return keepInputWhenDatabaseDown(
    async () => {
      const [context, t] = await Promise.all([accountActionContext(), getTranslations('account')])
      if (!context) return { kind: 'refused', message: t('notFound') }
      const result = await core(context, form)
      switch (result.kind) {
        case 'invalid':
          return { kind: 'invalid', message: t('formInvalid'), fieldErrors: { code: t(result.problem) } }
        case 'locked':
          return { kind: 'refused', message: t('locked', { minutes: minutesUntil(result.until, context.now) }) }
        case 'notFound':
          return { kind: 'refused', message: t('notFound') }
        case 'done':
          return { kind: 'saved', message: t(done), recoveryCodes: result.recoveryCodes }
      }
    },
    (message) => ({ kind: 'refused', message }),
  )
}

// Enrolling does not refresh the page: the recovery codes stay on screen until the user goes on.
export const confirmTwoFactor = loggedAction('confirmTwoFactor', async (_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
  return answer(confirmEnrolment, 'enabled', form)
})

export const replaceRecoveryCodes = loggedAction('replaceRecoveryCodes', async (_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
  return answer(regenerateRecoveryCodes, 'regenerated', form)
})

export const turnOffTwoFactor = loggedAction('turnOffTwoFactor', async (_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
  const state = await answer(disableTwoFactor, 'disabled', form)
  if (state.kind === 'saved') revalidatePath(twoFactorHref)
  return state
})
