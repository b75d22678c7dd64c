// A unit's profile: its key figures with the day each was true. Refused without that day (or with a
// day to come, a figure that is no whole number), writing nothing but the refusal's audit row; an
// allowed twin for each. A new count is added beside the old one, and the profile of a day reads
// the count true then.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { adminFormValues } from '@/lib/validation/admin'
import { unitFigureHistory, unitFiguresOn } from '@/lib/queries/unit-figures'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { writeGuard } from '@/test/helpers/write-guard'
import type { ActionContext } from '../context'
import { saveUnitFigure } from './figures'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
// 10:00 on 28/11/2026 in Ba Chẽ.
const NOW = new Date('2026-11-28T03:00:00Z')
const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '203.0.113.7' })

let admin: Actor
let staff: Actor
let minhCam: { id: string }

const figure = (fields: Record<string, string>) => adminFormValues(formData({ unitId: minhCam.id, kind: 'PARTY_MEMBERS', value: '74', asOf: '24/06/2020', ...fields }))
const problemsOf = (result: Awaited<ReturnType<typeof saveUnitFigure>>) => (result.kind === 'invalid' ? result.problems : result.kind)

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  minhCam = await make.unit({ name: 'Xã Minh Cầm' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  staff = await make.user({ role: 'STAFF', unitId: minhCam.id })
})

afterAll(() => guard.close())

describe("a unit's figure", () => {
  test('without the day it was true is refused beside that field, and nothing is written', async () => {
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ asOf: '' })), 'no day'))).toEqual({ asOf: { code: 'figureDateRequired' } })
  })

  test('with a day to come, a day that is not one, a negative or a fractional figure is refused', async () => {
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ asOf: '29/11/2026' })), 'tomorrow'))).toEqual({ asOf: { code: 'figureDateFuture' } })
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ asOf: '31/02/2020' })), 'no such day'))).toEqual({ asOf: { code: 'dateFormat' } })
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ value: '-74' })), 'negative'))).toEqual({ value: { code: 'figureValueFormat' } })
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ value: '7,4' })), 'fraction'))).toEqual({ value: { code: 'figureValueFormat' } })
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ value: '' })), 'empty'))).toEqual({ value: { code: 'figureValueRequired' } })
    expect(problemsOf(await guard.check(() => saveUnitFigure(at(admin), figure({ kind: 'ĐẢNG_VIÊN' })), 'kind'))).toEqual({ kind: { code: 'figureKindRequired' } })
  })

  test("is refused from the unit's own staff, and for a unit that does not exist", async () => {
    expect(await guard.check(() => saveUnitFigure(at(staff), figure({})), 'staff')).toEqual({ kind: 'notFound' })
    const unknown = adminFormValues(formData({ unitId: randomUUID(), kind: 'PARTY_MEMBERS', value: '74', asOf: '24/06/2020' }))
    expect(await guard.check(() => saveUnitFigure(at(admin), unknown), 'unknown unit')).toEqual({ kind: 'notFound' })
  })

  test("with its day is saved and audited, and the profile reads Minh Cầm's 74 Party members in 6 cells as of that day", async () => {
    expect((await saveUnitFigure(at(admin), figure({}))).kind).toBe('saved')
    expect((await saveUnitFigure(at(admin), figure({ kind: 'PARTY_CELLS', value: '6' }))).kind).toBe('saved')
    const profile = await unitFiguresOn(minhCam.id, '2026-11-28')
    expect(profile.map((f) => [f.kind, f.value, f.asOf.toISOString().slice(0, 10)]).sort()).toEqual([
      ['PARTY_CELLS', 6, '2020-06-24'],
      ['PARTY_MEMBERS', 74, '2020-06-24'],
    ])
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'unitFigure.create', entityId: minhCam.id } })
    expect(audit).toMatchObject({ actorId: admin.id, after: { kind: 'PARTY_MEMBERS', value: 74, asOf: '2020-06-24' } })
  })

  test('a later count is added beside the earlier one: the profile of each day reads the count true then', async () => {
    expect((await saveUnitFigure(at(admin), figure({ value: '1.081', asOf: '2025-12-31' }))).kind).toBe('saved')
    expect((await unitFiguresOn(minhCam.id, '2026-11-28')).find((f) => f.kind === 'PARTY_MEMBERS')?.value).toBe(1081)
    expect((await unitFiguresOn(minhCam.id, '2024-01-01')).find((f) => f.kind === 'PARTY_MEMBERS')?.value).toBe(74)
    expect(await unitFiguresOn(minhCam.id, '2020-06-23')).toEqual([])
    expect((await unitFigureHistory(minhCam.id)).map((f) => f.value)).toEqual([1081, 6, 74])
  })

  test('is never changed nor deleted: the database refuses it', async () => {
    await expect(database.db.unitFigure.updateMany({ where: { unitId: minhCam.id }, data: { value: 1 } })).rejects.toThrow(/append-only/)
    await expect(database.db.unitFigure.deleteMany({ where: { unitId: minhCam.id } })).rejects.toThrow(/append-only/)
  })
})
