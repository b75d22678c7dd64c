'use client'
// The shaded right edge of a table wider than its box (./scroll-table.tsx): on a phone a cut-off
// column otherwise looks like the end of the table. Gone while everything fits, and once the
// reader has scrolled to the end.
import { useEffect, useRef, useState } from 'react'

export function ScrollEdge() {
  const edge = useRef<HTMLSpanElement>(null)
  const [more, setMore] = useState(false)
  useEffect(() => {
    const box = edge.current?.previousElementSibling
    if (!(box instanceof HTMLElement)) return
    const measure = () => setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(box)
    box.addEventListener('scroll', measure, { passive: true })
    return () => {
      observer.disconnect()
      box.removeEventListener('scroll', measure)
    }
  }, [])
  return (
    <span
      ref={edge}
      aria-hidden
      data-scroll-more={more || undefined}
      className={`pointer-events-none absolute inset-y-px right-px w-6 rounded-r-lg bg-linear-to-l from-slate-900/25 to-transparent ${more ? '' : 'hidden'}`}
    />
  )
}
