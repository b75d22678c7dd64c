'use server'
// The administration forms' actions; the rules live in the cores beside this file.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { adminSectionHref, type AdminSection } from '@/lib/domain/admin-paths'
import { loggedAction } from '@/lib/log/request'
import { unlockAccount } from '../account'
import type { ActionContext } from '../context'
import { actionContext, keepInputWhenDatabaseDown } from '../context'
import { resetPassword } from '../password'
import { resetTwoFactor } from '../two-factor'
import { setActive } from './active'
import { assignTask } from './assignments'
import type { AdminFormState } from './form-state'
import { saveGroup } from './groups'
import { saveMember } from './members'
import { createPeriod, lockPeriod, unlockPeriod } from './periods'
import { respond, type AdminMessages } from './respond'
import { saveTask } from './tasks'
import { saveUnit } from './units'
import { createUser, updateUser } from './users'

/** After a creation the new record's page opens; after an edit the form says it is saved. */
function savedRecord(section: AdminSection) {
  return (saved: { code: string; created: boolean }, t: AdminMessages) => ({
    message: t(saved.created ? 'common.created' : 'common.saved'),
    redirectTo: saved.created ? `${adminSectionHref(section, saved.code)}?created=1` : undefined,
  })
}

export const saveUnitAction = loggedAction('saveUnitAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => saveUnit(c, form), savedRecord('units'))
})

export const saveMemberAction = loggedAction('saveMemberAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => saveMember(c, form), savedRecord('members'))
})

export const saveGroupAction = loggedAction('saveGroupAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => saveGroup(c, form), savedRecord('groups'))
})

export const saveTaskAction = loggedAction('saveTaskAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => saveTask(c, form), savedRecord('tasks'))
})

export const createUserAction = loggedAction('createUserAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => createUser(c, form), savedRecord('users'))
})

export const updateUserAction = loggedAction('updateUserAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => updateUser(c, form), savedRecord('users'))
})

export const setActiveAction = loggedAction('setActiveAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => setActive(c, form), (saved, t) => ({ message: t(saved.active ? 'common.reactivated' : 'common.deactivated') }))
})

export const assignTaskAction = loggedAction('assignTaskAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => assignTask(c, form), (saved, t) => ({ message: t('assign.done', { created: saved.created, skipped: saved.skipped }) }))
})

export const createPeriodAction = loggedAction('createPeriodAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => createPeriod(c, form), (_saved, t) => ({ message: t('common.created') }))
})

export const lockPeriodAction = loggedAction('lockPeriodAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => lockPeriod(c, form), (_saved, t) => ({ message: t('periods.lockedDone') }))
})

export const unlockPeriodAction = loggedAction('unlockPeriodAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return respond(form, (c) => unlockPeriod(c, form), (_saved, t) => ({ message: t('periods.unlockedDone') }))
})

/** A sign-in security step on one account (its id in the form): the core answers not found or what it did. */
async function accountSecurity<Done extends { kind: string }>(
  form: FormData,
  run: (context: ActionContext, userId: string) => Promise<{ kind: 'notFound' } | Done>,
  message: (done: Done, t: AdminMessages) => string,
): Promise<AdminFormState> {
  return keepInputWhenDatabaseDown(
    async () => {
      const [context, t] = await Promise.all([actionContext(), getTranslations('admin')])
      const result = context ? await run(context, String(form.get('id') ?? '')) : ({ kind: 'notFound' } as const)
      if (result.kind === 'notFound') return { kind: 'refused', message: t('common.notFound'), values: {} }
      revalidatePath('/', 'layout')
      return { kind: 'saved', message: message(result as Done, t) }
    },
    (notSaved) => ({ kind: 'refused', message: notSaved, values: {} }),
  )
}

export const resetPasswordAction = loggedAction('resetPasswordAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return accountSecurity(form, resetPassword, (done, t) => t('users.security.resetPasswordDone', { password: done.temporaryPassword }))
})

export const unlockAccountAction = loggedAction('unlockAccountAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return accountSecurity(form, unlockAccount, (_done, t) => t('users.security.unlockDone'))
})

export const resetTwoFactorAction = loggedAction('resetTwoFactorAction', async (_previous: AdminFormState, form: FormData): Promise<AdminFormState> => {
  return accountSecurity(form, resetTwoFactor, (_done, t) => t('users.security.resetTwoFactorDone'))
})
