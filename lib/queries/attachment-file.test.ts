import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { actorOf, type Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { attachmentFile } from './attachment-file'

const database = testDatabase()
let attachmentId = ''
let readers: Record<'minhCamStaff' | 'namSonStaff' | 'inCharge' | 'inChargeOfNamSon' | 'admin', Actor>
const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

beforeAll(async () => {
  const d = database.db
  const member = (code: string, name: string) => d.member.create({ data: { code, name, title: 'Ủy viên Ban Thường vụ' } })
  const minhCamMember = await member('uv-minh-cam', 'Ủy viên phụ trách Minh Cầm')
  const namSonMember = await member('uv-nam-son', 'Ủy viên phụ trách Nam Sơn')
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const unit = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inChargeMemberId: minhCamMember.id } })
  const namSon = await d.unit.create({ data: { code: 'nam-son', name: 'Xã Nam Sơn', kind: 'COMMUNE', inChargeMemberId: namSonMember.id } })
  const group = await d.taskGroup.create({ data: { code: 'g1', name: 'Nhóm' } })
  const task = await d.task.create({ data: { code: 't1', groupId: group.id, title: 'Nhiệm vụ', dueDate: new Date('2027-01-31'), scope: 'COMMUNE' } })
  const assignment = await d.assignment.create({ data: { taskId: task.id, unitId: unit.id } })
  const user = (username: string, role: 'STAFF' | 'LEADER' | 'ADMIN', unitId: string, memberId?: string) =>
    d.user.create({ data: { username, displayName: username, role, unitId, memberId, passwordHash: 'x' } }).then(async (made) => ({ ...made, ...(await actorOf(made.id)) }))
  const staff = await user('minh-cam', 'STAFF', unit.id)
  readers = {
    minhCamStaff: staff,
    namSonStaff: await user('nam-son', 'STAFF', namSon.id),
    inCharge: await user('uv-minh-cam', 'LEADER', district.id, minhCamMember.id),
    inChargeOfNamSon: await user('uv-nam-son', 'LEADER', district.id, namSonMember.id),
    admin: await user('admin', 'ADMIN', district.id),
  }
  const update = await d.statusUpdate.create({ data: { assignmentId: assignment.id, authorId: staff.id, status: 'IN_PROGRESS', progress: 10 } })
  const attachment = await d.attachment.create({
    data: { statusUpdateId: update.id, fileName: 'Biên bản họp.pdf', mediaType: 'application/pdf', byteSize: bytes.byteLength, sha256: 'x', content: bytes },
  })
  attachmentId = attachment.id
})

afterAll(async () => {
  await db().$disconnect()
})

describe('attachmentFile', () => {
  it("gives Minh Cầm's staff the stored name, media type and bytes of their evidence file", async () => {
    const file = await attachmentFile(readers.minhCamStaff, attachmentId)
    expect(file?.fileName).toBe('Biên bản họp.pdf')
    expect(file?.mediaType).toBe('application/pdf')
    expect(Buffer.from(file?.content ?? []).toString()).toBe('%PDF-1.4\n%%EOF\n')
  })

  it('finds nothing for staff of Nam Sơn, as for a missing file', async () => {
    await expect(attachmentFile(readers.namSonStaff, attachmentId)).resolves.toBeNull()
  })

  it('gives the file to the member in charge of Minh Cầm, not to the member in charge of Nam Sơn', async () => {
    expect((await attachmentFile(readers.inCharge, attachmentId))?.fileName).toBe('Biên bản họp.pdf')
    await expect(attachmentFile(readers.inChargeOfNamSon, attachmentId)).resolves.toBeNull()
  })

  it('gives the file to the administrator, and nothing for an unknown id', async () => {
    expect((await attachmentFile(readers.admin, attachmentId))?.fileName).toBe('Biên bản họp.pdf')
    await expect(attachmentFile(readers.admin, '01930000-0000-7000-8000-000000000000')).resolves.toBeNull()
  })
})
