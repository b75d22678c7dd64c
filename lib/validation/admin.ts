// The administration forms: field formats here, rules that need the database in
// lib/actions/admin. Answers are message keys of `admin.errors` (messages/*/admin.json).
import { z } from 'zod'
import { ROLES } from '@/lib/auth/roles'
import type { CalendarDay } from '@/lib/domain/calendar'
import type { Prisma } from '@/lib/db/client'
import type { vi } from '@/messages'
import viAdmin from '@/messages/vi/admin.json'
import { INDICATOR_KINDS, type OwnIndicatorProblem } from '@/lib/domain/indicator'
import { REPORT_CADENCES, REPORT_DAY_MAX, REPORT_DAY_MIN, type ReportCadenceKind } from '@/lib/domain/report-cycle'
import { decimalPlaces, parseDecimal } from './decimal'
import { formText } from './form-text'

export type AdminErrorCode = keyof typeof vi.admin.errors
export type AdminProblem = { code: AdminErrorCode; params?: Record<string, string | number> }
export type AdminProblems = Partial<Record<string, AdminProblem>>

export const adminProblem = (code: AdminErrorCode, params?: AdminProblem['params']): AdminProblem => (params ? { code, params } : { code })

/** Zod's error option carrying one of our message keys. */
const says = (code: AdminErrorCode) => ({ error: code })

export const UNIT_KINDS = ['PROVINCE', 'DISTRICT', 'TOWNSHIP', 'COMMUNE', 'VILLAGE', 'AGENCY'] as const
export const TASK_SCOPES = ['COMMUNE', 'DISTRICT'] as const
export const PERIOD_KINDS = ['INTERIM', 'FINAL'] as const
const PASSWORD_MIN_LENGTH = 10
const PASSWORD_MAX_LENGTH = 200
const TEXT_MAX = 300
const LONG_TEXT_MAX = 4000
/** The codes of units, members, groups, tasks and periods: the slugs of their URLs. */
export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A code from a page's or a download's path, checked as the administration makes codes: a NUL or other text never reaches the database, which refuses some of it. */
export const pathCodeSchema = z.string().max(64).regex(CODE_PATTERN)
const INDICATOR_MAX = 999_999_999_999 // DECIMAL(14, 2)

const text = (required: AdminErrorCode, max = TEXT_MAX) => z.string(says(required)).trim().min(1, says(required)).max(max, says('textTooLong'))
/** Empty or absent: null. */
const optionalText = (max = LONG_TEXT_MAX) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(z.string().max(max, says('textTooLong')).nullable())
const code = z.string(says('codeRequired')).trim().min(1, says('codeRequired')).max(64, says('codeFormat')).regex(CODE_PATTERN, says('codeFormat'))
/** Empty or absent: 0. */
const sortOrder = z
  .string()
  .optional()
  .transform((v) => v?.trim() || '0')
  .pipe(z.string().regex(/^\d{1,6}$/, says('sortOrderRange')))
  .transform(Number)
  .pipe(z.number().max(100_000, says('sortOrderRange')))
const id = z.uuid()
/** A select whose first option is "none": empty means null. */
const optionalId = z
  .string()
  .optional()
  .transform((v) => v || null)
  .pipe(z.uuid(says('choiceMissing')).nullable())
const requiredId = (missing: AdminErrorCode) => z.string(says(missing)).min(1, says(missing)).pipe(z.uuid(says('choiceMissing')))
const ids = z.array(z.uuid(says('choiceMissing'))).max(1000, says('choiceMissing')).default([])

/**
 * A calendar day typed as dd/mm/yyyy (documents, imports) or sent by a date input (yyyy-mm-dd);
 * null when it is not a real day.
 */
export function parseDay(input: string): CalendarDay | null {
  const textValue = input.trim()
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(textValue)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(textValue)
  const [year, month, day] = vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : iso ? [iso[1], iso[2], iso[3]] : []
  if (!year || !month || !day) return null
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && Number(year) >= 2000 && Number(year) <= 2100 ? value : null
}

const day = z
  .string(says('dateRequired'))
  .trim()
  .min(1, says('dateRequired'))
  .transform((v, ctx) => {
    const parsed = parseDay(v)
    if (parsed === null) ctx.addIssue({ code: 'custom', message: 'dateFormat' })
    return parsed ?? ''
  })

/** An optional non-negative decimal with at most two places, as a plain string for a DECIMAL column. */
const optionalDecimal = z
  .string()
  .optional()
  .transform((v, ctx) => {
    v = v?.trim() ?? ''
    if (v === '') return null
    const plain = parseDecimal(v)
    if (plain === null || decimalPlaces(plain) > 2 || Number(plain) > INDICATOR_MAX) ctx.addIssue({ code: 'custom', message: 'numberFormat' })
    return plain
  })

export const unitSchema = z.object({
  code,
  name: text('nameRequired'),
  kind: z.enum(UNIT_KINDS, says('kindRequired')),
  parentId: optionalId,
  inChargeMemberId: optionalId,
  sortOrder,
})
export type UnitInput = z.output<typeof unitSchema>

/** The changes of one unit's name or code; a merge and a split have forms of their own (unitMergeSchema, unitSplitSchema). */
export const UNIT_CHANGE_KINDS = ['RENAME', 'RECODE'] as const
export type UnitChangeKind = (typeof UNIT_CHANGE_KINDS)[number]

/** A rename or a re-code of one unit (`id`), from `effectiveDate` on, by a decision (`reason`). The field the kind does not use is ignored. */
export const unitChangeSchema = z
  .object({
    id,
    kind: z.enum(UNIT_CHANGE_KINDS, says('changeKindRequired')),
    newName: optionalText(TEXT_MAX),
    newCode: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? ''),
    effectiveDate: day,
    reason: text('reasonRequired', 1000),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'RENAME' && c.newName === null) ctx.addIssue({ code: 'custom', path: ['newName'], message: 'nameRequired' })
    if (c.kind === 'RECODE' && c.newCode === '') ctx.addIssue({ code: 'custom', path: ['newCode'], message: 'codeRequired' })
    else if (c.kind === 'RECODE' && !code.safeParse(c.newCode).success) ctx.addIssue({ code: 'custom', path: ['newCode'], message: 'codeFormat' })
  })
export type UnitChangeInput = z.output<typeof unitChangeSchema>

/**
 * A merge: the unit of the page (`id`) and the others chosen (`otherIds`) become one, the successor:
 * an existing unit (`successorId`, which may be one of them) or a new one (`newName`, `newCode`).
 * `inChargeMemberId` is the successor's member in charge; `moveUserIds` the merged units' accounts
 * that move to it (the others are deactivated), chosen in the preview.
 */
export const unitMergeSchema = z
  .object({
    id,
    kind: z.literal('MERGE'),
    otherIds: ids,
    successorId: optionalId,
    newName: optionalText(TEXT_MAX),
    newCode: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? ''),
    inChargeMemberId: optionalId,
    moveUserIds: ids,
    effectiveDate: day,
    reason: text('reasonRequired', 1000),
  })
  .superRefine((m, ctx) => {
    if (m.successorId !== null) return
    if (m.newName === null) ctx.addIssue({ code: 'custom', path: ['newName'], message: 'nameRequired' })
    if (m.newCode === '') ctx.addIssue({ code: 'custom', path: ['newCode'], message: 'codeRequired' })
    else if (!code.safeParse(m.newCode).success) ctx.addIssue({ code: 'custom', path: ['newCode'], message: 'codeFormat' })
  })
export type UnitMergeInput = z.output<typeof unitMergeSchema>

/** The cancellation of a change dated ahead (`changeId`) from the page of one of its units (`id`). */
export const unitChangeCancelSchema = z.object({ id, changeId: z.uuid(says('choiceMissing')) })
export type UnitChangeCancelInput = z.output<typeof unitChangeCancelSchema>

/** How many new units one split may make in one go (the form's rows of name and code). */
export const SPLIT_NEW_PARTS = 3
/** The key of the n-th new part (1-based) in a split's choices; an existing part's key is its id. */
export const newPartKey = (n: number) => `new${n}`
/** A split's choices made in its preview, one field per thing chosen for: which part takes an open assignment, a child unit or an account, and each part's member in charge. */
export const SPLIT_CHOICES = { take: 'take.', child: 'child.', account: 'account.', inCharge: 'inCharge.' } as const
/** An account of the split unit chosen to be deactivated rather than moved to a part. */
export const SPLIT_DEACTIVATE = 'off'

const choicesOf = (values: Record<string, unknown>, prefix: string): Map<string, string> =>
  new Map(Object.entries(values).flatMap(([name, value]) => (name.startsWith(prefix) && typeof value === 'string' ? [[name.slice(prefix.length), value.trim()]] : [])))

/**
 * A split: the unit of the page (`id`) ends, and its parts carry its work on: existing units
 * (`partIds`) and new ones (`newName1`/`newCode1` … up to SPLIT_NEW_PARTS), of the split unit's kind
 * and place in the tree. The preview's choices (SPLIT_CHOICES) say which part takes each open
 * assignment and each child unit, where each account goes (or SPLIT_DEACTIVATE), and each part's
 * member in charge; an open assignment or a child without a part is refused when applied.
 */
export const unitSplitSchema = z
  .looseObject({
    id,
    kind: z.literal('SPLIT'),
    partIds: ids,
    effectiveDate: day,
    reason: text('reasonRequired', 1000),
  })
  .superRefine((s, ctx) => {
    const codes = new Set<string>()
    for (let n = 1; n <= SPLIT_NEW_PARTS; n++) {
      const name = typeof s[`newName${n}`] === 'string' ? String(s[`newName${n}`]).trim() : ''
      const partCode = typeof s[`newCode${n}`] === 'string' ? String(s[`newCode${n}`]).trim() : ''
      if (name === '' && partCode === '') continue
      if (name === '') ctx.addIssue({ code: 'custom', path: [`newName${n}`], message: 'nameRequired' })
      else if (name.length > TEXT_MAX) ctx.addIssue({ code: 'custom', path: [`newName${n}`], message: 'textTooLong' })
      if (partCode === '') ctx.addIssue({ code: 'custom', path: [`newCode${n}`], message: 'codeRequired' })
      else if (!code.safeParse(partCode).success) ctx.addIssue({ code: 'custom', path: [`newCode${n}`], message: 'codeFormat' })
      else if (codes.has(partCode)) ctx.addIssue({ code: 'custom', path: [`newCode${n}`], message: 'splitCodeTwice' })
      codes.add(partCode)
    }
  })
  .transform((s) => ({
    id: s.id,
    partIds: [...new Set(s.partIds)],
    newParts: Array.from({ length: SPLIT_NEW_PARTS }, (_, i) => ({ n: i + 1, key: newPartKey(i + 1), name: String(s[`newName${i + 1}`] ?? '').trim(), code: String(s[`newCode${i + 1}`] ?? '').trim() })).filter((p) => p.name !== ''),
    effectiveDate: s.effectiveDate,
    reason: s.reason,
    take: choicesOf(s, SPLIT_CHOICES.take),
    child: choicesOf(s, SPLIT_CHOICES.child),
    account: choicesOf(s, SPLIT_CHOICES.account),
    inCharge: choicesOf(s, SPLIT_CHOICES.inCharge),
  }))
export type UnitSplitInput = z.output<typeof unitSplitSchema>

export const memberSchema = z.object({
  code,
  name: text('nameRequired'),
  title: text('titleRequired'),
  sortOrder,
  groupIds: ids,
  unitIds: ids,
})
export type MemberInput = z.output<typeof memberSchema>

/** A cadence's deadline day, 1-28 (lib/domain/report-cycle.ts), asked only when there is a cadence: without one it is ignored. */
function reportDayOf(cadence: ReportCadenceKind | null, text: string, ctx: z.RefinementCtx): number | null {
  if (cadence === null || cadence === 'NONE') return null
  const day = /^\d{1,2}$/.test(text) ? Number(text) : NaN
  if (day >= REPORT_DAY_MIN && day <= REPORT_DAY_MAX) return day
  ctx.addIssue({ code: 'custom', path: ['reportDay'], message: 'reportDayRange' })
  return null
}
const reportDayText = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '')
const reportCadence = (empty: ReportCadenceKind | null) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || empty)
    .pipe(z.enum(REPORT_CADENCES, says('cadenceRequired')).nullable())

export const groupSchema = z
  .object({
    code,
    name: text('nameRequired'),
    description: optionalText(),
    leadMemberId: optionalId,
    sortOrder,
  })
  .and(
    z
      .object({ reportCadence: reportCadence('NONE').pipe(z.enum(REPORT_CADENCES, says('cadenceRequired'))), reportDay: reportDayText })
      .transform((c, ctx) => ({ reportCadence: c.reportCadence, reportDay: reportDayOf(c.reportCadence, c.reportDay, ctx) })),
  )
export type GroupInput = z.output<typeof groupSchema>

/**
 * The optional indicator: a unit of measure and a kind together (an empty kind with a unit is SUM,
 * as every indicator was before the kinds), or nothing. SUM and PER_UNIT need a target (the baseline
 * is optional); a CONDITION indicator is answered yes or no by each unit and has neither.
 */
const indicatorSchema = z
  .object({
    indicatorKind: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .pipe(z.enum(INDICATOR_KINDS, says('indicatorKindRequired')).nullable()),
    indicatorUnit: optionalText(50),
    indicatorBaseline: optionalDecimal,
    indicatorTarget: optionalDecimal,
  })
  .superRefine((i, ctx) => {
    // The kind alone is no indicator: the form's select always sends one.
    const any = i.indicatorUnit !== null || i.indicatorTarget !== null || i.indicatorBaseline !== null
    if (!any) return
    if (i.indicatorUnit === null) ctx.addIssue({ code: 'custom', path: ['indicatorUnit'], message: 'indicatorUnitRequired' })
    if (i.indicatorKind === 'CONDITION') {
      if (i.indicatorBaseline !== null) ctx.addIssue({ code: 'custom', path: ['indicatorBaseline'], message: 'indicatorConditionNoFigures' })
      if (i.indicatorTarget !== null) ctx.addIssue({ code: 'custom', path: ['indicatorTarget'], message: 'indicatorConditionNoFigures' })
    } else if (i.indicatorTarget === null) ctx.addIssue({ code: 'custom', path: ['indicatorTarget'], message: 'indicatorTargetRequired' })
  })
  .transform((i) => ({ ...i, indicatorKind: i.indicatorUnit === null ? null : (i.indicatorKind ?? 'SUM') }))

/** A task's fields, also what an import row gives (lib/import). Both halves are checked even when one fails. */
export const taskFieldsSchema = z
  .object({
    code,
    title: text('nameRequired', 1000),
    description: optionalText(),
    groupId: requiredId('groupRequired'),
    dueDate: day,
    scope: z.enum(TASK_SCOPES, says('scopeRequired')),
    sortOrder,
  })
  .and(indicatorSchema)
export type TaskInput = z.output<typeof taskFieldsSchema>

/** The task form: the fields an import row gives too, and the reporting cadence (null: its group's), which imports leave as it is. */
export const taskFormSchema = taskFieldsSchema.and(
  z
    .object({ reportCadence: reportCadence(null), reportDay: reportDayText })
    .transform((c, ctx) => ({ reportCadence: c.reportCadence, reportDay: reportDayOf(c.reportCadence, c.reportDay, ctx) })),
)
export type TaskFormInput = z.output<typeof taskFormSchema>

/** A task's stored fields, as the task form, the import and the administration pages read them. */
export const taskFields = {
  id: true,
  code: true,
  groupId: true,
  title: true,
  description: true,
  dueDate: true,
  scope: true,
  indicatorKind: true,
  indicatorUnit: true,
  indicatorBaseline: true,
  indicatorTarget: true,
  sortOrder: true,
  active: true,
  reportCadence: true,
  reportDay: true,
} as const satisfies Prisma.TaskSelect

export type TaskRecord = Prisma.TaskGetPayload<{ select: typeof taskFields }>

export const periodSchema = z
  .object({ code, name: text('nameRequired'), kind: z.enum(PERIOD_KINDS, says('kindRequired')), startDate: day, endDate: day })
  .superRefine((p, ctx) => {
    if (p.startDate && p.endDate && p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endBeforeStart' })
  })
export const unlockSchema = z.object({ id, reason: text('reasonRequired', 1000) })

const username = z
  .string(says('usernameFormat'))
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, says('usernameFormat'))
const password = z.string(says('passwordTooShort')).min(PASSWORD_MIN_LENGTH, says('passwordTooShort')).max(PASSWORD_MAX_LENGTH, says('passwordTooLong'))
export const userSchema = z.object({
  displayName: text('displayNameRequired'),
  role: z.enum(ROLES, says('roleRequired')),
  unitId: requiredId('unitRequired'),
  memberId: optionalId,
})
export const newUserSchema = userSchema.extend({ username, password })

export const ASSIGN_TARGETS = ['communes', 'chosen'] as const
export const assignSchema = z
  .object({ taskId: id, target: z.enum(ASSIGN_TARGETS, says('targetRequired')), unitIds: ids })
  .superRefine((a, ctx) => {
    if (a.target === 'chosen' && a.unitIds.length === 0) ctx.addIssue({ code: 'custom', path: ['unitIds'], message: 'unitsRequired' })
  })

export const UNIT_FIGURE_KINDS = ['PARTY_MEMBERS', 'PARTY_CELLS', 'VILLAGES', 'POPULATION'] as const

/**
 * One of a unit's key figures ("74 đảng viên"), with the day it was true: a whole number, never
 * without its day (a figure without one cannot be read against anything). That the day is not
 * later than today the core judges, with its clock.
 */
export const unitFigureSchema = z.object({
  unitId: id,
  kind: z.enum(UNIT_FIGURE_KINDS, says('figureKindRequired')),
  value: z
    .string(says('figureValueRequired'))
    .trim()
    .min(1, says('figureValueRequired'))
    .transform((v) => v.replace(/[.\s]/g, '')) // "1.234" as typed in Vietnamese: dots group thousands
    .pipe(z.string().regex(/^\d{1,9}$/, says('figureValueFormat')))
    .transform(Number),
  asOf: z
    .string(says('figureDateRequired'))
    .trim()
    .min(1, says('figureDateRequired'))
    .transform((v, ctx) => {
      const parsed = parseDay(v)
      if (parsed === null) ctx.addIssue({ code: 'custom', message: 'dateFormat' })
      return parsed ?? ''
    }),
})
export type UnitFigureInput = z.output<typeof unitFigureSchema>

/** The prefix of a per-unit target's field: `unitTarget-<assignment id>`, one per assignment of a PER_UNIT task. */
export const UNIT_TARGET_FIELD = 'unitTarget-'
/** The prefix of a unit's own baseline's field beside it: `unitBaseline-<assignment id>`. */
export const UNIT_BASELINE_FIELD = 'unitBaseline-'

/**
 * A unit's own figure of a PER_UNIT indicator (its target or its baseline) as typed: null when
 * empty, else a non-negative decimal; `negative` says a figure below zero.
 */
export function parseOwnFigure(typed: string, negative: AdminErrorCode): { value: string | null } | { problem: AdminProblem } {
  const text = typed.trim()
  if (text === '') return { value: null }
  // parseDecimal refuses a minus sign, so "-3" is told apart from text that is no number at all.
  const plain = parseDecimal(text.replace(/^-\s*/, ''))
  if (plain === null || decimalPlaces(plain) > 2 || Number(plain) > INDICATOR_MAX) return { problem: adminProblem('numberFormat') }
  if (text.startsWith('-') && Number(plain) > 0) return { problem: adminProblem(negative) }
  return { value: plain }
}

/** The field's message for lib/domain/indicator.ts ownIndicatorProblem's answer. */
export function ownIndicatorAdminProblem(p: OwnIndicatorProblem): AdminProblem {
  if (p.field === 'baseline') return adminProblem('unitBaselineNegative')
  switch (p.problem) {
    case 'targetNegative':
      return adminProblem('unitTargetNegative')
    case 'targetBelowBaseline':
      return adminProblem('unitTargetBelowBaseline', { baseline: p.baseline })
    case 'targetAboveBaseline':
      return adminProblem('unitTargetAboveBaseline', { baseline: p.baseline })
  }
}

/** A unit's own target and baseline as a form sends them; a field not sent (undefined) stays as it is, an empty one clears it. */
export type UnitTargetInput = { assignmentId: string; target?: string | null; baseline?: string | null }

/**
 * The per-unit targets and baselines of a PER_UNIT task's assignments, as typed: an empty field
 * clears its figure (an empty baseline: the task's). Each is a non-negative decimal; whether a target
 * lies on the indicator's side of the baseline needs the task, and is judged by the core
 * (lib/domain/indicator.ts ownIndicatorProblem).
 */
export function parseUnitTargets(values: AdminValues): Parsed<{ taskId: string; targets: UnitTargetInput[] }> {
  const problems: AdminProblems = {}
  const taskId = id.safeParse(values.taskId)
  if (!taskId.success) problems.form = adminProblem('choiceMissing')
  const targets = new Map<string, UnitTargetInput>()
  for (const [name, value] of Object.entries(values)) {
    const field = name.startsWith(UNIT_TARGET_FIELD) ? 'target' : name.startsWith(UNIT_BASELINE_FIELD) ? 'baseline' : null
    if (field === null || typeof value !== 'string') continue
    const assignmentId = id.safeParse(name.slice((field === 'target' ? UNIT_TARGET_FIELD : UNIT_BASELINE_FIELD).length))
    if (!assignmentId.success) {
      problems.form = adminProblem('choiceMissing')
      continue
    }
    const figure = parseOwnFigure(value, field === 'target' ? 'unitTargetNegative' : 'unitBaselineNegative')
    if ('problem' in figure) problems[name] = figure.problem
    else targets.set(assignmentId.data, { ...targets.get(assignmentId.data), assignmentId: assignmentId.data, [field]: figure.value })
  }
  if (Object.keys(problems).length > 0 || !taskId.success) return { kind: 'invalid', problems }
  return { kind: 'valid', input: { taskId: taskId.data, targets: [...targets.values()] } }
}

export type Parsed<T> = { kind: 'valid'; input: T } | { kind: 'invalid'; problems: AdminProblems }

const isCode = (message: string): message is AdminErrorCode => Object.hasOwn(viAdmin.errors, message)

/** An administration form's fields as typed (checkbox lists as lists): what the core parses, and sent back with a refusal. */
export type AdminValues = Record<string, string | string[]>

/** Reads the form once: lists for the `*Ids` checkboxes, capped text otherwise. */
export function adminFormValues(form: FormData): AdminValues {
  const values: AdminValues = {}
  for (const name of new Set(form.keys())) {
    if (name.startsWith('$') || name === 'file') continue
    values[name] = name.endsWith('Ids') ? form.getAll(name).filter((v) => typeof v === 'string').slice(0, 1000) : formText(form, name, LONG_TEXT_MAX + 100)
  }
  return values
}

/** Parses a form (or an import row) with a schema; the first problem of each field, as a message key. */
export function parseAdmin<S extends z.ZodType>(schema: S, values: Record<string, unknown>): Parsed<z.output<S>> {
  const result = schema.safeParse(values)
  if (result.success) return { kind: 'valid', input: result.data }
  const problems: AdminProblems = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    problems[field] ??= adminProblem(isCode(issue.message) ? issue.message : 'invalidValue')
  }
  return { kind: 'invalid', problems }
}
