'use server'
// The import form's action: `intent` says whether to check the file or apply it (./import.ts).
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { countOutcomes, type ImportPlan } from '@/lib/import/plan'
import { loggedAction } from '@/lib/log/request'
import { actionContext, keepInputWhenDatabaseDown } from '../context'
import type { ImportFormState, ImportRowView } from './form-state'
import { applyImport, checkImport } from './import'

export const importAction = loggedAction('importAction', async (_previous: ImportFormState, form: FormData): Promise<ImportFormState> => {
  const importKind = String(form.get('kind') ?? '').slice(0, 20)
  return keepInputWhenDatabaseDown(() => checkOrApply(form, importKind), (message) => ({ kind: 'refused', message, fieldErrors: {}, importKind }))
})

async function checkOrApply(form: FormData, importKind: string): Promise<ImportFormState> {
  const [context, t] = await Promise.all([actionContext(), getTranslations('admin')])
  if (!context) return { kind: 'refused', message: t('common.notFound'), fieldErrors: {}, importKind }
  const result = await (form.get('intent') === 'apply' ? applyImport : checkImport)(context, form)

  const view = (plan: ImportPlan) => {
    const counts = countOutcomes(plan)
    const rows: ImportRowView[] = plan.rows.map((r) => ({
      row: r.row,
      label: r.label,
      outcome: r.outcome,
      problems: r.problems.map((p) => t('import.problem', { row: r.row, column: p.column, message: t(`errors.${p.code}`, p.params) })),
    }))
    return { counts, rows, summary: t('import.summary', { rows: rows.length, create: counts.create, update: counts.update, skip: counts.skip, errors: counts.error }) }
  }

  switch (result.kind) {
    case 'notFound':
      return { kind: 'refused', message: t('common.notFound'), fieldErrors: {}, importKind }
    case 'invalid': {
      const fieldErrors = Object.fromEntries(Object.entries(result.problems).flatMap(([field, p]) => (p ? [[field, t(`errors.${p.code}`, p.params)]] : [])))
      return { kind: 'invalid', message: t('common.formInvalid'), fieldErrors, importKind }
    }
    case 'checked':
    case 'rejected': {
      const { counts, rows, summary } = view(result.plan)
      const ready = counts.error === 0
      const message = result.kind === 'rejected' ? t('import.changed') : ready ? t('import.ready') : t('import.hasErrors')
      return { kind: result.kind, message, summary, rows, importKind, fileName: result.upload.fileName, content: result.upload.content, ready }
    }
    case 'applied': {
      const { counts, rows, summary } = view(result.plan)
      revalidatePath('/', 'layout')
      return { kind: 'applied', message: t('import.applied', { create: counts.create, update: counts.update, skip: counts.skip }), summary, rows }
    }
  }
}
