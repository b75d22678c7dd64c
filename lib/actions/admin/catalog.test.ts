// Administration of units, members, task groups and tasks, and deactivation.
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { adminValues as formData } from './test-form'
import { setActive } from './active'
import { saveGroup } from './groups'
import { saveMember } from './members'
import { saveTask } from './tasks'
import { saveUnit } from './units'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z')

let admin: Actor
let leader: Actor
let staff: Actor
let districtId: string

beforeAll(async () => {
  districtId = (await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })).id
  admin = await make.user({ role: 'ADMIN', unitId: districtId })
  const member = await make.member()
  leader = await make.user({ role: 'LEADER', unitId: districtId, memberId: member.id })
  staff = await make.user({ role: 'STAFF', unitId: (await make.unit()).id })
})

const as = (actor: Actor) => ({ actor, now: NOW, ip: '198.51.100.7' })
const audits = (action: string) => database.db.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } })

describe('units', () => {
  test('an administrator creates a commune under the district and edits it (the name changes only by a dated rename); both are audited with before and after', async () => {
    const created = await saveUnit(as(admin), formData({ code: 'xa-moi', name: 'Xã Mới', kind: 'COMMUNE', parentId: districtId, inChargeMemberId: '', sortOrder: '9' }))
    expect(created).toMatchObject({ kind: 'saved', code: 'xa-moi', created: true })
    const id = created.kind === 'saved' ? created.id : ''
    expect(await database.db.unit.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Xã Mới', kind: 'COMMUNE', parentId: districtId, sortOrder: 9, active: true })

    const edited = await saveUnit(as(admin), formData({ id, code: 'xa-moi', name: 'Xã Mới Lập', kind: 'TOWNSHIP', parentId: districtId, sortOrder: '1' }))
    expect(edited).toMatchObject({ kind: 'saved', created: false })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Xã Mới', kind: 'TOWNSHIP', sortOrder: 1 })
    const [create, update] = await database.db.auditEvent.findMany({ where: { entity: 'Unit', entityId: id }, orderBy: { id: 'asc' } })
    expect(create).toMatchObject({ action: 'unit.create', actorId: admin.id, ip: '198.51.100.7', before: null, after: { name: 'Xã Mới', kind: 'COMMUNE' } })
    expect(update).toMatchObject({ action: 'unit.update', before: { name: 'Xã Mới', kind: 'COMMUNE' }, after: { name: 'Xã Mới', kind: 'TOWNSHIP' } })
  })

  test('invalid input writes nothing and names each field', async () => {
    const before = await database.db.unit.count()
    const result = await saveUnit(as(admin), formData({ code: 'Xã Sai', name: ' ', kind: 'CITY', sortOrder: '-1' }))
    expect(result).toEqual({
      kind: 'invalid',
      problems: { code: { code: 'codeFormat' }, name: { code: 'nameRequired' }, kind: { code: 'kindRequired' }, sortOrder: { code: 'sortOrderRange' } },
    })
    expect(await database.db.unit.count()).toBe(before)
  })

  test('a code already used, a missing parent and a unit under its own child are refused', async () => {
    const parent = await make.unit()
    const child = await make.unit()
    await database.db.unit.update({ where: { id: child.id }, data: { parentId: parent.id } })
    expect(await saveUnit(as(admin), formData({ code: parent.code, name: 'Trùng', kind: 'COMMUNE' }))).toMatchObject({ kind: 'invalid', problems: { code: { code: 'codeTaken' } } })
    expect(await saveUnit(as(admin), formData({ code: 'khong-cha', name: 'Mồ côi', kind: 'COMMUNE', parentId: crypto.randomUUID() }))).toMatchObject({ kind: 'invalid', problems: { parentId: { code: 'choiceMissing' } } })
    expect(await saveUnit(as(admin), formData({ id: parent.id, code: parent.code, name: 'Vòng', kind: 'COMMUNE', parentId: child.id }))).toMatchObject({ kind: 'invalid', problems: { parentId: { code: 'parentCycle' } } })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: parent.id } })).toMatchObject({ parentId: null })
  })

  test('a leader and a staff user are refused: nothing changes and the refusal is audited', async () => {
    const unit = await make.unit({ name: 'Xã Giữ Nguyên' })
    for (const actor of [leader, staff]) {
      expect(await saveUnit(as(actor), formData({ id: unit.id, code: unit.code, name: 'Bị đổi', kind: 'COMMUNE' }))).toEqual({ kind: 'notFound' })
      expect(await saveUnit(as(actor), formData({ code: 'xa-trai-phep', name: 'Trái phép', kind: 'COMMUNE' }))).toEqual({ kind: 'notFound' })
      expect(await setActive(as(actor), formData({ entity: 'Unit', id: unit.id, active: 'false' }))).toEqual({ kind: 'notFound' })
      expect(await database.db.auditEvent.count({ where: { actorId: actor.id, action: 'unit.update.refused', entityId: unit.id } })).toBe(1)
      expect(await database.db.auditEvent.count({ where: { actorId: actor.id, action: 'unit.create.refused' } })).toBe(1)
      expect(await database.db.auditEvent.count({ where: { actorId: actor.id, action: 'unit.deactivate.refused', entityId: unit.id } })).toBe(1)
    }
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: 'Xã Giữ Nguyên', active: true })
    expect(await database.db.unit.count({ where: { code: 'xa-trai-phep' } })).toBe(0)
  })

  test('deactivating keeps the unit and its history; reactivating brings it back', async () => {
    const unit = await make.unit()
    const task = await make.task({ groupId: (await make.group()).id })
    await make.assignment({ taskId: task.id, unitId: unit.id })
    expect(await setActive(as(admin), formData({ entity: 'Unit', id: unit.id, active: 'false' }))).toMatchObject({ kind: 'saved', code: unit.code, active: false })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ active: false })
    expect(await database.db.assignment.count({ where: { unitId: unit.id } })).toBe(1)
    await setActive(as(admin), formData({ entity: 'Unit', id: unit.id, active: 'true' }))
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ active: true })
    expect((await database.db.auditEvent.findMany({ where: { entityId: unit.id }, orderBy: { id: 'asc' } })).map((e) => [e.action, e.before, e.after])).toEqual([
      ['unit.deactivate', { active: true }, { active: false }],
      ['unit.reactivate', { active: false }, { active: true }],
    ])
  })

  test('an unknown record is answered as not found and audited', async () => {
    const id = crypto.randomUUID()
    expect(await setActive(as(admin), formData({ entity: 'Task', id, active: 'false' }))).toEqual({ kind: 'notFound' })
    expect(await database.db.auditEvent.count({ where: { action: 'task.deactivate.refused', entityId: id } })).toBe(1)
  })
})

describe('members', () => {
  test('the groups a member leads and the communes they are in charge of pass to them; what they drop is left unassigned', async () => {
    const [g1, g2] = [await make.group(), await make.group()]
    const [c1, c2] = [await make.unit(), await make.unit({ kind: 'TOWNSHIP' })]
    const agency = await make.unit({ kind: 'AGENCY' })
    const created = await saveMember(as(admin), formData({ code: 'uy-vien-moi', name: 'Hoàng Thị Mới', title: 'Ủy viên BTV', groupIds: [g1.id, g2.id], unitIds: [c1.id, c2.id] }))
    expect(created).toMatchObject({ kind: 'saved', created: true })
    const id = created.kind === 'saved' ? created.id : ''
    await database.db.unit.update({ where: { id: agency.id }, data: { inChargeMemberId: id } })
    expect((await database.db.taskGroup.findMany({ where: { leadMemberId: id } })).map((g) => g.id).sort()).toEqual([g1.id, g2.id].sort())

    expect(await saveMember(as(admin), formData({ id, code: 'uy-vien-moi', name: 'Hoàng Thị Mới', title: 'Phó Bí thư', groupIds: [g2.id], unitIds: [c2.id] }))).toMatchObject({ kind: 'saved' })
    expect(await database.db.taskGroup.findUniqueOrThrow({ where: { id: g1.id } })).toMatchObject({ leadMemberId: null })
    expect(await database.db.taskGroup.findUniqueOrThrow({ where: { id: g2.id } })).toMatchObject({ leadMemberId: id })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c1.id } })).toMatchObject({ inChargeMemberId: null })
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: c2.id } })).toMatchObject({ inChargeMemberId: id })
    // Only communes and the township are set by this form.
    expect(await database.db.unit.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({ inChargeMemberId: id })
    // A commune deactivated since may stay in their charge when the member is saved again.
    await database.db.unit.update({ where: { id: c2.id }, data: { active: false } })
    expect(await saveMember(as(admin), formData({ id, code: 'uy-vien-moi', name: 'Hoàng Thị Mới', title: 'Phó Bí thư', groupIds: [g2.id], unitIds: [c2.id] }))).toMatchObject({ kind: 'saved' })
    const [update] = await audits('member.update')
    expect(update).toMatchObject({ before: { title: 'Ủy viên BTV', groupIds: [g1.id, g2.id].sort(), unitIds: [c1.id, c2.id].sort() }, after: { title: 'Phó Bí thư', groupIds: [g2.id], unitIds: [c2.id] } })
  })

  test('an agency cannot be chosen as a commune in charge; nothing is written', async () => {
    const agency = await make.unit({ kind: 'AGENCY' })
    const before = await database.db.member.count()
    expect(await saveMember(as(admin), formData({ code: 'uy-vien-sai', name: 'Sai', title: 'Ủy viên', unitIds: [agency.id] }))).toMatchObject({ kind: 'invalid', problems: { unitIds: { code: 'choiceMissing' } } })
    expect(await database.db.member.count()).toBe(before)
  })
})

describe('task groups and tasks', () => {
  test('a group with its lead, then a task with an indicator in it', async () => {
    const lead = await make.member()
    const group = await saveGroup(as(admin), formData({ code: 'nhom-moi', name: 'Nhóm mới', description: 'Mô tả', leadMemberId: lead.id, sortOrder: '3' }))
    expect(group).toMatchObject({ kind: 'saved', created: true })
    const groupId = group.kind === 'saved' ? group.id : ''
    const task = await saveTask(
      as(admin),
      formData({ code: 'nv-moi', title: 'Nhiệm vụ mới', groupId, dueDate: '31/12/2027', scope: 'COMMUNE', indicatorUnit: 'thôn', indicatorBaseline: '2', indicatorTarget: '12,5' }),
    )
    expect(task).toMatchObject({ kind: 'saved', code: 'nv-moi' })
    const saved = await database.db.task.findUniqueOrThrow({ where: { code: 'nv-moi' } })
    expect({ ...saved, indicatorBaseline: saved.indicatorBaseline?.toString(), indicatorTarget: saved.indicatorTarget?.toString() }).toMatchObject({
      groupId,
      dueDate: new Date('2027-12-31T00:00:00Z'),
      scope: 'COMMUNE',
      indicatorUnit: 'thôn',
      indicatorBaseline: '2',
      indicatorTarget: '12.5',
    })
    expect(await audits('task.create')).toMatchObject([{ entityId: saved.id, after: { code: 'nv-moi', indicatorTarget: '12.5', dueDate: '2027-12-31T00:00:00.000Z' } }])
  })

  test('an incomplete indicator, a bad date and a missing group are refused beside their fields', async () => {
    const before = await database.db.task.count()
    const result = await saveTask(as(admin), formData({ code: 'nv-sai', title: 'Sai', groupId: '', dueDate: '31/02/2027', scope: 'COMMUNE', indicatorBaseline: '1' }))
    expect(result).toEqual({
      kind: 'invalid',
      problems: { groupId: { code: 'groupRequired' }, dueDate: { code: 'dateFormat' }, indicatorUnit: { code: 'indicatorUnitRequired' }, indicatorTarget: { code: 'indicatorTargetRequired' } },
    })
    expect(await database.db.task.count()).toBe(before)
  })

  test('a staff user cannot create a task; the refusal is audited', async () => {
    const group = await make.group()
    expect(await saveTask(as(staff), formData({ code: 'nv-trai-phep', title: 'X', groupId: group.id, dueDate: '2027-01-01', scope: 'COMMUNE' }))).toEqual({ kind: 'notFound' })
    expect(await database.db.task.count({ where: { code: 'nv-trai-phep' } })).toBe(0)
    expect(await database.db.auditEvent.count({ where: { actorId: staff.id, action: 'task.create.refused' } })).toBe(1)
  })
})
