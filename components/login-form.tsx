'use client'
// The one client component of the sign-in page: it shows the action's answer without a reload.
// Without JavaScript the same form posts to the server action and the page renders the answer.
import { useActionState } from 'react'
import type { SignInState } from '@/lib/actions/auth'
import { FieldError, FormNotice, inputClass, primaryButtonClass } from './form-parts'

type Props = {
  action: (previous: SignInState, form: FormData) => Promise<SignInState>
  labels: { title: string; username: string; password: string; submit: string; pending: string }
}

export function LoginForm({ action, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, { username: '' })
  const usernameError = state.fieldErrors?.username
  const passwordError = state.fieldErrors?.password
  return (
    <form action={formAction} noValidate aria-label={labels.title} className="space-y-4">
      {state.error && <FormNotice tone="error">{state.error}</FormNotice>}
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
    </form>
  )
}
