// Bad input to the indicator kinds: a unit's own target below zero or on the wrong side
// of the baseline, a condition indicator given figures, a condition answered with anything but yes
// or no. Each is refused with a message beside its field and writes nothing but the refusal's
// audit row (the tests write between their checks, so each state before is taken afresh); each has an allowed twin, so a test cannot pass by refusing everything.
//
// "Counts down": an indicator whose target is below its baseline is a reduction (lib/domain/indicator.ts
// countsDown); a unit's own target then lies at or below the baseline, otherwise at or above it.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { adminFormValues, UNIT_TARGET_FIELD } from '@/lib/validation/admin'
import { readStatusUpdateForm } from '@/lib/validation/status-update'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { writeGuard } from '@/test/helpers/write-guard'
import { saveUnitTargets } from './admin/assignment-targets'
import { applyImport } from './admin/import'
import { saveTask } from './admin/tasks'
import type { ActionContext } from './context'
import { recordStatusUpdate } from './status-update'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')
const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '203.0.113.7' })

let admin: Actor
let staff: Actor
let groupId: string
/** Posts merged, counting up from 0 (district target 38). */
let countsUp: { taskId: string; assignmentId: string }
/** Posts remaining, counting down from 12 to a district 7. */
let countsDown: { taskId: string; assignmentId: string }
/** A sum: it has no per-unit targets. */
let sum: { taskId: string; assignmentId: string }
let condition: { assignmentId: string }

async function perUnitTask(data: { indicatorBaseline: number; indicatorTarget: number; kind?: 'PER_UNIT' | 'SUM' }, unitId: string) {
  const task = await database.db.task.create({
    data: {
      code: `task-${randomUUID().slice(0, 8)}`,
      groupId,
      title: 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã',
      dueDate: new Date('2099-12-31'),
      scope: 'COMMUNE',
      indicatorKind: data.kind ?? 'PER_UNIT',
      indicatorUnit: 'chức danh',
      indicatorBaseline: data.indicatorBaseline,
      indicatorTarget: data.indicatorTarget,
    },
  })
  const assignment = await make.assignment({ taskId: task.id, unitId })
  return { taskId: task.id, assignmentId: assignment.id }
}

const targets = (task: { taskId: string; assignmentId: string }, target: string) => adminFormValues(formData({ taskId: task.taskId, [UNIT_TARGET_FIELD + task.assignmentId]: target }))

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  staff = await make.user({ role: 'STAFF', unitId: minhCam.id })
  groupId = (await make.group()).id
  countsUp = await perUnitTask({ indicatorBaseline: 0, indicatorTarget: 38 }, minhCam.id)
  countsDown = await perUnitTask({ indicatorBaseline: 12, indicatorTarget: 7 }, minhCam.id)
  sum = await perUnitTask({ indicatorBaseline: 0, indicatorTarget: 30, kind: 'SUM' }, minhCam.id)
  const conditionTask = await database.db.task.create({
    data: { code: 'bi-thu-kiem-chu-tich', groupId, title: 'Bí thư đồng thời là Chủ tịch UBND', dueDate: new Date('2099-12-31'), scope: 'COMMUNE', indicatorKind: 'CONDITION', indicatorUnit: 'đơn vị cấp xã' },
  })
  condition = { assignmentId: (await make.assignment({ taskId: conditionTask.id, unitId: minhCam.id })).id }
})

afterAll(() => guard.close())

const ownTarget = async (assignmentId: string) => (await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).indicatorTarget?.toString() ?? null

describe("a unit's own target", () => {
  test('below zero is refused beside its field, and nothing is written', async () => {
    const result = await guard.checkAfresh(() => saveUnitTargets(at(admin), targets(countsUp, '-3')))
    expect(result).toEqual({ kind: 'invalid', problems: { [UNIT_TARGET_FIELD + countsUp.assignmentId]: { code: 'unitTargetNegative' } } })
  })

  test('below the baseline of an indicator that counts up is refused', async () => {
    const task = await perUnitTask({ indicatorBaseline: 2, indicatorTarget: 20 }, (await make.unit()).id)
    const result = await guard.checkAfresh(() => saveUnitTargets(at(admin), targets(task, '1')))
    expect(result).toEqual({ kind: 'invalid', problems: { [UNIT_TARGET_FIELD + task.assignmentId]: { code: 'unitTargetBelowBaseline', params: { baseline: '2' } } } })
  })

  test('above the baseline of an indicator that counts down is refused; at or below it is saved', async () => {
    const refused = await guard.checkAfresh(() => saveUnitTargets(at(admin), targets(countsDown, '13')))
    expect(refused).toEqual({ kind: 'invalid', problems: { [UNIT_TARGET_FIELD + countsDown.assignmentId]: { code: 'unitTargetAboveBaseline', params: { baseline: '12' } } } })
    expect(await saveUnitTargets(at(admin), targets(countsDown, '7'))).toEqual({ kind: 'saved', changed: 1 })
    expect(await ownTarget(countsDown.assignmentId)).toBe('7')
  })

  test('that is no number is refused; a decimal comma is read, saved and audited', async () => {
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), targets(countsUp, 'mười hai')))).toMatchObject({ kind: 'invalid' })
    expect(await saveUnitTargets(at(admin), targets(countsUp, '12,0'))).toEqual({ kind: 'saved', changed: 1 })
    expect(await ownTarget(countsUp.assignmentId)).toBe('12')
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'assignment.target', entityId: countsUp.assignmentId } })
    expect(audit).toMatchObject({ actorId: admin.id, before: { indicatorTarget: null }, after: { indicatorTarget: '12' } })
  })

  test('is refused for an indicator that is not per unit, and from anyone but an administrator', async () => {
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), targets(sum, '3')))).toEqual({ kind: 'invalid', problems: { form: { code: 'unitTargetNotPerUnit' } } })
    expect(await guard.checkAfresh(() => saveUnitTargets(at(staff), targets(countsUp, '5')))).toEqual({ kind: 'notFound' })
  })
})

describe("a condition indicator's task", () => {
  const task = (fields: Record<string, string>) =>
    adminFormValues(formData({ code: `dieu-kien-${randomUUID().slice(0, 8)}`, title: 'Bí thư đồng thời là Chủ tịch HĐND', groupId, dueDate: '31/12/2099', scope: 'COMMUNE', indicatorKind: 'CONDITION', indicatorUnit: 'đơn vị cấp xã', ...fields }))

  test('given a baseline or a target is refused beside those fields; without them it is saved as a condition', async () => {
    const refused = await guard.checkAfresh(() => saveTask(at(admin), task({ indicatorBaseline: '0', indicatorTarget: '4' })))
    expect(refused).toEqual({ kind: 'invalid', problems: { indicatorBaseline: { code: 'indicatorConditionNoFigures' }, indicatorTarget: { code: 'indicatorConditionNoFigures' } } })
    const saved = await saveTask(at(admin), task({}))
    expect(saved.kind).toBe('saved')
    if (saved.kind !== 'saved') return
    expect(await database.db.task.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ indicatorKind: 'CONDITION', indicatorBaseline: null, indicatorTarget: null })
  })
})

describe('a task without an indicator', () => {
  test('is saved with the kind the form always sends and no unit of measure: no indicator', async () => {
    const values = adminFormValues(formData({ code: `khong-chi-tieu-${randomUUID().slice(0, 8)}`, title: 'Nhiệm vụ không có chỉ tiêu', groupId, dueDate: '31/12/2099', scope: 'COMMUNE', indicatorKind: 'SUM' }))
    const saved = await saveTask(at(admin), values)
    expect(saved.kind).toBe('saved')
    if (saved.kind !== 'saved') return
    expect(await database.db.task.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ indicatorKind: null, indicatorUnit: null })
  })
})

describe("a condition's answer in a status report", () => {
  const report = (indicatorActual: string, baseVersion: number) =>
    readStatusUpdateForm(formData({ assignmentId: condition.assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), status: 'DONE', indicatorActual })).input

  test.each(['2', '0,5', 'có', '-1'])('%s is refused: only yes or no', async (figure) => {
    const result = await guard.checkAfresh(() => recordStatusUpdate(at(staff), report(figure, 0)))
    expect(result).toEqual({ kind: 'invalid', problems: { indicatorActual: { code: 'indicatorCondition' } } })
  })

  test('yes (1) is saved as the answer, and counts the unit as meeting it', async () => {
    expect((await recordStatusUpdate(at(staff), report('1', 0))).kind).toBe('saved')
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: condition.assignmentId } })).indicatorActual?.toString()).toBe('1')
  })
})

describe('an import', () => {
  const csv = (...lines: string[]) => new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'giao-viec.csv', { type: 'text/csv' })
  const upload = (kind: string, file: File) => {
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file)
    return form
  }
  const problemsOf = (result: Awaited<ReturnType<typeof applyImport>>) => ('plan' in result ? result.plan.rows.flatMap((r) => r.problems.map((p) => [r.row, p.column, p.code])) : result.kind)

  test("of each unit's own target refuses every row when one is below zero or not per unit, and writes nothing", async () => {
    const minhCam = await database.db.assignment.findUniqueOrThrow({ where: { id: countsUp.assignmentId }, select: { task: { select: { code: true } }, unit: { select: { code: true } } } })
    const sumTask = await database.db.task.findUniqueOrThrow({ where: { id: sum.taskId }, select: { code: true } })
    const file = csv('Mã nhiệm vụ,Mã đơn vị,Mục tiêu của đơn vị', `${minhCam.task.code},${minhCam.unit.code},-3`, `${sumTask.code},${minhCam.unit.code},5`)
    const result = await guard.checkAfresh(() => applyImport(at(admin), upload('assignments', file)))
    expect(problemsOf(result)).toEqual([
      [2, 'Mục tiêu của đơn vị', 'unitTargetNegative'],
      [3, 'Mục tiêu của đơn vị', 'unitTargetNotPerUnit'],
    ])
  })

  test("of a unit's own target sets it on the assignment there is, and a task's kind is read as typed", async () => {
    const minhCam = await database.db.assignment.findUniqueOrThrow({ where: { id: countsUp.assignmentId }, select: { task: { select: { code: true } }, unit: { select: { code: true } } } })
    const result = await applyImport(at(admin), upload('assignments', csv('Mã nhiệm vụ,Mã đơn vị,Mục tiêu của đơn vị', `${minhCam.task.code},${minhCam.unit.code},"12,5"`)))
    expect(result.kind === 'applied' && result.plan.rows.map((r) => r.outcome)).toEqual(['update'])
    expect(await ownTarget(countsUp.assignmentId)).toBe('12.5')
    const group = await database.db.taskGroup.findUniqueOrThrow({ where: { id: groupId }, select: { code: true } })
    const tasks = csv(
      'Mã nhiệm vụ,Tên nhiệm vụ,Mã nhóm,Hạn hoàn thành,Phạm vi,Đơn vị tính chỉ tiêu,Giá trị ban đầu,Giá trị mục tiêu,Mô tả,Cách tính chỉ tiêu',
      `bi-thu-kiem-hdnd,Bí thư đồng thời là Chủ tịch HĐND,${group.code},31/12/2027,xã,đơn vị cấp xã,,,,Đạt/chưa đạt`,
    )
    expect((await applyImport(at(admin), upload('tasks', tasks))).kind).toBe('applied')
    expect(await database.db.task.findUniqueOrThrow({ where: { code: 'bi-thu-kiem-hdnd' } })).toMatchObject({ indicatorKind: 'CONDITION', indicatorTarget: null })
  })
})
