'use client'
// Registers the service worker (app/sw.ts) on every page. Two of the library's defaults are off:
// reloading at every `online` event would throw away what a user is typing, and under `next dev`
// the worker would keep stale pages.
import { SerwistProvider } from '@serwist/turbopack/react'
import type { ReactNode } from 'react'
import { SERVICE_WORKER_URL } from '@/lib/domain/offline'

export function ServiceWorker({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider swUrl={SERVICE_WORKER_URL} reloadOnOnline={false} disable={process.env.NODE_ENV === 'development'}>
      {children}
    </SerwistProvider>
  )
}
