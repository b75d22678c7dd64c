'use client'
// Pages are rendered on the server; on a slow link the next one can take seconds to arrive, and a
// click that shows nothing gets clicked again. While a link's page is on its way, a bar runs
// across the top of the window and screen readers hear that the page is loading.
import { useLinkStatus } from 'next/link'
import { createContext, useContext, type ReactNode } from 'react'

const LoadingLabel = createContext('')

/** The words "the page is loading" in the reader's language, given once by the root layout. */
export function LoadingLabelProvider({ label, children }: { label: string; children: ReactNode }) {
  return <LoadingLabel value={label}>{children}</LoadingLabel>
}

/** Placed inside a link (components/link.tsx): shown only while that link's page is loading. */
export function NavigationPending() {
  const { pending } = useLinkStatus()
  return pending ? <PendingBar /> : null
}

/** The bar itself, for a navigation a link does not start (the links of a kept section, components/kept/kept-html.tsx). */
export function PendingBar() {
  const label = useContext(LoadingLabel)
  return (
    <span role="status" className="navigation-pending">
      <span className="sr-only">{label}</span>
    </span>
  )
}
