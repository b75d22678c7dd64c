// Client components (the forms) get only the message namespaces they use: the rest of the
// interface strings stay on the server.
import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import type { ReactNode } from 'react'

type Namespace = keyof Awaited<ReturnType<typeof getMessages>>

export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages()
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((n) => [n, messages[n]]))}>{children}</NextIntlClientProvider>
}
