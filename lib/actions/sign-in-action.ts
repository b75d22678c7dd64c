'use server'
// Signing in and out from forms; both work without JavaScript (plain form posts). The steps'
// rules live in lib/auth/sign-in.ts; the form is read by lib/validation/sign-in.ts.
import { AuthError, CredentialsSignin } from 'next-auth'
import { getTranslations } from 'next-intl/server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { recordSessionEnd } from '@/lib/audit/auth-events'
import { signOut } from '@/lib/auth/auth'
import { clientIp } from '@/lib/auth/client-ip'
import { afterSignInPathFor, currentSession } from '@/lib/auth/session'
import { endSession } from '@/lib/auth/sessions'
import { checkPassword, checkSecondFactor, type SignInStep } from '@/lib/auth/sign-in'
import { db } from '@/lib/db'
import { noteUser } from '@/lib/log/request'
import { readSignInForm, type SignInForm } from '@/lib/validation/sign-in'
import { buttonAction, formAction } from './form-action'
import type { SignInState } from './form-states'
import { minutesUntil, openBrowserSession } from './session-cookie'

/** Who signs in: no one yet, from an address, now. */
type Attempt = { ip: string | null; now: Date }

type SignInResult =
  | Exclude<SignInStep, { kind: 'passed' }>
  | { kind: 'passwordMissing'; username: boolean; password: boolean }
  | { kind: 'codeMissing'; challenge: string }
  | { kind: 'codeRefused'; challenge: string }
  | { kind: 'passed'; userId: string }
  /** Every step passed, but Auth.js could not open the session. */
  | { kind: 'unavailable' }

async function signInStep({ ip, now }: Attempt, form: SignInForm): Promise<SignInResult> {
  let step: SignInStep
  switch (form.step) {
    case 'passwordMissing':
      return { kind: 'passwordMissing', username: form.username, password: form.password }
    case 'codeMissing':
      return form.challenge ? { kind: 'codeMissing', challenge: form.challenge } : { kind: 'expired' }
    case 'code':
      step = await checkSecondFactor(form.challenge, form.code, ip, now)
      if (step.kind === 'refused') return { kind: 'codeRefused', challenge: form.challenge }
      break
    case 'password':
      step = await checkPassword(form.credentials, ip, now)
      break
  }
  if (step.kind !== 'passed') return step
  try {
    await openBrowserSession(step.challenge)
  } catch (error) {
    if (error instanceof CredentialsSignin || error instanceof AuthError) return { kind: 'unavailable' }
    throw error
  }
  return { kind: 'passed', userId: step.userId }
}

/** The log's outcome of a sign-in answer (the reason of a refusal is on the auth event's line). */
const signInOutcome = (state: SignInState) => (state.error || state.fieldErrors ? 'refused' : state.challenge ? 'secondFactor' : 'done')

export const signInWithPassword = formAction({
  name: 'signInWithPassword',
  read: readSignInForm,
  context: async (): Promise<Attempt> => ({ ip: clientIp(await headers()), now: new Date() }),
  messages: () => getTranslations('login'),
  run: signInStep,
  answer: async (result, t, username, now): Promise<SignInState> => {
    switch (result.kind) {
      case 'passwordMissing':
        return {
          username,
          fieldErrors: { username: result.username ? t('usernameRequired') : undefined, password: result.password ? t('passwordRequired') : undefined },
        }
      case 'codeMissing':
        return { username, challenge: result.challenge, fieldErrors: { code: t('codeRequired') } }
      case 'codeRefused':
        return { username, challenge: result.challenge, fieldErrors: { code: t('codeInvalid') } }
      // One message for a wrong name and a wrong password alike: no hint of which was wrong.
      case 'refused':
      case 'notFound':
        return { username, error: t('invalid') }
      case 'locked':
        return { username, error: t('locked', { minutes: minutesUntil(result.until, now) }) }
      case 'expired':
        return { username, error: t('expired') }
      case 'secondFactor':
        return { username, challenge: result.challenge }
      case 'unavailable':
        return { username, error: t('unavailable') }
      case 'passed':
        redirect(await afterSignInPathFor(result.userId))
    }
  },
  notSaved: async (_message: string, username: string): Promise<SignInState> => ({ username, error: (await getTranslations('login'))('unavailable') }),
  outcome: signInOutcome,
})

export const signOutAndLeave = buttonAction(
  'signOutAndLeave',
  async () => {
    const session = await currentSession()
    noteUser(session?.user.id)
    if (!session) return
    const ip = clientIp(await headers())
    const now = new Date()
    await db().$transaction(async (tx) => {
      await endSession(tx, session.sessionId, now)
      await recordSessionEnd(session.user.id, session.sessionId, 'sign_out', ip, now, tx)
    })
  },
  () => signOut({ redirectTo: '/login' }),
)
