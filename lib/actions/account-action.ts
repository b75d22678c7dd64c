'use server'
// The account page's "sign out everywhere" button; the rule lives in ./account.ts.
import { signOut } from '@/lib/auth/auth'
import { signOutEverywhere } from './account'
import { accountActionContext } from './account-context'

export async function signOutEverywhereAndLeave(): Promise<void> {
  const context = await accountActionContext()
  if (context) await signOutEverywhere(context)
  await signOut({ redirectTo: '/login' })
}
