import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { testDatabase } from '@/test/helpers/database'
import { attachmentFile } from './attachment-file'

const database = testDatabase()
let attachmentId = ''
const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

beforeAll(async () => {
  const d = database.db
  const unit = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE' } })
  const group = await d.taskGroup.create({ data: { code: 'g1', name: 'Nhóm' } })
  const task = await d.task.create({ data: { code: 't1', groupId: group.id, title: 'Nhiệm vụ', dueDate: new Date('2027-01-31'), scope: 'COMMUNE' } })
  const assignment = await d.assignment.create({ data: { taskId: task.id, unitId: unit.id } })
  const staff = await d.user.create({ data: { username: 'minh-cam', displayName: 'Cán bộ', role: 'STAFF', unitId: unit.id, passwordHash: 'x' } })
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
  it('gives the stored name, media type and bytes of an evidence file', async () => {
    const file = await attachmentFile(attachmentId)
    expect(file?.fileName).toBe('Biên bản họp.pdf')
    expect(file?.mediaType).toBe('application/pdf')
    expect(Buffer.from(file?.content ?? []).toString()).toBe('%PDF-1.4\n%%EOF\n')
  })

  it('finds nothing for an unknown id', async () => {
    await expect(attachmentFile('01930000-0000-7000-8000-000000000000')).resolves.toBeNull()
  })
})
