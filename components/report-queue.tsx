'use client'
// "Chờ gửi" in the header: the signed-in user's reports kept on this device (lib/offline/queue.ts),
// counted, listed on demand, and sent by themselves when the page opens and when the connection
// returns. Another account's reports on the same device are neither shown nor sent here.
import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { startTransition, useEffect, useState } from 'react'
import Link from '@/components/link'
import { formatInstant } from '@/lib/domain/calendar'
import { deleteReport, QUEUE_CHANGED, retryReport, sendWaiting, userReports, type QueuedReport } from '@/lib/offline/queue'

/** How often waiting reports are tried again while a page is open. */
const RETRY_MS = 60_000
const smallButton = 'min-h-11 rounded border border-slate-400 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100'

export function ReportQueue({ userId }: { userId: string }) {
  const t = useTranslations('offline')
  const router = useRouter()
  const [reports, setReports] = useState<QueuedReport[]>([])
  const [open, setOpen] = useState(false)

  useEffect(() => {
    let live = true
    const read = () => void userReports(userId).then((found) => live && setReports(found))
    const sendNow = () =>
      void sendWaiting(userId).then((saved) => {
        // What was sent now shows in the pages' figures and histories.
        if (saved > 0) startTransition(() => router.refresh())
      })
    read()
    sendNow()
    window.addEventListener(QUEUE_CHANGED, read)
    window.addEventListener('online', sendNow)
    // A phone may be "online" on a signal that carries nothing, and not say when it carries again.
    const retry = window.setInterval(sendNow, RETRY_MS)
    return () => {
      live = false
      window.clearInterval(retry)
      window.removeEventListener(QUEUE_CHANGED, read)
      window.removeEventListener('online', sendNow)
    }
  }, [userId, router])

  if (reports.length === 0) return null
  return (
    <div className="border-t border-amber-300 bg-amber-50">
      <div className="mx-auto max-w-6xl px-4 py-1">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold text-amber-950">
          {t('queueLink')}
          <span className="rounded-full bg-amber-600 px-2 text-xs text-white tabular-nums">{reports.length}</span>
          <span className="sr-only">({t('queueCount', { count: reports.length })})</span>
        </button>
        {open && (
          <section aria-labelledby="report-queue-title" className="pb-3">
            <h2 id="report-queue-title" className="font-semibold">
              {t('queueTitle')}
            </h2>
            <p className="mb-2 text-sm text-slate-700">{t('queueIntro')}</p>
            <ul className="space-y-2">
              {reports.map((report) => (
                <li key={report.key} className="rounded border border-slate-300 bg-white p-3 text-sm">
                  <Link href={report.href} className="font-medium text-blue-800 underline underline-offset-2">
                    {report.title}
                  </Link>
                  <p className="text-slate-700">
                    {t('madeAt', { time: formatInstant(new Date(report.createdAt)) })} · {t('files', { count: report.files.length })}
                  </p>
                  <p className={report.answer ? 'font-medium text-red-800' : 'text-slate-700'}>{outcome(report, t)}</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {report.answer?.kind === 'refused' && (
                      <button type="button" className={smallButton} onClick={() => void retryReport(report.key).then(() => sendWaiting(userId))}>
                        {t('retry')}
                      </button>
                    )}
                    <button
                      type="button"
                      className={smallButton}
                      onClick={() => {
                        if (window.confirm(t('deleteConfirm'))) void deleteReport(report.key)
                      }}
                    >
                      {t('delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  )
}

function outcome({ answer }: QueuedReport, t: ReturnType<typeof useTranslations<'offline'>>): string {
  if (answer === null) return t('waiting')
  if (answer.kind === 'conflict') return t('conflict')
  return t(answer.kind === 'invalid' ? 'invalid' : 'refused', { reason: answer.message })
}
