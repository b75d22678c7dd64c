// A unit's own target keeps its history (AssignmentTarget, kept by a trigger on "Assignment"): a
// past day's pages, downloads and review report read the target that stood that day. Minh Cầm's 12
// posts become 10 today; yesterday still reads 5/12, today 5/10. The change happens at the database's
// clock, so this file's "today" is the real one.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '@/prisma/seed-demo'
import { saveUnitTargets } from '@/lib/actions/admin/assignment-targets'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { adminFormValues, UNIT_TARGET_FIELD } from '@/lib/validation/admin'
import { reviewReportData } from '@/lib/reports/review-report'
import { reviewReportText } from '@/lib/reports/review-report-text'
import { parse } from 'csv-parse/sync'
import { csvStream } from '@/lib/reports/csv'
import { overviewExport } from '@/lib/reports/exports/overview'
import { registerExport } from '@/lib/reports/exports/register'
import { taskExport } from '@/lib/reports/exports/task'
import { translatorFor, type Cell, type Sheet } from '@/lib/reports/exports/table'
import { testDatabase } from '@/test/helpers/database'
import { formData } from '@/test/helpers/factories'
import { fullReader } from '@/test/helpers/reader'
import { indicatorResults, perUnitFigures } from './district-overview'
import { fromHistory, fromKeptCounts } from './progress-source'
import { taskProgressByCode, taskUnits } from './task-progress'
import { unitIndicators } from './unit-indicators'

const database = testDatabase()
const NOW = new Date()
const today = districtDay(NOW)
const yesterday = addDays(today, -1)
const t = translatorFor('vi')
const TASK = 'kiem-nhiem-ban-chuyen-trach'

let minhCam: { id: string; assignmentId: string; taskId: string }

async function rowsOf(sheet: Sheet): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for await (const row of sheet.rows) rows.push(row)
  return rows
}

const minhCamIndicator = async (source: ReturnType<typeof fromKeptCounts>) =>
  (await unitIndicators(source, minhCam.id)).find((r) => r.taskCode === TASK)?.indicator

beforeAll(async () => {
  await seedDemoData(database.db, { password: 'mat-khau-demo-2026', today: NOW })
  const unit = await database.db.unit.findUniqueOrThrow({ where: { code: 'minh-cam' } })
  const assignment = await database.db.assignment.findFirstOrThrow({ where: { unitId: unit.id, task: { code: TASK } } })
  minhCam = { id: unit.id, assignmentId: assignment.id, taskId: assignment.taskId }
  const admin = await database.db.user.findUniqueOrThrow({ where: { username: 'admin' }, select: { id: true, role: true, unitId: true, memberId: true } })
  // The demo's administrator, at the top of its tree.
  const actor: Actor = { ...admin, scopeUnitId: null }
  // Today's page before the change reads 12, as yesterday's will.
  expect(await minhCamIndicator(fromKeptCounts(today))).toMatchObject({ target: '12', actual: '5' })
  const values = adminFormValues(formData({ taskId: minhCam.taskId, [UNIT_TARGET_FIELD + minhCam.assignmentId]: '10' }))
  expect(await saveUnitTargets({ actor, now: NOW, ip: null }, values)).toEqual({ kind: 'saved', changed: 1 })
})

describe("a unit's own target changed today", () => {
  test('is kept in its history: the demo\'s 12 from the assignment\'s creation, 10 from now; the history is never edited', async () => {
    const history = await database.db.assignmentTarget.findMany({ where: { assignmentId: minhCam.assignmentId }, orderBy: { id: 'asc' } })
    expect(history.map((h) => h.indicatorTarget?.toString())).toEqual(['12', '10'])
    expect(history[0]?.effectiveAt.getTime()).toBeLessThan(new Date(`${yesterday}T00:00:00Z`).getTime())
    await expect(database.db.assignmentTarget.deleteMany({ where: { assignmentId: minhCam.assignmentId } })).rejects.toThrow()
  })

  test("the commune's page as of yesterday still reads 5/12, today 5/10", async () => {
    expect(await minhCamIndicator(fromHistory(yesterday))).toEqual({ kind: 'PER_UNIT', unit: 'chức danh', target: '12', actual: '5', reached: false })
    expect(await minhCamIndicator(fromKeptCounts(today))).toEqual({ kind: 'PER_UNIT', unit: 'chức danh', target: '10', actual: '5', reached: false })
  })

  test("the overview's and the task's counts sum the targets of their day: 38 yesterday, 36 today", async () => {
    const results = async (source: ReturnType<typeof fromKeptCounts>) => (await indicatorResults(source)).find((r) => r.taskCode === TASK)
    expect(await results(fromHistory(yesterday))).toMatchObject({ targetSum: '38', met: 6 })
    expect(await results(fromKeptCounts(today))).toMatchObject({ targetSum: '36', met: 6 })
    expect((await taskProgressByCode(fromHistory(yesterday), TASK))?.indicator).toMatchObject({ targetSum: '38' })
    const units = async (source: ReturnType<typeof fromKeptCounts>) => (await taskUnits(source, minhCam.taskId, 100, 0)).rows.find((r) => r.unitCode === 'minh-cam')?.unitTarget
    expect(await units(fromHistory(yesterday))).toBe('12')
    expect(await units(fromKeptCounts(today))).toBe('10')
    const figure = async (source: ReturnType<typeof fromKeptCounts>) => (await perUnitFigures(source, 50)).find((f) => f.unitName === 'Xã Minh Cầm')?.target
    expect(await figure(fromHistory(yesterday))).toBe('12')
    expect(await figure(fromKeptCounts(today))).toBe('10')
  })

  test('the downloads as of yesterday (?asOf: the task, the overview, the register) carry 12 and 38, today 10 and 36', async () => {
    for (const [params, own, sum] of [[new URLSearchParams({ asOf: yesterday }), 12, 38], [new URLSearchParams(), 10, 36]] as const) {
      const task = await taskExport(TASK, t, NOW, params, fullReader)
      expect((await rowsOf(task!.sheets[0]!)).find((r) => r[0] === 'Xã Minh Cầm')?.slice(3, 5)).toEqual([5, own])
      const overview = await overviewExport(t, NOW, params, fullReader)
      const sheet = overview.sheets.find((s) => s.name === t('exports.sheets.indicators'))
      // task, kind, measure, baseline, target (for PER_UNIT the units' own summed), actual, …
      expect((await rowsOf(sheet!)).find((r) => r[0] === 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã')?.[4]).toBe(sum)
      // The register: unit, group, task, status, progress, figure, the unit's own target, …
      const register = parse(await new Response(csvStream((await registerExport(t, NOW, params, fullReader)).sheets[0]!, t)).text(), { bom: true }) as string[][]
      expect(register.find((r) => r[0] === 'Xã Minh Cầm' && r[2] === 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã')?.slice(5, 7)).toEqual(['5', String(own)])
    }
  })

  test('the review report of a period that ended yesterday quotes 5 of 12 in its annex; one ending today 5 of 10', async () => {
    const quoted = async (endDay: string) => {
      const data = await reviewReportData(fullReader, { code: 'so-ket', name: 'Sơ kết', kind: 'INTERIM', startDay: addDays(today, -365), endDay }, NOW)
      return reviewReportText(data).annexes.find((annex) => annex.label === 'Phụ lục 3')?.table.rows.find((row) => row[1] === '- Xã Minh Cầm')
    }
    expect(await quoted(yesterday)).toEqual(['', '- Xã Minh Cầm', 'chức danh', '12', '5', 'Chưa đạt'])
    expect(await quoted(today)).toEqual(['', '- Xã Minh Cầm', 'chức danh', '10', '5', 'Chưa đạt'])
  })
})
