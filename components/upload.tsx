'use client'
// A form with files, sent by XMLHttpRequest so that it can show how much has gone up: on a slow
// link, 10 MB of evidence takes minutes, and a button that only says "saving" looks stuck. The
// form keeps its server action for everything else (and for browsers without JavaScript).
import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { startTransition, useState } from 'react'
import { useFileSize } from './file-size'

export type UploadProgress = { sent: number; total: number }

/**
 * A form's answer from either way in: its server action (`actionState`) or `send`, which posts the
 * form to `url` and reports progress on the way. The latest answer is the one shown. An upload
 * that gets no answer (the link dropped, the server refused the request) answers `notSent(form,
 * status)`, the HTTP status or 0 when none came, which may take a moment (it keeps the report on
 * the device).
 * After an answer the page is fetched again, as a server action does by itself.
 */
export function useUploadingForm<S>(url: string, actionState: S, notSent: (form: FormData, status: number) => S | Promise<S>) {
  const router = useRouter()
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [answer, setAnswer] = useState(actionState)
  const [seenActionState, setSeenActionState] = useState(actionState)
  if (seenActionState !== actionState) {
    setSeenActionState(actionState)
    setAnswer(actionState)
  }

  function send(form: FormData) {
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.responseType = 'json'
    request.upload.onprogress = (event) => setProgress({ sent: event.loaded, total: event.total })
    request.onloadend = () => {
      setProgress(null)
      const answered = request.status === 200 && request.response !== null
      if (answered) {
        setAnswer(request.response as S)
        startTransition(() => router.refresh())
      } else void Promise.resolve(notSent(form, request.status)).then(setAnswer)
    }
    setProgress({ sent: 0, total: 0 })
    request.send(form)
  }

  // `show` sets an answer that came another way (the report was kept on the device).
  return { answer, progress, send, show: setAnswer }
}

export function UploadProgressBar({ sent, total }: UploadProgress) {
  const t = useTranslations('upload')
  const size = useFileSize()
  return (
    <div className="space-y-1">
      <progress value={sent} max={total || 1} aria-label={t('sending')} className="h-2 w-full max-w-md accent-blue-700" />
      <p className="text-sm text-slate-700 tabular-nums">{total > 0 ? t('sent', { sent: size(sent), total: size(total), share: sent / total }) : t('sending')}</p>
    </div>
  )
}
