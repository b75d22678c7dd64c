// Tasks with their optional indicator. The import (lib/import) writes tasks through
// writeTask too, so a row and a form make the same record and the same audit row.
import 'server-only'
import type { Prisma } from '@/lib/db/client'
import { parseAdmin, taskFields, taskFormSchema, type TaskFormInput, type TaskInput, type TaskRecord, type AdminValues } from '@/lib/validation/admin'
import { ownersManagedWhere } from '@/lib/auth/permissions'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, MissingRecord, snapshot } from './core'
import { checkReferences } from './references'

/**
 * Creates the task, or updates `before` (its code stays); audited in the same transaction. An
 * import's row has no reporting cadence: the task keeps its own (a new one takes its group's).
 */
export async function writeTask(tx: Prisma.TransactionClient, context: ActionContext, input: TaskInput | TaskFormInput, before: TaskRecord | null): Promise<TaskRecord> {
  const data = {
    groupId: input.groupId,
    title: input.title,
    description: input.description,
    dueDate: new Date(`${input.dueDate}T00:00:00Z`),
    scope: input.scope,
    indicatorKind: input.indicatorKind,
    indicatorUnit: input.indicatorUnit,
    indicatorBaseline: input.indicatorBaseline,
    indicatorTarget: input.indicatorTarget,
    sortOrder: input.sortOrder,
    ...('reportCadence' in input ? { reportCadence: input.reportCadence, reportDay: input.reportDay } : {}),
  }
  const task = before
    ? await tx.task.update({ where: { id: before.id }, data, select: taskFields })
    : await tx.task.create({ data: { ...data, code: input.code }, select: taskFields })
  await recordAudit(tx, context, {
    action: before ? 'task.update' : 'task.create',
    entity: 'Task',
    entityId: task.id,
    ...(before ? { before: snapshot(before) } : {}),
    after: snapshot(task),
  })
  return task
}

export function saveTask(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite<TaskFormInput, { id: string; code: string; created: boolean }>(context, {
    action: id ? 'task.update' : 'task.create',
    entity: 'Task',
    entityId: id,
    parsed: () => parseAdmin(taskFormSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      // A task belongs to its group's owner: one of another unit's groups is not theirs to change.
      const before = id ? await tx.task.findFirst({ where: { id, group: { owner: ownersManagedWhere(context.actor) } }, select: taskFields }) : null
      if (id && !before) throw new MissingRecord()
      await checkReferences(tx, context.actor, [{ field: 'groupId', model: 'taskGroup', id: input.groupId, current: before?.groupId }])
      const task = await writeTask(tx, context, input, before)
      return { id: task.id, code: task.code, created: !before }
    },
  })
}
