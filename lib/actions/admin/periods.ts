// Reporting periods: created, locked after their review, and unlocked only with a reason
// that the audit row keeps (ReportingPeriod has no column for it: the trail is the record).
// The office runs the reporting calendar, so these take 'period.manage', not the administration.
// A period belongs to a unit (its subtree's): the office and administrators of that subtree change
// it; one owned above them or beside them answers as missing.
import 'server-only'
import { z } from 'zod'
import { parseAdmin, periodSchema, unlockSchema, type AdminValues } from '@/lib/validation/admin'
import { ownersManagedWhere } from '@/lib/auth/permissions'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, InvalidInput, MissingRecord, newOwnerId, snapshot } from './core'

const periodFields = { id: true, code: true, name: true, kind: true, startDate: true, endDate: true, lockedAt: true, ownerUnitId: true } as const

export function createPeriod(context: ActionContext, values: AdminValues) {
  return adminWrite(context, {
    action: 'reportingPeriod.create',
    entity: 'ReportingPeriod',
    allowedBy: 'period.manage',
    entityId: null,
    parsed: () => parseAdmin(periodSchema, values),
    unique: { field: 'code', code: 'codeTaken' },
    write: async (tx, input) => {
      const period = await tx.reportingPeriod.create({
        data: { code: input.code, name: input.name, kind: input.kind, startDate: new Date(`${input.startDate}T00:00:00Z`), endDate: new Date(`${input.endDate}T00:00:00Z`), ownerUnitId: await newOwnerId(tx, context.actor) },
        select: periodFields,
      })
      await recordAudit(tx, context, { action: 'reportingPeriod.create', entity: 'ReportingPeriod', entityId: period.id, after: snapshot(period) })
      return { id: period.id }
    },
  })
}

const lockSchema = z.object({ id: z.uuid() })

/** Locks the period: nothing dated inside it may be added or changed any more (lib/actions/period-lock.ts). */
export function lockPeriod(context: ActionContext, values: AdminValues) {
  return adminWrite(context, {
    action: 'reportingPeriod.lock',
    entity: 'ReportingPeriod',
    allowedBy: 'period.manage',
    entityId: formId(values),
    parsed: () => parseAdmin(lockSchema, values),
    write: async (tx, { id }) => {
      const before = await tx.reportingPeriod.findFirst({ where: { id, owner: ownersManagedWhere(context.actor) }, select: periodFields })
      if (!before) throw new MissingRecord()
      if (before.lockedAt) throw InvalidInput.of('form', 'alreadyLocked')
      await tx.reportingPeriod.update({ where: { id }, data: { lockedAt: context.now } })
      await recordAudit(tx, context, { action: 'reportingPeriod.lock', entity: 'ReportingPeriod', entityId: id, before: { lockedAt: null }, after: { lockedAt: context.now.toISOString() } })
      return { id }
    },
  })
}

export function unlockPeriod(context: ActionContext, values: AdminValues) {
  return adminWrite(context, {
    action: 'reportingPeriod.unlock',
    entity: 'ReportingPeriod',
    allowedBy: 'period.manage',
    entityId: formId(values),
    parsed: () => parseAdmin(unlockSchema, values),
    write: async (tx, { id, reason }) => {
      const before = await tx.reportingPeriod.findFirst({ where: { id, owner: ownersManagedWhere(context.actor) }, select: periodFields })
      if (!before) throw new MissingRecord()
      if (!before.lockedAt) throw InvalidInput.of('form', 'notLocked')
      await tx.reportingPeriod.update({ where: { id }, data: { lockedAt: null } })
      await recordAudit(tx, context, {
        action: 'reportingPeriod.unlock',
        entity: 'ReportingPeriod',
        entityId: id,
        before: { lockedAt: before.lockedAt.toISOString() },
        after: { lockedAt: null, reason },
      })
      return { id }
    },
  })
}
