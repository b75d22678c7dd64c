// A unit's own baseline of a PER_UNIT indicator, set with its own target on the task's
// administration page or by import: optional (empty: the task's), never below zero, and
// the unit's target is judged against it in the task's direction (counting down when the task's
// target is below its baseline). A refusal is told beside its field and writes nothing; an accepted
// pair is saved, audited and kept in the target history, and the assignment's page frames it.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { assignmentDetail } from '@/lib/queries/assignment-detail'
import { adminFormValues, UNIT_BASELINE_FIELD, UNIT_TARGET_FIELD } from '@/lib/validation/admin'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData } from '@/test/helpers/factories'
import { fullReader } from '@/test/helpers/reader'
import { writeGuard } from '@/test/helpers/write-guard'
import { saveUnitTargets } from './admin/assignment-targets'
import { applyImport } from './admin/import'
import type { ActionContext } from './context'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')
const at = (actor: Actor): ActionContext => ({ actor, now: NOW, ip: '203.0.113.7' })

let admin: Actor
let groupId: string
let unitCode: string
/** Posts merged, counting up from a task baseline of 0 (district target 38). */
let countsUp: { taskId: string; taskCode: string; assignmentId: string }
/** Posts remaining, counting down from a task baseline of 12 to a district 7. */
let countsDown: { taskId: string; taskCode: string; assignmentId: string }

async function perUnitTask(indicatorBaseline: number, indicatorTarget: number, unitId: string) {
  const task = await database.db.task.create({
    data: {
      code: `task-${randomUUID().slice(0, 8)}`,
      groupId,
      title: 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã',
      dueDate: new Date('2099-12-31'),
      scope: 'COMMUNE',
      indicatorKind: 'PER_UNIT',
      indicatorUnit: 'chức danh',
      indicatorBaseline,
      indicatorTarget,
    },
  })
  const assignment = await make.assignment({ taskId: task.id, unitId })
  return { taskId: task.id, taskCode: task.code, assignmentId: assignment.id }
}

const form = (task: { taskId: string; assignmentId: string }, baseline: string, target: string) =>
  adminFormValues(formData({ taskId: task.taskId, [UNIT_BASELINE_FIELD + task.assignmentId]: baseline, [UNIT_TARGET_FIELD + task.assignmentId]: target }))
const own = async (assignmentId: string) => {
  const a = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })
  return { baseline: a.indicatorBaseline?.toString() ?? null, target: a.indicatorTarget?.toString() ?? null }
}

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT', name: 'Huyện Ba Chẽ' })
  const minhCam = await make.unit({ name: 'Xã Minh Cầm' })
  unitCode = minhCam.code
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  groupId = (await make.group()).id
  countsUp = await perUnitTask(0, 38, minhCam.id)
  countsDown = await perUnitTask(12, 7, minhCam.id)
})

afterAll(() => guard.close())

describe("a unit's own baseline on the task's administration page", () => {
  test('below zero is refused beside the baseline field, and nothing is written', async () => {
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), form(countsUp, '-2', '5')))).toEqual({
      kind: 'invalid',
      problems: { [UNIT_BASELINE_FIELD + countsUp.assignmentId]: { code: 'unitBaselineNegative' } },
    })
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), form(countsUp, 'bốn', '5')))).toMatchObject({
      kind: 'invalid',
      problems: { [UNIT_BASELINE_FIELD + countsUp.assignmentId]: { code: 'numberFormat' } },
    })
  })

  test("is what the unit's target is judged against: below its own baseline of an indicator that counts up is refused, at or above it saved", async () => {
    // 3 lies above the task's baseline (0) but below the unit's own (4).
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), form(countsUp, '4', '3')))).toEqual({
      kind: 'invalid',
      problems: { [UNIT_TARGET_FIELD + countsUp.assignmentId]: { code: 'unitTargetBelowBaseline', params: { baseline: '4' } } },
    })
    expect(await saveUnitTargets(at(admin), form(countsUp, '4', '9'))).toEqual({ kind: 'saved', changed: 1 })
    expect(await own(countsUp.assignmentId)).toEqual({ baseline: '4', target: '9' })
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'assignment.target', entityId: countsUp.assignmentId } })
    expect(audit).toMatchObject({ actorId: admin.id, before: { indicatorTarget: null, indicatorBaseline: null }, after: { indicatorTarget: '9', indicatorBaseline: '4' } })
    const history = await database.db.assignmentTarget.findMany({ where: { assignmentId: countsUp.assignmentId }, orderBy: { id: 'asc' } })
    expect(history.map((h) => [h.indicatorBaseline?.toString(), h.indicatorTarget?.toString()])).toEqual([['4', '9']])
  })

  test('above its own baseline of an indicator that counts down is refused; at or below it saved, though above the task\'s end figure', async () => {
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), form(countsDown, '6', '7')))).toEqual({
      kind: 'invalid',
      problems: { [UNIT_TARGET_FIELD + countsDown.assignmentId]: { code: 'unitTargetAboveBaseline', params: { baseline: '6' } } },
    })
    expect(await saveUnitTargets(at(admin), form(countsDown, '10', '8'))).toEqual({ kind: 'saved', changed: 1 })
    expect(await own(countsDown.assignmentId)).toEqual({ baseline: '10', target: '8' })
  })

  test("left empty falls back to the task's baseline, and the target is judged against that", async () => {
    // The task's baseline is 12: a target of 13 counts the wrong way.
    expect(await guard.checkAfresh(() => saveUnitTargets(at(admin), form(countsDown, '', '13')))).toEqual({
      kind: 'invalid',
      problems: { [UNIT_TARGET_FIELD + countsDown.assignmentId]: { code: 'unitTargetAboveBaseline', params: { baseline: '12' } } },
    })
    expect(await saveUnitTargets(at(admin), form(countsDown, '', '11'))).toEqual({ kind: 'saved', changed: 1 })
    expect(await own(countsDown.assignmentId)).toEqual({ baseline: null, target: '11' })
  })

  test("frames the assignment's page: the unit's own baseline where it has one, else the task's", async () => {
    expect((await assignmentDetail(fullReader, unitCode, countsUp.taskCode))?.task.indicator).toMatchObject({ kind: 'PER_UNIT', baseline: '4', ownBaseline: true, unitTarget: '9' })
    expect((await assignmentDetail(fullReader, unitCode, countsDown.taskCode))?.task.indicator).toMatchObject({ kind: 'PER_UNIT', baseline: '12', ownBaseline: false, unitTarget: '11' })
  })
})

describe("a unit's own baseline in an import", () => {
  const csv = (...lines: string[]) => new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'giao-viec.csv', { type: 'text/csv' })
  const upload = (file: File) => {
    const data = new FormData()
    data.append('kind', 'assignments')
    data.append('file', file)
    return data
  }
  const HEADER = 'Mã nhiệm vụ,Mã đơn vị,Mục tiêu của đơn vị,Số ban đầu của đơn vị'
  const problemsOf = (result: Awaited<ReturnType<typeof applyImport>>) => ('plan' in result ? result.plan.rows.flatMap((r) => r.problems.map((p) => [r.row, p.column, p.code])) : result.kind)

  test('refuses every row when a baseline is below zero or a target lies on the wrong side of it, and writes nothing', async () => {
    const file = csv(HEADER, `${countsUp.taskCode},${unitCode},9,-1`, `${countsDown.taskCode},${unitCode},9,8`)
    const result = await guard.checkAfresh(() => applyImport(at(admin), upload(file)))
    expect(problemsOf(result)).toEqual([
      [2, 'Số ban đầu của đơn vị', 'unitBaselineNegative'],
      [3, 'Mục tiêu của đơn vị', 'unitTargetAboveBaseline'],
    ])
  })

  test("sets the baseline of the assignment there is, keeping its target when the row leaves it empty, and judges that target against the new baseline", async () => {
    // Minh Cầm's target of 9 posts (counting up) stays; a baseline of 10 would put it below.
    const refused = await guard.checkAfresh(() => applyImport(at(admin), upload(csv(HEADER, `${countsUp.taskCode},${unitCode},,10`))))
    expect(problemsOf(refused)).toEqual([[2, 'Mục tiêu của đơn vị', 'unitTargetBelowBaseline']])
    const result = await applyImport(at(admin), upload(csv(HEADER, `${countsUp.taskCode},${unitCode},,"2,5"`)))
    expect(result.kind === 'applied' && result.plan.rows.map((r) => r.outcome)).toEqual(['update'])
    expect(await own(countsUp.assignmentId)).toEqual({ baseline: '2.5', target: '9' })
  })
})
