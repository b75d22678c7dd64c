'use client'
// The import: choose the kind and the file, check it (nothing is written), then apply it. The check's
// answer carries the file in hidden fields, so "apply" sends exactly the file that was checked.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { ImportFormState, ImportRowView } from '@/lib/actions/form-states'
import type { ImportKind } from '@/lib/import/columns'
import { Badge, type BadgeTone } from '../badge'
import { FieldError, FormNotice, FormRefusal, describedBy, primaryButtonClass, secondaryButtonClass } from '../form-parts'
import { ScrollTable } from '../scroll-table'
import { useResponseRound } from '../response-round'

type Props = { action: (previous: ImportFormState, form: FormData) => Promise<ImportFormState>; kinds: readonly ImportKind[] }

const idle: ImportFormState = { kind: 'idle' }
const tones: Record<ImportRowView['outcome'], BadgeTone> = { create: 'green', update: 'blue', skip: 'grey', error: 'red' }

export function ImportForm({ action, kinds }: Props) {
  const t = useTranslations('admin.import')
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}
  const chosenKind: string | undefined = 'importKind' in state ? state.importKind : kinds[0]
  return (
    <div className="space-y-6">
      <form action={formAction} noValidate aria-label={t('check')} className="space-y-4">
        <FormRefusal state={state} />
        <input type="hidden" name="intent" value="check" />
        <fieldset key={round} aria-describedby={describedBy(errors.kind && 'kind-error')}>
          <legend className="text-sm font-medium">{t('kind')}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {kinds.map((k) => (
              <label key={k} className="flex min-h-11 cursor-pointer items-center gap-2 rounded border border-slate-300 bg-white px-3 has-checked:border-blue-700 has-checked:bg-blue-50">
                <input type="radio" name="kind" value={k} defaultChecked={k === chosenKind} className="size-4 accent-blue-700" />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </div>
          <FieldError id="kind-error" message={errors.kind} />
        </fieldset>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            {t('file')}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={describedBy('import-file-hint', errors.file && 'import-file-error')}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-2 file:font-medium hover:file:bg-slate-100"
          />
          <p id="import-file-hint" className="mt-1 text-sm text-slate-600">
            {t('fileHint')}
          </p>
          <FieldError id="import-file-error" message={errors.file} />
        </div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? t('checking') : t('check')}
        </button>
      </form>

      {(state.kind === 'checked' || state.kind === 'rejected' || state.kind === 'applied') && (
        <section aria-labelledby="import-result-title" className="space-y-3">
          <h2 id="import-result-title" className="text-lg font-semibold">
            {state.kind === 'applied' ? state.message : t('resultTitle', { file: state.fileName })}
          </h2>
          {state.kind !== 'applied' && <FormNotice tone={state.ready ? 'success' : 'error'}>{state.message}</FormNotice>}
          {state.kind === 'applied' && <FormNotice tone="success">{state.message}</FormNotice>}
          <p className="text-sm text-slate-700">{state.summary}</p>
          <ImportRows rows={state.rows} />
          {state.kind !== 'applied' && state.ready && (
            <form action={formAction} aria-label={t('apply')}>
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="kind" value={state.importKind} />
              <input type="hidden" name="fileName" value={state.fileName} />
              <input type="hidden" name="content" value={state.content} />
              <button type="submit" disabled={pending} className={primaryButtonClass}>
                {pending ? t('applying') : t('apply')}
              </button>
            </form>
          )}
        </section>
      )}
    </div>
  )
}

function ImportRows({ rows }: { rows: ImportRowView[] }) {
  const t = useTranslations('admin.import')
  return (
    <ScrollTable caption={t('result')} className="min-w-[36rem]">
      <thead className="bg-slate-50 text-left">
        <tr>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('row')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('result')}
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            {t('details')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row} className="border-t border-slate-200 align-top">
            <td className="px-3 py-2 tabular-nums">{r.row}</td>
            <td className="px-3 py-2">
              <Badge tone={tones[r.outcome]}>{t(`outcomes.${r.outcome}`)}</Badge>
            </td>
            <td className="px-3 py-2">
              <p className="font-mono text-xs text-slate-700">{r.label}</p>
              {r.problems.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-900">
                  {r.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}
