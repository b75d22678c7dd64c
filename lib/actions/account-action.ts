'use server'
// The account page's "sign out everywhere" button; the rule lives in ./account.ts.
import { signOut } from '@/lib/auth/auth'
import { loggedAction } from '@/lib/log/request'
import { signOutEverywhere } from './account'
import { accountActionContext } from './account-context'
import { unavailablePageWhenDatabaseDown } from './context'

export const signOutEverywhereAndLeave = loggedAction('signOutEverywhereAndLeave', async (): Promise<void> => {
  await unavailablePageWhenDatabaseDown(async () => {
    const context = await accountActionContext()
    if (context) await signOutEverywhere(context)
  })
  await signOut({ redirectTo: '/login' })
})
