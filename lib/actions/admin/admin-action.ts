'use server'
// The administration forms' actions; the rules live in the cores beside this file. After a change
// every page is revalidated: a name, a member in charge or a new assignment shows on many pages.
import { getTranslations } from 'next-intl/server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { adminSectionHref, type AdminSection } from '@/lib/domain/admin-paths'
import { unitPageHref } from '@/lib/domain/paths'
import { countOutcomes, type ImportPlan } from '@/lib/import/plan'
import { formatDay } from '@/lib/domain/calendar'
import { adminFormValues, SPLIT_CHOICES, SPLIT_DEACTIVATE, type AdminProblems, type AdminValues } from '@/lib/validation/admin'
import { unlockAccount } from '../account'
import { actionContext, type ActionContext } from '../context'
import { formAction, type NotFound } from '../form-action'
import type { AdminFormState, ImportFormState, ImportRowView, UnitChangeFormState } from '../form-states'
import { resetPassword } from '../password'
import { resetTwoFactor } from '../two-factor'
import { setActive } from './active'
import { saveUnitTargets } from './assignment-targets'
import { saveUnitFigure } from './figures'
import { assignTask } from './assignments'
import type { AdminResult } from './core'
import { saveGroup } from './groups'
import { applyImport, checkImport } from './import'
import { saveMember } from './members'
import { createPeriod, lockPeriod, unlockPeriod } from './periods'
import { saveTask } from './tasks'
import { cancelUnitChange } from './unit-change-cancel'
import { mergeUnits, type UnitMergePlan, type UnitMergeResult } from './unit-merge'
import { splitUnit, type UnitSplitPlan, type UnitSplitResult } from './unit-split'
import { changeUnit, saveUnit, type UnitChangePlan, type UnitChangeResult } from './units'
import { createUser, updateUser } from './users'

type AdminMessages = Awaited<ReturnType<typeof getTranslations<'admin'>>>

const adminMessages = () => getTranslations('admin')

const revalidateEverything = () => revalidatePath('/', 'layout')

/** The problems of a refused form, worded, by field. */
function fieldErrors(problems: AdminProblems, t: AdminMessages): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).flatMap(([field, p]) => (p ? [[field, t(`errors.${p.code}`, p.params)]] : [])))
}

/** The form's fields: all of them for the core, and, to show again after a refusal, all but a password. */
function readAdminForm(form: FormData): { values: AdminValues; input: AdminValues } {
  const input = adminFormValues(form)
  const values = { ...input }
  delete values.password
  return { values, input }
}

type Done = { message: string; redirectTo?: string }

/** How an administration form answers a record it may not touch, or input it refuses: the same for every one. */
function refusal(result: NotFound | { kind: 'invalid'; problems: Parameters<typeof fieldErrors>[0] }, t: AdminMessages, values: AdminValues) {
  if (result.kind === 'notFound') return { kind: 'refused', message: t('common.notFound'), values } as const
  const errors = fieldErrors(result.problems, t)
  return { kind: 'invalid', message: errors.form ?? t('common.formInvalid'), values, fieldErrors: errors } as const
}

/** A form of an administration core (./core.ts adminWrite); `done` words the saved result, and may open the new record's page. */
function adminForm<T>(name: string, core: (context: ActionContext, values: AdminValues) => Promise<AdminResult<T>>, done: (saved: T, t: AdminMessages) => Done) {
  return formAction({
    name,
    read: readAdminForm,
    context: actionContext,
    messages: adminMessages,
    run: core,
    revalidate: (result) => {
      if (result.kind === 'saved') revalidateEverything()
    },
    answer: (result, t, values): AdminFormState => {
      switch (result.kind) {
        case 'notFound':
        case 'invalid':
          return refusal(result, t, values)
        case 'saved': {
          const answer = done(result, t)
          if (answer.redirectTo) redirect(answer.redirectTo)
          return { kind: 'saved', message: answer.message }
        }
      }
    },
    notSaved: (message: string, values: AdminValues): AdminFormState => ({ kind: 'refused', message, values }),
  })
}

/** After a creation the new record's page opens; after an edit the form says it is saved. */
function savedRecord(section: AdminSection) {
  return (saved: { code: string; created: boolean }, t: AdminMessages) => ({
    message: t(saved.created ? 'common.created' : 'common.saved'),
    redirectTo: saved.created ? `${adminSectionHref(section, saved.code)}?created=1` : undefined,
  })
}

export const saveUnitAction = adminForm('saveUnitAction', saveUnit, savedRecord('units'))
export const saveMemberAction = adminForm('saveMemberAction', saveMember, savedRecord('members'))
export const saveGroupAction = adminForm('saveGroupAction', saveGroup, savedRecord('groups'))
export const saveTaskAction = adminForm('saveTaskAction', saveTask, savedRecord('tasks'))
export const createUserAction = adminForm('createUserAction', createUser, savedRecord('users'))
export const updateUserAction = adminForm('updateUserAction', updateUser, savedRecord('users'))
export const setActiveAction = adminForm('setActiveAction', setActive, (saved, t) => ({ message: t(saved.active ? 'common.reactivated' : 'common.deactivated') }))
export const assignTaskAction = adminForm('assignTaskAction', assignTask, (saved, t) => ({ message: t('assign.done', { created: saved.created, skipped: saved.skipped }) }))
export const saveUnitTargetsAction = adminForm('saveUnitTargetsAction', saveUnitTargets, (saved, t) => ({ message: t('unitTargets.done', { count: saved.changed }) }))
export const saveUnitFigureAction = adminForm('saveUnitFigureAction', saveUnitFigure, (_saved, t) => ({ message: t('figures.done') }))
export const createPeriodAction = adminForm('createPeriodAction', createPeriod, (_saved, t) => ({ message: t('common.created') }))
export const lockPeriodAction = adminForm('lockPeriodAction', lockPeriod, (_saved, t) => ({ message: t('periods.lockedDone') }))
export const unlockPeriodAction = adminForm('unlockPeriodAction', unlockPeriod, (_saved, t) => ({ message: t('periods.unlockedDone') }))
// The cancelled change's form goes with it: the page opens again and says so (the list of units, when the unit was made for the change and is gone).
export const cancelUnitChangeAction = adminForm('cancelUnitChangeAction', cancelUnitChange, (saved, t) => ({
  message: t('units.pending.cancelled'),
  redirectTo: `${adminSectionHref('units', saved.unitCode ?? undefined)}?cancelled=1`,
}))

/** A rename or re-code worded for its preview: old and new side by side, the date, the reason, the addresses that change. */
function unitChangePreview(plan: UnitChangePlan, t: AdminMessages) {
  const rows =
    plan.kind === 'RENAME'
      ? [{ item: t('units.change.name'), before: plan.before.name, after: plan.after.name }]
      : [{ item: t('units.change.code'), before: plan.before.code, after: plan.after.code }]
  const notes = [
    t('units.change.effective', { date: formatDay(plan.effectiveDate) }),
    ...(plan.scheduled ? [t('units.change.scheduled')] : []),
    t('units.change.reasonLine', { reason: plan.reason }),
    t('units.change.accounts', { count: plan.accounts }),
  ]
  const [unitPage] = plan.addresses
  const addresses = [
    ...plan.addresses.map((a) => `${a.before} → ${a.after}`),
    ...(unitPage && plan.assignmentPages > 0 ? [t('units.change.assignmentPages', { before: unitPage.before, after: unitPage.after, count: plan.assignmentPages })] : []),
  ]
  return { rows, notes, addresses }
}

/** A merge worded for its preview: each task's state in each unit and after the merge, what becomes of the units, the accounts to choose for. */
function unitMergePreview(plan: UnitMergePlan, t: AdminMessages) {
  const status = (s: UnitMergePlan['assignments'][number]['status']) => t(`units.merge.statuses.${s}`)
  const withFigure = (text: string, figure: string | null) => (figure === null ? text : t('units.merge.withIndicator', { text, value: figure.replace(/\.00$/, '') }))
  const rows = plan.assignments.map((a) => ({
    item: a.title,
    before: [
      ...(a.existing ? [withFigure(t('units.merge.sourceExisting', { unit: a.existing.unit.name, status: status(a.existing.status), progress: a.existing.progress }), a.existing.indicatorActual)] : []),
      ...a.sources.map((s) => withFigure(t('units.merge.source', { unit: s.unit.name, status: status(s.status), progress: s.progress }), s.indicatorActual)),
    ].join('; '),
    after: withFigure(t('units.merge.result', { status: status(a.status), progress: a.progress }), a.indicatorActual),
  }))
  const notes = [
    t('units.change.effective', { date: formatDay(plan.effectiveDate) }),
    ...(plan.scheduled ? [t('units.merge.scheduled')] : []),
    t('units.change.reasonLine', { reason: plan.reason }),
    t('units.merge.mergedUnits', { names: plan.merged.map((m) => m.name).join(', ') }),
    plan.successor.isNew ? t('units.merge.successorCreated', { name: plan.successor.name, code: plan.successor.code }) : t('units.merge.successorExisting', { name: plan.successor.name }),
    plan.inChargeName ? t('units.merge.inChargeLine', { name: plan.inChargeName }) : t('units.merge.inChargeNone'),
    t('units.merge.assignments', { count: plan.assignments.length }),
    ...(plan.children > 0 ? [t('units.merge.children', { count: plan.children })] : []),
    t('units.merge.pages'),
  ]
  const accounts = {
    legend: t('units.merge.accounts'),
    hint: t('units.merge.accountsHint'),
    empty: t('units.merge.noAccounts'),
    choices: plan.accounts.map((a) => ({ value: a.id, label: t('units.merge.account', { name: a.displayName, username: a.username, unit: a.unitName }) })),
  }
  return { rows, notes, addresses: [], accounts }
}

/** A split worded for its preview: each task's state, what becomes of the unit and its parts, and the choices it asks for. */
function unitSplitPreview(plan: UnitSplitPlan, t: AdminMessages) {
  const state = (s: { status: UnitSplitPlan['assignments'][number]['status']; progress: number; indicatorActual: string | null }) => {
    const text = t('units.split.state', { status: t(`units.merge.statuses.${s.status}`), progress: s.progress })
    return s.indicatorActual === null ? text : t('units.split.withIndicator', { text, value: s.indicatorActual.replace(/\.00$/, '') })
  }
  const partName = (p: UnitSplitPlan['parts'][number]) => (p.isNew ? t('units.split.partNew', { name: p.name, code: p.code }) : t('units.split.partExisting', { name: p.name }))
  // What the part carries: the state as it is, combined with the part's own assignment when it has one; before the choice, both said.
  const carried = (a: UnitSplitPlan['assignments'][number]) => {
    const part = plan.parts.find((p) => p.key === a.partKey)
    if (!part) return t('units.split.combinedWith', { text: state(a.source) })
    return t(a.existing ? 'units.split.carriedCombined' : 'units.split.carriedBy', { unit: part.name, text: state(a) })
  }
  const rows = plan.assignments.map((a) => ({ item: a.title, before: state(a.source), after: carried(a) }))
  const notes = [
    t('units.change.effective', { date: formatDay(plan.effectiveDate) }),
    ...(plan.scheduled ? [t('units.split.scheduled')] : []),
    t('units.change.reasonLine', { reason: plan.reason }),
    t('units.split.unitLine', { name: plan.unit.name }),
    t('units.split.partsLine', { names: plan.parts.map(partName).join(', ') }),
    t('units.split.pages'),
  ]
  const parts = plan.parts.map((p) => ({ value: p.key, label: p.name }))
  const choose = [{ value: '', label: t('units.split.choose') }, ...parts]
  const choices = [
    {
      legend: t('units.split.takeLegend'),
      hint: plan.assignments.length > 0 ? t('units.split.takeHint') : t('units.split.noOpen'),
      rows: plan.assignments.map((a) => ({ name: `${SPLIT_CHOICES.take}${a.source.assignmentId}`, label: a.title, value: a.partKey ?? '', options: choose })),
    },
    ...(plan.children.length > 0
      ? [{ legend: t('units.split.childLegend'), rows: plan.children.map((c) => ({ name: `${SPLIT_CHOICES.child}${c.id}`, label: c.name, value: c.partKey ?? '', options: choose })) }]
      : []),
    {
      legend: t('units.split.accountLegend'),
      hint: plan.accounts.length > 0 ? t('units.split.accountHint') : t('units.split.noAccounts'),
      rows: plan.accounts.map((a) => ({
        name: `${SPLIT_CHOICES.account}${a.id}`,
        label: t('units.split.account', { name: a.displayName, username: a.username }),
        // Moved to the first part unless chosen otherwise: the staff go on working.
        value: a.partKey ?? parts[0]?.value ?? SPLIT_DEACTIVATE,
        options: [...parts, { value: SPLIT_DEACTIVATE, label: t('units.split.deactivate') }],
      })),
    },
    {
      legend: t('units.split.inChargeLegend'),
      rows: plan.parts.map((p) => ({
        name: `${SPLIT_CHOICES.inCharge}${p.key}`,
        label: p.name,
        value: p.inChargeMemberId ?? '',
        options: [{ value: '', label: t('units.split.noMember') }, ...plan.members.map((m) => ({ value: m.id, label: m.name }))],
      })),
    },
  ]
  return { rows, notes, addresses: [], choices }
}

type SplitAnswer = UnitSplitResult & { problems?: AdminProblems }
const isSplit = (result: UnitChangeResult | UnitMergeResult | SplitAnswer): result is SplitAnswer => result.plan.kind === 'SPLIT'

/**
 * A split applied with choices still to make is shown again as its preview, the missing choices
 * marked beside their fields (the choices are made in the preview, so that is where they are fixed).
 */
async function splitOrPreview(context: ActionContext, values: AdminValues): Promise<AdminResult<SplitAnswer>> {
  const result = await splitUnit(context, values)
  const choiceFields = Object.values(SPLIT_CHOICES)
  if (result.kind !== 'invalid' || values.intent !== 'apply' || !Object.keys(result.problems).every((field) => choiceFields.some((prefix) => field.startsWith(prefix)))) return result
  const preview = await splitUnit(context, { ...values, intent: 'preview' })
  return preview.kind === 'saved' ? { ...preview, problems: result.problems } : result
}

/**
 * The rename, re-code, merge or split of units (the form's `kind`): `intent` "preview" answers what
 * would change; "apply" applies it (./units.ts changeUnit, ./unit-merge.ts mergeUnits, ./unit-split.ts splitUnit).
 */
export const changeUnitAction = formAction({
  name: 'changeUnitAction',
  read: readAdminForm,
  context: actionContext,
  messages: adminMessages,
  run: (context: ActionContext, values: AdminValues): Promise<AdminResult<UnitChangeResult | UnitMergeResult | SplitAnswer>> =>
    values.kind === 'MERGE' ? mergeUnits(context, values) : values.kind === 'SPLIT' ? splitOrPreview(context, values) : changeUnit(context, values),
  revalidate: (result) => {
    if (result.kind === 'saved' && result.applied) revalidateEverything()
  },
  answer: (result, t, values): UnitChangeFormState => {
    switch (result.kind) {
      case 'notFound':
      case 'invalid':
        return refusal(result, t, values)
      case 'saved': {
        const date = formatDay(result.plan.effectiveDate)
        if (isSplit(result)) {
          const plan = result.plan
          if (result.applied && plan.scheduled) return { kind: 'saved', message: t('units.split.scheduledApplied', { name: plan.unit.name, date }), link: unitPageHref(plan.unit.code) }
          if (result.applied) return { kind: 'saved', message: t('units.split.applied', { name: plan.unit.name, date }), link: unitPageHref(plan.unit.code) }
          const fieldErrorsShown = result.problems ? { fieldErrors: fieldErrors(result.problems, t) } : {}
          return { kind: 'preview', message: t(result.problems ? 'units.split.choicesMissing' : 'units.split.previewReady'), values, preview: unitSplitPreview(plan, t), ...fieldErrorsShown }
        }
        if ('successorCode' in result) {
          // A merge dated ahead is saved: its successor's page (a new unit) does not stand until the day.
          if (result.applied && result.plan.scheduled) return { kind: 'saved', message: t('units.merge.scheduledApplied', { name: result.plan.successor.name, date }) }
          if (result.applied) return { kind: 'saved', message: t('units.merge.applied', { name: result.plan.successor.name, date }), link: unitPageHref(result.successorCode) }
          return { kind: 'preview', message: t('units.merge.previewReady'), values, preview: unitMergePreview(result.plan, t) }
        }
        // The administration page of a re-coded unit is at its new address from now on.
        if (result.applied && result.plan.kind === 'RECODE' && !result.plan.scheduled) redirect(`${adminSectionHref('units', result.plan.after.code)}?changed=1`)
        if (result.applied) return { kind: 'saved', message: t(result.plan.scheduled ? 'units.change.scheduledApplied' : 'units.change.applied', { date }) }
        return { kind: 'preview', message: t('units.change.previewReady'), values, preview: unitChangePreview(result.plan, t) }
      }
    }
  },
  notSaved: (message: string, values: AdminValues): UnitChangeFormState => ({ kind: 'refused', message, values }),
})

/** A sign-in security step on one account (its id in the form): the core answers not found or what it did. */
function accountSecurityForm<R extends { kind: string }>(name: string, core: (context: ActionContext, userId: string) => Promise<R>, message: (done: Exclude<R, NotFound>, t: AdminMessages) => string) {
  const done = (result: R | NotFound): result is Exclude<R, NotFound> => result.kind !== 'notFound'
  return formAction({
    name,
    read: (form: FormData) => ({ values: {}, input: String(form.get('id') ?? '') }),
    context: actionContext,
    messages: adminMessages,
    run: core,
    revalidate: (result) => {
      if (done(result)) revalidateEverything()
    },
    answer: (result, t): AdminFormState => (done(result) ? { kind: 'saved', message: message(result, t) } : { kind: 'refused', message: t('common.notFound'), values: {} }),
    notSaved: (message: string): AdminFormState => ({ kind: 'refused', message, values: {} }),
  })
}

export const resetPasswordAction = accountSecurityForm('resetPasswordAction', resetPassword, (done, t) => t('users.security.resetPasswordDone', { password: done.temporaryPassword }))
export const unlockAccountAction = accountSecurityForm('unlockAccountAction', unlockAccount, (_done, t) => t('users.security.unlockDone'))
export const resetTwoFactorAction = accountSecurityForm('resetTwoFactorAction', resetTwoFactor, (_done, t) => t('users.security.resetTwoFactorDone'))

/** The import form: `intent` says whether to check the file or apply it (./import.ts); the file is read by the core. */
export const importAction = formAction({
  name: 'importAction',
  read: (form: FormData) => ({ values: String(form.get('kind') ?? '').slice(0, 20), input: { apply: form.get('intent') === 'apply', form } }),
  context: actionContext,
  messages: adminMessages,
  run: (context: ActionContext, { apply, form }) => (apply ? applyImport : checkImport)(context, form),
  revalidate: (result) => {
    if (result.kind === 'applied') revalidateEverything()
  },
  answer: (result, t, importKind): ImportFormState => {
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
      case 'invalid':
        return { kind: 'invalid', message: t('common.formInvalid'), fieldErrors: fieldErrors(result.problems, t), importKind }
      case 'checked':
      case 'rejected': {
        const { counts, rows, summary } = view(result.plan)
        const ready = counts.error === 0
        const message = result.kind === 'rejected' ? t('import.changed') : ready ? t('import.ready') : t('import.hasErrors')
        return { kind: result.kind, message, summary, rows, importKind, fileName: result.upload.fileName, content: result.upload.content, ready }
      }
      case 'applied': {
        const { counts, rows, summary } = view(result.plan)
        return { kind: 'applied', message: t('import.applied', { create: counts.create, update: counts.update, skip: counts.skip }), summary, rows }
      }
    }
  },
  notSaved: (message: string, importKind: string): ImportFormState => ({ kind: 'refused', message, fieldErrors: {}, importKind }),
})
