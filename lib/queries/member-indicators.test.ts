// A member's page lists the indicators of the units in their charge, each framed by its kind over
// those units alone (lib/queries/unit-indicators.ts inChargeIndicators): a condition as "x/y đơn vị
// đạt", a target per unit as each unit's figure against its own ("Xã Minh Cầm: 5 / 12"), a sum as the
// units' figures summed; as of the day read.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '@/prisma/seed-demo'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { testDatabase } from '@/test/helpers/database'
import { memberPageData } from './member-page'
import { fromHistory, fromKeptCounts, withinScope } from './progress-source'

const database = testDatabase()
const NOW = new Date('2026-11-28T03:00:00Z')
const today = districtDay(NOW)

let memberId: string

const indicatorsOf = async (source = fromKeptCounts(today)) =>
  Object.fromEntries((await memberPageData(source, memberId)).indicators.map((row) => [row.taskCode, row.indicator]))

beforeAll(async () => {
  await seedDemoData(database.db, { password: 'mat-khau-demo-2026', today: NOW })
  // The Party secretary answers for Minh Cầm in the demo.
  memberId = (await database.db.member.findUniqueOrThrow({ where: { code: 'bi-thu' } })).id
})

describe("a member's page, one commune in their charge", () => {
  test("frames each kind over Minh Cầm alone: its yes to the People's Council, its 5 of its own 12 posts, its school sites", async () => {
    const indicators = await indicatorsOf()
    expect(indicators['bi-thu-kiem-chu-tich-hdnd']).toEqual({ kind: 'CONDITION', unit: 'đơn vị cấp xã', met: 1, assigned: 1 })
    expect(indicators['bi-thu-kiem-chu-tich-ubnd']).toEqual({ kind: 'CONDITION', unit: 'đơn vị cấp xã', met: 0, assigned: 1 })
    expect(indicators['kiem-nhiem-ban-chuyen-trach']).toEqual({
      kind: 'PER_UNIT',
      unit: 'chức danh',
      units: [{ unitCode: 'minh-cam', unitName: 'Xã Minh Cầm', indicator: { kind: 'PER_UNIT', unit: 'chức danh', target: '12', actual: '5', reached: false } }],
    })
    expect(indicators['giam-diem-truong']).toEqual({ kind: 'SUM', unit: 'điểm trường', target: '18', actual: '3', districtTarget: true, reported: 1, assigned: 1 })
    // A member with no unit in their charge lists none.
    const none = await database.db.member.create({ data: { code: 'uv-moi', name: 'Ủy viên mới', title: 'Ủy viên' } })
    expect((await memberPageData(fromKeptCounts(today), none.id)).indicators).toEqual([])
  })
})

describe('two communes in their charge', () => {
  beforeAll(async () => {
    await database.db.unit.update({ where: { code: 'thanh-lam' }, data: { inChargeMemberId: memberId } })
  })

  test('counts the communes meeting a condition out of theirs, lists each one against its own target, and sums their figures', async () => {
    const indicators = await indicatorsOf()
    expect(indicators['bi-thu-kiem-chu-tich-ubnd']).toMatchObject({ kind: 'CONDITION', met: 1, assigned: 2 })
    expect(indicators['bi-thu-kiem-chu-tich-hdnd']).toMatchObject({ kind: 'CONDITION', met: 1, assigned: 2 })
    expect(indicators['kiem-nhiem-ban-chuyen-trach']).toMatchObject({
      units: [
        { unitName: 'Xã Thanh Lâm', indicator: { target: '5', actual: '4', reached: false } },
        { unitName: 'Xã Minh Cầm', indicator: { target: '12', actual: '5', reached: false } },
      ],
    })
    expect(indicators['giam-diem-truong']).toMatchObject({ kind: 'SUM', actual: '6', target: '18', reported: 2, assigned: 2 })
  })

  test('reads the figures of the day asked for: before Minh Cầm answered, its yes is not counted', async () => {
    // Minh Cầm reported its People's Council answer 78 days ago, Thanh Lâm 69 days ago.
    const past = await indicatorsOf(fromHistory(addDays(today, -75)))
    expect(past['bi-thu-kiem-chu-tich-hdnd']).toMatchObject({ met: 1, assigned: 2 })
    const earlier = await indicatorsOf(fromHistory(addDays(today, -80)))
    expect(earlier['bi-thu-kiem-chu-tich-hdnd']).toMatchObject({ met: 0, assigned: 2 })
  })

  test("counts only the units in the reader's subtree", async () => {
    const minhCam = await database.db.unit.findUniqueOrThrow({ where: { code: 'minh-cam' } })
    const indicators = await indicatorsOf(withinScope(fromKeptCounts(today), { scopeUnitId: minhCam.id }))
    expect(indicators['bi-thu-kiem-chu-tich-ubnd']).toMatchObject({ met: 0, assigned: 1 })
  })
})
