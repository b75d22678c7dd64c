'use client'
// The one client component of the sign-in page: it shows the action's answer without a reload.
// Without JavaScript the same form posts to the server action and the page renders the answer.
import { useActionState } from 'react'
import type { SignInState } from '@/lib/actions/auth'

type Props = {
  action: (previous: SignInState, form: FormData) => Promise<SignInState>
  labels: { title: string; username: string; password: string; submit: string; pending: string }
}

const inputClass =
  'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-700 focus:outline-2 focus:outline-blue-700 aria-invalid:border-red-700'

export function LoginForm({ action, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, { username: '' })
  const usernameError = state.fieldErrors?.username
  const passwordError = state.fieldErrors?.password
  return (
    <form action={formAction} noValidate aria-label={labels.title} className="space-y-4">
      {state.error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">
          {state.error}
        </p>
      )}
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
        {usernameError && (
          <p id="username-error" className="mt-1 text-sm text-red-800">
            {usernameError}
          </p>
        )}
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
        {passwordError && (
          <p id="password-error" className="mt-1 text-sm text-red-800">
            {passwordError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-red-800 px-4 py-2.5 font-semibold text-white hover:bg-red-900 disabled:opacity-70"
      >
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  )
}
