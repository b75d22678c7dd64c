'use client'
// The one button of a page a link in mail opens (confirm the address, stop a notice kind): the link
// itself changes nothing, so a mail scanner that opens it does not act for the reader.
import { useActionState } from 'react'
import type { MailLinkState } from '@/lib/actions/form-states'
import { FormNotice, primaryButtonClass } from '../form-parts'

type Props = {
  action: (previous: MailLinkState, form: FormData) => Promise<MailLinkState>
  token: string
  label: string
  pendingLabel: string
}

const idle: MailLinkState = { kind: 'idle' }

export function MailLinkForm({ action, token, label, pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, idle)
  if (state.kind !== 'idle') return <FormNotice tone={state.kind === 'done' ? 'success' : 'error'}>{state.message}</FormNotice>
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  )
}
