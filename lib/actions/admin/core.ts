// What every administration write shares: only ADMIN may (the reporting periods also the office,
// through 'period.manage'), a refusal is audited and
// answered like a missing record, input is validated before anything is read, and the change and
// its audit row are one transaction. A problem found inside the transaction is thrown, so nothing
// of it is kept.
import 'server-only'
import { z } from 'zod'
import { allows, unitsWhere, type Actor } from '@/lib/auth/permissions'
import type { DistrictAction } from '@/lib/auth/rules'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { adminProblem, type AdminErrorCode, type AdminProblems, type AdminValues, type Parsed } from '@/lib/validation/admin'
import type { RefusableAction } from '@/lib/audit/events'
import { recordRefusal } from '@/lib/audit/record'
import type { ActionContext } from '../context'

export type AdminResult<T = { id: string }> = { kind: 'invalid'; problems: AdminProblems } | { kind: 'notFound' } | ({ kind: 'saved' } & T)

/** A problem found while writing: the transaction is rolled back and the form shows it. */
export class InvalidInput extends Error {
  constructor(readonly problems: AdminProblems) {
    super('invalid input')
  }
  static of(field: string, code: AdminErrorCode, params?: Record<string, string | number>): InvalidInput {
    return new InvalidInput({ [field]: adminProblem(code, params) })
  }
}

/** The record to change is missing: rolled back, audited as a refusal, answered as not found. */
export class MissingRecord extends Error {}

type Spec<I, T> = {
  /** The audit action, e.g. 'unit.create'. */
  action: RefusableAction
  entity: string
  /** The record acted on, as the form names it (for the refusal's audit row). */
  entityId: string | null
  /** The district action the write takes; 'admin.manage' unless named. */
  allowedBy?: DistrictAction
  parsed: () => Parsed<I>
  /** Which field a unique-constraint violation belongs to, and its message. */
  unique?: { field: string; code: AdminErrorCode }
  write: (tx: Prisma.TransactionClient, input: I) => Promise<T>
}

/** False, with the refusal audited, when the actor is not an administrator (or may not do `allowedBy`). */
export async function adminAllowed(context: ActionContext, action: RefusableAction, entity: string, entityId: string | null, allowedBy: DistrictAction = 'admin.manage'): Promise<boolean> {
  if (allows(context.actor, allowedBy)) return true
  await recordRefusal(context, action, entity, entityId)
  return false
}

/**
 * The account an administrator's sign-in security step names (its id as the form sent it), or null:
 * refused (audited) when the actor is not an administrator, or no such account.
 */
export async function accountForAdmin(context: ActionContext, action: RefusableAction, userId: string): Promise<{ id: string; username: string } | null> {
  if (!(await adminAllowed(context, action, 'User', userId))) return null
  return z.uuid().safeParse(userId).success ? db().user.findFirst({ where: { id: userId, unit: unitsWhere(context.actor) }, select: { id: true, username: true } }) : null
}

export async function adminWrite<I, T>(context: ActionContext, spec: Spec<I, T>): Promise<AdminResult<T>> {
  if (!(await adminAllowed(context, spec.action, spec.entity, spec.entityId, spec.allowedBy))) return { kind: 'notFound' }
  const parsed = spec.parsed()
  if (parsed.kind === 'invalid') return parsed
  // A form naming its record by something that is not an id names no record (and must not reach a uuid column).
  if (spec.entityId !== null && !z.uuid().safeParse(spec.entityId).success) return missing(context, spec)
  try {
    const saved = await db().$transaction((tx) => spec.write(tx, parsed.input))
    return { kind: 'saved', ...saved }
  } catch (error) {
    if (error instanceof InvalidInput) return { kind: 'invalid', problems: error.problems }
    if (error instanceof MissingRecord) return missing(context, spec)
    // Two admins creating the same code at once: the unique index decides.
    if (spec.unique && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return { kind: 'invalid', problems: { [spec.unique.field]: adminProblem(spec.unique.code) } }
    throw error
  }
}

/** The record to change is missing: audited as a refusal, answered as not found. */
async function missing(context: ActionContext, spec: { action: RefusableAction; entity: string; entityId: string | null }): Promise<{ kind: 'notFound' }> {
  await recordRefusal(context, spec.action, spec.entity, spec.entityId)
  return { kind: 'notFound' }
}

/**
 * The unit a new task group or reporting period belongs to: the actor's scope root; for an account
 * at the top of the tree, the top unit above their own, so that the whole deployment reads it.
 */
export async function newOwnerId(tx: Prisma.TransactionClient, actor: Actor): Promise<string> {
  if (actor.scopeUnitId !== null) return actor.scopeUnitId
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: actor.unitId }, select: { ancestorIds: true } })
  return unit.ancestorIds[0] ?? actor.unitId
}

/** A record as the audit trail keeps it: plain JSON (decimals and dates as text). */
export function snapshot(record: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(record)) as Prisma.InputJsonValue
}

/** The record's id from a form's hidden field; null when absent (then the form creates). */
export function formId(values: AdminValues): string | null {
  const value = values.id
  return typeof value === 'string' && value !== '' ? value : null
}
