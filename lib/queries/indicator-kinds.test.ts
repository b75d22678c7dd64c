// The three kinds of indicator as the article counts them, computed from the Ba Chẽ demo's rows:
// "4/8 đơn vị cấp xã (50%)" have the Party secretary chair the People's Committee, "1/8" the
// People's Council, and Minh Cầm has merged "5/12" of its semi-professional posts against its own
// target. The overview, the commune page, the task page, their exports and the review report say so.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '@/prisma/seed-demo'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { reviewReportData } from '@/lib/reports/review-report'
import { reviewReportText } from '@/lib/reports/review-report-text'
import { overviewExport } from '@/lib/reports/exports/overview'
import { registerExport } from '@/lib/reports/exports/register'
import { csvStream } from '@/lib/reports/csv'
import { xlsxStream } from '@/lib/reports/xlsx'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { taskExport } from '@/lib/reports/exports/task'
import { translatorFor, type Cell, type Sheet } from '@/lib/reports/exports/table'
import { testDatabase } from '@/test/helpers/database'
import { fullReader } from '@/test/helpers/reader'
import { indicatorResults, perUnitFigures } from './district-overview'
import { fromHistory, fromKeptCounts } from './progress-source'
import { taskProgressByCode, taskUnits } from './task-progress'
import { unitAssignments } from './unit-assignments'
import { unitIndicators } from './unit-indicators'

const database = testDatabase()
// 10:00 on 28/11/2026 in Ba Chẽ.
const NOW = new Date('2026-11-28T03:00:00Z')
const today = districtDay(NOW)
const t = translatorFor('vi')

beforeAll(() => seedDemoData(database.db, { password: 'mat-khau-demo-2026', today: NOW }))

const byCode = async (source = fromKeptCounts(today)) => Object.fromEntries((await indicatorResults(source)).map((r) => [r.taskCode, r]))

async function rowsOf(sheet: Sheet): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for await (const row of sheet.rows) rows.push(row)
  return rows
}

describe('the overview', () => {
  test('counts the communes meeting a condition out of those assigned: 4/8 (50%) and 1/8', async () => {
    const results = await byCode()
    expect(results['bi-thu-kiem-chu-tich-ubnd']).toMatchObject({ kind: 'CONDITION', unit: 'đơn vị cấp xã', met: 4, assigned: 8, share: 0.5, baseline: null, target: null })
    expect(results['bi-thu-kiem-chu-tich-hdnd']).toMatchObject({ kind: 'CONDITION', met: 1, assigned: 8, share: 0.125 })
  })

  test("counts the communes that reached their own target, and sums the figures against the targets' sum", async () => {
    // Reached: 4/4, 3/3, 3/3, 4/4, 3/3, 4/4; not: Thanh Lâm 4/5, Minh Cầm 5/12.
    expect((await byCode())['kiem-nhiem-ban-chuyen-trach']).toMatchObject({ kind: 'PER_UNIT', met: 6, assigned: 8, share: 0.75, actual: '30', targetSum: '38', withTarget: 8 })
  })

  test('still sums a SUM indicator against the district target: 8 agencies fewer', async () => {
    expect((await byCode())['giam-dau-moi']).toMatchObject({ kind: 'SUM', actual: '8', target: '8', share: 1, met: 0, targetSum: null })
  })

  test('counts the same from the history as of a past day', async () => {
    const past = await byCode(fromHistory(addDays(today, -1)))
    expect(past['bi-thu-kiem-chu-tich-ubnd']).toMatchObject({ met: 4, assigned: 8 })
    expect(past['kiem-nhiem-ban-chuyen-trach']).toMatchObject({ met: 6, actual: '30', targetSum: '38' })
  })

  test('its export frames each kind in its own columns', async () => {
    const document = await overviewExport(t, NOW, new URLSearchParams(), fullReader)
    const sheet = document.sheets.find((s) => s.name === t('exports.sheets.indicators'))
    if (!sheet) throw new Error('no indicator sheet')
    const rows = Object.fromEntries((await rowsOf(sheet)).map((row) => [row[0], row]))
    // task, kind, measure, baseline, target, actual, units meeting it, share, reported, assigned
    expect(rows['Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã']).toEqual([
      'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã', 'Số đơn vị đạt/số đơn vị được giao', 'đơn vị cấp xã', null, null, null, 4, 50, 8, 8,
    ])
    expect(rows['Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã']).toEqual([
      'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã', 'Mục tiêu riêng từng đơn vị', 'chức danh', 0, 38, 30, 6, 75, 8, 8,
    ])
  })
})

describe('the commune page', () => {
  test("shows Minh Cầm's 5 of its own 12 posts, and its yes to the People's Council", async () => {
    const page = await unitAssignments(fromKeptCounts(today), 'minh-cam', fullReader)
    const indicators = Object.fromEntries(page?.groups.flatMap((g) => g.assignments.map((a) => [a.taskCode, a.indicator])) ?? [])
    expect(indicators['kiem-nhiem-ban-chuyen-trach']).toEqual({ kind: 'PER_UNIT', unit: 'chức danh', target: '12', actual: '5', reached: false })
    expect(indicators['bi-thu-kiem-chu-tich-hdnd']).toEqual({ kind: 'CONDITION', unit: 'đơn vị cấp xã', actual: '1' })
    expect(indicators['bi-thu-kiem-chu-tich-ubnd']).toEqual({ kind: 'CONDITION', unit: 'đơn vị cấp xã', actual: '0' })
  })

  test('lists the commune’s indicators in the groups’ order, as of today and as of a past day', async () => {
    const minhCam = await database.db.unit.findUniqueOrThrow({ where: { code: 'minh-cam' } })
    for (const source of [fromKeptCounts(today), fromHistory(addDays(today, -1))]) {
      const rows = await unitIndicators(source, minhCam.id)
      expect(rows.find((r) => r.taskCode === 'kiem-nhiem-ban-chuyen-trach')?.indicator).toEqual({ kind: 'PER_UNIT', unit: 'chức danh', target: '12', actual: '5', reached: false })
      expect(rows.find((r) => r.taskCode === 'bi-thu-kiem-chu-tich-hdnd')?.indicator).toMatchObject({ kind: 'CONDITION', actual: '1' })
      expect(rows.find((r) => r.taskCode === 'giam-diem-truong')?.indicator).toMatchObject({ kind: 'SUM', districtTarget: true })
    }
  })
})

describe('the task page', () => {
  test('says 4/8 for a condition, and each unit its answer', async () => {
    const task = await taskProgressByCode(fromKeptCounts(today), 'bi-thu-kiem-chu-tich-ubnd')
    expect(task?.indicator).toMatchObject({ kind: 'CONDITION', met: 4, target: null })
    expect(task?.assigned).toBe(8)
  })

  test("lists each unit's own target beside its figure, and its export carries both", async () => {
    const source = fromKeptCounts(today)
    const task = await taskProgressByCode(source, 'kiem-nhiem-ban-chuyen-trach')
    expect(task?.indicator).toMatchObject({ kind: 'PER_UNIT', met: 6, total: '30', targetSum: '38' })
    const { rows } = await taskUnits(source, task?.id ?? '', 100, 0)
    expect(rows.find((r) => r.unitCode === 'minh-cam')).toMatchObject({ indicatorActual: '5', unitTarget: '12' })
    const document = await taskExport('kiem-nhiem-ban-chuyen-trach', t, NOW, new URLSearchParams(), fullReader)
    const exported = await rowsOf(document!.sheets[0]!)
    // unit, status, progress, figure, own target, last update
    expect(exported.find((r) => r[0] === 'Xã Minh Cầm')?.slice(3, 5)).toEqual([5, 12])
    const condition = await taskExport('bi-thu-kiem-chu-tich-hdnd', t, NOW, new URLSearchParams(), fullReader)
    const answers = (await rowsOf(condition!.sheets[0]!)).map((r) => [r[0], r[3]])
    expect(answers.filter(([, answer]) => answer === 'Đạt')).toEqual([['Xã Minh Cầm', 'Đạt']])
    expect(answers.filter(([, answer]) => answer === 'Chưa đạt')).toHaveLength(7)
  })
})

describe("the district's register", () => {
  // unit, group, task, status, progress, figure, the unit's own target, measure, …
  const minhCam = (rows: unknown[][], title: string) => rows.find((r) => r[0] === 'Xã Minh Cầm' && r[2] === title)?.slice(5, 8)
  const PER_UNIT = 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã'
  const HDND = 'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch HĐND cấp xã'
  const UBND = 'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã'

  test('says a condition\'s answer in words and puts a unit\'s own target beside its figure, in CSV', async () => {
    const document = await registerExport(t, NOW, new URLSearchParams(), fullReader)
    const rows = parse(await new Response(csvStream(document.sheets[0]!, t)).text(), { bom: true }) as string[][]
    expect(rows[0]?.slice(5, 8)).toEqual(['Đạt được', 'Mục tiêu của đơn vị', 'Đơn vị tính'])
    expect(minhCam(rows, PER_UNIT)).toEqual(['5', '12', 'chức danh'])
    expect(minhCam(rows, HDND)).toEqual(['Đạt', '', 'đơn vị cấp xã'])
    expect(minhCam(rows, UBND)).toEqual(['Chưa đạt', '', 'đơn vị cấp xã'])
    // A sum's figure stays a number, with no target of the unit's own.
    expect(rows.filter((r) => r[2] === UBND).map((r) => r[5]).sort()).toEqual(['Chưa đạt', 'Chưa đạt', 'Chưa đạt', 'Chưa đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt'])
  })

  test('and in Excel, the figures and targets as numbers', async () => {
    const document = await registerExport(t, NOW, new URLSearchParams(), fullReader)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await new Response(xlsxStream(document, t)).arrayBuffer())
    const rows: unknown[][] = []
    book.worksheets[0]!.eachRow((row) => {
      if (Array.isArray(row.values)) rows.push(row.values.slice(1))
    })
    expect(minhCam(rows, PER_UNIT)).toEqual([5, 12, 'chức danh'])
    expect(minhCam(rows, HDND)).toEqual(['Đạt', undefined, 'đơn vị cấp xã'])
    expect(minhCam(rows, UBND)).toEqual(['Chưa đạt', undefined, 'đơn vị cấp xã'])
  })
})

describe('the review report', () => {
  test('puts the article\'s sentences in its indicator section: "4/8 đơn vị cấp xã (50%)", "1/8"; its annex Minh Cầm 5 of 12', async () => {
    expect((await perUnitFigures(fromKeptCounts(today), 50)).find((f) => f.unitName === 'Xã Minh Cầm')).toMatchObject({ actual: '5', target: '12', met: false })
    const data = await reviewReportData(fullReader, { code: 'so-ket', name: 'Sơ kết', kind: 'INTERIM', startDay: addDays(today, -365), endDay: today }, NOW)
    const text = reviewReportText(data)
      .body.map((block) => ('text' in block ? block.text : block.kind === 'table' ? block.rows.map((r) => r.join(' | ')).join('\n') : ''))
      .join('\n')
    expect(text).toContain('Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã: đã có 4/8 đơn vị cấp xã thực hiện (50%).')
    expect(text).toContain('Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch HĐND cấp xã: đã có 1/8 đơn vị cấp xã thực hiện (12,5%).')
    expect(text).toContain('Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã: 6/8 đơn vị đạt mục tiêu của đơn vị (75%) (chi tiết tại Phụ lục 3).')
    expect(text).toContain('Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã | đơn vị cấp xã | – | 4/8 | 50%')
    // The annex of indicators names each unit under its indicator, with its own target and figure.
    const annex = reviewReportText(data).annexes.find((a) => a.label === 'Phụ lục 3')?.table.rows ?? []
    expect(annex).toContainEqual(['', '- Xã Minh Cầm', 'chức danh', '12', '5', 'Chưa đạt'])
  })
})
