// Accounts: created with an initial password (argon2id), edited (role, unit, linked
// member), deactivated. Password reset and unlocking are the sign-in security steps (../password.ts, ../account.ts).
import 'server-only'
import { hashPassword } from '@/lib/auth/password'
import type { Prisma } from '@/lib/db/client'
import { newUserSchema, parseAdmin, userSchema, type AdminValues } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { checkReferences } from './references'
import { unitsWhere } from '@/lib/auth/permissions'

// Never the password hash: the trail says who changed what, not secrets.
const userFields = { id: true, username: true, displayName: true, role: true, unitId: true, memberId: true, active: true } as const

/** A member may belong to one account only. */
async function checkMemberFree(tx: Prisma.TransactionClient, memberId: string | null, userId: string | null) {
  if (memberId && (await tx.user.count({ where: { memberId, ...(userId ? { id: { not: userId } } : {}) } })) > 0) throw InvalidInput.of('memberId', 'memberTaken')
}

export function createUser(context: ActionContext, values: AdminValues) {
  return adminWrite(context, {
    action: 'user.create',
    entity: 'User',
    entityId: null,
    parsed: () => parseAdmin(newUserSchema, values),
    unique: { field: 'username', code: 'usernameTaken' },
    write: async (tx, input) => {
      await checkReferences(tx, context.actor, [
        { field: 'unitId', model: 'unit', id: input.unitId },
        { field: 'memberId', model: 'member', id: input.memberId },
      ])
      if ((await tx.user.count({ where: { username: input.username } })) > 0) throw InvalidInput.of('username', 'usernameTaken')
      await checkMemberFree(tx, input.memberId, null)
      const { password, ...account } = input
      const user = await tx.user.create({ data: { ...account, passwordHash: await hashPassword(password) }, select: userFields })
      await recordAudit(tx, context, { action: 'user.create', entity: 'User', entityId: user.id, after: snapshot(user) })
      return { id: user.id, code: user.username, created: true }
    },
  })
}

export function updateUser(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  return adminWrite(context, {
    action: 'user.update',
    entity: 'User',
    entityId: id,
    parsed: () => parseAdmin(userSchema, values),
    unique: { field: 'memberId', code: 'memberTaken' },
    write: async (tx, input) => {
      const before = id ? await tx.user.findFirst({ where: { id, unit: unitsWhere(context.actor) }, select: userFields }) : null
      if (!before) throw new MissingRecord()
      if (before.id === context.actor.id && input.role !== 'ADMIN') throw InvalidInput.of('role', 'notYourself')
      await checkReferences(tx, context.actor, [
        { field: 'unitId', model: 'unit', id: input.unitId, current: before.unitId },
        { field: 'memberId', model: 'member', id: input.memberId, current: before.memberId },
      ])
      await checkMemberFree(tx, input.memberId, before.id)
      const user = await tx.user.update({ where: { id: before.id }, data: input, select: userFields })
      await recordAudit(tx, context, { action: 'user.update', entity: 'User', entityId: user.id, before: snapshot(before), after: snapshot(user) })
      return { id: user.id, code: user.username, created: false }
    },
  })
}
