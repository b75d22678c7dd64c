// The district-wide rules (lib/auth/rules.ts DISTRICT_RULES) through the real entry points on a
// real PostgreSQL, the expected answers read from the table itself: every kind of user × every
// administration write, reporting-period write, the review report and its drafts × a new record, an existing one and a missing id.
// A refusal answers like a missing record, changes nothing and is audited. (The pages behind
// overview.read, review.queue, audit.read: e2e/permission-pages.spec.ts.)
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { Actor } from '@/lib/auth/permissions'
import type { CurrentUser } from '@/lib/auth/session'
import { setActive } from '@/lib/actions/admin/active'
import { saveUnitTargets } from '@/lib/actions/admin/assignment-targets'
import { saveUnitFigure } from '@/lib/actions/admin/figures'
import { resetPassword } from '@/lib/actions/password'
import { assignTask } from '@/lib/actions/admin/assignments'
import { saveGroup } from '@/lib/actions/admin/groups'
import { applyImport, checkImport } from '@/lib/actions/admin/import'
import { saveMember } from '@/lib/actions/admin/members'
import { createPeriod, lockPeriod, unlockPeriod } from '@/lib/actions/admin/periods'
import { saveTask } from '@/lib/actions/admin/tasks'
import type { AdminResult } from '@/lib/actions/admin/core'
import { changeUnit, saveUnit } from '@/lib/actions/admin/units'
import { mergeUnits } from '@/lib/actions/admin/unit-merge'
import { createUser, updateUser } from '@/lib/actions/admin/users'
import { reviewReportResponse } from '@/lib/reports/review-report-response'
import { createReviewDraft, issueReviewReport, saveReviewSection } from '@/lib/actions/review-drafts'
import { issueValues, readDraftSource, readSectionSave } from '@/lib/validation/review-draft'
import { adminFormValues, UNIT_TARGET_FIELD, type AdminValues } from '@/lib/validation/admin'
import { communeExport } from '@/lib/reports/exports/commune'
import { translatorFor } from '@/lib/reports/exports/table'
import { assignmentDetail } from '@/lib/queries/assignment-detail'
import { auditEventPage } from '@/lib/queries/audit-events'
import { communeByCode } from '@/lib/queries/commune-detail'
import { progressByGroup } from '@/lib/queries/district-overview'
import { progressSource, withinScope } from '@/lib/queries/progress-source'
import { reportingRate } from '@/lib/queries/reporting-rate'
import { search } from '@/lib/queries/search'
import { memberByCode, memberPendingUpdates } from '@/lib/queries/member-progress'
import { reminderCounts } from '@/lib/queries/reminders'
import { organisationOn } from '@/lib/queries/organisation'
import { unitAssignments } from '@/lib/queries/unit-assignments'
import { adminForm, adminValues } from '@/lib/actions/admin/test-form'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { recordStatusUpdate } from '@/lib/actions/status-update'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { questionFilterChoices } from '@/lib/queries/questions'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { taskProgressByCode, taskProgressList } from '@/lib/queries/task-progress'
import { DISTRICT_RULES, type DistrictAction } from './rules'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')

let actors: Record<string, Actor>
let districtId: string
let memberId: string

beforeAll(async () => {
  districtId = (await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })).id
  const commune = await make.unit({ name: 'Xã Minh Cầm' })
  memberId = (await make.member()).id
  actors = {
    'staff of a commune': await make.user({ role: 'STAFF', unitId: commune.id }),
    'a member of the standing committee': await make.user({ role: 'LEADER', unitId: districtId, memberId }),
    'a leader account with no member': await make.user({ role: 'LEADER', unitId: districtId }),
    'the Party Office': await make.user({ role: 'OFFICE', unitId: (await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy' })).id }),
    'the administrator': await make.user({ role: 'ADMIN', unitId: districtId }),
  }
  await database.db.reportingPeriod.create({ data: { code: 'so-ket-1', name: 'Sơ kết đợt 1', kind: 'INTERIM', startDate: new Date('2026-01-01'), endDate: new Date('2026-06-30') } })
})

type Target = 'new' | 'existing' | 'missing'
type Outcome = { kind: string }
type Context = { actor: Actor; now: Date; ip: string | null }
/** What an attempt sends: made (with any record it names) before the attempt is watched. */
type Prepared = { form: FormData; entityId: string | null }
/** One entry point: the targets it takes, what it is sent for each, and the call itself. */
type EntryPoint = { targets: Target[]; prepare: (target: Target) => Promise<Prepared>; run: (context: Context, form: FormData) => Promise<Outcome> }

/** An administration core called as its form's action calls it: with the form read (adminFormValues). */
const read =
  <T>(core: (context: Context, values: AdminValues) => Promise<AdminResult<T>>) =>
  (context: Context, form: FormData) =>
    core(context, adminFormValues(form))

const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`
/** The id a form names: a record made for it, one that does not exist, or none for a new record. */
const idFor = async (target: Target, existing: () => Promise<string>) => (target === 'missing' ? randomUUID() : target === 'existing' ? existing() : null)

/** A form naming a record (`idField`) besides `fields`. */
function naming(idField: string, fields: () => Promise<Record<string, string>> | Record<string, string>, existing: () => Promise<string>) {
  return async (target: Target): Promise<Prepared> => {
    const id = await idFor(target, existing)
    return { form: adminForm({ ...(await fields()), ...(id === null ? {} : { [idField]: id }) }), entityId: id }
  }
}

const newUnit = async () => (await make.unit()).id
const newGroup = async () => (await make.group()).id
const newTask = async () => (await make.task({ groupId: await newGroup() })).id
const newPeriod = async (locked: boolean) =>
  (await database.db.reportingPeriod.create({ data: { code: code('ky'), name: 'Kỳ thử', kind: 'INTERIM', startDate: new Date('2026-01-01'), endDate: new Date('2026-03-31'), lockedAt: locked ? NOW : null } })).id
const importFile = async (): Promise<Prepared> => {
  const group = await database.db.taskGroup.findUniqueOrThrow({ where: { id: await newGroup() } })
  const text = `\uFEFFMã nhiệm vụ,Tên nhiệm vụ,Mã nhóm,Hạn hoàn thành,Phạm vi,Đơn vị tính chỉ tiêu,Giá trị ban đầu,Giá trị mục tiêu,Mô tả\r\n${code('nv')},Nhiệm vụ nhập,${group.code},31/12/2027,xã,,,,\r\n`
  const form = new FormData()
  form.append('kind', 'tasks')
  form.append('file', new File([text], 'nhiem-vu.csv', { type: 'text/csv' }))
  return { form, entityId: null }
}

/** A review report draft of the district, written by its administrator. */
const newDraft = async () =>
  (
    await database.db.reviewReport.create({
      data: { ownerUnitId: districtId, kind: 'INTERIM', startDate: new Date('2026-01-01'), endDate: new Date('2026-06-30'), createdById: (actors['the administrator'] as Actor).id },
    })
  ).id
const draftForm = (fields: Record<string, string>) => async (target: Target): Promise<Prepared> => {
  const id = (await idFor(target, newDraft)) ?? ''
  return { form: adminForm({ ...fields, reportId: id }), entityId: id }
}
const reportIdOf = (form: FormData) => String(form.get('reportId'))

/** The entry points of each district-wide action. */
const ENTRY_POINTS: Partial<Record<DistrictAction, Record<string, EntryPoint>>> = {
  'admin.manage': {
    'save a unit': {
      targets: ['new', 'existing', 'missing'],
      prepare: naming('id', () => ({ code: code('xa'), name: 'Xã Thử', kind: 'COMMUNE', parentId: districtId, sortOrder: '5' }), newUnit),
      run: read(saveUnit),
    },
    'save a member': {
      targets: ['new', 'existing', 'missing'],
      prepare: naming('id', () => ({ code: code('uv'), name: 'Ủy viên Thử', title: 'Ủy viên Ban Thường vụ' }), async () => (await make.member()).id),
      run: read(saveMember),
    },
    'save a task group': {
      targets: ['new', 'existing', 'missing'],
      prepare: naming('id', () => ({ code: code('nhom'), name: 'Nhóm thử', description: '', sortOrder: '1' }), newGroup),
      run: read(saveGroup),
    },
    'save a task': {
      targets: ['new', 'existing', 'missing'],
      prepare: naming('id', async () => ({ code: code('nv'), title: 'Nhiệm vụ thử', groupId: await newGroup(), dueDate: '31/12/2027', scope: 'COMMUNE' }), newTask),
      run: read(saveTask),
    },
    'deactivate a unit': { targets: ['existing', 'missing'], prepare: naming('id', () => ({ entity: 'Unit', active: 'false' }), newUnit), run: read(setActive) },
    'assign a task to every commune': { targets: ['existing', 'missing'], prepare: naming('taskId', () => ({ target: 'communes' }), newTask), run: read(assignTask) },
    'create an account': {
      targets: ['new'],
      prepare: naming('id', () => ({ username: code('can-bo'), displayName: 'Cán bộ mới', role: 'STAFF', unitId: districtId, password: 'Ba-Che-2026-xuan' }), newUnit),
      run: read(createUser),
    },
    'edit an account': {
      targets: ['existing', 'missing'],
      prepare: naming('id', () => ({ displayName: 'Tên mới', role: 'STAFF', unitId: districtId }), async () => (await make.user({ role: 'STAFF', unitId: districtId })).id),
      run: read(updateUser),
    },
    'check an import file': { targets: ['new'], prepare: importFile, run: checkImport },
    'apply an import file': { targets: ['new'], prepare: importFile, run: applyImport },
  },
  'period.manage': {
    'create a reporting period': {
      targets: ['new'],
      prepare: naming('id', () => ({ code: code('ky'), name: 'Kỳ mới', kind: 'INTERIM', startDate: '01/01/2027', endDate: '30/06/2027' }), () => newPeriod(false)),
      run: read(createPeriod),
    },
    'lock a reporting period': { targets: ['existing', 'missing'], prepare: naming('id', () => ({}), () => newPeriod(false)), run: read(lockPeriod) },
    'unlock a reporting period': { targets: ['existing', 'missing'], prepare: naming('id', () => ({ reason: 'Bổ sung số liệu của xã' }), () => newPeriod(true)), run: read(unlockPeriod) },
  },
  'report.write': {
    'open a review report draft': {
      targets: ['new'],
      prepare: async () => ({ form: adminForm({ period: 'so-ket-1' }), entityId: null }),
      run: (context, form) => createReviewDraft(context, readDraftSource(form)),
    },
    "save a draft's section": {
      targets: ['existing', 'missing'],
      prepare: draftForm({ section: 'lessons', baseVersion: '0', text: 'Bài học kinh nghiệm' }),
      run: (context, form) => saveReviewSection(context, readSectionSave(Object.fromEntries(['reportId', 'section', 'baseVersion', 'text'].map((k) => [k, form.get(k)])) as Parameters<typeof readSectionSave>[0]), reportIdOf(form)),
    },
    'issue a draft': {
      targets: ['existing', 'missing'],
      prepare: draftForm({ number: '12', issuedOn: '2026-07-10', signerOnBehalfOf: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: 'Nguyễn Văn A', recipients: 'Ban Thường vụ Tỉnh ủy (b/c),' }),
      run: async (context, form) => {
        const result = await issueReviewReport(context, reportIdOf(form), issueValues(form))
        return { kind: result.kind === 'issuedNow' ? 'saved' : result.kind }
      },
    },
  },
  'report.create': {
    'download the review report': {
      targets: ['existing', 'missing'],
      prepare: async (target) => ({ form: adminForm({ period: target === 'existing' ? 'so-ket-1' : 'khong-co-ky-nay', format: 'docx' }), entityId: null }),
      run: async ({ actor, now, ip }, form) => {
        const user: CurrentUser = { ...actor, username: 'u', displayName: 'u', unit: { code: 'u', name: 'u' } }
        const search = new URLSearchParams([...form].map(([k, v]) => [k, String(v)]))
        return { kind: (await reviewReportResponse(user, search, { now, ip })).status === 200 ? 'saved' : 'notFound' }
      },
    },
  },
}

/** Every table an administration write or a report touches, as one digest: equal digests, nothing changed. */
async function digest(): Promise<string> {
  const tables = ['Unit', 'Member', 'TaskGroup', 'Task', 'Assignment', 'ReportingPeriod', 'User', 'UnitChange']
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await db().$queryRaw<{ digest: string | null }[]>`SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) AS digest FROM ${Prisma.raw(`"${table}"`)} t`
      return `${table}:${row?.digest ?? ''}`
    }),
  )
  return parts.join(' ')
}

const cases = Object.entries(ENTRY_POINTS).flatMap(([action, points]) =>
  Object.entries(points ?? {}).flatMap(([name, { targets }]) => targets.map((target) => ({ action: action as DistrictAction, name, target }))),
)

/** What an allowed attempt answers: saved, or not found for a missing record; an import is checked or applied. */
const ALLOWED_OUTCOME: Record<Target, RegExp> = { new: /^(saved|checked|applied)$/, existing: /^saved$/, missing: /^notFound$/ }

describe.each(['staff of a commune', 'a member of the standing committee', 'a leader account with no member', 'the Party Office', 'the administrator'])('%s', (actorName) => {
  test.each(cases)('$action: $name ($target)', async ({ action, name, target }) => {
    const actor = actors[actorName]!
    const point = ENTRY_POINTS[action]![name]!
    const { form, entityId } = await point.prepare(target)
    const refusals = () => database.db.auditEvent.findMany({ where: { actorId: actor.id, action: { endsWith: '.refused' } }, orderBy: { id: 'asc' } })
    const [before, refusedBefore] = await Promise.all([digest(), refusals()])
    const outcome = await point.run({ actor, now: NOW, ip: '198.51.100.9' }, form)
    if (DISTRICT_RULES[actor.role][action] === true) {
      expect(outcome.kind).toMatch(ALLOWED_OUTCOME[target])
      return
    }
    expect(outcome.kind).toBe('notFound')
    expect(await digest()).toBe(before)
    const refused = await refusals()
    expect(refused).toHaveLength(refusedBefore.length + 1)
    expect(refused.at(-1)?.entityId ?? null).toBe(entityId)
  })
})

// Two districts under one province (DESIGN.md "Roles", scopes follow the tree): the accounts of
// Tiên Yên find nothing of Ba Chẽ (its units, accounts, members, assignments, audit rows, figures
// and downloads answer like missing records), and the province's administrator reaches both.
describe('two districts under one province', () => {
  let tree: Awaited<ReturnType<typeof makeTwoDistricts>>

  async function makeTwoDistricts() {
    const province = await make.unit({ kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh' })
    const baChe = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ', parentId: province.id })
    const tienYen = await make.unit({ kind: 'DISTRICT', name: 'Huyện Tiên Yên', parentId: province.id })
    const thanhSon = await make.unit({ name: 'Xã Thanh Sơn', parentId: baChe.id })
    const dongNgu = await make.unit({ name: 'Xã Đông Ngũ', parentId: tienYen.id })
    const member = await make.member('Ủy viên Ban Thường vụ Huyện ủy Tiên Yên')
    await database.db.member.update({ where: { id: member.id }, data: { unitId: tienYen.id } })
    const baCheMember = await database.db.member.create({ data: { code: code('uv-ba-che'), name: 'Lê Văn Bình', title: 'Ủy viên Ban Thường vụ Huyện ủy Ba Chẽ', unitId: baChe.id } })
    const task = await make.task({ groupId: await newGroup() })
    const baCheWork = await make.assignment({ taskId: task.id, unitId: thanhSon.id })
    await make.assignment({ taskId: task.id, unitId: dongNgu.id })
    const baCheStaff = await make.user({ role: 'STAFF', unitId: thanhSon.id })
    // Something happened in Ba Chẽ: a report of its staff, in the audit trail.
    await database.db.auditEvent.create({ data: { actorId: baCheStaff.id, action: 'statusUpdate.create', entity: 'Assignment', entityId: baCheWork.id, after: { progress: 10 } } })
    const tienYenOffice = await make.unit({ kind: 'AGENCY', name: 'Văn phòng Huyện ủy Tiên Yên', parentId: tienYen.id })
    const accounts: Record<string, Actor> = {
      "staff of Tiên Yên's Đông Ngũ": await make.user({ role: 'STAFF', unitId: dongNgu.id }),
      "a member of Tiên Yên's standing committee": await make.user({ role: 'LEADER', unitId: tienYen.id, memberId: member.id }),
      "Tiên Yên's Party Office": await make.user({ role: 'OFFICE', unitId: tienYenOffice.id }),
      "Tiên Yên's administrator": await make.user({ role: 'ADMIN', unitId: tienYen.id }),
    }
    const provinceAdmin = await make.user({ role: 'ADMIN', unitId: province.id })
    // What each owns: a group with a task and a reporting period of Ba Chẽ's, and of the province's.
    const owned = async (ownerUnitId: string, name: string) => {
      const group = await database.db.taskGroup.create({ data: { code: code('nhom'), name: `Nhóm của ${name}`, ownerUnitId } })
      const task = await make.task({ groupId: group.id })
      await database.db.task.update({ where: { id: task.id }, data: { title: `Nhiệm vụ riêng của ${name}` } })
      const period = await database.db.reportingPeriod.create({
        data: { code: code('ky'), name: `Kỳ của ${name}`, kind: 'INTERIM', startDate: new Date('2026-11-01'), endDate: new Date('2026-11-30'), ownerUnitId },
      })
      return { group, task, period }
    }
    const baCheOwn = await owned(baChe.id, 'Ba Chẽ')
    const provinceOwn = await owned(province.id, 'Tỉnh')
    return { province, baChe, tienYen, thanhSon, dongNgu, task, baCheWork, baCheStaff, baCheMember, accounts, provinceAdmin, baCheOwn, provinceOwn }
  }

  beforeAll(async () => {
    tree = await makeTwoDistricts()
  })

  /** What a reader finds of Ba Chẽ, through each read the pages and downloads use. */
  async function findsOfBaChe(reader: Actor) {
    const user: CurrentUser = { ...reader, username: 'u', displayName: 'u', unit: { code: 'u', name: 'u' } }
    const source = withinScope(progressSource(null, NOW), reader)
    const thanhSon = await database.db.unit.findUniqueOrThrow({ where: { id: tree.thanhSon.id } })
    const audit = await auditEventPage(reader, { action: 'statusUpdate.create' }, 1)
    return {
      commune: (await communeByCode(reader, thanhSon.code)) !== null,
      unit: (await unitAssignments(source, thanhSon.code, reader)) !== null,
      assignment: (await assignmentDetail(reader, thanhSon.code, tree.task.code)) !== null,
      search: (await search(reader, 'Thanh Sơn')).some((hit) => hit.code === thanhSon.code),
      member: (await memberByCode(reader, tree.baCheMember.code)) !== null,
      memberFound: (await search(reader, 'Lê Văn Bình')).some((hit) => hit.code === tree.baCheMember.code),
      download: (await communeExport(thanhSon.code, translatorFor('vi'), NOW, new URLSearchParams(), user)) !== null,
      audit: audit.events.some((event) => event.entityId === tree.baCheWork.id),
      counted: (await progressByGroup(source, null)).total.assigned,
      expectedToReport: (await reportingRate('2026-11-01', '2026-11-30', '2026-11-28', 10, source.unitInScope())).expected,
    }
  }

  test.each(["staff of Tiên Yên's Đông Ngũ", "a member of Tiên Yên's standing committee", "Tiên Yên's Party Office", "Tiên Yên's administrator"])(
    '%s finds nothing of Ba Chẽ, and counts only Tiên Yên',
    async (name) => {
      // The header and the review report name their own district, under the province.
      const organisation = await organisationOn('2026-11-28', tree.accounts[name]!.scopeUnitId)
      expect([organisation?.home.id, organisation?.above.map((unit) => unit.id)]).toEqual([tree.tienYen.id, [tree.province.id]])
      expect(await findsOfBaChe(tree.accounts[name]!)).toEqual({ commune: false, unit: false, assignment: false, search: false, member: false, memberFound: false, download: false, audit: false, counted: 1, expectedToReport: 1 })
    },
  )

  test("the province's administrator finds both districts", async () => {
    const found = await findsOfBaChe(tree.provinceAdmin)
    expect(found).toMatchObject({ commune: true, unit: true, assignment: true, search: true, member: true, memberFound: true, download: true, audit: true })
    // The province is the top of the tree: it counts both districts (and this file's other units, at the top too).
    expect(found.counted).toBeGreaterThanOrEqual(2)
    expect(found.expectedToReport).toBeGreaterThanOrEqual(2)
  })

  test("Tiên Yên's administrator changes nothing of Ba Chẽ: its units, accounts and assignments answer like missing records", async () => {
    const context = { actor: tree.accounts["Tiên Yên's administrator"]!, now: NOW, ip: '198.51.100.9' }
    const thanhSon = await database.db.unit.findUniqueOrThrow({ where: { id: tree.thanhSon.id } })
    const before = await digest()
    const unitEdit = { id: thanhSon.id, code: thanhSon.code, name: thanhSon.name, kind: 'COMMUNE', parentId: tree.baChe.id, sortOrder: '7' }
    expect((await saveUnit(context, adminValues(unitEdit))).kind).toBe('notFound')
    expect((await setActive(context, adminValues({ entity: 'Unit', id: thanhSon.id, active: 'false' }))).kind).toBe('notFound')
    expect((await setActive(context, adminValues({ entity: 'User', id: tree.baCheStaff.id, active: 'false' }))).kind).toBe('notFound')
    expect((await updateUser(context, adminValues({ id: tree.baCheStaff.id, displayName: 'Tên mới', role: 'STAFF', unitId: tree.thanhSon.id }))).kind).toBe('notFound')
    expect((await saveMember(context, adminValues({ id: tree.baCheMember.id, code: tree.baCheMember.code, name: 'Tên mới', title: 'Ủy viên' }))).kind).toBe('notFound')
    const change = { intent: 'apply', effectiveDate: '2026-11-20', reason: 'Quyết định số 1-QĐ/TU' }
    expect((await changeUnit(context, adminValues({ ...change, id: thanhSon.id, kind: 'RENAME', newName: 'Xã Thanh Sơn Mới' }))).kind).toBe('notFound')
    expect((await mergeUnits(context, adminValues({ ...change, kind: 'MERGE', id: thanhSon.id, otherIds: [tree.dongNgu.id], successorId: tree.dongNgu.id }))).kind).toBe('notFound')
    // A unit is made inside the administrator's subtree only: not under Ba Chẽ, not at the top.
    for (const parentId of [tree.baChe.id, '']) {
      expect(await saveUnit(context, adminValues({ code: code('xa'), name: 'Xã Mới', kind: 'COMMUNE', parentId, sortOrder: '9' }))).toMatchObject({ kind: 'invalid', problems: { parentId: expect.anything() } })
    }
    expect(await createUser(context, adminValues({ username: code('can-bo'), displayName: 'Cán bộ', role: 'STAFF', unitId: tree.thanhSon.id, password: 'Ba-Che-2026-xuan' }))).toMatchObject({
      kind: 'invalid',
      problems: { unitId: expect.anything() },
    })
    // Nor does it widen its own scope: its district keeps its kind and its province.
    const tienYen = await database.db.unit.findUniqueOrThrow({ where: { id: tree.tienYen.id } })
    const ownDistrict = { id: tienYen.id, code: tienYen.code, name: tienYen.name, sortOrder: '3' }
    expect(await saveUnit(context, adminValues({ ...ownDistrict, kind: 'COMMUNE', parentId: tree.province.id }))).toMatchObject({ kind: 'invalid', problems: { kind: { code: 'scopeRootFixed' } } })
    expect(await saveUnit(context, adminValues({ ...ownDistrict, kind: 'DISTRICT', parentId: '' }))).toMatchObject({ kind: 'invalid', problems: { kind: { code: 'scopeRootFixed' } } })
    const merge = { intent: 'apply', effectiveDate: '2026-11-20', reason: 'Quyết định số 2-QĐ/TU', kind: 'MERGE', newName: 'Huyện Mới', newCode: code('huyen') }
    expect(await mergeUnits(context, adminValues({ ...merge, id: tienYen.id, otherIds: [tree.dongNgu.id] }))).toMatchObject({ kind: 'invalid', problems: { otherIds: { code: 'scopeRootFixed' } } })
    expect(await digest()).toBe(before)
    // Every commune of the subtree: Đông Ngũ (already assigned the task), not Thanh Sơn.
    const task = await make.task({ groupId: await newGroup() })
    expect(await assignTask(context, adminValues({ taskId: task.id, target: 'communes' }))).toMatchObject({ kind: 'saved', created: 1 })
    expect(await database.db.assignment.findMany({ where: { taskId: task.id }, select: { unitId: true } })).toEqual([{ unitId: tree.dongNgu.id }])
    expect(await database.db.auditEvent.count({ where: { actorId: context.actor.id, action: { endsWith: '.refused' } } })).toBe(7)
  })

  test("Tiên Yên's administrator reaches none of Ba Chẽ's accounts, members, targets or figures", async () => {
    const context = { actor: tree.accounts["Tiên Yên's administrator"]!, now: NOW, ip: '198.51.100.9' }
    const perUnit = await make.task({ groupId: await newGroup() })
    await database.db.task.update({ where: { id: perUnit.id }, data: { indicatorKind: 'PER_UNIT', indicatorUnit: 'chức danh', indicatorBaseline: 0, indicatorTarget: 10 } })
    const baCheTarget = await make.assignment({ taskId: perUnit.id, unitId: tree.thanhSon.id })
    const before = await digest()
    const figuresBefore = await database.db.unitFigure.count()
    const staffBefore = await database.db.user.findUniqueOrThrow({ where: { id: tree.baCheStaff.id }, select: { passwordHash: true, mustChangePassword: true } })
    // The account of another district answers like a missing one: no temporary password to take it over.
    expect(await resetPassword(context, tree.baCheStaff.id)).toEqual({ kind: 'notFound' })
    expect((await setActive(context, adminValues({ entity: 'Member', id: tree.baCheMember.id, active: 'false' }))).kind).toBe('notFound')
    expect((await saveUnitTargets(context, adminValues({ taskId: perUnit.id, [`${UNIT_TARGET_FIELD}${baCheTarget.id}`]: '4' }))).kind).toBe('notFound')
    expect((await saveUnitFigure(context, adminValues({ unitId: tree.thanhSon.id, kind: 'PARTY_MEMBERS', value: '70', asOf: '2026-11-01' }))).kind).toBe('notFound')
    // Nor is Ba Chẽ's member put in charge of a Tiên Yên unit, or made the lead of a group.
    const dongNgu = await database.db.unit.findUniqueOrThrow({ where: { id: tree.dongNgu.id } })
    const inCharge = { id: dongNgu.id, code: dongNgu.code, name: dongNgu.name, kind: 'COMMUNE', parentId: tree.tienYen.id, sortOrder: '2', inChargeMemberId: tree.baCheMember.id }
    expect(await saveUnit(context, adminValues(inCharge))).toMatchObject({ kind: 'invalid', problems: { inChargeMemberId: expect.anything() } })
    expect(await digest()).toBe(before)
    expect(await database.db.unitFigure.count()).toBe(figuresBefore)
    expect(await database.db.user.findUniqueOrThrow({ where: { id: tree.baCheStaff.id }, select: { passwordHash: true, mustChangePassword: true } })).toEqual(staffBefore)
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: baCheTarget.id }, select: { indicatorTarget: true } })).toEqual({ indicatorTarget: null })
  })

  test("a Tiên Yên member leading a group shared with Ba Chẽ counts only Tiên Yên's overdue work and waiting reports", async () => {
    const leader = tree.accounts["a member of Tiên Yên's standing committee"]!
    const memberId = leader.memberId ?? ''
    const task = await make.task({ groupId: (await make.group(memberId)).id, dueDate: new Date('2026-11-01') })
    // Overdue in both districts, each with a report waiting: neither commune has a member in charge, so the group's lead confirms.
    for (const [unitId, authorId] of [
      [tree.thanhSon.id, tree.baCheStaff.id],
      [tree.dongNgu.id, tree.accounts["staff of Tiên Yên's Đông Ngũ"]!.id],
    ] as const) {
      const assignment = await make.assignment({ taskId: task.id, unitId })
      await database.db.statusUpdate.create({ data: { assignmentId: assignment.id, authorId, status: 'IN_PROGRESS', progress: 10, createdAt: new Date('2026-11-20T03:00:00Z') } })
    }
    const source = withinScope(progressSource(null, NOW), leader)
    const pending = await memberPendingUpdates(source, memberId, 10)
    expect(pending.rows.map((r) => r.unitCode)).toEqual([(await database.db.unit.findUniqueOrThrow({ where: { id: tree.dongNgu.id } })).code])
    const byProvince = await memberPendingUpdates(progressSource(null, NOW), memberId, 10)
    expect(byProvince.total).toBe(2)
    const ownOverdue = await database.db.assignment.count({ where: { status: { not: 'DONE' }, task: { group: { leadMemberId: memberId }, dueDate: { lt: new Date('2026-11-28') } }, unit: { parentId: tree.tienYen.id } } })
    expect((await reminderCounts(leader, '2026-11-28')).overdue).toBe(ownOverdue)
  })

  test("the province's administrator edits Ba Chẽ's units and accounts", async () => {
    const context = { actor: tree.provinceAdmin, now: NOW, ip: '198.51.100.9' }
    const thanhSon = await database.db.unit.findUniqueOrThrow({ where: { id: tree.thanhSon.id } })
    const unitEdit = { id: thanhSon.id, code: thanhSon.code, name: thanhSon.name, kind: 'COMMUNE', parentId: tree.baChe.id, sortOrder: '7' }
    expect((await saveUnit(context, adminValues(unitEdit))).kind).toBe('saved')
    expect((await updateUser(context, adminValues({ id: tree.baCheStaff.id, displayName: 'Cán bộ Thanh Sơn', role: 'STAFF', unitId: tree.thanhSon.id }))).kind).toBe('saved')
  })

  /** What a reader reads of a group, task and period someone owns: the task lists and page, search, the questions' group filter, the period pickers. */
  async function readsOwned(reader: Actor, own: { group: { code: string }; task: { code: string }; period: { code: string } }) {
    const source = withinScope(progressSource(null, NOW), reader)
    const taskCode = own.task.code
    return {
      taskList: (await taskProgressList(source)).some((t) => t.code === taskCode),
      taskPage: (await taskProgressByCode(source, taskCode)) !== null,
      search: (await search(reader, 'Nhiệm vụ riêng')).some((hit) => hit.code === taskCode),
      groupFilter: (await questionFilterChoices(reader)).groups.some((g) => g.code === own.group.code),
      periodPicker: (await reportingPeriods(reader)).some((p) => p.code === own.period.code),
    }
  }
  const readsAll = { taskList: true, taskPage: true, search: true, groupFilter: true, periodPicker: true }
  const readsNone = { taskList: false, taskPage: false, search: false, groupFilter: false, periodPicker: false }

  test("Tiên Yên's administrator changes none of Ba Chẽ's groups, tasks or periods (each answers like a missing record) and no one of Tiên Yên reads them", async () => {
    const context = { actor: tree.accounts["Tiên Yên's administrator"]!, now: NOW, ip: '198.51.100.9' }
    const { group, task, period } = tree.baCheOwn
    const refusals = () => database.db.auditEvent.count({ where: { actorId: context.actor.id, action: { endsWith: '.refused' } } })
    const [before, refusedBefore] = [await digest(), await refusals()]
    const groupEdit = { id: group.id, code: group.code, name: 'Nhóm đã sửa', description: '', sortOrder: '9' }
    const taskEdit = { id: task.id, code: task.code, title: 'Đã sửa', groupId: group.id, dueDate: '31/12/2027', scope: 'COMMUNE', sortOrder: '9' }
    const refused = [
      await saveGroup(context, adminValues(groupEdit)),
      await setActive(context, adminValues({ entity: 'TaskGroup', id: group.id, active: 'false' })),
      await saveTask(context, adminValues(taskEdit)),
      await setActive(context, adminValues({ entity: 'Task', id: task.id, active: 'false' })),
      await assignTask(context, adminValues({ taskId: task.id, target: 'communes' })),
      await lockPeriod(context, adminValues({ id: period.id })),
    ]
    expect(refused.map((r) => r.kind)).toEqual(Array(refused.length).fill('notFound'))
    // Nor is a task put into Ba Chẽ's group: it is no choice of theirs.
    expect(await saveTask(context, adminValues({ ...taskEdit, id: '', code: code('nv') }))).toMatchObject({ kind: 'invalid', problems: { groupId: { code: 'choiceMissing' } } })
    // Nor does Tiên Yên's office, which runs its own reporting calendar, lock or unlock Ba Chẽ's.
    const office = { ...context, actor: tree.accounts["Tiên Yên's Party Office"]! }
    expect((await lockPeriod(office, adminValues({ id: period.id }))).kind).toBe('notFound')
    expect((await unlockPeriod(office, adminValues({ id: period.id, reason: 'Bổ sung số liệu' }))).kind).toBe('notFound')
    expect(await digest()).toBe(before)
    expect(await refusals()).toBe(refusedBefore + refused.length)
    for (const name of Object.keys(tree.accounts)) expect([name, await readsOwned(tree.accounts[name]!, tree.baCheOwn)]).toEqual([name, readsNone])
  })

  test("the province's group, task and period are read-only to a district's administrator, read by its accounts; the province's administrator manages Ba Chẽ's", async () => {
    const context = { actor: tree.accounts["Tiên Yên's administrator"]!, now: NOW, ip: '198.51.100.9' }
    const { group, task, period } = tree.provinceOwn
    const before = await digest()
    expect((await saveGroup(context, adminValues({ id: group.id, code: group.code, name: 'Nhóm đã sửa', description: '', sortOrder: '9' }))).kind).toBe('notFound')
    expect((await saveTask(context, adminValues({ id: task.id, code: task.code, title: 'Đã sửa', groupId: group.id, dueDate: '31/12/2027', scope: 'COMMUNE' }))).kind).toBe('notFound')
    expect((await setActive(context, adminValues({ entity: 'Task', id: task.id, active: 'false' }))).kind).toBe('notFound')
    expect((await lockPeriod(context, adminValues({ id: period.id }))).kind).toBe('notFound')
    expect(await digest()).toBe(before)
    for (const name of Object.keys(tree.accounts)) expect([name, await readsOwned(tree.accounts[name]!, tree.provinceOwn)]).toEqual([name, readsAll])
    // Assigned within their own subtree only: Đông Ngũ, not Ba Chẽ's Thanh Sơn.
    expect(await assignTask(context, adminValues({ taskId: task.id, target: 'communes' }))).toMatchObject({ kind: 'saved', created: 1 })
    expect(await database.db.assignment.findMany({ where: { taskId: task.id }, select: { unitId: true } })).toEqual([{ unitId: tree.dongNgu.id }])
    // The province reads the districts' own too (at the top of the tree, their periods as well), and manages them; a group it makes is its own.
    expect(await readsOwned(tree.provinceAdmin, tree.baCheOwn)).toEqual(readsAll)
    const byProvince = { actor: tree.provinceAdmin, now: NOW, ip: '198.51.100.9' }
    expect((await setActive(byProvince, adminValues({ entity: 'Task', id: tree.baCheOwn.task.id, active: 'false' }))).kind).toBe('saved')
    expect((await setActive(byProvince, adminValues({ entity: 'Task', id: tree.baCheOwn.task.id, active: 'true' }))).kind).toBe('saved')
    const made = await saveGroup(byProvince, adminValues({ code: code('nhom'), name: 'Nhóm của tỉnh', description: '', sortOrder: '1' }))
    expect(made.kind === 'saved' && (await database.db.taskGroup.findUniqueOrThrow({ where: { id: made.id } })).ownerUnitId).toBe(tree.province.id)
    const madeByDistrict = await saveGroup(context, adminValues({ code: code('nhom'), name: 'Nhóm của huyện', description: '', sortOrder: '1' }))
    expect(madeByDistrict.kind === 'saved' && (await database.db.taskGroup.findUniqueOrThrow({ where: { id: madeByDistrict.id } })).ownerUnitId).toBe(tree.tienYen.id)
  })

  test("Ba Chẽ's locked period blocks Ba Chẽ's reports only: Tiên Yên reports on the same days", async () => {
    const { period } = tree.baCheOwn
    const baCheAdmin = await make.user({ role: 'ADMIN', unitId: tree.baChe.id })
    expect((await lockPeriod({ actor: baCheAdmin, now: NOW, ip: null }, adminValues({ id: period.id }))).kind).toBe('saved')
    const task = await make.task({ groupId: tree.provinceOwn.group.id })
    const report = async (actor: Actor, unitId: string) => {
      const assignment = await make.assignment({ taskId: task.id, unitId })
      const form = formData({ assignmentId: assignment.id, baseVersion: '0', submissionKey: randomUUID(), status: 'IN_PROGRESS', progress: '10' })
      return (await recordStatusUpdate({ actor, now: new Date('2026-11-20T03:00:00Z'), ip: null }, readStatusUpdateForm(form).input)).kind
    }
    expect(await report(tree.baCheStaff, tree.thanhSon.id)).toBe('locked')
    expect(await report(tree.accounts["staff of Tiên Yên's Đông Ngũ"]!, tree.dongNgu.id)).toBe('saved')
    expect((await unlockPeriod({ actor: baCheAdmin, now: NOW, ip: null }, adminValues({ id: period.id, reason: 'Bổ sung số liệu' }))).kind).toBe('saved')
  })
})
