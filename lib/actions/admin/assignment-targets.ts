// The per-unit targets of a PER_UNIT indicator ("Minh Cầm: 5/12 chức danh"): an administrator sets
// each assigned unit's own target, and its own baseline where it has one (else the task's), on the
// task's administration page. Each target must lie on the indicator's side of its baseline
// (lib/domain/indicator.ts ownIndicatorProblem); one bad figure refuses them all. The history of
// each change is kept by the database (AssignmentTarget).
import 'server-only'
import { ownersVisibleWhere, unitsWhere } from '@/lib/auth/permissions'
import { countsDown, ownIndicatorProblem } from '@/lib/domain/indicator'
import {
  ownIndicatorAdminProblem,
  parseUnitTargets,
  UNIT_BASELINE_FIELD,
  UNIT_TARGET_FIELD,
  type AdminProblems,
  type AdminValues,
  type UnitTargetInput,
} from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, InvalidInput, MissingRecord } from './core'

type Own = { target: string | null; baseline: string | null }

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Number(a) === Number(b))

export function saveUnitTargets(context: ActionContext, values: AdminValues) {
  return adminWrite<{ taskId: string; targets: UnitTargetInput[] }, { changed: number }>(context, {
    action: 'assignment.target',
    entity: 'Task',
    entityId: typeof values.taskId === 'string' ? values.taskId : null,
    parsed: () => parseUnitTargets(values),
    write: async (tx, input) => {
      const task = await tx.task.findFirst({
        where: { id: input.taskId, group: { owner: await ownersVisibleWhere(context.actor, tx) } },
        select: {
          id: true,
          indicatorKind: true,
          indicatorBaseline: true,
          indicatorTarget: true,
          assignments: { where: { unit: unitsWhere(context.actor) }, select: { id: true, indicatorTarget: true, indicatorBaseline: true } },
        },
      })
      if (!task) throw new MissingRecord()
      if (task.indicatorKind !== 'PER_UNIT') throw InvalidInput.of('form', 'unitTargetNotPerUnit')
      const baseline = task.indicatorBaseline?.toString() ?? null
      const down = countsDown(baseline, task.indicatorTarget?.toString() ?? null)
      const current = new Map(task.assignments.map((a): [string, Own] => [a.id, { target: a.indicatorTarget?.toString() ?? null, baseline: a.indicatorBaseline?.toString() ?? null }]))
      const problems: AdminProblems = {}
      const changes: { assignmentId: string; before: Own; after: Own }[] = []
      for (const { assignmentId, target, baseline: ownBaseline } of input.targets) {
        const before = current.get(assignmentId)
        if (!before) throw new MissingRecord()
        // A field the form did not send keeps its figure.
        const after: Own = { target: target === undefined ? before.target : target, baseline: ownBaseline === undefined ? before.baseline : ownBaseline }
        const problem = ownIndicatorProblem(after, baseline, down)
        if (problem) problems[(problem.field === 'target' ? UNIT_TARGET_FIELD : UNIT_BASELINE_FIELD) + assignmentId] = ownIndicatorAdminProblem(problem)
        else if (!same(before.target, after.target) || !same(before.baseline, after.baseline)) changes.push({ assignmentId, before, after })
      }
      if (Object.keys(problems).length > 0) throw new InvalidInput(problems)
      for (const { assignmentId, before, after } of changes) {
        const saved = await tx.assignment.update({
          where: { id: assignmentId },
          data: { indicatorTarget: after.target, indicatorBaseline: after.baseline },
          select: { indicatorTarget: true, indicatorBaseline: true },
        })
        await recordAudit(tx, context, {
          action: 'assignment.target',
          entity: 'Assignment',
          entityId: assignmentId,
          before: { indicatorTarget: before.target, indicatorBaseline: before.baseline },
          after: { indicatorTarget: saved.indicatorTarget?.toString() ?? null, indicatorBaseline: saved.indicatorBaseline?.toString() ?? null },
        })
      }
      return { changed: changes.length }
    },
  })
}
