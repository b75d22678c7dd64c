// A unit's key figures on its administration page: a new count with the day it was true, and the
// counts entered so far (kept: a new one never replaces an old one).
import { getTranslations } from 'next-intl/server'
import { dateColumnDay, formatDay, formatInstant } from '@/lib/domain/calendar'
import type { UnitFigureEntry } from '@/lib/queries/unit-figures'
import { UNIT_FIGURE_KINDS } from '@/lib/validation/admin'
import { AdminTable } from './parts'
import { AdminForm, type AdminAction } from './admin-form'

export async function UnitFiguresSection({ unitId, history, action }: { unitId: string; history: UnitFigureEntry[]; action: AdminAction }) {
  const t = await getTranslations('admin')
  return (
    <section aria-labelledby="figures-title" className="mt-8 max-w-2xl border-t border-slate-200 pt-4">
      <h2 id="figures-title" className="text-lg font-semibold">
        {t('figures.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t('figures.intro')}</p>
      <AdminForm
        action={action}
        label={t('figures.title')}
        idPrefix="figure-"
        hidden={{ unitId }}
        submit={{ label: t('figures.submit'), pending: t('common.saving') }}
        fields={[
          { name: 'kind', label: t('figures.kind'), type: 'select', defaultValue: 'PARTY_MEMBERS', choices: UNIT_FIGURE_KINDS.map((k) => ({ value: k, label: t(`figureKinds.${k}`) })) },
          { name: 'value', label: t('figures.value'), type: 'text', inputMode: 'numeric', width: 'short' },
          { name: 'asOf', label: t('figures.asOf'), hint: t('figures.asOfHint'), type: 'date', width: 'short' },
        ]}
      />
      <h3 className="mt-6 font-semibold">{t('figures.history')}</h3>
      {history.length === 0 ? (
        <p className="text-sm text-slate-700">{t('figures.empty')}</p>
      ) : (
        <AdminTable
          caption={t('figures.history')}
          headings={[t('figures.kind'), t('figures.value'), t('figures.asOf'), t('figures.enteredBy')]}
          rows={history.map((f) => ({
            key: f.id,
            cells: [t(`figureKinds.${f.kind}`), f.value, formatDay(dateColumnDay(f.asOf)), `${f.createdBy}, ${formatInstant(f.createdAt)}`],
          }))}
        />
      )}
    </section>
  )
}
