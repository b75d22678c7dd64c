// The fixture of the assignment permission matrices (the writes of RULES, the reads of READ_RULES):
// each kind of user, how they stand to an "own" assignment (Minh Cầm's, in the led task group, the province's), an
// "other" one (Đạp Thanh's, in the same group), an "uncharged" one (Lương Mông's, in the same
// group, a commune with no member in charge), all three in Huyện Ba Chẽ, and an "elsewhere" one
// (Đông Ngũ's, in the same group, in Huyện Tiên Yên): two districts under one province, which
// see nothing of each other (DESIGN.md "Roles", scopes follow the tree), while the province's
// accounts reach both. And the answer a rule table's scope gives.
import type { PrismaClient } from '@/lib/db/client'
import type { Actor } from '@/lib/auth/permissions'
import type { Scope } from '@/lib/auth/rules'
import { factories } from './factories'

type Existing = 'own' | 'other' | 'uncharged' | 'elsewhere'
export type Target = Existing | 'missing'
/**
 * inScope: the assignment's unit lies in the actor's subtree, without which no scope reaches it;
 * confirms: the actor's member is the one who confirms the assignment's reports (rules.ts confirmerOf).
 */
type Facts = { inScope: boolean; ownUnit: boolean; led: boolean; confirms: boolean }

const IN_SCOPE: Facts = { inScope: true, ownUnit: false, led: false, confirms: false }
const OUT_OF_SCOPE: Facts = { ...IN_SCOPE, inScope: false }
/** An actor of Ba Chẽ: its assignments are in scope, Tiên Yên's is not. */
const baChe = (facts: Partial<Record<Exclude<Existing, 'elsewhere'>, Partial<Facts>>>): Record<Existing, Facts> => ({
  own: { ...IN_SCOPE, ...facts.own },
  other: { ...IN_SCOPE, ...facts.other },
  uncharged: { ...IN_SCOPE, ...facts.uncharged },
  elsewhere: OUT_OF_SCOPE,
})
/** An actor of Tiên Yên: only Đông Ngũ's assignment is in scope. */
const tienYen = (elsewhere: Partial<Facts> = {}): Record<Existing, Facts> => ({
  own: OUT_OF_SCOPE,
  other: OUT_OF_SCOPE,
  uncharged: OUT_OF_SCOPE,
  elsewhere: { ...IN_SCOPE, ...elsewhere },
})

/** Facts of the fixture, from which a rule table decides what is allowed. */
const RELATION: Record<string, Record<Existing, Facts>> = {
  'staff of Minh Cầm': baChe({ own: { ownUnit: true } }),
  'the member in charge of Minh Cầm': baChe({ own: { led: true, confirms: true } }),
  // The group's lead follows the communes that have a member in charge, and confirms for the one
  // that has none; the group's work in another district is not theirs.
  'the member leading the task group': baChe({ own: { led: true }, other: { led: true }, uncharged: { led: true, confirms: true } }),
  'a leader account with no member': baChe({}),
  // The Party Office is a unit of its own: no commune's assignment is its own unit's.
  'the Party Office': baChe({}),
  'the administrator': baChe({}),
  'staff of Đông Ngũ (Tiên Yên)': tienYen({ ownUnit: true }),
  'the member in charge of Đông Ngũ (Tiên Yên)': tienYen({ led: true, confirms: true }),
  "Tiên Yên's Party Office": tienYen(),
  "Tiên Yên's administrator": tienYen(),
  "the province's administrator": { own: IN_SCOPE, other: IN_SCOPE, uncharged: IN_SCOPE, elsewhere: IN_SCOPE },
}

/** Every actor against every target, for describe.each. */
export const MATRIX_CASES = Object.keys(RELATION).flatMap((actorName) =>
  (['own', 'other', 'uncharged', 'elsewhere', 'missing'] as const).map((target) => [actorName, target] as const),
)

/** Whether a scope of a rule table reaches the target for the actor; nothing reaches a missing record, or one outside the actor's subtree. */
export function reaches(scope: Scope | undefined, actorName: string, target: Target): boolean {
  if (target === 'missing') return false
  const facts = RELATION[actorName]![target]
  if (!facts.inScope) return false
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
  const inChargeOfDongNgu = await make.member('Ủy viên phụ trách Đông Ngũ')
  const province = await make.unit({ name: 'Tỉnh Quảng Ninh', kind: 'PROVINCE' })
  const district = await make.unit({ name: 'Huyện Ba Chẽ', kind: 'DISTRICT', parentId: province.id })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm', parentId: district.id, inChargeMemberId: inChargeOfMinhCam.id })
  const dapThanh = await make.unit({ name: 'Xã Đạp Thanh', parentId: district.id, inChargeMemberId: inChargeOfDapThanh.id })
  const luongMong = await make.unit({ name: 'Xã Lương Mông', parentId: district.id })
  const office = await make.unit({ name: 'Văn phòng Huyện ủy', kind: 'AGENCY', parentId: district.id })
  const tienYen = await make.unit({ name: 'Huyện Tiên Yên', kind: 'DISTRICT', parentId: province.id })
  const dongNgu = await make.unit({ name: 'Xã Đông Ngũ', parentId: tienYen.id, inChargeMemberId: inChargeOfDongNgu.id })
  const tienYenOffice = await make.unit({ name: 'Văn phòng Huyện ủy Tiên Yên', kind: 'AGENCY', parentId: tienYen.id })
  const actors: Record<string, Actor> = {
    'staff of Minh Cầm': await make.user({ role: 'STAFF', unitId: minhCam.id }),
    'the member in charge of Minh Cầm': await make.user({ role: 'LEADER', unitId: district.id, memberId: inChargeOfMinhCam.id }),
    'the member leading the task group': await make.user({ role: 'LEADER', unitId: district.id, memberId: groupLead.id }),
    'a leader account with no member': await make.user({ role: 'LEADER', unitId: district.id }),
    'the Party Office': await make.user({ role: 'OFFICE', unitId: office.id }),
    'the administrator': await make.user({ role: 'ADMIN', unitId: district.id }),
    'staff of Đông Ngũ (Tiên Yên)': await make.user({ role: 'STAFF', unitId: dongNgu.id }),
    'the member in charge of Đông Ngũ (Tiên Yên)': await make.user({ role: 'LEADER', unitId: tienYen.id, memberId: inChargeOfDongNgu.id }),
    "Tiên Yên's Party Office": await make.user({ role: 'OFFICE', unitId: tienYenOffice.id }),
    "Tiên Yên's administrator": await make.user({ role: 'ADMIN', unitId: tienYen.id }),
    "the province's administrator": await make.user({ role: 'ADMIN', unitId: province.id }),
  }
  const units: Record<Existing, string> = { own: minhCam.id, other: dapThanh.id, uncharged: luongMong.id, elsewhere: dongNgu.id }
  // The group is the province's, so that its task goes to both districts' communes.
  const group = await make.group(groupLead.id)
  await db().taskGroup.update({ where: { id: group.id }, data: { ownerUnitId: province.id } })
  return { actors, units, groupId: group.id }
}
