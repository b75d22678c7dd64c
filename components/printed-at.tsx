'use client'
// The time a page went to paper. The server writes when it made the page; a page kept open and
// printed later says the time it was printed, set as the browser prepares the print.
import { useEffect, useState } from 'react'
import { formatInstant } from '@/lib/domain/calendar'

/** `label` holds "{time}" where the time goes, already in the reader's language. */
export function PrintedAt({ label, renderedAt }: { label: string; renderedAt: string }) {
  const [time, setTime] = useState(renderedAt)
  useEffect(() => {
    const stamp = () => setTime(formatInstant(new Date()))
    window.addEventListener('beforeprint', stamp)
    return () => window.removeEventListener('beforeprint', stamp)
  }, [])
  return <>{label.replace('{time}', time)}</>
}
