'use client'
// "Dữ liệu lúc HH:mm dd/mm" on a page read from the device's memory (app/sw.ts) rather than from
// the server: the page carries the time it was made. It is marked when the document came from the
// device (the service worker says so in Server-Timing), when it was made more than a minute before
// it is shown (longer than any load, even on a weak signal: a page kept by the router or shown
// again), and while the device is offline.
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { KEPT_TIMING } from '@/lib/domain/offline'

/** Older than this when shown, a page is a kept copy. */
const FRESH_MS = 60_000

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DISTRICT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
// en-GB: "07/12" (vi-VN writes "07-12")
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DISTRICT_TIME_ZONE, day: '2-digit', month: '2-digit' })

/** Whether the document this page was loaded into came from the device; asked by the first page only (later ones come by client-side navigation). */
let documentAsked = false
function documentWasKept(): boolean {
  if (documentAsked) return false
  documentAsked = true
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  return entry?.serverTiming.some((timing) => timing.name === KEPT_TIMING) ?? false
}

export function DataTime({ madeAt }: { madeAt: number }) {
  const t = useTranslations('offline')
  const [stale, setStale] = useState(false)
  useEffect(() => {
    const kept = documentWasKept()
    const check = () => setStale(kept || Date.now() - madeAt > FRESH_MS || !navigator.onLine)
    check()
    window.addEventListener('offline', check)
    window.addEventListener('online', check)
    return () => {
      window.removeEventListener('offline', check)
      window.removeEventListener('online', check)
    }
  }, [madeAt])
  if (!stale) return null
  const at = new Date(madeAt)
  return (
    <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong className="font-semibold">{t('dataTime', { time: `${timeFormat.format(at)} ${dayFormat.format(at)}` })}</strong> · {t('dataTimeHint')}
    </p>
  )
}
