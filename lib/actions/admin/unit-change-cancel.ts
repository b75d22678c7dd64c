// Cancelling a change of units dated ahead before it is applied ("Hủy thay đổi"), from the page of
// one of its units, by an administrator who may make such a change there (every unit of it in
// their subtree). A merge or a split dated ahead told nobody and moved nothing: it is deleted, the
// audit row keeping all of it, and a new unit made for it (inactive until the day) goes too, its
// code free again, unless something was attached to it meanwhile (then it stays inactive, shown
// nowhere). A rename or re-code dated ahead was told at once: it stays on record marked cancelled,
// so the notices about it still read, and the same people are told of the cancellation; its stretch
// of name is removed and the one before runs on, and a new code kept for it is released.
import 'server-only'
import { unitRowInScopeSql } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { parseAdmin, unitChangeCancelSchema, type AdminValues, type UnitChangeCancelInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'

type ChangeKind = 'RENAME' | 'RECODE' | 'MERGE' | 'SPLIT'

/** What was cancelled, and the code of the unit whose page it was cancelled from (its administration page opens again); null when that unit was made for the change and is gone with it. */
export type CancelledChange = { changeKind: ChangeKind; effectiveDate: string; removedUnits: string[]; unitCode: string | null }

/**
 * Cancels the change `changeId` that the unit `id` takes part in. Refused before anything is
 * written: a change already applied or already cancelled, a rename or re-code followed by a later
 * one of the unit (cancel that first). A change not of this unit, or with a unit outside the
 * administrator's subtree, is not found.
 */
export function cancelUnitChange(context: ActionContext, values: AdminValues) {
  return adminWrite<UnitChangeCancelInput, CancelledChange>(context, {
    action: 'unit.change_cancel',
    entity: 'Unit',
    entityId: formId(values),
    parsed: () => parseAdmin(unitChangeCancelSchema, values),
    write: async (tx, input) => {
      // Locked as the change's application locks it: applied meanwhile, it is seen applied here; cancelled here, it is not applied.
      const [change] = await tx.$queryRaw<{ id: string; kind: ChangeKind; effectiveDate: Date; reason: string; createdById: string; plan: Prisma.JsonValue; appliedAt: Date | null; cancelledAt: Date | null }[]>`
        SELECT c.id::text AS id, c.kind::text AS kind, c."effectiveDate", c.reason, c."createdById"::text AS "createdById", c.plan, c."appliedAt", c."cancelledAt"
          FROM "UnitChange" c
         WHERE c.id = ${input.changeId}::uuid AND EXISTS (SELECT FROM "UnitChangePart" p WHERE p."changeId" = c.id AND p."unitId" = ${input.id}::uuid)
           FOR UPDATE`
      if (!change) throw new MissingRecord()
      const parts = await tx.$queryRaw<{ unitId: string; side: 'BEFORE' | 'AFTER'; name: string; code: string; active: boolean; inScope: boolean }[]>`
        SELECT p."unitId"::text AS "unitId", p.side::text AS side, p.name, p.code, u.active, ${unitRowInScopeSql(context.actor, 'u')} AS "inScope"
          FROM "UnitChangePart" p JOIN "Unit" u ON u.id = p."unitId"
         WHERE p."changeId" = ${change.id}::uuid
         ORDER BY p.side, p.name`
      // Another district's change is not found, as a missing one.
      if (parts.some((p) => !p.inScope)) throw new MissingRecord()
      if (change.appliedAt) throw InvalidInput.of('form', 'changeAlreadyApplied', { date: formatDay(districtDay(change.appliedAt)) })
      if (change.cancelledAt) throw InvalidInput.of('form', 'changeAlreadyCancelled')
      const day = dateColumnDay(change.effectiveDate)

      let removedUnits: string[] = []
      if (change.kind === 'MERGE' || change.kind === 'SPLIT') {
        await tx.unitChangePart.deleteMany({ where: { changeId: change.id } })
        await tx.unitChange.delete({ where: { id: change.id } })
        // The units made for it: on its AFTER side and not standing (an existing successor or part stands).
        const made = [...new Set(parts.filter((p) => p.side === 'AFTER' && !p.active).map((p) => p.unitId))]
        removedUnits = await removeUnused(tx, made)
      } else {
        const unitId = parts[0]?.unitId ?? input.id
        const later = await tx.unitName.findFirst({ where: { unitId, validFrom: { gt: change.effectiveDate } }, orderBy: { validFrom: 'asc' }, select: { validFrom: true } })
        if (later?.validFrom) throw InvalidInput.of('form', 'laterChangeFirst', { date: formatDay(dateColumnDay(later.validFrom)) })
        await tx.unitName.deleteMany({ where: { changeId: change.id } })
        await tx.unitName.updateMany({ where: { unitId, validTo: change.effectiveDate }, data: { validTo: null } })
        const newCode = parts.find((p) => p.side === 'AFTER')?.code
        if (change.kind === 'RECODE' && newCode) await tx.unitCode.deleteMany({ where: { code: newCode, unitId } })
        await tx.unitChange.update({ where: { id: change.id }, data: { cancelledAt: context.now } })
        await tx.$executeRaw(unitChangeNoticeSql(context, change.id, [], 'UNIT_CHANGE_CANCELLED'))
      }
      await recordAudit(tx, context, {
        action: 'unit.change_cancel',
        entity: 'Unit',
        entityId: input.id,
        before: snapshot({
          change: { id: change.id, kind: change.kind, effectiveDate: day, reason: change.reason, createdById: change.createdById, plan: change.plan },
          parts: parts.map(({ unitId, side, name, code }) => ({ unitId, side, name, code })),
        }),
        after: snapshot({ cancelled: true, kept: change.kind === 'RENAME' || change.kind === 'RECODE', removedUnits }),
      })
      const unitCode = (await tx.unit.findUnique({ where: { id: input.id }, select: { code: true } }))?.code ?? null
      return { changeKind: change.kind, effectiveDate: day, removedUnits, unitCode }
    },
  })
}

/**
 * Deletes the units made for a cancelled merge or split that nothing was attached to since (their
 * first stretch of name and their code with them, the code free again); returns their ids. One
 * that took anything (an account, an assignment, a unit below, a figure, another change) stays, inactive.
 */
async function removeUnused(tx: Prisma.TransactionClient, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return []
  const unused = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id::text AS id FROM "Unit" u
     WHERE u.id = ANY(${unitIds}::uuid[])
       AND NOT EXISTS (SELECT FROM "User" x WHERE x."unitId" = u.id)
       AND NOT EXISTS (SELECT FROM "Assignment" x WHERE x."unitId" = u.id)
       AND NOT EXISTS (SELECT FROM "Unit" x WHERE x."parentId" = u.id)
       AND NOT EXISTS (SELECT FROM "Member" x WHERE x."unitId" = u.id)
       AND NOT EXISTS (SELECT FROM "UnitFigure" x WHERE x."unitId" = u.id)
       AND NOT EXISTS (SELECT FROM "UnitChangePart" x WHERE x."unitId" = u.id)
       AND NOT EXISTS (SELECT FROM "UnitName" x WHERE x."unitId" = u.id AND x."changeId" IS NOT NULL)
     FOR UPDATE`
  const ids = unused.map((u) => u.id)
  if (ids.length === 0) return []
  await tx.unitName.deleteMany({ where: { unitId: { in: ids } } })
  await tx.unitCode.deleteMany({ where: { unitId: { in: ids } } })
  await tx.unit.deleteMany({ where: { id: { in: ids } } })
  return ids
}
