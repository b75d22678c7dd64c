// The fixture of the assignment permission matrices (the writes of RULES, the reads of READ_RULES):
// each kind of user, how they stand to an "own" assignment (Minh Cầm's, in the led task group), an
// "other" one (Đạp Thanh's, in the same group) and an "uncharged" one (Lương Mông's, in the same
// group, a commune with no member in charge), and the answer a rule table's scope gives.
import type { PrismaClient } from '@/lib/db/client'
import type { Actor } from '@/lib/auth/permissions'
import type { Scope } from '@/lib/auth/rules'
import { factories } from './factories'

type Existing = 'own' | 'other' | 'uncharged'
export type Target = Existing | 'missing'
/** confirms: the actor's member is the one who confirms the assignment's reports (rules.ts confirmerOf). */
type Facts = { ownUnit: boolean; led: boolean; confirms: boolean }

const NONE: Facts = { ownUnit: false, led: false, confirms: false }

/** Facts of the fixture, from which a rule table decides what is allowed. */
const RELATION: Record<string, Record<Existing, Facts>> = {
  'staff of Minh Cầm': { own: { ...NONE, ownUnit: true }, other: NONE, uncharged: NONE },
  'the member in charge of Minh Cầm': { own: { ...NONE, led: true, confirms: true }, other: NONE, uncharged: NONE },
  // The group's lead follows the communes that have a member in charge, and confirms for the one that has none.
  'the member leading the task group': { own: { ...NONE, led: true }, other: { ...NONE, led: true }, uncharged: { ...NONE, led: true, confirms: true } },
  'a leader account with no member': { own: NONE, other: NONE, uncharged: NONE },
  // The Party Office is a unit of its own: no commune's assignment is its own unit's.
  'the Party Office': { own: NONE, other: NONE, uncharged: NONE },
  'the administrator': { own: NONE, other: NONE, uncharged: NONE },
}

/** Every actor against every target, for describe.each. */
export const MATRIX_CASES = Object.keys(RELATION).flatMap((actorName) =>
  (['own', 'other', 'uncharged', 'missing'] as const).map((target) => [actorName, target] as const),
)

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
    case 'confirmer':
      return facts.confirms
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
  const luongMong = await make.unit({ name: 'Xã Lương Mông' })
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
  const units: Record<Existing, string> = { own: minhCam.id, other: dapThanh.id, uncharged: luongMong.id }
  return { actors, units, groupId: (await make.group(groupLead.id)).id }
}
