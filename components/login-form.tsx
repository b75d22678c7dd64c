'use client'
// The one client component of the sign-in page: it shows the action's answer without a reload.
// Without JavaScript the same form posts to the server action and the page renders the answer.
// After a right password on an account with two-factor authentication it asks for the code.
import { useActionState } from 'react'
import type { SignInState } from '@/lib/actions/form-states'
import { FieldError, FormNotice, inputClass, primaryButtonClass } from './form-parts'

type Props = {
  action: (previous: SignInState, form: FormData) => Promise<SignInState>
  labels: {
    title: string
    username: string
    password: string
    submit: string
    pending: string
    codeIntro: string
    code: string
    codeSubmit: string
    startOver: string
  }
}

export function LoginForm({ action, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, { username: '' })
  const usernameError = state.fieldErrors?.username
  const passwordError = state.fieldErrors?.password
  const codeError = state.fieldErrors?.code
  return (
    <form action={formAction} noValidate aria-label={labels.title} className="space-y-4">
      {state.error && <FormNotice tone="error">{state.error}</FormNotice>}
      {state.challenge ? (
        <>
          <input type="hidden" name="challenge" value={state.challenge} />
          <input type="hidden" name="username" value={state.username} />
          <p className="text-sm text-slate-700">{labels.codeIntro}</p>
          <div>
            <label htmlFor="code" className="block text-sm font-medium">
              {labels.code}
            </label>
            <input
              id="code"
              name="code"
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              // The only field of this step, reached by submitting the previous one.
              autoFocus
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? 'code-error' : undefined}
              className={inputClass}
            />
            <FieldError id="code-error" message={codeError} />
          </div>
          <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
            {pending ? labels.pending : labels.codeSubmit}
          </button>
          <a href="/login" className="block text-center text-sm font-medium text-blue-800 underline underline-offset-2">
            {labels.startOver}
          </a>
        </>
      ) : (
        <>
          <div>
            <label htmlFor="username" className="block text-sm font-medium">
              {labels.username}
            </label>
            <input
              id="username"
              name="username"
              type="text"
              defaultValue={state.username}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={usernameError ? true : undefined}
              aria-describedby={usernameError ? 'username-error' : undefined}
              className={inputClass}
            />
            <FieldError id="username-error" message={usernameError} />
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium">
              {labels.password}
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? 'password-error' : undefined}
              className={inputClass}
            />
            <FieldError id="password-error" message={passwordError} />
          </div>
          <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
            {pending ? labels.pending : labels.submit}
          </button>
        </>
      )}
    </form>
  )
}
