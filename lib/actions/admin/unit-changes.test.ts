// Renames and re-codes of a unit: dated by a decision, previewed, applied in
// one transaction with the audit row; pages read as of an earlier day keep the old name; old
// addresses lead to the new code; bad input is refused with nothing written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { communeProgressList } from '@/lib/queries/communes'
import { fromHistory, fromKeptCounts } from '@/lib/queries/progress-source'
import { redirectFormerCode } from '@/lib/http/former-code'
import { currentCodeFor, unitChangesDue, unitHistory } from '@/lib/queries/unit-history'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { DAY_COUNTS, writeGuard } from '@/test/helpers/write-guard'
import { adminValues } from './test-form'
import { changeUnit, saveUnit } from './units'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const now = new Date()
const today = districtDay(now)
const REASON = 'Quyết định số 123-QĐ/TU'

let admin: Actor
let staff: Actor

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  staff = await make.user({ role: 'STAFF', unitId: district.id })
})

afterAll(() => guard.close())

/** Runs `request` and fails unless it wrote nothing but refusals' audit rows (a read may recount the day's counts). */
const withoutWrites = <R>(request: () => Promise<R>): Promise<R> => guard.checkAfresh(request, { tables: DAY_COUNTS })

const as = (actor: Actor) => ({ actor, now, ip: '198.51.100.7' })
const change = (actor: Actor, fields: Record<string, string>) => changeUnit(as(actor), adminValues({ intent: 'apply', reason: REASON, effectiveDate: today, ...fields }))
const communeNamed = async (source: ReturnType<typeof fromKeptCounts>, id: string) => (await communeProgressList(source, 'list')).find((c) => c.unitId === id)?.name

describe('a rename', () => {
  test('is previewed without a write, then applied: as of the day before the page shows the old name, from the day on the new one', async () => {
    const unit = await make.unit({ name: 'Xã Đồn Đạc' })
    const preview = await withoutWrites(() => changeUnit(as(admin), adminValues({ id: unit.id, kind: 'RENAME', newName: 'Xã Đồn Đạc Mới', effectiveDate: today, reason: REASON, intent: 'preview' })))
    expect(preview).toMatchObject({ kind: 'saved', applied: false, plan: { before: { name: 'Xã Đồn Đạc' }, after: { name: 'Xã Đồn Đạc Mới', code: unit.code }, addresses: [], scheduled: false } })

    expect(await change(admin, { id: unit.id, kind: 'RENAME', newName: 'Xã Đồn Đạc Mới' })).toMatchObject({ kind: 'saved', applied: true })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: 'Xã Đồn Đạc Mới', code: unit.code })
    expect(await communeNamed(fromHistory(addDays(today, -1)), unit.id)).toBe('Xã Đồn Đạc')
    expect(await communeNamed(fromKeptCounts(today, now), unit.id)).toBe('Xã Đồn Đạc Mới')
    expect(await unitHistory(unit.id, addDays(today, -1))).toEqual({ name: 'Xã Đồn Đạc', renamed: null, recoded: null, mergedInto: null, mergedFrom: [], splitInto: [], splitFrom: null, mergingInto: null, splittingInto: [] })
    expect(await unitHistory(unit.id, today)).toEqual({ name: 'Xã Đồn Đạc Mới', renamed: { from: 'Xã Đồn Đạc', day: today }, recoded: null, mergedInto: null, mergedFrom: [], splitInto: [], splitFrom: null, mergingInto: null, splittingInto: [] })

    const [event] = await database.db.auditEvent.findMany({ where: { action: 'unit.rename', entityId: unit.id } })
    const stored = await database.db.unitChange.findFirstOrThrow({ where: { parts: { some: { unitId: unit.id } } }, include: { parts: { orderBy: { side: 'asc' } } } })
    expect(stored).toMatchObject({ kind: 'RENAME', reason: REASON, createdById: admin.id, parts: [{ side: 'BEFORE', name: 'Xã Đồn Đạc' }, { side: 'AFTER', name: 'Xã Đồn Đạc Mới' }] })
    expect(event).toMatchObject({
      actorId: admin.id,
      ip: '198.51.100.7',
      before: { name: 'Xã Đồn Đạc', code: unit.code },
      after: { name: 'Xã Đồn Đạc Mới', code: unit.code, effectiveDate: today, reason: REASON, changeId: stored.id },
    })
  })

  test('dated ahead waits for its day: the unit keeps its name until then', async () => {
    const unit = await make.unit({ name: 'Xã Nam Sơn' })
    const day = addDays(today, 10)
    expect(await change(admin, { id: unit.id, kind: 'RENAME', newName: 'Xã Nam Sơn Mới', effectiveDate: day })).toMatchObject({ kind: 'saved', plan: { scheduled: true } })
    await unitChangesDue(today)
    expect((await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe('Xã Nam Sơn')
    await unitChangesDue(day)
    expect((await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe('Xã Nam Sơn Mới')
  })
})

describe('a re-code', () => {
  test('moves the unit to its new code; the old address redirects (308) with its query; usernames stay', async () => {
    const unit = await make.unit({ name: 'Xã Thanh Lâm' })
    const user = await database.db.user.create({ data: { username: unit.code, displayName: 'Cán bộ', passwordHash: 'x', role: 'STAFF', unitId: unit.id } })
    const fresh = `thanh-lam-${unit.id.slice(-6)}`
    expect(await change(admin, { id: unit.id, kind: 'RECODE', newCode: fresh })).toMatchObject({
      kind: 'saved',
      plan: { before: { code: unit.code }, after: { code: fresh }, addresses: [{ before: `/units/${unit.code}`, after: `/units/${fresh}` }, { before: `/communes/${unit.code}`, after: `/communes/${fresh}` }], accounts: 1 },
    })
    expect((await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).code).toBe(fresh)
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).username).toBe(unit.code)
    expect(await currentCodeFor(fullReader, unit.code, today)).toBe(fresh)
    expect(await currentCodeFor(fullReader, fresh, today)).toBeNull()
    const thrown = await redirectFormerCode(fullReader, unit.code, (c) => `/communes/${c}`, { asOf: '2026-01-31' }).catch((e: unknown) => e)
    expect(thrown).toMatchObject({ digest: `NEXT_REDIRECT;replace;/communes/${fresh}?asOf=2026-01-31;308;` })
    expect(await database.db.auditEvent.count({ where: { action: 'unit.recode', entityId: unit.id } })).toBe(1)
  })
})

describe('bad input is refused beside its field, with nothing written', () => {
  test('a code in use now or formerly, two changes on one day, a day more than a year ahead or before the last change, no reason, no new name', async () => {
    const unit = await make.unit({ name: 'Xã Lương Mông' })
    const other = await make.unit({ name: 'Xã Minh Cầm' })
    const formerOwner = await make.unit({ name: 'Xã Cũ' })
    expect(await change(admin, { id: formerOwner.id, kind: 'RECODE', newCode: `moi-${unit.id.slice(-8)}`, effectiveDate: addDays(today, -30) })).toMatchObject({ kind: 'saved' })
    const oldCodeOfFormerOwner = formerOwner.code
    expect(await change(admin, { id: unit.id, kind: 'RENAME', newName: 'Xã Lương Mông Mới', effectiveDate: addDays(today, -5) })).toMatchObject({ kind: 'saved' })

    const refused: [Record<string, string>, Record<string, unknown>][] = [
      [{ kind: 'RECODE', newCode: other.code }, { newCode: { code: 'codeEverUsed' } }],
      [{ kind: 'RECODE', newCode: oldCodeOfFormerOwner }, { newCode: { code: 'codeEverUsed' } }],
      [{ kind: 'RECODE', newCode: unit.code }, { newCode: { code: 'codeUnchanged' } }],
      [{ kind: 'RECODE', newCode: 'Mã Sai' }, { newCode: { code: 'codeFormat' } }],
      [{ kind: 'RENAME', newName: 'Xã Khác', effectiveDate: addDays(today, -5) }, { effectiveDate: { code: 'sameDayChange' } }],
      [{ kind: 'RENAME', newName: 'Xã Khác', effectiveDate: addDays(today, -6) }, { effectiveDate: { code: 'beforeLastChange' } }],
      [{ kind: 'RENAME', newName: 'Xã Khác', effectiveDate: addDays(today, 366) }, { effectiveDate: { code: 'effectiveTooLate' } }],
      [{ kind: 'RENAME', newName: 'Xã Lương Mông Mới' }, { newName: { code: 'nameUnchanged' } }],
      [{ kind: 'RENAME', newName: ' ' }, { newName: { code: 'nameRequired' } }],
      [{ kind: 'RENAME', newName: 'Xã Khác', reason: '  ' }, { reason: { code: 'reasonRequired' } }],
      [{ kind: 'MERGE', newName: 'Xã Khác' }, { kind: { code: 'changeKindRequired' } }],
      [{ kind: 'RENAME', newName: 'Xã Khác', effectiveDate: '31/02/2026' }, { effectiveDate: { code: 'dateFormat' } }],
    ]
    for (const [fields, problems] of refused) {
      const result = await withoutWrites(() => change(admin, { id: unit.id, ...fields }))
      expect(result, JSON.stringify(fields)).toMatchObject({ kind: 'invalid', problems })
    }
  })

  test('someone not an administrator is answered as not found; only the refusal is audited', async () => {
    const unit = await make.unit({ name: 'Xã Đạp Thanh' })
    const result = await withoutWrites(() => change(staff, { id: unit.id, kind: 'RENAME', newName: 'Xã Bị Đổi' }))
    expect(result).toEqual({ kind: 'notFound' })
    expect(await database.db.auditEvent.count({ where: { actorId: staff.id, action: 'unit.rename.refused', entityId: unit.id } })).toBe(1)
  })

  test('a new unit may not take a code a unit had before', async () => {
    const unit = await make.unit({ name: 'Xã Thanh Sơn' })
    expect(await change(admin, { id: unit.id, kind: 'RECODE', newCode: `ts-${unit.id.slice(-8)}` })).toMatchObject({ kind: 'saved' })
    const result = await withoutWrites(() => saveUnit(as(admin), adminValues({ code: unit.code, name: 'Xã Trùng Mã', kind: 'COMMUNE' })))
    expect(result).toMatchObject({ kind: 'invalid', problems: { code: { code: 'codeTaken' } } })
  })
})
