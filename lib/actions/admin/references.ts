// The records a form points at (a parent unit, a member, a group) must exist and be in use, and a
// unit must lie in the administrator's subtree (another district's answers as missing); a
// reference the record already had may stay even if its target was deactivated since. A task
// group must be one the administrator manages (owned in their subtree).
import 'server-only'
import { membersWhere, ownersManagedWhere, unitsWhere, type Actor } from '@/lib/auth/permissions'
import type { Prisma } from '@/lib/db/client'
import { adminProblem, type AdminProblems } from '@/lib/validation/admin'
import { InvalidInput } from './core'

type Model = 'unit' | 'member' | 'taskGroup'
export type Reference = { field: string; model: Model; id: string | null; current?: string | null }

async function isUsable(tx: Prisma.TransactionClient, actor: Actor, model: Model, id: string): Promise<boolean> {
  const where = { id, active: true }
  switch (model) {
    case 'unit':
      return (await tx.unit.count({ where: { ...where, ...unitsWhere(actor) } })) > 0
    case 'member':
      return (await tx.member.count({ where: { ...where, ...membersWhere(actor) } })) > 0
    case 'taskGroup':
      return (await tx.taskGroup.count({ where: { ...where, owner: ownersManagedWhere(actor) } })) > 0
  }
}

export async function checkReferences(tx: Prisma.TransactionClient, actor: Actor, references: Reference[]): Promise<void> {
  const problems: AdminProblems = {}
  for (const r of references) {
    if (r.id === null || r.id === r.current) continue
    if (!(await isUsable(tx, actor, r.model, r.id))) problems[r.field] = adminProblem('choiceMissing')
  }
  if (Object.keys(problems).length > 0) throw new InvalidInput(problems)
}
