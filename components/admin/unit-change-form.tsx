'use client'
// The rename or re-code of a unit, the merge of units and the split of one (`section`): the fields,
// "Xem trước" (nothing is written), then the preview with "Áp dụng …". The preview's form carries the
// previewed values in hidden fields, so the change applied is exactly the one shown; a merge's
// preview also asks, account by account, which of the merged units' accounts move to the successor;
// a split's, which part takes each open task, unit below and account, and who is in charge of each.
import { useActionState } from 'react'
import Link from '@/components/link'
import { useTranslations } from 'next-intl'
import type { PreviewChoiceGroup, UnitChangeFormState } from '@/lib/actions/form-states'
import type { AdminValues } from '@/lib/validation/admin'
import { FieldError, FormNotice, FormRefusal, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-parts'
import { ScrollTable } from '../scroll-table'
import { useResponseRound } from '../response-round'
import { AdminFields, type FieldSpec } from './admin-form'

type Props = {
  action: (previous: UnitChangeFormState, form: FormData) => Promise<UnitChangeFormState>
  unitId: string
  fields: FieldSpec[]
  section: 'change' | 'merge' | 'split'
}

const KINDS = { change: null, merge: 'MERGE', split: 'SPLIT' } as const

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
                  {units(section === 'split' ? 'split.openUnit' : 'merge.openSuccessor')}
                </Link>
              </>
            )}
          </FormNotice>
        )}
        <FormRefusal state={state} />
        <input type="hidden" name="id" value={unitId} />
        <input type="hidden" name="intent" value="preview" />
        {KINDS[section] && <input type="hidden" name="kind" value={KINDS[section]} />}
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
          <FormNotice tone={state.fieldErrors ? 'error' : 'success'}>{state.message}</FormNotice>
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
          {section !== 'change' ? null : state.preview.addresses.length > 0 ? (
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
              name === 'intent' || name === 'moveUserIds' || chosenHere(state.preview.choices, name) ? [] : [value].flat().map((one) => <input key={`${name}-${one}`} type="hidden" name={name} value={one} />),
            )}
            {state.preview.accounts && <AccountChoices {...state.preview.accounts} />}
            {state.preview.choices?.map((group) => <ChoiceGroup key={group.legend} group={group} kept={state.values} errors={state.fieldErrors ?? {}} />)}
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

/** Whether the preview asks for the field `name` itself (then it is not carried hidden). */
const chosenHere = (groups: PreviewChoiceGroup[] | undefined, name: string) => groups?.some((g) => g.rows.some((r) => r.name === name)) ?? false

/** One select per row, set to what was chosen before (or the preview's proposal), with its error beside it. */
function ChoiceGroup({ group, kept, errors }: { group: PreviewChoiceGroup; kept: AdminValues; errors: Record<string, string> }) {
  const id = (name: string) => `split-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`
  return (
    <fieldset className="space-y-3 rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold">{group.legend}</legend>
      {group.hint && <p className="text-sm text-slate-600">{group.hint}</p>}
      {group.rows.map((row) => {
        const error = errors[row.name]
        const keptValue = kept[row.name]
        return (
          <div key={row.name}>
            <label htmlFor={id(row.name)} className="block text-sm font-medium">
              {row.label}
            </label>
            <select
              id={id(row.name)}
              name={row.name}
              defaultValue={typeof keptValue === 'string' ? keptValue : row.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id(row.name)}-error` : undefined}
              className={inputClass}
            >
              {row.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <FieldError id={`${id(row.name)}-error`} message={error} />
          </div>
        )
      })}
    </fieldset>
  )
}
