'use client'
// One written section of a review report draft, saved as the clerk types: a moment after the last
// key (or on leaving the box) the text goes to the server with the version it was typed on. The box
// always keeps what was typed: a refused or failed save says so and is tried again; a save refused
// because another clerk saved first shows their text, to take it or to save over it.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { SectionSaveState } from '@/lib/actions/form-states'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { inputClass, secondaryButtonClass } from '../form-parts'

type Save = (input: { reportId: string; section: string; baseVersion: number; text: string }) => Promise<SectionSaveState>

type Props = {
  reportId: string
  section: string
  label: string
  initial: { text: string; version: number; savedAt: string | null; authorName: string | null }
  save: Save
}

/** How long after the last key the text is saved. */
const PAUSE_MS = 800

const clock = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: DISTRICT_TIME_ZONE })

type Status =
  /** `first`: nothing done yet, so the page's own account of the section stands. */
  | { kind: 'idle'; first: boolean }
  | { kind: 'typing' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string; takeTheirs: string; theirs: { text: string; version: number } }

export function SectionEditor({ reportId, section, label, initial, save }: Props) {
  const t = useTranslations('reports.drafts.save')
  const [text, setText] = useState(initial.text)
  const [status, setStatus] = useState<Status>({ kind: 'idle', first: true })
  // What the server holds: the version the next save is typed on, and its text.
  const base = useRef({ version: initial.version, text: initial.text })
  const latest = useRef(initial.text)
  const inFlight = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const id = `section-${section}`

  const send = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (inFlight.current) return
    inFlight.current = true
    // Text typed on while a save was on its way goes next, from the version that save made.
    while (latest.current !== base.current.text) {
      const sent = latest.current
      setStatus({ kind: 'saving' })
      let answer: SectionSaveState
      try {
        answer = await save({ reportId, section, baseVersion: base.current.version, text: sent })
      } catch {
        answer = { kind: 'refused', message: t('offline') }
      }
      if (answer.kind === 'saved') {
        base.current = { version: answer.version, text: sent }
        setStatus({ kind: 'saved', at: clock.format(new Date(answer.savedAt)) })
      } else {
        setStatus(answer.kind === 'conflict' ? { kind: 'conflict', message: answer.message, takeTheirs: answer.takeTheirs, theirs: answer.current } : { kind: 'error', message: answer.message })
        break
      }
    }
    inFlight.current = false
  }, [reportId, section, save, t])

  // Leaving the page with text not yet saved asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== base.current.text) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  const onChange = (value: string) => {
    setText(value)
    latest.current = value
    // While another clerk's text is shown, nothing is saved until the clerk chooses.
    if (status.kind === 'conflict') return
    setStatus({ kind: 'typing' })
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void send(), PAUSE_MS)
  }

  const keepMine = () => {
    if (status.kind !== 'conflict') return
    base.current = { version: status.theirs.version, text: status.theirs.text }
    void send()
  }
  const takeTheirs = () => {
    if (status.kind !== 'conflict') return
    base.current = { version: status.theirs.version, text: status.theirs.text }
    latest.current = status.theirs.text
    setText(status.theirs.text)
    setStatus({ kind: 'idle', first: false })
  }

  const line = (() => {
    switch (status.kind) {
      case 'typing':
        return t('typing')
      case 'saving':
        return t('saving')
      case 'saved':
        return t('savedAt', { time: status.at })
      case 'error':
        return t('error', { message: status.message })
      case 'conflict':
        return status.message
      case 'idle':
        if (!status.first) return ''
        return initial.savedAt ? t('savedBy', { name: initial.authorName ?? '', time: clock.format(new Date(initial.savedAt)) }) : t('notWritten')
    }
  })()
  const trouble = status.kind === 'error' || status.kind === 'conflict'

  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        name={section}
        rows={8}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          if (status.kind !== 'conflict') void send()
        }}
        aria-describedby={`${id}-status`}
        aria-invalid={trouble ? true : undefined}
        className={`${inputClass} font-[inherit] leading-relaxed`}
      />
      <div id={`${id}-status`} role="status" className={`mt-1 text-sm ${trouble ? 'font-medium text-red-800' : 'text-slate-700'}`}>
        {line}
      </div>
      {status.kind === 'error' && (
        <button type="button" onClick={() => void send()} className={`mt-2 ${secondaryButtonClass}`}>
          {t('retry')}
        </button>
      )}
      {status.kind === 'conflict' && (
        <div className="mt-2 rounded border border-red-700 bg-red-50 p-3 text-sm">
          <blockquote className="whitespace-pre-wrap border-l-4 border-slate-400 pl-3 text-slate-900">{status.theirs.text}</blockquote>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" onClick={keepMine} className={secondaryButtonClass}>
              {t('keepMine')}
            </button>
            <button type="button" onClick={takeTheirs} className={secondaryButtonClass}>
              {status.takeTheirs}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
