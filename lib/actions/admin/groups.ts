// Task groups and the member who leads each. A group (its tasks with it) belongs to a unit: an
// administrator changes those of their subtree only; another's answers as missing.
import 'server-only'
import { groupSchema, parseAdmin, type GroupInput, type AdminValues } from '@/lib/validation/admin'
import { ownersManagedWhere } from '@/lib/auth/permissions'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, MissingRecord, newOwnerId, snapshot } from './core'
import { checkReferences } from './references'

const groupFields = { id: true, code: true, name: true, description: true, leadMemberId: true, ownerUnitId: true, sortOrder: true, active: true, reportCadence: true, reportDay: true } as const

export function saveGroup(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite<GroupInput, { id: string; code: string; created: boolean }>(context, {
    action: id ? 'taskGroup.update' : 'taskGroup.create',
    entity: 'TaskGroup',
    entityId: id,
    parsed: () => parseAdmin(groupSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      const before = id ? await tx.taskGroup.findFirst({ where: { id, owner: ownersManagedWhere(context.actor) }, select: groupFields }) : null
      if (id && !before) throw new MissingRecord()
      await checkReferences(tx, context.actor, [{ field: 'leadMemberId', model: 'member', id: input.leadMemberId, current: before?.leadMemberId }])
      const data = {
        name: input.name,
        description: input.description,
        leadMemberId: input.leadMemberId,
        sortOrder: input.sortOrder,
        reportCadence: input.reportCadence,
        reportDay: input.reportDay,
      }
      const group = before
        ? await tx.taskGroup.update({ where: { id: before.id }, data, select: groupFields })
        : await tx.taskGroup.create({ data: { ...data, code: input.code, ownerUnitId: await newOwnerId(tx, context.actor) }, select: groupFields })
      await recordAudit(tx, context, {
        action: before ? 'taskGroup.update' : 'taskGroup.create',
        entity: 'TaskGroup',
        entityId: group.id,
        ...(before ? { before: snapshot(before) } : {}),
        after: snapshot(group),
      })
      return { id: group.id, code: group.code, created: !before }
    },
  })
}
