'use client'
// The rename or re-code of a unit: the fields, "Xem trước" (nothing is written), then the preview
// with "Áp dụng thay đổi". The preview's form carries the previewed values in hidden fields, so
// the change applied is exactly the one shown.
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { UnitChangeFormState } from '@/lib/actions/form-states'
import { FormNotice, primaryButtonClass, secondaryButtonClass } from '../form-parts'
import { ScrollTable } from '../scroll-table'
import { useResponseRound } from '../response-round'
import { AdminFields, type FieldSpec } from './admin-form'

type Props = {
  action: (previous: UnitChangeFormState, form: FormData) => Promise<UnitChangeFormState>
  unitId: string
  fields: FieldSpec[]
}

const idle: UnitChangeFormState = { kind: 'idle' }

export function UnitChangeForm({ action, unitId, fields }: Props) {
  const t = useTranslations('admin.units.change')
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  const kept = 'values' in state ? state.values : null
  return (
    <div className="space-y-6">
      <form action={formAction} noValidate aria-label={t('title')} className="space-y-4">
        <h2 className="text-lg font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-700">{t('hint')}</p>
        {state.kind === 'saved' && <FormNotice tone="success">{state.message}</FormNotice>}
        {(state.kind === 'invalid' || state.kind === 'refused') && <FormNotice tone="error">{state.message}</FormNotice>}
        <input type="hidden" name="id" value={unitId} />
        <input type="hidden" name="intent" value="preview" />
        <div key={round} className="space-y-4">
          <AdminFields fields={fields} kept={kept} errors={state.kind === 'invalid' ? state.fieldErrors : {}} idPrefix="change-" />
        </div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? t('previewing') : t('preview')}
        </button>
      </form>

      {state.kind === 'preview' && (
        <section aria-labelledby="unit-change-preview-title" className="space-y-3">
          <h3 id="unit-change-preview-title" className="text-base font-semibold">
            {t('previewTitle')}
          </h3>
          <FormNotice tone="success">{state.message}</FormNotice>
          <ScrollTable caption={t('tableCaption')} className="[overflow-wrap:anywhere]">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('item')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('before')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.preview.rows.map((r) => (
                <tr key={r.item} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {r.item}
                  </th>
                  <td className="px-3 py-2">{r.before}</td>
                  <td className="px-3 py-2 font-semibold">{r.after}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {state.preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {state.preview.addresses.length > 0 ? (
            <div className="text-sm">
              <p>{t('addresses')}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5 font-mono text-xs">
                {state.preview.addresses.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm">{t('noAddresses')}</p>
          )}
          <form action={formAction} aria-label={t('apply')}>
            {Object.entries(state.values).map(([name, value]) =>
              typeof value === 'string' && name !== 'intent' ? <input key={name} type="hidden" name={name} value={value} /> : null,
            )}
            <input type="hidden" name="intent" value="apply" />
            <button type="submit" disabled={pending} className={primaryButtonClass}>
              {pending ? t('applying') : t('apply')}
            </button>
          </form>
        </section>
      )}
    </div>
  )
}
