'use client'
// The status report form. It posts to the server action, so it works without JavaScript too; with
// JavaScript, the answer shows without a reload, a report with files goes by the upload route so
// that the form shows how much has been sent (./upload.tsx), and refused input comes back with the
// files chosen. A report made without a connection, or cut off on the way (the link dropped, no
// answer in time, the server or its database down), is kept on the device and sent later by its
// submission key (lib/offline/queue.ts, ./report-queue.tsx); a kept report that met
// a conflict or a refusal of its input comes back here, both versions shown and the user's input
// (files too) in the form.
import { startTransition, useActionState, useEffect, useRef, useState, useTransition } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { SavedState, StatusUpdateFormState, StatusUpdateValues } from '@/lib/actions/form-states'
import { formatInstant } from '@/lib/domain/calendar'
import { deleteReport, keepReport, QUEUE_CHANGED, reportFromForm, userReports, type QueuedReport } from '@/lib/offline/queue'
import { REPORT_CHANNELS } from '@/lib/domain/notifications'
import { STATUS_UPDATES_API } from '@/lib/domain/paths'
import { CONDITION_NO, CONDITION_YES, conditionAnswer, type IndicatorKind } from '@/lib/domain/indicator'
import { TASK_STATUSES, type TaskStatus } from '@/lib/domain/status'
import { parseDecimal } from '@/lib/validation/decimal'
import { typedValues } from '@/lib/validation/status-update-values'
import { decimalForInput } from './decimal-input'
import { FieldError, FormNotice, FormRefusal, describedBy, inputClass, primaryButtonClass } from './form-parts'
import { IndicatorNumber } from './indicator-value'
import { ReportAuthor } from './report-author'
import { useResponseRound } from './response-round'
import { UploadProgressBar, useUploadingForm } from './upload'

type Props = {
  action: (previous: StatusUpdateFormState, form: FormData) => Promise<StatusUpdateFormState>
  assignmentId: string
  /** Assignment.version the page was rendered with. */
  baseVersion: number
  /** Made on the server for this rendering: the same form submitted twice is saved once. */
  submissionKey: string
  current: { status: TaskStatus; progress: number; indicatorActual: string | null }
  /** The task's indicator: how it counts, its unit of measure and the unit's own target (PER_UNIT); null when the task has none. */
  indicator: { kind: IndicatorKind; unit: string; unitTarget: string | null } | null
  /** The unit's name when the reader enters the report on its behalf (the office), who must then say how it came; else null. */
  onBehalfOf: string | null
  /** Who reports: a report kept on the device is theirs alone. */
  userId: string
  /** The task and the unit, naming a kept report in the list of those waiting. */
  queueLabel: string
}

/** The form's answers besides the server's: the report was kept on the device, or the device refused to keep it. */
type FormState = StatusUpdateFormState | { kind: 'queued'; message: string } | { kind: 'notKept'; message: string; values: StatusUpdateValues }

const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx'
/** A radio choice drawn as a box the whole of which is the target (easy on a phone). */
const choiceClass =
  'flex cursor-pointer items-center gap-2 rounded border border-slate-300 bg-white px-3 py-2 has-checked:border-blue-700 has-checked:bg-blue-50 has-focus-visible:outline-2 has-focus-visible:outline-blue-700'
const idle: StatusUpdateFormState = { kind: 'idle' }
/**
 * A report sent by the server action with no answer by then is kept on the device: a stalled link
 * never answers. Should the answer come after all, the kept copy carries the same key and is saved
 * once (the queue then hears "saved").
 */
const SEND_TIMEOUT_MS = 30_000
/** Why a report is kept on the device: no connection when sent, cut off on the way, or the server's database out of reach. */
type KeptBecause = 'offline' | 'cutOff' | 'unavailable'
const KEPT_MESSAGES = { offline: 'queued', cutOff: 'queuedAfterFailure', unavailable: 'queuedUnavailable' } as const

export function StatusUpdateForm({ action, assignmentId, baseVersion, submissionKey, current, indicator, onBehalfOf, userId, queueLabel }: Props) {
  const t = useTranslations('assignment.form')
  const tStatus = useTranslations('assignment.taskStatus')
  const locale = useLocale()
  const tOffline = useTranslations('offline')
  // The action's own state serves the form posted without JavaScript; with it, the answer is shown through `upload`.
  const [actionState, formAction, actionPending] = useActionState(action, idle)
  const [sending, startSending] = useTransition()
  /** Keeps the report on the device; a device that refuses is said in words, the input left on the page. */
  const keep = async (form: FormData, because: KeptBecause): Promise<FormState> => {
    const report = reportFromForm(form, { userId, href: window.location.pathname, title: queueLabel })
    try {
      await keepReport(report)
    } catch {
      return { kind: 'notKept', message: tOffline('notKept'), values: typedValues(form) }
    }
    return { kind: 'queued', message: tOffline(KEPT_MESSAGES[because], { files: tOffline('files', { count: report.files.length }) }) }
  }
  // The upload route answers 503 while the database is out of reach.
  const upload = useUploadingForm<FormState>(STATUS_UPDATES_API, actionState, (form, status) => keep(form, status === 503 ? 'unavailable' : 'cutOff'))
  const { answer: state, show } = upload
  /**
   * A report without files goes by the server action, called here rather than through the form's
   * action state so that a send with no answer (the link dropped, a 503 or 504 from the way in, no
   * answer in time) and the database's "not now" reach the device's queue, once, instead of an
   * error page or a message asking to send again.
   */
  const sendByAction = (form: FormData) =>
    startSending(async () => {
      let answer: FormState
      let timer = 0
      try {
        const late = new Promise<never>((_, reject) => (timer = window.setTimeout(() => reject(new Error('no answer in time')), SEND_TIMEOUT_MS)))
        const answered = await Promise.race([action(idle, form), late])
        answer = answered.kind === 'unavailable' ? await keep(form, 'unavailable') : answered
      } catch {
        answer = await keep(form, 'cutOff')
      } finally {
        window.clearTimeout(timer)
      }
      startTransition(() => show(answer))
    })
  // The files of the last report sent from here: put back in the file input when it comes back refused.
  const [heldFiles, setHeldFiles] = useState<File[]>([])
  const filesInput = useRef<HTMLInputElement>(null)
  const notice = useRef<HTMLDivElement>(null)
  // A kept report this user made here that the server answered with a conflict or a refusal of
  // its input: shown as the answer, to be sent again from this form (then it leaves the list).
  const [reapplying, setReapplying] = useState<QueuedReport | null>(null)
  const resent = useRef(new Set<string>())
  useEffect(() => {
    const look = () =>
      void userReports(userId).then((reports) => {
        const returned = reports.find((r) => r.assignmentId === assignmentId && (r.answer?.kind === 'conflict' || r.answer?.kind === 'invalid'))
        if (!returned?.answer || returned.key === reapplying?.key || resent.current.has(returned.key)) return
        setReapplying(returned)
        setHeldFiles(returned.files)
        show(returned.answer)
      })
    look()
    window.addEventListener(QUEUE_CHANGED, look)
    return () => window.removeEventListener(QUEUE_CHANGED, look)
  }, [userId, assignmentId, reapplying, show])
  const pending = actionPending || sending || upload.progress !== null
  const round = useResponseRound(state)
  const kept = 'values' in state ? state.values : null
  useEffect(() => {
    // The answer is where the eye is, on a phone too: it takes the focus, which scrolls it into view.
    if (state.kind !== 'idle') notice.current?.focus()
    if (!('values' in state) || heldFiles.length === 0 || !filesInput.current) return
    const transfer = new DataTransfer()
    for (const file of heldFiles) transfer.items.add(file)
    filesInput.current.files = transfer.files
  }, [round, state, heldFiles])
  const values: StatusUpdateValues = kept ?? {
    status: current.status,
    progress: String(current.progress),
    indicatorActual: decimalForInput(current.indicatorActual, locale),
    note: '',
    onBehalfVia: '',
  }
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}
  // After a conflict the user has seen what was saved in between: saving again (even after fixing
  // a refused field) applies their input over it.
  const [seenVersion, setSeenVersion] = useState(baseVersion)
  if (state.kind === 'conflict' && state.current.version > seenVersion) setSeenVersion(state.current.version)
  const version = Math.max(baseVersion, seenVersion)
  const field = (name: 'progress' | 'indicatorActual' | 'note') => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(`${name}-hint`, errors[name] && `${name}-error`),
  })

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault()
        const form = new FormData(event.currentTarget)
        // A key of its own for each report sent from here: a page read from the device's memory
        // carries the key of an earlier rendering, which may have been saved already.
        if (typeof crypto.randomUUID === 'function') form.set('submissionKey', crypto.randomUUID())
        const files = form.getAll('files').filter((file): file is File => file instanceof File && (file.name !== '' || file.size > 0))
        setHeldFiles(files)
        // Sent again from here, a kept report leaves the device's list: it is in the form, and is
        // kept anew if this send fails.
        if (reapplying) {
          resent.current.add(reapplying.key)
          void deleteReport(reapplying.key)
          setReapplying(null)
        }
        if (!navigator.onLine) void keep(form, 'offline').then(show)
        else if (files.length > 0) upload.send(form)
        else sendByAction(form)
      }}
      noValidate
      aria-labelledby="update-form-title"
      className="space-y-5"
    >
      <h2 id="update-form-title" className="text-lg font-semibold">
        {onBehalfOf === null ? t('title') : t('onBehalfTitle', { unit: onBehalfOf })}
      </h2>
      {onBehalfOf !== null && <p className="text-sm text-slate-700">{t('onBehalfHint')}</p>}
      <div ref={notice} tabIndex={-1} className="scroll-mt-4 space-y-2 outline-none">
        {reapplying && state === reapplying.answer && state.kind === 'conflict' && (
          <FormNotice tone="error">{tOffline('queuedConflict', { time: formatInstant(new Date(reapplying.createdAt)) })}</FormNotice>
        )}
        {(state.kind === 'saved' || state.kind === 'queued') && <FormNotice tone="success">{state.message}</FormNotice>}
        <FormRefusal state={state} also={['unavailable', 'notKept']} />
        {state.kind === 'conflict' && (
          <FormNotice tone="error">
            <p>{state.message}</p>
            <SavedInBetween saved={state.current} withIndicator={indicator !== null} />
          </FormNotice>
        )}
      </div>

      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="submissionKey" value={submissionKey} />

      <div key={`${baseVersion}:${round}`} className="space-y-5">
        {onBehalfOf !== null && (
          <ChoiceGroup
            name="onBehalfVia"
            legend={t('onBehalfVia')}
            choices={REPORT_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
            checked={values.onBehalfVia}
            error={errors.onBehalfVia}
            required
          />
        )}

        <ChoiceGroup
          name="status"
          legend={t('status')}
          choices={TASK_STATUSES.map((status) => ({ value: status, label: tStatus(status) }))}
          checked={values.status}
          error={errors.status}
        />

        <div>
          <label htmlFor="progress" className="block text-sm font-medium">
            {t('progress')}
          </label>
          <div className="flex items-center gap-2">
            <input
              id="progress"
              name="progress"
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              defaultValue={values.progress}
              className={`${inputClass} max-w-32`}
              {...field('progress')}
            />
            <span aria-hidden className="mt-1">
              %
            </span>
          </div>
          <p id="progress-hint" className="mt-1 text-sm text-slate-600">
            {t('progressHint')}
          </p>
          <FieldError id="progress-error" message={errors.progress} />
        </div>

        {indicator?.kind === 'CONDITION' && (
          // A condition is answered yes or no, never with a figure.
          <ChoiceGroup
            name="indicatorActual"
            legend={t('indicatorCondition', { unit: indicator.unit })}
            choices={[
              { value: CONDITION_YES, label: t('conditionYes') },
              { value: CONDITION_NO, label: t('conditionNo') },
            ]}
            checked={conditionChecked(values.indicatorActual)}
            error={errors.indicatorActual}
          />
        )}
        {indicator && indicator.kind !== 'CONDITION' && (
          <div>
            <label htmlFor="indicatorActual" className="block text-sm font-medium">
              {t('indicatorActual', { unit: indicator.unit })}
            </label>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <input
                id="indicatorActual"
                name="indicatorActual"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={values.indicatorActual}
                className={`${inputClass} max-w-48`}
                {...field('indicatorActual')}
                aria-describedby={describedBy(indicator.kind === 'PER_UNIT' && 'indicatorActual-target', 'indicatorActual-hint', errors.indicatorActual && 'indicatorActual-error')}
              />
              {indicator.kind === 'PER_UNIT' && (
                <span id="indicatorActual-target" className="text-sm font-medium">
                  {indicator.unitTarget === null ? t('unitTargetMissing') : t('unitTarget', { target: decimalForInput(indicator.unitTarget, locale), unit: indicator.unit })}
                </span>
              )}
            </div>
            <p id="indicatorActual-hint" className="mt-1 text-sm text-slate-600">
              {t('indicatorHint')}
            </p>
            <FieldError id="indicatorActual-error" message={errors.indicatorActual} />
          </div>
        )}

        <div>
          <label htmlFor="note" className="block text-sm font-medium">
            {t('note')}
          </label>
          <textarea id="note" name="note" rows={4} defaultValue={values.note} className={inputClass} {...field('note')} />
          <p id="note-hint" className="mt-1 text-sm text-slate-600">
            {t('noteHint')}
          </p>
          <FieldError id="note-error" message={errors.note} />
        </div>

        <div>
          <label htmlFor="files" className="block text-sm font-medium">
            {t('files')}
          </label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept={ACCEPTED_FILES}
            ref={filesInput}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-2 file:font-medium hover:file:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
            aria-invalid={errors.files ? true : undefined}
            aria-describedby={describedBy('files-hint', kept !== null && heldFiles.length === 0 && 'files-again', errors.files && 'files-error')}
          />
          <p id="files-hint" className="mt-1 text-sm text-slate-600">
            {t('filesHint')}
          </p>
          {kept !== null && heldFiles.length === 0 && (
            <p id="files-again" className="mt-1 text-sm font-medium text-amber-900">
              {t('filesAgain')}
            </p>
          )}
          <FieldError id="files-error" message={errors.files} />
        </div>
      </div>

      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('saving') : t('save')}
      </button>
      {upload.progress && <UploadProgressBar {...upload.progress} />}
    </form>
  )
}

/** The radio button of a condition's answer that the figure typed or saved picks ("1", "0", "1,00"); none when it picks neither. */
function conditionChecked(typed: string): string {
  const plain = parseDecimal(typed)
  return plain === null ? '' : (conditionAnswer(plain) ?? '')
}

/** One choice of several as wide boxes, easy to tap on a phone, with its error beside it. */
function ChoiceGroup(props: { name: string; legend: string; choices: { value: string; label: string }[]; checked: string; error?: string; required?: boolean }) {
  const { name, legend, choices, checked, error, required } = props
  return (
    <fieldset aria-describedby={describedBy(error && `${name}-error`)}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label key={choice.value} className={choiceClass}>
            <input type="radio" name={name} value={choice.value} required={required} defaultChecked={checked === choice.value} className="size-4 accent-blue-700" />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  )
}

/** What another person saved while this form was open. */
function SavedInBetween({ saved, withIndicator }: { saved: SavedState; withIndicator: boolean }) {
  const t = useTranslations('assignment.form')
  const tStatus = useTranslations('assignment.taskStatus')
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-900">
      <dt className="font-medium">{t('savedBy')}</dt>
      <dd>
        <ReportAuthor name={saved.authorName} onBehalfVia={saved.onBehalfVia} unitName={saved.unitName} />, {formatInstant(new Date(saved.savedAt))}
      </dd>
      <dt className="font-medium">{t('status')}</dt>
      <dd>{tStatus(saved.status)}</dd>
      <dt className="font-medium">{t('progress')}</dt>
      <dd className="tabular-nums">{saved.progress}%</dd>
      {withIndicator && (
        <>
          <dt className="font-medium">{t('savedIndicator')}</dt>
          <dd>
            <IndicatorNumber value={saved.indicatorActual} />
          </dd>
        </>
      )}
      <dt className="font-medium">{t('note')}</dt>
      <dd className="whitespace-pre-line">{saved.note ?? '—'}</dd>
    </dl>
  )
}
