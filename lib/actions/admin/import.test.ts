// Importing tasks and assignments: the dry run writes nothing and names each bad cell by row and
// column; applying writes every row or none.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { applyImport, checkImport, type ImportResult } from './import'

const database = testDatabase()
const make = factories(() => database.db)
const as = (actor: Actor) => ({ actor, now: new Date('2026-11-28T03:00:00Z'), ip: null })

let admin: Actor
let staff: Actor
let group: { id: string; code: string }
let existingTask: { id: string; code: string }
let communes: { id: string; code: string }[]

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  communes = [await make.unit(), await make.unit()]
  staff = await make.user({ role: 'STAFF', unitId: communes[0]!.id })
  group = await make.group()
  existingTask = await make.task({ groupId: group.id })
})

const TASK_HEADER = 'Mã nhiệm vụ,Tên nhiệm vụ,Mã nhóm,Hạn hoàn thành,Phạm vi,Đơn vị tính chỉ tiêu,Giá trị ban đầu,Giá trị mục tiêu,Mô tả'
const csv = (name: string, ...lines: string[]) => new File([`\uFEFF${lines.join('\r\n')}\r\n`], name, { type: 'text/csv' })
const upload = (kind: string, file: File) => {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file)
  return form
}
/** The form the check's answer renders: the file carried back in a hidden field. */
const carried = (kind: string, result: ImportResult) => {
  if (result.kind !== 'checked' && result.kind !== 'rejected') throw new Error(`no file to carry: ${result.kind}`)
  const form = new FormData()
  form.append('kind', kind)
  form.append('fileName', result.upload.fileName)
  form.append('content', result.upload.content)
  return form
}
const rows = (result: ImportResult) => ('plan' in result ? result.plan.rows.map((r) => ({ row: r.row, outcome: r.outcome, problems: r.problems })) : [])
const taskCount = () => database.db.task.count()
const auditCount = () => database.db.auditEvent.count({ where: { action: { not: { endsWith: '.refused' } } } })

describe('tasks', () => {
  const badFile = () =>
    csv(
      'nhiem-vu.csv',
      TASK_HEADER,
      `nv-nhap-1,Nhiệm vụ nhập một,${group.code},31/12/2027,xã,,,,`,
      `nv-nhap-2,,nhom-khong-co,31/02/2027,tỉnh,thôn,,,`,
      `${existingTask.code},Tên mới của nhiệm vụ cũ,${group.code},30/06/2027,Huyện,%,10,"95,5",Mô tả mới`,
      `nv-nhap-1,Trùng mã,${group.code},01/01/2027,xa,,,,`,
    )

  test('the dry run says what each row would do and names each error by row and column; nothing is written', async () => {
    const [tasks, audits] = [await taskCount(), await auditCount()]
    const result = await checkImport(as(admin), upload('tasks', badFile()))
    expect(result.kind).toBe('checked')
    expect(rows(result)).toEqual([
      { row: 2, outcome: 'create', problems: [] },
      {
        row: 3,
        outcome: 'error',
        problems: [
          { column: 'Tên nhiệm vụ', code: 'required' },
          { column: 'Mã nhóm', code: 'groupUnknown', params: { code: 'nhom-khong-co' } },
          { column: 'Hạn hoàn thành', code: 'dateFormat' },
          { column: 'Phạm vi', code: 'scopeRequired' },
          { column: 'Giá trị mục tiêu', code: 'indicatorTargetRequired' },
        ],
      },
      { row: 4, outcome: 'update', problems: [] },
      { row: 5, outcome: 'error', problems: [{ column: 'Mã nhiệm vụ', code: 'duplicateRow', params: { row: 2 } }] },
    ])
    expect([await taskCount(), await auditCount()]).toEqual([tasks, audits])
  })

  test('applying a file with a bad row writes nothing, not even its good rows', async () => {
    const [tasks, audits] = [await taskCount(), await auditCount()]
    const checked = await checkImport(as(admin), upload('tasks', badFile()))
    const result = await applyImport(as(admin), carried('tasks', checked))
    expect(result.kind).toBe('rejected')
    expect([await taskCount(), await auditCount()]).toEqual([tasks, audits])
    expect(await database.db.task.findUniqueOrThrow({ where: { id: existingTask.id } })).toMatchObject({ title: 'Nhiệm vụ thử nghiệm' })
  })

  test('applying a good XLSX file creates and updates every task, each audited, and the import itself is audited', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Nhiệm vụ')
    sheet.addRow(TASK_HEADER.split(','))
    sheet.addRow(['nv-xlsx-1', 'Nhiệm vụ từ Excel', group.code, new Date(Date.UTC(2027, 11, 31)), 'Xã', 'hộ', 5, 40, ''])
    sheet.addRow([existingTask.code, 'Tên mới từ Excel', group.code, '30/06/2027', 'huyện', '', '', '', 'Mô tả'])
    const file = new File([Buffer.from(await workbook.xlsx.writeBuffer())], 'nhiem-vu.xlsx')
    const checked = await checkImport(as(admin), upload('tasks', file))
    expect(rows(checked).map((r) => r.outcome)).toEqual(['create', 'update'])

    const result = await applyImport(as(admin), carried('tasks', checked))
    expect(result.kind).toBe('applied')
    const created = await database.db.task.findUniqueOrThrow({ where: { code: 'nv-xlsx-1' } })
    expect(created).toMatchObject({ title: 'Nhiệm vụ từ Excel', groupId: group.id, dueDate: new Date('2027-12-31T00:00:00Z'), scope: 'COMMUNE', indicatorUnit: 'hộ' })
    expect(created.indicatorTarget?.toString()).toBe('40')
    expect(await database.db.task.findUniqueOrThrow({ where: { id: existingTask.id } })).toMatchObject({ title: 'Tên mới từ Excel', scope: 'DISTRICT', description: 'Mô tả' })
    expect(await database.db.auditEvent.count({ where: { action: 'task.create', entityId: created.id } })).toBe(1)
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'task.update', entityId: existingTask.id } })).toMatchObject({ before: { title: 'Nhiệm vụ thử nghiệm' }, after: { title: 'Tên mới từ Excel' } })
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: 'import.apply' } })).toMatchObject({ actorId: admin.id, after: { kind: 'tasks', fileName: 'nhiem-vu.xlsx', create: 1, update: 1, error: 0 } })
  })

  test('a file without a required column is refused as a whole', async () => {
    expect(await checkImport(as(admin), upload('tasks', csv('thieu.csv', 'Mã nhiệm vụ,Tên nhiệm vụ', 'a,b')))).toEqual({
      kind: 'invalid',
      problems: { file: { code: 'columnMissing', params: { column: 'Mã nhóm' } } },
    })
    expect(await checkImport(as(admin), upload('tasks', new File([Uint8Array.from([0xff, 0xfe, 0x00])], 'rac.csv')))).toEqual({ kind: 'invalid', problems: { file: { code: 'fileUnreadable' } } })
  })
})

describe('assignments', () => {
  test('a semicolon CSV: new pairs are created, existing ones skipped, unknown codes are errors; applying the good file writes them', async () => {
    await make.assignment({ taskId: existingTask.id, unitId: communes[0]!.id })
    const bad = csv('giao.csv', 'Mã đơn vị;Mã nhiệm vụ', `${communes[0]!.code};${existingTask.code}`, `${communes[1]!.code};${existingTask.code}`, `xa-khong-co;${existingTask.code}`)
    const checked = await checkImport(as(admin), upload('assignments', bad))
    expect(rows(checked)).toEqual([
      { row: 2, outcome: 'skip', problems: [] },
      { row: 3, outcome: 'create', problems: [] },
      { row: 4, outcome: 'error', problems: [{ column: 'Mã đơn vị', code: 'unitUnknown', params: { code: 'xa-khong-co' } }] },
    ])
    expect((await applyImport(as(admin), carried('assignments', checked))).kind).toBe('rejected')
    expect(await database.db.assignment.count({ where: { taskId: existingTask.id } })).toBe(1)

    const good = csv('giao.csv', 'Mã đơn vị;Mã nhiệm vụ', `${communes[0]!.code};${existingTask.code}`, `${communes[1]!.code};${existingTask.code}`)
    const result = await applyImport(as(admin), upload('assignments', good))
    expect(result.kind).toBe('applied')
    expect(await database.db.assignment.count({ where: { taskId: existingTask.id } })).toBe(2)
    expect(await database.db.auditEvent.count({ where: { action: 'assignment.create', after: { path: ['unitId'], equals: communes[1]!.id } } })).toBe(1)
  })
})

test('staff can neither check nor apply an import; each refusal is audited and nothing is written', async () => {
  const tasks = await taskCount()
  const file = () => csv('nv.csv', TASK_HEADER, `nv-staff,X,${group.code},31/12/2027,xã,,,,`)
  expect(await checkImport(as(staff), upload('tasks', file()))).toEqual({ kind: 'notFound' })
  expect(await applyImport(as(staff), upload('tasks', file()))).toEqual({ kind: 'notFound' })
  expect(await taskCount()).toBe(tasks)
  expect(await database.db.auditEvent.count({ where: { actorId: staff.id, action: { in: ['import.check.refused', 'import.apply.refused'] } } })).toBe(2)
})
