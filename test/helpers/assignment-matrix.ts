// The fixture of the assignment permission matrices (the writes of RULES, the reads of READ_RULES):
// each kind of user, how they stand to an "own" assignment (Minh Cầm's, in the led task group) and
// an "other" one (Đạp Thanh's, in the same group), and the answer a rule table's scope gives.
import type { PrismaClient } from '@/lib/db/client'
import type { Actor } from '@/lib/auth/permissions'
import type { Scope } from '@/lib/auth/rules'
import { factories } from './factories'

export type Target = 'own' | 'other' | 'missing'
type Facts = { ownUnit: boolean; led: boolean }

/** Facts of the fixture, from which a rule table decides what is allowed. */
export const RELATION: Record<string, Record<'own' | 'other', Facts>> = {
  'staff of Minh Cầm': { own: { ownUnit: true, led: false }, other: { ownUnit: false, led: false } },
  'the member in charge of Minh Cầm': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: false } },
  'the member leading the task group': { own: { ownUnit: false, led: true }, other: { ownUnit: false, led: true } },
  'a leader account with no member': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
  // The Party Office is a unit of its own: neither commune's assignment is its own unit's.
  'the Party Office': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
  'the administrator': { own: { ownUnit: false, led: false }, other: { ownUnit: false, led: false } },
}

/** Every actor against every target, for describe.each. */
export const MATRIX_CASES = Object.keys(RELATION).flatMap((actorName) => (['own', 'other', 'missing'] as const).map((target) => [actorName, target] as const))

/** Whether a scope of a rule table reaches the target for the actor; nothing reaches a missing record. */
export function reaches(scope: Scope | undefined, actorName: string, target: Target): boolean {
  if (target === 'missing') return false
  const facts = RELATION[actorName]![target]
  switch (scope) {
    case 'all':
      return true
    case 'ownUnit':
      return facts.ownUnit
    case 'led':
      return facts.led
    default:
      return false
  }
}

/** The units, the task group and the actors of RELATION, made in the test's database. */
export async function makeMatrixFixture(db: () => PrismaClient) {
  const make = factories(db)
  const inChargeOfMinhCam = await make.member('Ủy viên phụ trách Minh Cầm')
  const inChargeOfDapThanh = await make.member('Ủy viên phụ trách Đạp Thanh')
  const groupLead = await make.member('Ủy viên phụ trách nhóm nhiệm vụ')
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', inChargeMemberId: inChargeOfMinhCam.id })
  const dapThanh = await make.unit({ name: 'Xã Đạp Thanh', inChargeMemberId: inChargeOfDapThanh.id })
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT' })
  const office = await make.unit({ name: 'Văn phòng Huyện ủy', kind: 'AGENCY' })
  const actors: Record<string, Actor> = {
    'staff of Minh Cầm': await make.user({ role: 'STAFF', unitId: minhCam.id }),
    'the member in charge of Minh Cầm': await make.user({ role: 'LEADER', unitId: district.id, memberId: inChargeOfMinhCam.id }),
    'the member leading the task group': await make.user({ role: 'LEADER', unitId: district.id, memberId: groupLead.id }),
    'a leader account with no member': await make.user({ role: 'LEADER', unitId: district.id }),
    'the Party Office': await make.user({ role: 'OFFICE', unitId: office.id }),
    'the administrator': await make.user({ role: 'ADMIN', unitId: district.id }),
  }
  return { actors, units: { minhCam: minhCam.id, dapThanh: dapThanh.id }, groupId: (await make.group(groupLead.id)).id }
}
