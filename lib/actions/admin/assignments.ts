// Giving a task to units: to every commune and the township of the administrator's subtree in one
// step, or to the units chosen (of that subtree). Units that already have the task are skipped, never assigned twice.
// The task is one they read (their own or their province's), and its units lie under its owner too.
import 'server-only'
import { assignSchema, parseAdmin, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, InvalidInput, MissingRecord } from './core'
import { IN_CHARGE_KINDS } from './members'
import { ownedUnitsWhere, ownersVisibleWhere, unitsWhere } from '@/lib/auth/permissions'

export type AssignedCounts = { taskCode: string; created: number; skipped: number }

export function assignTask(context: ActionContext, values: AdminValues) {
  return adminWrite<{ taskId: string; target: 'communes' | 'chosen'; unitIds: string[] }, AssignedCounts>(context, {
    action: 'assignment.create',
    entity: 'Task',
    entityId: typeof values.taskId === 'string' ? values.taskId : null,
    parsed: () => parseAdmin(assignSchema, values),
    write: async (tx, input) => {
      const task = await tx.task.findFirst({
        where: { id: input.taskId, group: { owner: await ownersVisibleWhere(context.actor, tx) } },
        select: { id: true, code: true, active: true, group: { select: { owner: { select: { id: true, parentId: true } } } } },
      })
      if (!task) throw new MissingRecord()
      if (!task.active) throw InvalidInput.of('target', 'taskInactive')
      const units = await tx.unit.findMany({
        where: { AND: [unitsWhere(context.actor), ownedUnitsWhere(task.group.owner)], ...(input.target === 'communes' ? { kind: { in: [...IN_CHARGE_KINDS] }, active: true } : { id: { in: input.unitIds }, active: true }) },
        select: { id: true },
      })
      if (input.target === 'chosen' && units.length !== new Set(input.unitIds).size) throw InvalidInput.of('unitIds', 'choiceMissing')
      // skipDuplicates: a unit that has the task (even one assigned a moment ago by someone else) is skipped.
      const created = await tx.assignment.createManyAndReturn({
        data: units.map((u) => ({ taskId: task.id, unitId: u.id, createdAt: context.now })),
        skipDuplicates: true,
        select: { id: true, unitId: true },
      })
      for (const a of created)
        await recordAudit(tx, context, { action: 'assignment.create', entity: 'Assignment', entityId: a.id, after: { taskId: task.id, unitId: a.unitId } })
      return { taskCode: task.code, created: created.length, skipped: units.length - created.length }
    },
  })
}
