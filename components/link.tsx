// The app's links: next/link with a loading bar while the page it opens is on its way
// (./navigation-pending.tsx). ESLint refuses next/link elsewhere (eslint.config.mjs), so no link is left without it.
import NextLink from 'next/link'
import type { ComponentProps } from 'react'
import { NavigationPending } from './navigation-pending'

export default function Link({ children, ...props }: ComponentProps<typeof NextLink>) {
  return (
    <NextLink {...props}>
      {children}
      <NavigationPending />
    </NextLink>
  )
}
