// Bad input: every administration write given a thousand hostile forms, by an
// administrator (then the form is broken in at least one field) or by staff and leaders (then any
// form is refused). Each ends in a refusal (invalid or not found), never an exception, and writes
// nothing but the refusal's audit row.
import fc from 'fast-check'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { ROLES } from '@/lib/auth/roles'
import { adminFormValues, PERIOD_KINDS, TASK_SCOPES, UNIT_KINDS, type AdminValues } from '@/lib/validation/admin'
import {
  describe as shown,
  FUZZ_RUNS,
  hostileFile,
  hostileForm,
  hostileText,
  idText,
  nonBlankText,
  toFormData,
  tooLongText,
  wrongTypeValue,
  extraFields,
  type FieldSpec,
  type FieldValue,
} from '@/test/helpers/arbitraries'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { writeGuard } from '@/test/helpers/write-guard'
import type { ActionContext } from '../context'
import { setActive } from './active'
import { assignTask } from './assignments'
import type { AdminResult } from './core'
import { saveGroup } from './groups'
import { applyImport, checkImport } from './import'
import { saveMember } from './members'
import { createPeriod, lockPeriod, unlockPeriod } from './periods'
import { saveTask } from './tasks'
import { saveUnit } from './units'
import { createUser, updateUser } from './users'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')

/** The records the forms may name. */
const r = {} as {
  admin: Actor
  staff: Actor
  leader: Actor
  district: string
  commune: string
  village: string
  inactiveUnit: string
  member: string
  takenMember: string
  group: string
  task: string
  inactiveTask: string
  openPeriod: string
  lockedPeriod: string
  user: string
}

beforeAll(async () => {
  const d = database.db
  r.district = (await make.unit({ kind: 'DISTRICT' })).id
  r.commune = (await make.unit()).id
  r.village = (await make.unit({ kind: 'VILLAGE' })).id
  r.inactiveUnit = (await d.unit.update({ where: { id: (await make.unit()).id }, data: { active: false } })).id
  r.member = (await make.member()).id
  r.takenMember = (await make.member()).id
  r.group = (await make.group()).id
  r.task = (await make.task({ groupId: r.group })).id
  r.inactiveTask = (await d.task.update({ where: { id: (await make.task({ groupId: r.group })).id }, data: { active: false } })).id
  const period = (code: string, lockedAt: Date | null) =>
    d.reportingPeriod.create({ data: { code, name: code, kind: 'INTERIM', startDate: new Date('2026-01-01'), endDate: new Date('2026-06-30'), lockedAt } })
  r.openPeriod = (await period('dot-mo', null)).id
  r.lockedPeriod = (await period('dot-khoa', new Date('2026-07-01'))).id
  r.admin = await make.user({ role: 'ADMIN', unitId: r.district })
  r.staff = await make.user({ role: 'STAFF', unitId: r.commune })
  r.leader = await make.user({ role: 'LEADER', unitId: r.district, memberId: r.takenMember })
  r.user = (await make.user({ role: 'STAFF', unitId: r.commune })).id
})

afterAll(() => guard.close())

const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '203.0.113.10' })

type Who = 'admin' | 'staff' | 'leader'
const ACTORS: Record<Who, () => Actor> = { admin: () => r.admin, staff: () => r.staff, leader: () => r.leader }

/** Staff or a leader, who may send anything and write nothing. */
const notAdmin = fc.constantFrom<Who>('staff', 'leader')
/** An administrator (three times in four) with a form broken in at least one field, or staff or a leader with any form. */
const attempt = (spec: Record<string, FieldSpec>) =>
  fc.oneof({ arbitrary: fc.tuple(fc.constant<Who>('admin'), hostileForm(spec, { garbage: false })), weight: 3 }, fc.tuple(notAdmin, hostileForm(spec)))
const actor = fc.oneof({ arbitrary: fc.constant<Who>('admin'), weight: 3 }, notAdmin)

/** The first value a form field carries, as FormData.get reads it. */
const first = (value: FieldValue) => (Array.isArray(value) ? value[0] : value)
const real = (pick: () => string) => fc.constant(null).map(pick)

const code = { good: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/), bad: fc.oneof(hostileText.filter((t) => !/^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$/.test(t) || t.trim().length > 64), wrongTypeValue.filter((v) => typeof first(v) !== 'string'), fc.constant(undefined)) }
const requiredText = (max: number): FieldSpec => ({ good: nonBlankText(max), bad: fc.oneof(tooLongText(max), fc.constantFrom('', '  ', '\u0000', '\t\n'), fc.constant(undefined), hostileFile) })
const optionalText = (max: number): FieldSpec => ({ good: fc.oneof(nonBlankText(max), fc.constant(undefined)), bad: tooLongText(max) })
const choice = (values: readonly string[]): FieldSpec => ({ good: fc.constantFrom(...values), bad: fc.oneof(hostileText, hostileFile, fc.constant(undefined)).filter((v) => !values.includes(String(first(v)))) })
const sortOrder: FieldSpec = {
  good: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 100_000 }).map(String)),
  bad: fc.oneof(fc.integer({ min: 100_001 }).map(String), fc.integer({ max: -1 }).map(String), fc.constantFrom('1e3', '0x10', 'abc', '1.5', '١٢', '1 000', '-0')),
}
/** Whether the form reads the text as something, not as "none": it drops NUL characters (lib/validation/form-text.ts). */
const readAsSomething = (t: string) => t.replaceAll('\u0000', '').trim() !== ''
/** A select naming another record: the real one, or none; broken, it names nothing, or something unusable. */
const reference = (pick: () => string, unusable: readonly (() => string)[] = []): FieldSpec => ({
  good: fc.oneof(real(pick), fc.constant('')),
  bad: fc.oneof(idText.filter((t) => t !== ''), ...unusable.map(real), hostileText.filter((t) => readAsSomething(t) && !/^[0-9a-f-]{36}$/i.test(t))),
})
/** The id of the record a form edits (none: the form creates): of nothing, or ill-formed. */
const editedId = (pick: () => string): FieldSpec => ({ good: fc.oneof(fc.constant(undefined), real(pick)), bad: fc.oneof(idText, hostileText).filter((t) => t.replaceAll('\u0000', '') !== '') })
/** A required id of the record to change: missing, of nothing, or ill-formed. */
const recordId = (pick: () => string, unusable: readonly (() => string)[] = []): FieldSpec => ({
  good: real(pick),
  bad: fc.oneof(idText, ...unusable.map(real), hostileText, wrongTypeValue, fc.constant(undefined)).filter((v) => first(v) !== ''),
})
/** Checkbox lists: one entry names nothing or is not an id at all. */
const idList = (picks: readonly (() => string)[], badPicks: readonly (() => string)[] = []): FieldSpec => ({
  good: fc.subarray([0, 1, 2].slice(0, picks.length)).map((is) => is.map((i) => picks[i]!())),
  bad: fc
    .tuple(fc.array(fc.constantFrom(...picks), { maxLength: 2 }), fc.oneof(hostileText.filter((t) => !/^[0-9a-f-]{36}$/i.test(t)), fc.uuid(), ...badPicks.map(real)))
    .map(([ok, wrong]) => [...ok.map((p) => p()), wrong]),
})
const day = { good: fc.constantFrom('2026-12-31', '31/12/2026', '01/01/2027'), bad: fc.oneof(fc.constantFrom('2026-02-30', '31/02/2026', '1999-12-31', '2101-01-01', '0000-00-00', '9999-12-31', '+275760-09-13'), hostileText.filter((t) => !/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/.test(t)), fc.constant(undefined)) }
const decimal = { good: fc.constantFrom('', '10', '1.234,5'), bad: fc.tuple(fc.constantFrom('x', '-', '<', '%', 'e'), hostileText).map(([c, t]) => c + t) }

/** A core called as its form's action calls it: with the form read (adminFormValues). */
const read =
  <T>(core: (context: ActionContext, values: AdminValues) => Promise<AdminResult<T>>) =>
  (context: ActionContext, form: FormData) =>
    core(context, adminFormValues(form))

/** Each administration core, its form's fields, and what it may answer. */
const CORES: Record<string, { run: (c: ActionContext, form: FormData) => Promise<AdminResult<unknown>>; spec: Record<string, FieldSpec> }> = {
  saveUnit: {
    run: read(saveUnit),
    spec: {
      id: editedId(() => r.commune),
      code,
      name: requiredText(300),
      kind: choice(UNIT_KINDS),
      parentId: reference(() => r.district, [() => r.inactiveUnit]),
      inChargeMemberId: reference(() => r.member),
      sortOrder,
    },
  },
  saveMember: {
    run: read(saveMember),
    spec: {
      id: editedId(() => r.member),
      code,
      name: requiredText(300),
      title: requiredText(300),
      sortOrder,
      groupIds: idList([() => r.group]),
      unitIds: idList([() => r.commune], [() => r.village, () => r.district]),
    },
  },
  saveGroup: {
    run: read(saveGroup),
    spec: {
      id: editedId(() => r.group),
      code,
      name: requiredText(300),
      description: optionalText(4000),
      leadMemberId: reference(() => r.member),
      sortOrder,
    },
  },
  saveTask: {
    run: read(saveTask),
    spec: {
      id: editedId(() => r.task),
      code,
      title: requiredText(1000),
      description: optionalText(4000),
      groupId: recordId(() => r.group),
      dueDate: day,
      scope: choice(TASK_SCOPES),
      indicatorUnit: optionalText(50),
      indicatorBaseline: decimal,
      indicatorTarget: decimal,
      sortOrder,
    },
  },
  createUser: {
    run: read(createUser),
    spec: {
      username: { good: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,20}$/), bad: fc.oneof(hostileText.filter((t) => !/^[a-z0-9][a-z0-9._-]{2,63}$/.test(t.trim().toLowerCase())), fc.constant(undefined)) },
      displayName: requiredText(300),
      role: choice(ROLES),
      unitId: recordId(() => r.commune, [() => r.inactiveUnit]),
      memberId: reference(() => r.member, [() => r.takenMember]),
      password: { good: fc.string({ minLength: 10, maxLength: 60 }), bad: fc.oneof(fc.string({ maxLength: 9 }), tooLongText(200), fc.constant(undefined), hostileFile) },
    },
  },
  updateUser: {
    run: read(updateUser),
    spec: {
      id: recordId(() => r.user),
      displayName: requiredText(300),
      role: choice(ROLES),
      unitId: recordId(() => r.commune, [() => r.inactiveUnit]),
      memberId: reference(() => r.member, [() => r.takenMember]),
    },
  },
  setActive: {
    run: read(setActive),
    spec: {
      entity: choice(['Unit', 'Member', 'TaskGroup', 'Task', 'User']),
      id: recordId(() => r.commune),
      active: choice(['true', 'false']),
    },
  },
  assignTask: {
    run: read(assignTask),
    spec: {
      taskId: recordId(() => r.task, [() => r.inactiveTask]),
      target: choice(['communes', 'chosen']),
      // Broken: an entry that is not an id at all (an id of nothing is skipped when all communes are chosen).
      unitIds: { good: idList([() => r.commune]).good, bad: fc.tuple(fc.array(real(() => r.commune), { maxLength: 1 }), hostileText.filter((t) => !/^[0-9a-f-]{36}$/i.test(t))).map(([ok, wrong]) => [...ok, wrong]) },
    },
  },
  createPeriod: {
    run: read(createPeriod),
    spec: { code, name: requiredText(300), kind: choice(PERIOD_KINDS), startDate: day, endDate: day },
  },
  lockPeriod: {
    run: read(lockPeriod),
    spec: { id: recordId(() => r.openPeriod, [() => r.lockedPeriod]) },
  },
  unlockPeriod: {
    run: read(unlockPeriod),
    spec: { id: recordId(() => r.lockedPeriod, [() => r.openPeriod]), reason: requiredText(1000) },
  },
}


describe.each(Object.entries(CORES))('%s', (_name, { run, spec }) => {
  test(`${FUZZ_RUNS} hostile forms are refused and write nothing but the refusal's audit row`, async () => {
    await fc.assert(
      fc.asyncProperty(attempt(spec), async ([who, { form }]) => {
        const result = await guard.check(() => run(at(ACTORS[who]()), form), { who, form })
        expect(['invalid', 'notFound'], `answer ${JSON.stringify(result).slice(0, 300)} for ${who}: ${shown(form)}`).toContain(result.kind)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

const TASK_HEADER = ['Mã nhiệm vụ', 'Tên nhiệm vụ', 'Mã nhóm', 'Hạn hoàn thành', 'Phạm vi', 'Đơn vị tính chỉ tiêu', 'Giá trị ban đầu', 'Giá trị mục tiêu', 'Mô tả']
const ASSIGNMENT_HEADER = ['Mã nhiệm vụ', 'Mã đơn vị']
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')

/** An XLSX whose first cell text carries `&#xD800;`: a lone surrogate after parsing, which FormData never lets through. */
async function xlsxWithLoneSurrogate(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Nhập')
  for (const row of rows) sheet.addRow(row)
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer())
  for (const name of Object.keys(zip.files).filter((n) => /sharedStrings|sheet1\.xml/.test(n))) {
    zip.file(name, (await zip.file(name)!.async('string')).replaceAll('SURROGATE', '&#xD800;x&#xDFFF;'))
  }
  return zip.generateAsync({ type: 'uint8array' })
}

/**
 * An import's file: rows of hostile cells with at least one row in error (a code no task can
 * have), as CSV or as XLSX (with lone surrogates in a cell), or bytes that are not a table at all:
 * not UTF-8, a broken ZIP.
 */
const importFile = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        kind: fc.constantFrom('tasks', 'assignments'),
        rows: fc.array(fc.array(hostileText.map((t) => t.slice(0, 300)), { minLength: 2, maxLength: 9 }), { maxLength: 4 }),
        xlsx: fc.boolean(),
      })
      .map(({ kind, rows, xlsx }) => {
        const header = kind === 'tasks' ? TASK_HEADER : ASSIGNMENT_HEADER
        const broken = kind === 'tasks' ? ['SAI MÃ <script>', 'SURROGATE', 'nhom-khong-co', '2026-02-30', 'XA'] : ['SAI MÃ', 'SURROGATE']
        const table = [header, ...rows, broken]
        return { kind, table, bytes: xlsx ? null : new TextEncoder().encode(table.map(csvLine).join('\r\n')) }
      }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.oneof(fc.constantFrom('tasks', 'assignments'), hostileText),
      table: fc.constant([] as string[][]),
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.constant(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff, 0x00])),
        fc.constant(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0xed, 0xa0, 0x80])),
      ),
    }),
  },
)

/** How the file arrives: chosen in the form, carried back (base64) from the check, far too big, or not at all. */
const importForm = fc.record({
  file: importFile,
  via: fc.constantFrom('file', 'content', 'huge content', 'none'),
  fileName: fc.oneof(hostileText, fc.constant(undefined)),
  intent: fc.oneof(fc.constantFrom('apply', 'check'), hostileText),
  extra: extraFields,
})

async function importFormData({ file, via, fileName, intent, extra }: typeof importForm extends fc.Arbitrary<infer T> ? T : never): Promise<FormData> {
  const bytes = file.bytes ?? (await xlsxWithLoneSurrogate(file.table))
  return toFormData({
    ...extra,
    kind: file.kind,
    intent,
    fileName,
    file: via === 'file' ? new File([Buffer.from(bytes)], `${fileName ?? 'nhap'}.csv`) : undefined,
    content: via === 'content' ? Buffer.from(bytes).toString('base64') : via === 'huge content' ? 'A'.repeat(2_800_004) : undefined,
  })
}

describe('the import (checkImport, applyImport)', () => {
  test(`${FUZZ_RUNS} hostile files are checked without a write, and applying them is refused without a write`, async () => {
    await fc.assert(
      fc.asyncProperty(actor, importForm, fc.boolean(), async (who, input, apply) => {
        const form = await importFormData(input)
        const result = await guard.check(() => (apply ? applyImport : checkImport)(at(ACTORS[who]()), form), { who, apply, form })
        const refusals = apply ? ['invalid', 'notFound', 'rejected'] : ['invalid', 'notFound', 'checked']
        expect(refusals, `answer ${JSON.stringify(result).slice(0, 300)} for ${who}: ${shown(form)}`).toContain(result.kind)
        if (who !== 'admin') expect(result.kind).toBe('notFound')
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('an XLSX with lone surrogates in a cell is refused as unreadable, not a server error', async () => {
    const group = await database.db.taskGroup.findUniqueOrThrow({ where: { id: r.group } })
    const bytes = await xlsxWithLoneSurrogate([TASK_HEADER, ['nv-surrogate', 'Tên SURROGATE', group.code, '31/12/2026', 'COMMUNE']])
    const form = toFormData({ kind: 'tasks', file: new File([Buffer.from(bytes)], 'nhap.xlsx') })
    const result = await guard.check(() => applyImport(at(r.admin), form), form)
    expect(result).toEqual({ kind: 'invalid', problems: { file: { code: 'fileUnreadable' } } })
  })
})

test('the properties can fail: a sound unit form by an administrator is saved (the guard sees the write)', async () => {
  const form = toFormData({ code: 'xa-moi', name: '<script>alert(1)</script>', kind: 'COMMUNE' })
  const changes = await guard.writesOf(async () => expect((await saveUnit(at(r.admin), adminFormValues(form))).kind).toBe('saved'))
  expect(changes).toEqual({ tables: expect.arrayContaining(['Unit']), audit: ['unit.create'] })
})
