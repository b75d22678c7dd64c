'use server'
// Signing in and out from forms; both work without JavaScript (plain form posts). Signing in is
// one form in two steps: name and password, then (for accounts with two-factor authentication) a
// code, the challenge token of the first step riding along in a hidden field.
import { AuthError, CredentialsSignin } from 'next-auth'
import { getTranslations } from 'next-intl/server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { signOut } from '@/lib/auth/auth'
import { recordSessionEnd } from '@/lib/audit/auth-events'
import { clientIp } from '@/lib/auth/client-ip'
import { db } from '@/lib/db'
import { currentSession, afterSignInPathFor } from '@/lib/auth/session'
import { endSession } from '@/lib/auth/sessions'
import { checkPassword, checkSecondFactor, credentialsSchema, type SignInStep } from '@/lib/auth/sign-in'
import { loggedAction, noteUser } from '@/lib/log/request'
import { keepInputWhenDatabaseDown, unavailablePageWhenDatabaseDown } from './context'
import { minutesUntil, openBrowserSession } from './session-cookie'

export type SignInState = {
  /** What the user typed, shown again after a refusal. */
  username: string
  /** Set once the password was right and a code is owed: the form then asks for the code. */
  challenge?: string
  error?: string
  fieldErrors?: { username?: string; password?: string; code?: string }
}

const signInFormSchema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
})

const codeFormSchema = z.object({ challenge: z.string().min(1).max(100), code: z.string().trim().min(1).max(40) })

/** The log's outcome of a sign-in answer (the reason of a refusal is on the auth event's line). */
const signInOutcome = (state: SignInState) => (state.error || state.fieldErrors ? 'refused' : state.challenge ? 'secondFactor' : 'done')

export const signInWithPassword = loggedAction('signInWithPassword', async (_previous: SignInState, form: FormData): Promise<SignInState> => {
  const t = await getTranslations('login')
  const typed = form.get('username')
  const username = typeof typed === 'string' ? typed.slice(0, 100) : ''
  return keepInputWhenDatabaseDown(() => signInStep(form, username, t), () => ({ username, error: t('unavailable') }))
}, signInOutcome)

type LoginMessages = Awaited<ReturnType<typeof getTranslations<'login'>>>

async function signInStep(form: FormData, username: string, t: LoginMessages): Promise<SignInState> {
  const ip = clientIp(await headers())
  const now = new Date()

  let step: SignInStep
  if (form.has('challenge')) {
    const filled = codeFormSchema.safeParse({ challenge: form.get('challenge'), code: form.get('code') })
    if (!filled.success) {
      const challenge = form.get('challenge')
      return typeof challenge === 'string' && challenge ? { username, challenge, fieldErrors: { code: t('codeRequired') } } : { username, error: t('expired') }
    }
    step = await checkSecondFactor(filled.data.challenge, filled.data.code, ip, now)
    if (step.kind === 'refused') return { username, challenge: filled.data.challenge, fieldErrors: { code: t('codeInvalid') } }
  } else {
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
    step = await checkPassword(credentials.data, ip, now)
    // One message for a wrong name and a wrong password alike: no hint of which was wrong.
    if (step.kind === 'refused') return { username, error: t('invalid') }
  }

  switch (step.kind) {
    case 'locked':
      return { username, error: t('locked', { minutes: minutesUntil(step.until, now) }) }
    case 'expired':
      return { username, error: t('expired') }
    case 'secondFactor':
      return { username, challenge: step.challenge }
    case 'passed':
      try {
        await openBrowserSession(step.challenge)
      } catch (error) {
        if (error instanceof CredentialsSignin || error instanceof AuthError) return { username, error: t('unavailable') }
        throw error
      }
      redirect(await afterSignInPathFor(step.userId))
  }
}

export const signOutAndLeave = loggedAction('signOutAndLeave', async (): Promise<void> => {
  await unavailablePageWhenDatabaseDown(async () => {
    const session = await currentSession()
    noteUser(session?.user.id)
    if (!session) return
    const ip = clientIp(await headers())
    const now = new Date()
    await db().$transaction(async (tx) => {
      await endSession(tx, session.sessionId, now)
      await recordSessionEnd(session.user.id, session.sessionId, 'sign_out', ip, now, tx)
    })
  })
  await signOut({ redirectTo: '/login' })
})
