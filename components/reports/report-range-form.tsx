// The review report for days of the clerk's choosing: a GET form back to /reports, which checks
// the days and then offers the two downloads. Works without JavaScript. A plain <form>, as
// next/form would add its client code to the page only to navigate softly.
import { useTranslations } from 'next-intl'
import { describedBy, FieldError, inputClass, secondaryButtonClass } from '@/components/form-parts'
import type { PeriodKind } from '@/lib/db/generated/enums'
import { REPORT_KINDS } from '@/lib/validation/report-range'

type Props = {
  /** What was typed, shown back. */
  values: { from?: string; to?: string; kind?: PeriodKind | string }
  /** The message beside each field, already in the reader's language. */
  errors: { from?: string; to?: string }
}

export function ReportRangeForm({ values, errors }: Props) {
  const t = useTranslations('reports.custom')
  const tKind = useTranslations('reports.kind')
  const day = (name: 'from' | 'to') => (
    <div>
      <label htmlFor={`range-${name}`} className="block text-sm font-medium">
        {t(name)}
      </label>
      <input
        id={`range-${name}`}
        name={name}
        type="date"
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(errors[name] && `range-${name}-error`)}
        className={inputClass}
      />
      <FieldError id={`range-${name}-error`} message={errors[name]} />
    </div>
  )
  return (
    <form action="/reports" className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {day('from')}
      {day('to')}
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">{t('kind')}</legend>
        <div className="mt-1 flex gap-6">
          {REPORT_KINDS.map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="kind" value={kind} defaultChecked={(values.kind ?? 'INTERIM') === kind} className="size-5" />
              {tKind(kind)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <button type="submit" className={secondaryButtonClass}>
          {t('submit')}
        </button>
      </div>
    </form>
  )
}
