// Standing-committee members, with the task groups they lead and the communes they are in
// charge of: the two lists set TaskGroup.leadMemberId and Unit.inChargeMemberId.
import 'server-only'
import { membersWhere, unitsWhere } from '@/lib/auth/permissions'
import type { Prisma } from '@/lib/db/client'
import { memberSchema, parseAdmin, type MemberInput, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'

/** The units whose member in charge this form sets: the communes and the township. */
export const IN_CHARGE_KINDS = ['COMMUNE', 'TOWNSHIP'] as const

const memberFields = {
  id: true,
  code: true,
  name: true,
  title: true,
  sortOrder: true,
  active: true,
  leads: { select: { id: true }, orderBy: { id: 'asc' } },
  inCharge: { where: { kind: { in: [...IN_CHARGE_KINDS] } }, select: { id: true }, orderBy: { id: 'asc' } },
} as const satisfies Prisma.MemberSelect

type MemberRecord = Prisma.MemberGetPayload<{ select: typeof memberFields }>
const audited = ({ leads, inCharge, ...rest }: MemberRecord) => snapshot({ ...rest, groupIds: leads.map((g) => g.id), unitIds: inCharge.map((u) => u.id) })

export function saveMember(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite<MemberInput, { id: string; code: string; created: boolean }>(context, {
    action: id ? 'member.update' : 'member.create',
    entity: 'Member',
    entityId: id,
    parsed: () => parseAdmin(memberSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      const before = id ? await tx.member.findFirst({ where: { id, ...membersWhere(context.actor) }, select: memberFields }) : null
      if (id && !before) throw new MissingRecord()
      // In use, or already held by this member (a group or commune deactivated since may stay ticked).
      const usable = { OR: [{ active: true }, ...(before ? [{ id: { in: [...before.leads, ...before.inCharge].map((r) => r.id) } }] : [])] }
      const groups = await tx.taskGroup.count({ where: { AND: [{ id: { in: input.groupIds } }, usable] } })
      if (groups !== new Set(input.groupIds).size) throw InvalidInput.of('groupIds', 'choiceMissing')
      const communes = await tx.unit.count({ where: { AND: [{ id: { in: input.unitIds }, kind: { in: [...IN_CHARGE_KINDS] } }, unitsWhere(context.actor), usable] } })
      if (communes !== new Set(input.unitIds).size) throw InvalidInput.of('unitIds', 'choiceMissing')

      const data = { name: input.name, title: input.title, sortOrder: input.sortOrder }
      // A new member sits on the committee of the administrator's scope root (their own unit at the top of the tree).
      const member = before
        ? await tx.member.update({ where: { id: before.id }, data })
        : await tx.member.create({ data: { ...data, code: input.code, unitId: context.actor.scopeUnitId ?? context.actor.unitId } })
      // Leading and being in charge pass to this member; what they no longer hold is left unassigned.
      await tx.taskGroup.updateMany({ where: { leadMemberId: member.id, id: { notIn: input.groupIds } }, data: { leadMemberId: null } })
      await tx.taskGroup.updateMany({ where: { id: { in: input.groupIds } }, data: { leadMemberId: member.id } })
      // Only within the administrator's subtree: a unit of another district keeps its member in charge.
      await tx.unit.updateMany({ where: { inChargeMemberId: member.id, kind: { in: [...IN_CHARGE_KINDS] }, id: { notIn: input.unitIds }, ...unitsWhere(context.actor) }, data: { inChargeMemberId: null } })
      await tx.unit.updateMany({ where: { id: { in: input.unitIds }, ...unitsWhere(context.actor) }, data: { inChargeMemberId: member.id } })

      const after = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: memberFields })
      await recordAudit(tx, context, {
        action: before ? 'member.update' : 'member.create',
        entity: 'Member',
        entityId: member.id,
        ...(before ? { before: audited(before) } : {}),
        after: audited(after),
      })
      return { id: member.id, code: member.code, created: !before }
    },
  })
}
