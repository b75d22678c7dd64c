'use client'
// The status report form. It posts to the server action, so it works without JavaScript too; with
// JavaScript, the answer shows without a reload, and a report with files goes by the upload route
// so that the form shows how much has been sent (./upload.tsx). Refused input comes back in the
// answer and is shown again; files cannot be (browsers never refill a file input).
import { useActionState, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { SavedState, StatusUpdateFormState, StatusUpdateValues } from '@/lib/actions/form-states'
import { formatInstant } from '@/lib/domain/calendar'
import { REPORT_CHANNELS } from '@/lib/domain/notifications'
import { STATUS_UPDATES_API } from '@/lib/domain/paths'
import { CONDITION_NO, CONDITION_YES, conditionAnswer, type IndicatorKind } from '@/lib/domain/indicator'
import { TASK_STATUSES, type TaskStatus } from '@/lib/domain/status'
import { parseDecimal } from '@/lib/validation/decimal'
import { typedValues } from '@/lib/validation/status-update-values'
import { decimalForInput } from './decimal-input'
import { FieldError, FormNotice, describedBy, inputClass, primaryButtonClass } from './form-parts'
import { IndicatorNumber } from './indicator-value'
import { ReportAuthor } from './report-author'
import { useResponseRound } from './response-round'
import { hasChosenFiles, UploadProgressBar, useUploadingForm } from './upload'

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
}

const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx'
/** A radio choice drawn as a box the whole of which is the target (easy on a phone). */
const choiceClass =
  'flex cursor-pointer items-center gap-2 rounded border border-slate-300 bg-white px-3 py-2 has-checked:border-blue-700 has-checked:bg-blue-50 has-focus-visible:outline-2 has-focus-visible:outline-blue-700'
const idle: StatusUpdateFormState = { kind: 'idle' }

export function StatusUpdateForm({ action, assignmentId, baseVersion, submissionKey, current, indicator, onBehalfOf }: Props) {
  const t = useTranslations('assignment.form')
  const tStatus = useTranslations('assignment.taskStatus')
  const locale = useLocale()
  const tUpload = useTranslations('upload')
  const [actionState, formAction, actionPending] = useActionState(action, idle)
  const upload = useUploadingForm(STATUS_UPDATES_API, actionState, (form): StatusUpdateFormState => ({ kind: 'refused', message: tUpload('notSent'), values: typedValues(form) }))
  const state = upload.answer
  const pending = actionPending || upload.progress !== null
  const round = useResponseRound(state)
  const kept = 'values' in state ? state.values : null
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
        if (!hasChosenFiles(event.currentTarget)) return
        event.preventDefault()
        upload.send(new FormData(event.currentTarget))
      }}
      noValidate
      aria-labelledby="update-form-title"
      className="space-y-5"
    >
      <h2 id="update-form-title" className="text-lg font-semibold">
        {onBehalfOf === null ? t('title') : t('onBehalfTitle', { unit: onBehalfOf })}
      </h2>
      {onBehalfOf !== null && <p className="text-sm text-slate-700">{t('onBehalfHint')}</p>}
      {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
      {(state.kind === 'invalid' || state.kind === 'refused') && <FormNotice tone="error">{state.message}</FormNotice>}
      {state.kind === 'conflict' && (
        <FormNotice tone="error">
          <p>{state.message}</p>
          <SavedInBetween saved={state.current} withIndicator={indicator !== null} />
        </FormNotice>
      )}

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
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-2 file:font-medium hover:file:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
            aria-invalid={errors.files ? true : undefined}
            aria-describedby={describedBy('files-hint', kept !== null && 'files-again', errors.files && 'files-error')}
          />
          <p id="files-hint" className="mt-1 text-sm text-slate-600">
            {t('filesHint')}
          </p>
          {kept !== null && (
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
