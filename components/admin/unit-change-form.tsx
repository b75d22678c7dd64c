'use client'
// The rename or re-code of a unit, and the merge of units (`section`): the fields, "Xem trước"
// (nothing is written), then the preview with "Áp dụng …". The preview's form carries the previewed
// values in hidden fields, so the change applied is exactly the one shown; a merge's preview also
// asks, account by account, which of the merged units' accounts move to the successor.
import { useActionState } from 'react'
import Link from '@/components/link'
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
  section: 'change' | 'merge'
}

const idle: UnitChangeFormState = { kind: 'idle' }

export function UnitChangeForm({ action, unitId, fields, section }: Props) {
  const units = useTranslations('admin.units')
  const t = (key: 'title' | 'hint' | 'preview' | 'previewing' | 'apply' | 'applying' | 'previewTitle' | 'item' | 'before' | 'after' | 'tableCaption' | 'addresses' | 'noAddresses') =>
    units(`${section}.${key}`)
  const previewTitleId = `unit-${section}-preview-title`
  const [state, formAction, pending] = useActionState(action, idle)
  const round = useResponseRound(state)
  const kept = 'values' in state ? state.values : null
  return (
    <div className="space-y-6">
      <form action={formAction} noValidate aria-label={t('title')} className="space-y-4">
        <h2 className="text-lg font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-700">{t('hint')}</p>
        {state.kind === 'saved' && (
          <FormNotice tone="success">
            {state.message}
            {state.link && (
              <>
                {' '}
                <Link href={state.link} className="underline">
                  {units('merge.openSuccessor')}
                </Link>
              </>
            )}
          </FormNotice>
        )}
        {(state.kind === 'invalid' || state.kind === 'refused') && <FormNotice tone="error">{state.message}</FormNotice>}
        <input type="hidden" name="id" value={unitId} />
        <input type="hidden" name="intent" value="preview" />
        {section === 'merge' && <input type="hidden" name="kind" value="MERGE" />}
        <div key={round} className="space-y-4">
          <AdminFields fields={fields} kept={kept} errors={state.kind === 'invalid' ? state.fieldErrors : {}} idPrefix={`${section}-`} />
        </div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? t('previewing') : t('preview')}
        </button>
      </form>

      {state.kind === 'preview' && (
        <section aria-labelledby={previewTitleId} className="space-y-3">
          <h3 id={previewTitleId} className="text-base font-semibold">
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
          {section === 'merge' ? null : state.preview.addresses.length > 0 ? (
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
          <form action={formAction} aria-label={t('apply')} className="space-y-4">
            {Object.entries(state.values).flatMap(([name, value]) =>
              name === 'intent' || name === 'moveUserIds' ? [] : [value].flat().map((one) => <input key={`${name}-${one}`} type="hidden" name={name} value={one} />),
            )}
            {state.preview.accounts && <AccountChoices {...state.preview.accounts} />}
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

/** Each merged unit's account, ticked to move to the successor (the default), unticked to be deactivated. */
function AccountChoices({ legend, hint, empty, choices }: NonNullable<Extract<UnitChangeFormState, { kind: 'preview' }>['preview']['accounts']>) {
  if (choices.length === 0) return <p className="text-sm">{empty}</p>
  return (
    <fieldset aria-describedby="merge-accounts-hint">
      <legend className="text-sm font-medium">{legend}</legend>
      <p id="merge-accounts-hint" className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {choices.map((c) => (
          <label key={c.value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded border border-slate-200 bg-white px-3 py-1.5 has-checked:border-blue-700 has-checked:bg-blue-50">
            <input type="checkbox" name="moveUserIds" value={c.value} defaultChecked className="size-4 accent-blue-700" />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
