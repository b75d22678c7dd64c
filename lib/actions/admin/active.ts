// Deactivating and reactivating: what history points at is never deleted. An inactive
// unit, member, group or task drops out of lists and choices; an inactive user cannot sign in.
// Each is looked for within the administrator's reach: a group or task owned elsewhere is missing.
import 'server-only'
import { z } from 'zod'
import { membersWhere, ownersManagedWhere, unitsWhere, type Actor } from '@/lib/auth/permissions'
import type { Prisma } from '@/lib/db/client'
import { parseAdmin, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, InvalidInput, MissingRecord } from './core'
import { checkNotPending } from './units'

export const ACTIVE_ENTITIES = ['Unit', 'Member', 'TaskGroup', 'Task', 'User'] as const
export type ActiveEntity = (typeof ACTIVE_ENTITIES)[number]

const activeSchema = z.object({ entity: z.enum(ACTIVE_ENTITIES), id: z.uuid(), active: z.enum(['true', 'false']).transform((v) => v === 'true') })

/** Sets the `active` flag; returns the record's code (username for users) for the caller's revalidation. */
async function update(tx: Prisma.TransactionClient, actor: Actor, entity: ActiveEntity, id: string, active: boolean): Promise<{ code: string; was: boolean } | null> {
  const where = { id }
  const select = { active: true } as const
  switch (entity) {
    case 'Unit': {
      const before = await tx.unit.findFirst({ where: { ...where, ...unitsWhere(actor) }, select: { ...select, code: true } })
      // A unit a merge or a split dated ahead waits on stands (or, made for it, does not) until its day, as decided.
      if (before && before.active !== active) await checkNotPending(tx, [id], 'form')
      if (before) await tx.unit.update({ where, data: { active } })
      return before && { code: before.code, was: before.active }
    }
    case 'Member': {
      const before = await tx.member.findFirst({ where: { ...where, ...membersWhere(actor) }, select: { ...select, code: true } })
      if (before) await tx.member.update({ where, data: { active } })
      return before && { code: before.code, was: before.active }
    }
    case 'TaskGroup': {
      const before = await tx.taskGroup.findFirst({ where: { ...where, owner: ownersManagedWhere(actor) }, select: { ...select, code: true } })
      if (before) await tx.taskGroup.update({ where, data: { active } })
      return before && { code: before.code, was: before.active }
    }
    case 'Task': {
      const before = await tx.task.findFirst({ where: { ...where, group: { owner: ownersManagedWhere(actor) } }, select: { ...select, code: true } })
      if (before) await tx.task.update({ where, data: { active } })
      return before && { code: before.code, was: before.active }
    }
    case 'User': {
      const before = await tx.user.findFirst({ where: { ...where, unit: unitsWhere(actor) }, select: { ...select, username: true } })
      if (before) await tx.user.update({ where, data: { active } })
      return before && { code: before.username, was: before.active }
    }
  }
}

const AUDIT_PREFIX = { Unit: 'unit', Member: 'member', TaskGroup: 'taskGroup', Task: 'task', User: 'user' } as const satisfies Record<ActiveEntity, string>

/** 'taskGroup.deactivate', 'user.reactivate', … */
const auditAction = (entity: ActiveEntity, active: boolean) => `${AUDIT_PREFIX[entity]}.${active ? 'reactivate' : 'deactivate'}` as const

/** The form names the kind of record (`entity`), the record (`id`) and the new flag (`active`). */
export function setActive(context: ActionContext, values: AdminValues) {
  const entity = ACTIVE_ENTITIES.find((e) => e === values.entity) ?? 'Unit'
  return adminWrite(context, {
    action: auditAction(entity, values.active === 'true'),
    entity,
    entityId: formId(values),
    parsed: () => parseAdmin(activeSchema, values),
    write: async (tx, input) => {
      // An administrator who locks themself out leaves the district without one.
      if (input.entity === 'User' && input.id === context.actor.id && !input.active) throw InvalidInput.of('active', 'notYourself')
      const changed = await update(tx, context.actor, input.entity, input.id, input.active)
      if (!changed) throw new MissingRecord()
      await recordAudit(tx, context, {
        action: auditAction(input.entity, input.active),
        entity: input.entity,
        entityId: input.id,
        before: { active: changed.was },
        after: { active: input.active },
      })
      return { id: input.id, code: changed.code, active: input.active }
    },
  })
}
