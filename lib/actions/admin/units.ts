// Units: the district, communes, the township, villages and agencies.
import 'server-only'
import type { Prisma } from '@/lib/db/client'
import { parseAdmin, unitSchema, type UnitInput, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { checkReferences } from './references'

const unitFields = { code: true, name: true, kind: true, parentId: true, inChargeMemberId: true, sortOrder: true, active: true } as const

export type SavedUnit = { id: string; code: string; created: boolean }

/** Creates a unit (no `id` in the form) or edits one; the code never changes after creation (it is in URLs and staff usernames). */
export function saveUnit(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite<UnitInput, SavedUnit>(context, {
    action: id ? 'unit.update' : 'unit.create',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      const before = id ? await tx.unit.findUnique({ where: { id }, select: { id: true, ...unitFields } }) : null
      if (id && !before) throw new MissingRecord()
      await checkReferences(tx, [
        { field: 'parentId', model: 'unit', id: input.parentId ?? null, current: before?.parentId },
        { field: 'inChargeMemberId', model: 'member', id: input.inChargeMemberId ?? null, current: before?.inChargeMemberId },
      ])
      if (before && input.parentId && (await isWithin(tx, input.parentId, before.id))) throw InvalidInput.of('parentId', 'parentCycle')
      const data = { name: input.name, kind: input.kind, parentId: input.parentId, inChargeMemberId: input.inChargeMemberId, sortOrder: input.sortOrder }
      const unit = before
        ? await tx.unit.update({ where: { id: before.id }, data, select: { id: true, ...unitFields } })
        : await tx.unit.create({ data: { ...data, code: input.code }, select: { id: true, ...unitFields } })
      await recordAudit(tx, context, {
        action: before ? 'unit.update' : 'unit.create',
        entity: 'Unit',
        entityId: unit.id,
        ...(before ? { before: snapshot(before) } : {}),
        after: snapshot(unit),
      })
      return { id: unit.id, code: unit.code, created: !before }
    },
  })
}

/** Whether `unitId` is `ancestorId` or lies below it in the tree. */
async function isWithin(tx: Prisma.TransactionClient, unitId: string, ancestorId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ within: boolean }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Unit" WHERE id = ${unitId}::uuid
      UNION SELECT u.id, u."parentId" FROM "Unit" u JOIN up ON u.id = up."parentId"
    ) SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId}::uuid) AS within`
  return row?.within ?? false
}
