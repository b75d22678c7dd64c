'use server'
// The account page's "sign out everywhere" button; the rule lives in ./account.ts.
import { signOut } from '@/lib/auth/auth'
import { signOutEverywhere } from './account'
import { accountActionContext } from './context'
import { buttonAction } from './form-action'

export const signOutEverywhereAndLeave = buttonAction(
  'signOutEverywhereAndLeave',
  async () => {
    const context = await accountActionContext()
    if (context) await signOutEverywhere(context)
  },
  () => signOut({ redirectTo: '/login' }),
)
