'use client'
// On the sign-in page no one is signed in: the pages kept for offline reading (app/sw.ts) belonged
// to whoever was, and the next account must not open them. Reports waiting to be sent stay: they
// are kept per user (lib/offline/queue.ts) and wait for theirs.
import { useEffect } from 'react'
import { PAGE_CACHES } from '@/lib/domain/offline'

export function OfflineReset() {
  useEffect(() => {
    if ('caches' in window) for (const name of Object.values(PAGE_CACHES)) void caches.delete(name)
  }, [])
  return null
}
