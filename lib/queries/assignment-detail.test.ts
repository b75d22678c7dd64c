import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/db/client'
import { actorOf, type Actor } from '@/lib/auth/permissions'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { assignmentDetail, assignmentRecord } from './assignment-detail'

const database = testDatabase()
let assignmentId = ''
let otherAssignmentId = ''
let readers: Record<'minhCamStaff' | 'dapThanhStaff' | 'namSonStaff' | 'inCharge' | 'groupLead' | 'inChargeOfNamSon' | 'admin', Actor>

beforeAll(async () => {
  const d = database.db
  const secretary = await d.member.create({ data: { code: 'bi-thu', name: 'Nguyễn Đình Khải', title: 'Bí thư Huyện ủy' } })
  const lead = await d.member.create({ data: { code: 'truong-ban', name: 'Vũ Mạnh Cường', title: 'Trưởng Ban Tổ chức' } })
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inChargeMemberId: secretary.id } })
  const dapThanh = await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE' } })
  const namSonMember = await d.member.create({ data: { code: 'pho-bi-thu', name: 'Hoàng Văn Nam', title: 'Phó Bí thư Huyện ủy' } })
  const namSon = await d.unit.create({ data: { code: 'nam-son', name: 'Xã Nam Sơn', kind: 'COMMUNE', inChargeMemberId: namSonMember.id } })
  await d.unit.create({ data: { code: 'xa-cu', name: 'Xã cũ', kind: 'COMMUNE', active: false } })
  const group = await d.taskGroup.create({ data: { code: 'kiem-nhiem', name: 'Nhất thể hóa, kiêm nhiệm', leadMemberId: lead.id } })
  const task = await d.task.create({
    data: {
      code: 'kiem-nhiem-ban-chuyen-trach',
      groupId: group.id,
      title: 'Bố trí kiêm nhiệm chức danh bán chuyên trách',
      description: 'Rà soát các chức danh bán chuyên trách.',
      dueDate: new Date('2027-01-31'),
      scope: 'COMMUNE',
      indicatorUnit: 'chức danh',
      indicatorBaseline: 0,
      indicatorTarget: 30,
    },
  })
  const withdrawn = await d.task.create({
    data: { code: 'da-rut', groupId: group.id, title: 'Đã rút', dueDate: new Date('2027-01-31'), scope: 'COMMUNE', active: false },
  })
  const user = (username: string, displayName: string, role: 'STAFF' | 'LEADER' | 'ADMIN', unitId: string, memberId?: string) =>
    d.user.create({ data: { username, displayName, role, unitId, memberId, passwordHash: 'x' } }).then(async (made) => ({ ...made, ...(await actorOf(made.id)) }))
  const staff = await user('minh-cam', 'Cán bộ xã Minh Cầm', 'STAFF', minhCam.id)
  const leader = await user('bi-thu', 'Nguyễn Đình Khải', 'LEADER', district.id, secretary.id)
  const dapThanhStaff = await user('dap-thanh', 'Cán bộ xã Đạp Thanh', 'STAFF', dapThanh.id)
  readers = {
    minhCamStaff: staff,
    dapThanhStaff,
    namSonStaff: await user('nam-son', 'Cán bộ xã Nam Sơn', 'STAFF', namSon.id),
    inCharge: leader,
    groupLead: await user('truong-ban', 'Vũ Mạnh Cường', 'LEADER', district.id, lead.id),
    inChargeOfNamSon: await user('pho-bi-thu', 'Hoàng Văn Nam', 'LEADER', district.id, namSonMember.id),
    admin: await user('admin', 'Quản trị', 'ADMIN', district.id),
  }

  const assignment = await d.assignment.create({
    data: {
      taskId: task.id,
      unitId: minhCam.id,
      status: 'DONE',
      progress: 100,
      indicatorActual: 5,
      version: 3,
      completedAt: new Date('2026-11-20T04:30:00Z'),
      lastUpdateAt: new Date('2026-11-20T04:30:00Z'),
      lastUpdateById: staff.id,
    },
  })
  assignmentId = assignment.id
  await d.assignment.create({ data: { taskId: withdrawn.id, unitId: minhCam.id } })
  const other = await d.assignment.create({ data: { taskId: task.id, unitId: dapThanh.id, status: 'IN_PROGRESS', progress: 90, indicatorActual: 9 } })
  otherAssignmentId = other.id

  // Minh Cầm: started (confirmed), reported done with 4 (returned), reported done with 5 (pending, two files).
  const update = (data: Omit<Prisma.StatusUpdateUncheckedCreateInput, 'assignmentId' | 'authorId'>, on = assignment.id, by = staff.id) =>
    d.statusUpdate.create({ data: { assignmentId: on, authorId: by, ...data } })
  await update({
    createdAt: new Date('2026-11-01T02:00:00Z'),
    status: 'IN_PROGRESS',
    progress: 40,
    indicatorActual: 2,
    note: 'Đã ban hành kế hoạch.',
    reviewState: 'CONFIRMED',
    reviewedById: leader.id,
    reviewedAt: new Date('2026-11-02T08:15:00Z'),
  })
  // Đạp Thanh's first report falls between Minh Cầm's in time, and is returned only after Đạp
  // Thanh has reported again (so it still counted when that report was made).
  await update(
    {
      createdAt: new Date('2026-11-05T02:00:00Z'),
      status: 'IN_PROGRESS',
      progress: 90,
      indicatorActual: 9,
      reviewState: 'RETURNED',
      reviewedById: leader.id,
      reviewedAt: new Date('2026-11-16T02:00:00Z'),
      reviewNote: 'Chưa có minh chứng.',
    },
    other.id,
    dapThanhStaff.id,
  )
  await update({ createdAt: new Date('2026-11-15T02:00:00Z'), status: 'IN_PROGRESS', progress: 95, indicatorActual: 9.5 }, other.id, dapThanhStaff.id)
  await update({
    createdAt: new Date('2026-11-10T03:00:00Z'),
    status: 'DONE',
    progress: 100,
    indicatorActual: 4,
    note: 'Đã hoàn thành.',
    reviewState: 'RETURNED',
    reviewedById: leader.id,
    reviewedAt: new Date('2026-11-11T07:00:00Z'),
    reviewNote: 'Số liệu chưa khớp; đề nghị rà soát lại.',
  })
  const latest = await update({ createdAt: new Date('2026-11-20T04:30:00Z'), status: 'DONE', progress: 100, indicatorActual: 5.5, note: 'Đã rà soát lại.' })
  const file = (fileName: string, createdAt: string, bytes: number) =>
    d.attachment.create({
      data: { statusUpdateId: latest.id, fileName, mediaType: 'application/pdf', byteSize: bytes, sha256: 'x', content: new Uint8Array(bytes), createdAt: new Date(createdAt) },
    })
  await file('bien-ban.pdf', '2026-11-20T04:30:00Z', 1200)
  await file('quyet-dinh.pdf', '2026-11-20T04:30:01Z', 300)

  await d.comment.create({ data: { assignmentId, authorId: leader.id, body: 'Đã nhận.\nSẽ xem xét.', createdAt: new Date('2026-11-21T09:00:00Z') } })
  await d.comment.create({ data: { assignmentId, authorId: staff.id, body: 'Xin hỏi biểu mẫu báo cáo?', createdAt: new Date('2026-11-20T09:00:00Z') } })
  await d.comment.create({ data: { assignmentId: other.id, authorId: dapThanhStaff.id, body: 'Câu hỏi của Đạp Thanh' } })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('assignmentDetail', () => {
  it("finds Minh Cầm's assignment by unit and task code, with the task's indicator and who decides access", async () => {
    const detail = await assignmentDetail(fullReader, 'minh-cam', 'kiem-nhiem-ban-chuyen-trach')
    expect(detail).toMatchObject({
      id: assignmentId,
      version: 3,
      status: 'DONE',
      progress: 100,
      indicatorActual: '5',
      task: { title: 'Bố trí kiêm nhiệm chức danh bán chuyên trách', indicator: { unit: 'chức danh', baseline: '0', target: '30', districtTarget: true } },
      group: { code: 'kiem-nhiem' },
      unit: { code: 'minh-cam', name: 'Xã Minh Cầm' },
      memberInCharge: { name: 'Nguyễn Đình Khải' },
      confirmer: { name: 'Nguyễn Đình Khải' },
    })
    const members = await database.db.member.findMany({ select: { id: true, code: true } })
    const idOf = (code: string) => members.find((m) => m.code === code)?.id
    const minhCam = await database.db.unit.findUniqueOrThrow({ where: { code: 'minh-cam' }, select: { id: true, ancestorIds: true } })
    expect(detail?.facts).toEqual({
      unitId: minhCam.id,
      unitAncestorIds: minhCam.ancestorIds,
      unitInChargeMemberId: idOf('bi-thu'),
      groupLeadMemberId: idOf('truong-ban'),
    })
  })

  it("names the group's lead as the confirmer where the unit has no member in charge", async () => {
    expect(await assignmentDetail(fullReader, 'dap-thanh', 'kiem-nhiem-ban-chuyen-trach')).toMatchObject({
      memberInCharge: null,
      confirmer: { name: 'Vũ Mạnh Cường', title: 'Trưởng Ban Tổ chức' },
    })
  })

  it('finds nothing for an unknown or withdrawn task, a task not assigned to the unit, or an inactive unit', async () => {
    await expect(assignmentDetail(fullReader, 'minh-cam', 'khong-co')).resolves.toBeNull()
    await expect(assignmentDetail(fullReader, 'minh-cam', 'da-rut')).resolves.toBeNull()
    await expect(assignmentDetail(fullReader, 'ba-che', 'kiem-nhiem-ban-chuyen-trach')).resolves.toBeNull()
    await expect(assignmentDetail(fullReader, 'xa-cu', 'kiem-nhiem-ban-chuyen-trach')).resolves.toBeNull()
  })
})

/** The assignment's record as its own unit's staff read it. */
async function recordOf(id: string) {
  const owner = id === assignmentId ? readers.minhCamStaff : readers.dapThanhStaff
  const record = await assignmentRecord(owner, id)
  if (!record) throw new Error('the unit cannot read its own assignment')
  return record
}

describe('assignmentRecord: the history', () => {
  it('lists every update of the assignment newest first, each with the state it changed', async () => {
    const history = (await recordOf(assignmentId)).history
    expect(
      history.map((h) => [h.previousStatus, h.status, h.previousProgress, h.progress, h.previousIndicatorActual, h.indicatorActual]),
    ).toEqual([
      // The report of 10/11 was returned on 11/11, before this one: the state it changed is that of 01/11.
      ['IN_PROGRESS', 'DONE', 40, 100, '2', '5.5'],
      ['IN_PROGRESS', 'DONE', 40, 100, '2', '4'],
      // The first update is compared with the assignment's start.
      ['NOT_STARTED', 'IN_PROGRESS', 0, 40, null, '2'],
    ])
  })

  it('tells who reported and how the member in charge received each update, with the reason of a return', async () => {
    const [latest, returned, confirmed] = (await recordOf(assignmentId)).history
    expect(latest).toMatchObject({
      author: { name: 'Cán bộ xã Minh Cầm', role: 'STAFF', unitName: 'Xã Minh Cầm' },
      note: 'Đã rà soát lại.',
      review: { state: 'PENDING', reviewerName: null, reviewedAt: null, note: null, confirmerName: 'Nguyễn Đình Khải' },
    })
    expect(returned?.review).toEqual({
      state: 'RETURNED',
      reviewerName: 'Nguyễn Đình Khải',
      reviewedAt: new Date('2026-11-11T07:00:00Z'),
      note: 'Số liệu chưa khớp; đề nghị rà soát lại.',
      confirmerName: null,
    })
    expect(confirmed?.review).toMatchObject({ state: 'CONFIRMED', reviewerName: 'Nguyễn Đình Khải' })
    expect(confirmed?.createdAt).toEqual(new Date('2026-11-01T02:00:00Z'))
  })

  it('lists the files of each update in the order they were attached, without their content', async () => {
    const [latest, returned] = (await recordOf(assignmentId)).history
    expect(latest?.attachments.map(({ fileName, byteSize, mediaType }) => [fileName, byteSize, mediaType])).toEqual([
      ['bien-ban.pdf', 1200, 'application/pdf'],
      ['quyet-dinh.pdf', 300, 'application/pdf'],
    ])
    expect(Object.keys(latest?.attachments[0] ?? {}).sort()).toEqual(['byteSize', 'fileName', 'id', 'mediaType'])
    expect(returned?.attachments).toEqual([])
  })

  it("compares Đạp Thanh's report with its own earlier one, returned only after it was made, not with Minh Cầm's", async () => {
    const history = (await recordOf(otherAssignmentId)).history
    expect(history.map((h) => [h.previousProgress, h.progress, h.previousIndicatorActual, h.indicatorActual])).toEqual([
      [90, 95, '9', '9.5'],
      [0, 90, null, '9'],
    ])
  })
})

describe('assignmentRecord: the questions', () => {
  it('lists the thread oldest first with each author and unit, and only this assignment', async () => {
    const thread = (await recordOf(assignmentId)).comments
    expect(thread.map((c) => [c.author.name, c.author.role, c.author.unitName, c.body])).toEqual([
      ['Cán bộ xã Minh Cầm', 'STAFF', 'Xã Minh Cầm', 'Xin hỏi biểu mẫu báo cáo?'],
      ['Nguyễn Đình Khải', 'LEADER', 'Huyện Ba Chẽ', 'Đã nhận.\nSẽ xem xét.'],
    ])
  })
})

describe("who reads an assignment's details (READ_RULES)", () => {
  const notesOf = async (actor: Actor) => (await assignmentRecord(actor, assignmentId))?.history.map((h) => h.note)

  it('staff of Nam Sơn and of Đạp Thanh get no notes, history, evidence or questions of a Minh Cầm assignment', async () => {
    await expect(assignmentRecord(readers.namSonStaff, assignmentId)).resolves.toBeNull()
    await expect(assignmentRecord(readers.dapThanhStaff, assignmentId)).resolves.toBeNull()
  })

  it("staff of Minh Cầm read their own assignment's notes, evidence and questions", async () => {
    const record = await assignmentRecord(readers.minhCamStaff, assignmentId)
    expect(record?.history.map((h) => h.note)).toEqual(['Đã rà soát lại.', 'Đã hoàn thành.', 'Đã ban hành kế hoạch.'])
    expect(record?.history[0]?.attachments.map((f) => f.fileName)).toEqual(['bien-ban.pdf', 'quyet-dinh.pdf'])
    expect(record?.comments).toHaveLength(2)
  })

  it('staff of Đạp Thanh read their own assignment in full, Minh Cầm staff do not', async () => {
    expect((await assignmentRecord(readers.dapThanhStaff, otherAssignmentId))?.comments.map((c) => c.body)).toEqual(['Câu hỏi của Đạp Thanh'])
    await expect(assignmentRecord(readers.minhCamStaff, otherAssignmentId)).resolves.toBeNull()
  })

  it('the member in charge of Minh Cầm and the lead of its task group read it in full; the member in charge of Nam Sơn does not', async () => {
    expect(await notesOf(readers.inCharge)).toEqual(['Đã rà soát lại.', 'Đã hoàn thành.', 'Đã ban hành kế hoạch.'])
    expect(await notesOf(readers.groupLead)).toEqual(['Đã rà soát lại.', 'Đã hoàn thành.', 'Đã ban hành kế hoạch.'])
    await expect(assignmentRecord(readers.inChargeOfNamSon, assignmentId)).resolves.toBeNull()
  })

  it('the administrator reads it in full, and nobody reads a missing assignment', async () => {
    expect((await assignmentRecord(readers.admin, assignmentId))?.comments).toHaveLength(2)
    await expect(assignmentRecord(readers.admin, '01930000-0000-7000-8000-000000000000')).resolves.toBeNull()
  })
})
