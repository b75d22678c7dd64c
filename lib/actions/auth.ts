'use server'
// Signing in and out from forms; both work without JavaScript (plain form posts).
import { AuthError, CredentialsSignin } from 'next-auth'
import { getTranslations } from 'next-intl/server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/auth/auth'
import { recordSignOut } from '@/lib/auth/auth-events'
import { clientIp } from '@/lib/auth/client-ip'
import { credentialsSchema } from '@/lib/auth/credentials'
import { currentUser, landingPathFor } from '@/lib/auth/session'

export type SignInState = {
  /** What the user typed, shown again after a refusal. */
  username: string
  error?: string
  fieldErrors?: { username?: string; password?: string }
}

const signInFormSchema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
})

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const t = await getTranslations('login')
  const typed = form.get('username')
  const username = typeof typed === 'string' ? typed.slice(0, 100) : ''
  const filled = signInFormSchema.safeParse({ username: form.get('username'), password: form.get('password') })
  if (!filled.success) {
    const missing = new Set(filled.error.issues.map((issue) => issue.path[0]))
    return {
      username,
      fieldErrors: {
        username: missing.has('username') ? t('usernameRequired') : undefined,
        password: missing.has('password') ? t('passwordRequired') : undefined,
      },
    }
  }
  const credentials = credentialsSchema.safeParse(filled.data)
  if (!credentials.success) return { username, error: t('invalid') }
  try {
    await signIn('credentials', { ...credentials.data, redirect: false })
  } catch (error) {
    // One message for a wrong name and a wrong password alike: no hint of which was wrong.
    if (error instanceof CredentialsSignin) return { username, error: t('invalid') }
    if (error instanceof AuthError) return { username, error: t('unavailable') }
    throw error
  }
  redirect(await landingPathFor(credentials.data.username))
}

export async function signOutAndLeave(): Promise<void> {
  const user = await currentUser()
  if (user) await recordSignOut(user.id, clientIp(await headers()))
  await signOut({ redirectTo: '/login' })
}
