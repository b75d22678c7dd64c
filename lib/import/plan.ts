// What an import would do, row by row (issue 6): each row is checked like the form it stands for,
// against the database as it is now. The dry run shows this plan; applying makes it again inside
// its transaction, so a change made in between is seen, and writes only when no row has an error.
import 'server-only'
import { ownersManagedWhere, ownersVisibleWhere, unitsWhere, type Actor } from '@/lib/auth/permissions'
import type { Prisma } from '@/lib/db/client'
import {
  adminProblem,
  ownIndicatorAdminProblem,
  parseAdmin,
  parseOwnFigure,
  taskFields,
  taskFieldsSchema,
  type AdminErrorCode,
  type AdminProblem,
  type TaskInput,
  type TaskRecord,
} from '@/lib/validation/admin'
import { countsDown, ownIndicatorProblem } from '@/lib/domain/indicator'
import { COLUMN_HEADERS, parseIndicatorKind, parseScope, type ColumnKey, type ImportKind } from './columns'
import type { TableRow } from './read'

export type Outcome = 'create' | 'update' | 'skip' | 'error'
export type RowProblem = AdminProblem & { column: string }

type Planned<W> = { row: number; label: string; outcome: Outcome; problems: RowProblem[]; write: W | null }
export type TaskRow = Planned<{ input: TaskInput; before: TaskRecord | null }>
/** An assignment to make, or (`update`) one whose own target or baseline the row sets; null: none given. */
export type AssignmentRow = Planned<{ taskId: string; unitId: string; indicatorTarget: string | null; indicatorBaseline: string | null }>
export type ImportPlan = { kind: 'tasks'; rows: TaskRow[] } | { kind: 'assignments'; rows: AssignmentRow[] }

const at = (key: ColumnKey, problem: AdminProblem): RowProblem => ({ ...problem, column: COLUMN_HEADERS[key] })

/** Which column a task field's problem belongs to. */
const TASK_FIELD_COLUMNS: Record<string, ColumnKey> = {
  code: 'taskCode',
  title: 'title',
  groupId: 'groupCode',
  dueDate: 'dueDate',
  scope: 'scope',
  indicatorUnit: 'indicatorUnit',
  indicatorBaseline: 'indicatorBaseline',
  indicatorTarget: 'indicatorTarget',
  indicatorKind: 'indicatorKind',
  description: 'description',
}

/** The form's "enter a …" answers; a file's empty required cell is simply "required". */
const MISSING = new Set<AdminErrorCode>(['codeRequired', 'nameRequired', 'groupRequired', 'dateRequired', 'scopeRequired'])

/** A second row for the same key: an error that names the first. */
function firstSeen<K>(seen: Map<K, number>, key: K, row: number): number | null {
  const first = seen.get(key)
  if (first === undefined) seen.set(key, row)
  return first ?? null
}

async function planTasks(client: Prisma.TransactionClient, actor: Actor, rows: TableRow[]): Promise<TaskRow[]> {
  const codes = rows.map((r) => r.cells.taskCode ?? '')
  // Groups and tasks of the administrator's own subtree (ownersManagedWhere); a code another unit's
  // task holds is taken (codes are unique across the deployment).
  const owner = ownersManagedWhere(actor)
  const [groups, tasks, taken] = await Promise.all([
    client.taskGroup.findMany({ where: { code: { in: rows.map((r) => r.cells.groupCode ?? '') }, active: true, owner }, select: { id: true, code: true } }),
    client.task.findMany({ where: { code: { in: codes }, group: { owner } }, select: taskFields }),
    client.task.findMany({ where: { code: { in: codes }, NOT: { group: { owner } } }, select: { code: true } }),
  ])
  const takenCodes = new Set(taken.map((t) => t.code))
  const groupIds = new Map(groups.map((g) => [g.code, g.id]))
  const existing = new Map(tasks.map((t) => [t.code, t]))
  const seen = new Map<string, number>()
  return rows.map(({ row, cells }) => {
    const code = cells.taskCode ?? ''
    const before = existing.get(code) ?? null
    const groupCode = cells.groupCode ?? ''
    const scope = cells.scope ? (parseScope(cells.scope) ?? cells.scope) : ''
    const parsed = parseAdmin(taskFieldsSchema, {
      code,
      title: cells.title ?? '',
      description: cells.description ?? '',
      groupId: groupIds.get(groupCode) ?? '',
      dueDate: cells.dueDate ?? '',
      scope,
      indicatorUnit: cells.indicatorUnit ?? '',
      indicatorBaseline: cells.indicatorBaseline ?? '',
      indicatorTarget: cells.indicatorTarget ?? '',
      indicatorKind: cells.indicatorKind ? parseIndicatorKind(cells.indicatorKind) : '',
      // The file has no order column: an update keeps the task's place, a new task goes first.
      sortOrder: String(before?.sortOrder ?? 0),
    })
    const problems: RowProblem[] = []
    if (parsed.kind === 'invalid')
      for (const [field, problem] of Object.entries(parsed.problems)) {
        if (!problem) continue
        const column = TASK_FIELD_COLUMNS[field] ?? 'taskCode'
        const empty = (cells[column] ?? '') === ''
        if (empty && MISSING.has(problem.code)) problems.push(at(column, adminProblem('required')))
        else if (field === 'groupId') problems.push(at(column, adminProblem('groupUnknown', { code: groupCode })))
        else problems.push(at(column, problem))
      }
    const first = code ? firstSeen(seen, code, row) : null
    if (first !== null) problems.push(at('taskCode', adminProblem('duplicateRow', { row: first })))
    if (takenCodes.has(code)) problems.push(at('taskCode', adminProblem('codeTaken')))
    if (problems.length > 0 || parsed.kind === 'invalid') return { row, label: code, outcome: 'error', problems, write: null }
    return { row, label: code, outcome: before ? 'update' : 'create', problems, write: { input: parsed.input, before } }
  })
}

async function planAssignments(client: Prisma.TransactionClient, actor: Actor, rows: TableRow[]): Promise<AssignmentRow[]> {
  const [tasks, units] = await Promise.all([
    // A task they read (their own or their province's); another district's is unknown.
    client.task.findMany({
      where: { code: { in: rows.map((r) => r.cells.taskCode ?? '') }, active: true, group: { owner: await ownersVisibleWhere(actor, client) } },
      select: { id: true, code: true, indicatorKind: true, indicatorBaseline: true, indicatorTarget: true, group: { select: { owner: { select: { id: true, parentId: true } } } } },
    }),
    // A unit of another district is not found: the administrator assigns within their subtree.
    client.unit.findMany({ where: { code: { in: rows.map((r) => r.cells.unitCode ?? '') }, active: true, ...unitsWhere(actor) }, select: { id: true, code: true, ancestorIds: true } }),
  ])
  const taskIds = new Map(tasks.map((t) => [t.code, t.id]))
  const tasksByCode = new Map(tasks.map((t) => [t.code, t]))
  const unitIds = new Map(units.map((u) => [u.code, u.id]))
  const unitAncestors = new Map(units.map((u) => [u.id, u.ancestorIds]))
  // A task applies under its owner (ownedUnitsWhere): a unit outside that subtree is not one it may go to.
  const underOwner = (unitId: string, task: (typeof tasks)[number] | undefined) =>
    !task || task.group.owner.parentId === null || (unitAncestors.get(unitId) ?? []).includes(task.group.owner.id)
  const assigned = await client.assignment.findMany({
    where: { taskId: { in: tasks.map((t) => t.id) }, unitId: { in: units.map((u) => u.id) } },
    select: { taskId: true, unitId: true, indicatorTarget: true, indicatorBaseline: true },
  })
  const existing = new Map(assigned.map((a) => [`${a.taskId}:${a.unitId}`, { target: a.indicatorTarget?.toString() ?? null, baseline: a.indicatorBaseline?.toString() ?? null }]))
  const seen = new Map<string, number>()
  return rows.map(({ row, cells }) => {
    const taskCode = cells.taskCode ?? ''
    const unitCode = cells.unitCode ?? ''
    const taskId = taskIds.get(taskCode)
    const unitId = unitIds.get(unitCode)
    const problems: RowProblem[] = []
    if (!taskCode) problems.push(at('taskCode', adminProblem('required')))
    else if (!taskId) problems.push(at('taskCode', adminProblem('taskUnknown', { code: taskCode })))
    if (!unitCode) problems.push(at('unitCode', adminProblem('required')))
    else if (!unitId || !underOwner(unitId, tasksByCode.get(taskCode))) problems.push(at('unitCode', adminProblem('unitUnknown', { code: unitCode })))
    const label = `${taskCode} → ${unitCode}`
    const first = firstSeen(seen, `${taskCode}\n${unitCode}`, row)
    if (first !== null) problems.push(at('unitCode', adminProblem('duplicateRow', { row: first })))
    const current = existing.get(`${taskId}:${unitId}`)
    const own = ownFiguresOf(cells, tasksByCode.get(taskCode), current)
    for (const [column, problem] of own.problems) problems.push(at(column, problem))
    if (problems.length > 0 || !taskId || !unitId) return { row, label, outcome: 'error', problems, write: null }
    const write = { taskId, unitId, indicatorTarget: own.target, indicatorBaseline: own.baseline }
    if (!current) return { row, label, outcome: 'create', problems, write }
    // An existing assignment is assigned once; a row giving its own target or baseline sets it.
    return { row, label, outcome: own.target === null && own.baseline === null ? 'skip' : 'update', problems, write }
  })
}

type TaskIndicator = { indicatorKind: string | null; indicatorBaseline: { toString(): string } | null; indicatorTarget: { toString(): string } | null }

type Own = { target: string | null; baseline: string | null }

/**
 * A row's own target and baseline for the unit (null: the cell is empty), checked as the task's
 * administration form checks them: together with the figure the assignment has (`current`) where
 * the row leaves one out.
 */
function ownFiguresOf(cells: TableRow['cells'], task: TaskIndicator | undefined, current: Own | undefined): Own & { problems: [ColumnKey, AdminProblem][] } {
  const target = parseOwnFigure(cells.unitTarget ?? '', 'unitTargetNegative')
  const baseline = parseOwnFigure(cells.unitBaseline ?? '', 'unitBaselineNegative')
  const problems: [ColumnKey, AdminProblem][] = []
  if ('problem' in target) problems.push(['unitTarget', target.problem])
  if ('problem' in baseline) problems.push(['unitBaseline', baseline.problem])
  const given = { target: 'value' in target ? target.value : null, baseline: 'value' in baseline ? baseline.value : null }
  // The unknown task is the row's error.
  if (problems.length > 0 || !task || (given.target === null && given.baseline === null)) return { ...given, problems }
  if (task.indicatorKind !== 'PER_UNIT') return { ...given, problems: [[given.target === null ? 'unitBaseline' : 'unitTarget', adminProblem('unitTargetNotPerUnit')]] }
  const taskBaseline = task.indicatorBaseline?.toString() ?? null
  const down = countsDown(taskBaseline, task.indicatorTarget?.toString() ?? null)
  const problem = ownIndicatorProblem({ target: given.target ?? current?.target ?? null, baseline: given.baseline ?? current?.baseline ?? null }, taskBaseline, down)
  if (problem) problems.push([problem.field === 'target' ? 'unitTarget' : 'unitBaseline', ownIndicatorAdminProblem(problem)])
  return { ...given, problems }
}

export async function planImport(client: Prisma.TransactionClient, actor: Actor, kind: ImportKind, rows: TableRow[]): Promise<ImportPlan> {
  return kind === 'tasks' ? { kind, rows: await planTasks(client, actor, rows) } : { kind, rows: await planAssignments(client, actor, rows) }
}

export function countOutcomes(plan: ImportPlan): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { create: 0, update: 0, skip: 0, error: 0 }
  for (const r of plan.rows) counts[r.outcome] += 1
  return counts
}
