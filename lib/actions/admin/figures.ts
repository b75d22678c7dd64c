// A unit's key figures ("74 đảng viên, 6 chi bộ"), each with the day it was true. A new count is a
// new row: the history stays (the database refuses to change one). Administrators enter them from
// the official records; the unit's own staff do not (see the README).
import 'server-only'
import { unitsWhere } from '@/lib/auth/permissions'
import { districtDay } from '@/lib/domain/calendar'
import { parseAdmin, unitFigureSchema, type AdminValues, type UnitFigureInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, InvalidInput, MissingRecord } from './core'

export function saveUnitFigure(context: ActionContext, values: AdminValues) {
  return adminWrite<UnitFigureInput, { id: string }>(context, {
    action: 'unitFigure.create',
    entity: 'Unit',
    entityId: typeof values.unitId === 'string' ? values.unitId : null,
    parsed: () => parseAdmin(unitFigureSchema, values),
    write: async (tx, input) => {
      // A figure is true on a day that has come.
      if (input.asOf > districtDay(context.now)) throw InvalidInput.of('asOf', 'figureDateFuture')
      const unit = await tx.unit.findFirst({ where: { id: input.unitId, ...unitsWhere(context.actor) }, select: { id: true } })
      if (!unit) throw new MissingRecord()
      const figure = await tx.unitFigure.create({
        data: { unitId: unit.id, kind: input.kind, value: input.value, asOf: new Date(`${input.asOf}T00:00:00Z`), createdById: context.actor.id, createdAt: context.now },
        select: { id: true },
      })
      await recordAudit(tx, context, { action: 'unitFigure.create', entity: 'Unit', entityId: unit.id, after: { figureId: figure.id, kind: input.kind, value: input.value, asOf: input.asOf } })
      return { id: figure.id }
    },
  })
}
