// The reporting cadence on the task group and task forms: saved with its audit row, refused beside
// the field with nothing written when the deadline day is outside 1-28.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { writeGuard } from '@/test/helpers/write-guard'
import { adminValues as formData } from './test-form'
import { saveGroup } from './groups'
import { saveTask } from './tasks'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')

let admin: Actor
const as = (actor: Actor) => ({ actor, now: NOW, ip: '198.51.100.7' })

beforeAll(async () => {
  admin = await make.user({ role: 'ADMIN', unitId: (await make.unit({ kind: 'DISTRICT' })).id })
})
afterAll(() => guard.close())

describe('reporting cadence', () => {
  test('a group reports monthly by day 25; its task quarterly by day 20 overrides it, and back to the group’s; each change audited before and after', async () => {
    const group = await saveGroup(as(admin), formData({ code: 'nhom-thang', name: 'Nhóm báo cáo tháng', reportCadence: 'MONTHLY', reportDay: '25' }))
    expect(group).toMatchObject({ kind: 'saved', created: true })
    const groupId = group.kind === 'saved' ? group.id : ''
    expect(await database.db.taskGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ reportCadence: 'MONTHLY', reportDay: 25 })

    const fields = { code: 'nv-quy', title: 'Báo cáo quý', groupId, dueDate: '31/12/2027', scope: 'COMMUNE' }
    const task = await saveTask(as(admin), formData({ ...fields, reportCadence: 'QUARTERLY', reportDay: '20' }))
    expect(task).toMatchObject({ kind: 'saved', created: true })
    const taskId = task.kind === 'saved' ? task.id : ''
    expect(await database.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ reportCadence: 'QUARTERLY', reportDay: 20 })

    // The day is ignored when the task takes its group's cadence.
    expect(await saveTask(as(admin), formData({ ...fields, id: taskId, reportCadence: '', reportDay: '20' }))).toMatchObject({ kind: 'saved', created: false })
    expect(await database.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ reportCadence: null, reportDay: null })
    const [, update] = await database.db.auditEvent.findMany({ where: { entity: 'Task', entityId: taskId }, orderBy: { id: 'asc' } })
    expect(update).toMatchObject({ action: 'task.update', before: { reportCadence: 'QUARTERLY', reportDay: 20 }, after: { reportCadence: null, reportDay: null } })
    expect(await database.db.auditEvent.findFirst({ where: { entity: 'TaskGroup', entityId: groupId } })).toMatchObject({ action: 'taskGroup.create', after: { reportCadence: 'MONTHLY', reportDay: 25 } })
  })

  test('a deadline day outside 1-28, or none, is refused beside the field and nothing is written', async () => {
    const group = await make.group()
    const task = await make.task({ groupId: group.id })
    const taskFields = { id: task.id, code: task.code, title: 'Giữ nguyên', groupId: group.id, dueDate: '31/12/2027', scope: 'COMMUNE' }
    for (const reportDay of ['0', '29', '31', '', 'mười', '2.5', '-1']) {
      for (const reportCadence of ['MONTHLY', 'QUARTERLY']) {
        const groupAnswer = await guard.check(() => saveGroup(as(admin), formData({ id: group.id, code: group.code, name: 'Đổi', reportCadence, reportDay })), { reportCadence, reportDay })
        expect(groupAnswer).toEqual({ kind: 'invalid', problems: { reportDay: { code: 'reportDayRange' } } })
        const taskAnswer = await guard.check(() => saveTask(as(admin), formData({ ...taskFields, reportCadence, reportDay })), { reportCadence, reportDay })
        expect(taskAnswer).toEqual({ kind: 'invalid', problems: { reportDay: { code: 'reportDayRange' } } })
      }
    }
    expect(await guard.check(() => saveTask(as(admin), formData({ ...taskFields, reportCadence: 'WEEKLY', reportDay: '5' })), 'weekly')).toEqual({
      kind: 'invalid',
      problems: { reportCadence: { code: 'cadenceRequired' } },
    })
  })

  test('the task form’s other errors and the day’s are named together', async () => {
    const answer = await saveTask(as(admin), formData({ code: 'nv-sai', title: '', groupId: '', dueDate: '2027-01-01', scope: 'COMMUNE', reportCadence: 'MONTHLY', reportDay: '29' }))
    expect(answer).toEqual({ kind: 'invalid', problems: { title: { code: 'nameRequired' }, groupId: { code: 'groupRequired' }, reportDay: { code: 'reportDayRange' } } })
  })
})
