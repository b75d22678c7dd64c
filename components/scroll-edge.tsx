'use client'
// The shaded right edge of a table wider than its box (./scroll-table.tsx): on a phone a cut-off
// column otherwise looks like the end of the table. Gone while everything fits, and once the
// reader has scrolled to the end. A kept section's HTML (./kept/kept-html.tsx) is not React's to
// hydrate: it starts its edges with the same function.
import { useEffect, useRef } from 'react'

/** The edge's attribute, by which a kept section finds its edges. */
export const SCROLL_EDGE_ATTRIBUTE = 'data-scroll-edge'

/** Shows the edge while its box (the element before it) has columns out of view; returns the stop. */
export function watchScrollEdge(edge: Element): () => void {
  const box = edge.previousElementSibling
  if (!(box instanceof HTMLElement)) return () => undefined
  const measure = () => {
    const more = box.scrollLeft + box.clientWidth < box.scrollWidth - 1
    edge.classList.toggle('hidden', !more)
    edge.toggleAttribute('data-scroll-more', more)
  }
  measure()
  const observer = new ResizeObserver(measure)
  observer.observe(box)
  box.addEventListener('scroll', measure, { passive: true })
  return () => {
    observer.disconnect()
    box.removeEventListener('scroll', measure)
  }
}

export function ScrollEdge() {
  const edge = useRef<HTMLSpanElement>(null)
  useEffect(() => (edge.current ? watchScrollEdge(edge.current) : undefined), [])
  return (
    <span
      ref={edge}
      aria-hidden
      {...{ [SCROLL_EDGE_ATTRIBUTE]: '' }}
      className="pointer-events-none absolute inset-y-px right-px hidden w-6 rounded-r-lg bg-linear-to-l from-slate-900/25 to-transparent"
    />
  )
}
