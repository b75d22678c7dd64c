'use client'
// A kept section (lib/queries/kept-html.ts) is HTML that React does not build: its links are
// followed here as next/link follows them (no reload, the loading bar), and its wide tables get
// their shaded edge (../scroll-edge.tsx).
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useTransition, type MouseEvent } from 'react'
import { PendingBar } from '@/components/navigation-pending'
import { SCROLL_EDGE_ATTRIBUTE, watchScrollEdge } from '@/components/scroll-edge'

export function KeptHtml({ html, className }: { html: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null)
  const router = useRouter()
  const [pending, startTransition] = useTransition()

  useEffect(() => {
    const stops = [...(box.current?.querySelectorAll(`[${SCROLL_EDGE_ATTRIBUTE}]`) ?? [])].map(watchScrollEdge)
    return () => stops.forEach((stop) => stop())
  }, [html])

  function follow(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download') || link.origin !== location.origin) return
    // A link within the page (#assignments-title) is the browser's to follow.
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return
    event.preventDefault()
    startTransition(() => router.push(link.pathname + link.search + link.hash))
  }

  return (
    <>
      {/* The clicks are those of the links inside; the keyboard reaches the links themselves. */}
      <div ref={box} className={className} onClick={follow} dangerouslySetInnerHTML={{ __html: html }} />
      {pending && <PendingBar />}
    </>
  )
}
