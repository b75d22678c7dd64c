// The per-unit targets of a PER_UNIT indicator ("Minh Cầm: 5/12 chức danh"): an administrator sets
// each assigned unit's own target on the task's administration page. Each one must lie on the
// indicator's side of its baseline (lib/domain/indicator.ts); one bad target refuses them all.
import 'server-only'
import { ownersVisibleWhere, unitsWhere } from '@/lib/auth/permissions'
import { countsDown, perUnitTargetProblem } from '@/lib/domain/indicator'
import { adminProblem, parseUnitTargets, UNIT_TARGET_FIELD, type AdminProblems, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, InvalidInput, MissingRecord } from './core'

export function saveUnitTargets(context: ActionContext, values: AdminValues) {
  return adminWrite<{ taskId: string; targets: { assignmentId: string; target: string | null }[] }, { changed: number }>(context, {
    action: 'assignment.target',
    entity: 'Task',
    entityId: typeof values.taskId === 'string' ? values.taskId : null,
    parsed: () => parseUnitTargets(values),
    write: async (tx, input) => {
      const task = await tx.task.findFirst({
        where: { id: input.taskId, group: { owner: await ownersVisibleWhere(context.actor, tx) } },
        select: { id: true, indicatorKind: true, indicatorBaseline: true, indicatorTarget: true, assignments: { where: { unit: unitsWhere(context.actor) }, select: { id: true, indicatorTarget: true } } },
      })
      if (!task) throw new MissingRecord()
      if (task.indicatorKind !== 'PER_UNIT') throw InvalidInput.of('form', 'unitTargetNotPerUnit')
      const baseline = task.indicatorBaseline?.toString() ?? null
      const down = countsDown(baseline, task.indicatorTarget?.toString() ?? null)
      const current = new Map(task.assignments.map((a) => [a.id, a.indicatorTarget?.toString() ?? null]))
      const problems: AdminProblems = {}
      for (const { assignmentId, target } of input.targets) {
        if (!current.has(assignmentId)) throw new MissingRecord()
        const problem = target === null ? null : perUnitTargetProblem(target, baseline, down)
        if (problem === 'targetNegative') problems[UNIT_TARGET_FIELD + assignmentId] = adminProblem('unitTargetNegative')
        else if (problem === 'targetBelowBaseline') problems[UNIT_TARGET_FIELD + assignmentId] = adminProblem('unitTargetBelowBaseline', { baseline: baseline ?? '0' })
        else if (problem === 'targetAboveBaseline') problems[UNIT_TARGET_FIELD + assignmentId] = adminProblem('unitTargetAboveBaseline', { baseline: baseline ?? '0' })
      }
      if (Object.keys(problems).length > 0) throw new InvalidInput(problems)
      let changed = 0
      for (const { assignmentId, target } of input.targets) {
        const before = current.get(assignmentId) ?? null
        if (before === null ? target === null : target !== null && Number(before) === Number(target)) continue
        const saved = await tx.assignment.update({ where: { id: assignmentId }, data: { indicatorTarget: target }, select: { indicatorTarget: true } })
        const after = saved.indicatorTarget?.toString() ?? null
        await recordAudit(tx, context, { action: 'assignment.target', entity: 'Assignment', entityId: assignmentId, before: { indicatorTarget: before }, after: { indicatorTarget: after } })
        changed++
      }
      return { changed }
    },
  })
}
