// The register computes in SQL what the other exports compute in TypeScript: the status labels
// (lib/domain/status.ts statusLabelsOf) and, for CSV, every cell's text (lib/reports/csv.ts). Both
// must say exactly what the TypeScript says, for every status around every boundary and for any
// text a user can type.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { type CalendarDay } from '@/lib/domain/calendar'
import { statusLabelsOf, type TaskStatus } from '@/lib/domain/status'
import { csvCell, csvStream } from '@/lib/reports/csv'
import { registerExport } from '@/lib/reports/exports/register'
import { translatorFor, type Sheet } from '@/lib/reports/exports/table'
import { xlsxStream } from '@/lib/reports/xlsx'
import { fullReader } from '@/test/helpers/reader'
import { hostileText } from '@/test/helpers/arbitraries'
import { testDatabase } from '@/test/helpers/database'
import { progressSource } from './progress-source'
import { registerRows } from './assignment-register'

const database = testDatabase()
/** 12:00 on 28/11/2026 in Ba Chẽ. */
const now = new Date('2026-11-28T05:00:00Z')
const day = (offset: number): CalendarDay => new Date(Date.UTC(2026, 10, 28 + offset)).toISOString().slice(0, 10)
/** The first and the last instant of a district day. */
const startOf = (calendarDay: CalendarDay) => new Date(`${calendarDay}T00:00:00+07:00`)
const endOf = (calendarDay: CalendarDay) => new Date(startOf(calendarDay).getTime() + 86_400_000 - 1)

/** Due days around today and around the end of "due soon" (14 days), and far on either side. */
const DUE_OFFSETS = [-400, -1, 0, 1, 14, 15, 400]
/** Each recorded status, and done at the last instant of the due day, at the first of the next, or with no time recorded. */
const STATES: { status: TaskStatus; completed?: (due: CalendarDay) => Date | null }[] = [
  { status: 'NOT_STARTED' },
  { status: 'IN_PROGRESS' },
  { status: 'BLOCKED' },
  { status: 'DONE', completed: () => null },
  { status: 'DONE', completed: (due) => endOf(due) },
  { status: 'DONE', completed: (due) => new Date(endOf(due).getTime() + 1) },
]

/** Each formula start and CSV's special characters (the tasks' titles and the units' names: each distinct), then a fixed sample of hostile texts. */
const hostile = [
  ...['=SUM(A1)', '+1', '-1+2', '@x', '\tx', '\rx', 'a,b', 'nói "có"', 'dòng\r\nmới', ' cách '],
  ...fc.sample(hostileText.map((text) => text.replaceAll('\u0000', '').toWellFormed()), { numRuns: 60, seed: 19 }),
]
const name = (i: number, fallback: string) => hostile[i % hostile.length] || fallback

beforeAll(async () => {
  const d = database.db
  const members = await Promise.all([0, 1].map((i) => d.member.create({ data: { code: `uv-${i}`, name: name(40 + i, `Ủy viên ${i}`), title: 'Ủy viên' } })))
  // The units first: a group belongs to one (by default the top of the tree).
  const units = []
  for (const s of STATES.keys())
    units.push(await d.unit.create({ data: { code: `xa-${s}`, name: hostile[(s + 3) % 10]!, kind: 'COMMUNE', sortOrder: s, inChargeMemberId: s % 2 ? members[0]!.id : null } }))
  const group = await d.taskGroup.create({ data: { code: 'nhom', name: name(50, 'Nhóm') } })
  const tasks = await Promise.all(
    DUE_OFFSETS.map((offset, i) =>
      d.task.create({
        data: {
          code: `nv-${i}`,
          groupId: group.id,
          title: hostile[i]!,
          dueDate: new Date(`${day(offset)}T00:00:00Z`),
          scope: 'COMMUNE',
          sortOrder: i,
          // An empty unit of measure, a hostile one, and none; a condition (4) and a target per unit (5) among them.
          ...(i % 3 === 0 ? {} : { indicatorUnit: i % 3 === 1 ? '' : name(20 + i, 'ha'), indicatorTarget: i === 4 ? null : 10 }),
          ...(i === 4 ? { indicatorKind: 'CONDITION' as const } : i === 5 ? { indicatorKind: 'PER_UNIT' as const } : {}),
        },
      }),
    ),
  )
  for (const [s, state] of STATES.entries()) {
    const unit = units[s]!
    for (const [i, task] of tasks.entries()) {
      const due = day(DUE_OFFSETS[i]!)
      await d.assignment.create({
        data: {
          taskId: task.id,
          unitId: unit.id,
          status: state.status,
          progress: state.status === 'DONE' ? 100 : 10 * i,
          completedAt: state.completed?.(due) ?? null,
          indicatorActual: task.indicatorUnit === null ? null : task.indicatorKind === 'CONDITION' ? [null, 1, 0][s % 3] : [-5, 0.1, 12.5, 1234567890.12][i % 4],
          indicatorTarget: task.indicatorKind === 'PER_UNIT' && s > 0 ? s * 2.5 : null,
          responsibleMemberId: i % 2 ? members[1]!.id : null,
          lastUpdateAt: i % 3 ? new Date(startOf(day(-i)).getTime() + i * 3_600_000) : null,
          createdAt: new Date('2026-01-01T00:00:00Z'),
        },
      })
    }
  }
})

afterAll(async () => {
  await db().$disconnect()
})

describe('the register computed in SQL', () => {
  test("gives every assignment statusLabelsOf's labels, at every boundary", async () => {
    const assignments = await database.db.assignment.findMany({ include: { unit: true, task: true } })
    const expected = new Map(assignments.map((a) => [`${a.unit.name}/${a.task.title}`, statusLabelsOf({ status: a.status, dueDate: a.task.dueDate, completedAt: a.completedAt }, now)]))
    const read = new Map<string, readonly string[]>()
    for await (const batch of registerRows(progressSource(null, now), 5)) for (const row of batch) read.set(`${row.unitName}/${row.title}`, row.labels)
    expect(read.size).toBe(DUE_OFFSETS.length * STATES.length)
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(expected))
    // Every label appears, so that the comparison covers each branch.
    expect(new Set([...read.values()].flat())).toEqual(new Set(['overdue', 'dueSoon', 'blocked', 'inProgress', 'notStarted', 'doneOnTime', 'doneLate']))
  })

  for (const locale of ['vi', 'en'] as const) {
    for (const asOf of [null, '2026-11-20']) {
      test(`writes the CSV byte for byte as the cell writer does (${locale}${asOf ? `, as of ${asOf}` : ''})`, async () => {
        const t = translatorFor(locale)
        const search = new URLSearchParams(asOf ? { asOf } : {})
        const csvOf = async (sheet: Sheet) => new Response(csvStream(sheet, t)).text()
        const [byDatabase] = (await registerExport(t, now, search, fullReader)).sheets
        const [byCells] = (await registerExport(t, now, search, fullReader)).sheets
        const written = await csvOf(byDatabase!)
        expect(written).toBe(await csvOf({ ...byCells!, csvLines: undefined }))
        expect(parse(written, { bom: true })).toHaveLength(DUE_OFFSETS.length * STATES.length + 1)
      })
    }
  }

  test('writes the XLSX with the same cells, typed: numbers, dates, texts as typed (less what XML cannot hold)', async () => {
    const t = translatorFor('vi')
    const document = await registerExport(t, now, new URLSearchParams(), fullReader)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await new Response(xlsxStream(document, t)).arrayBuffer())
    const sheet = book.worksheets[0]!
    const read: unknown[][] = []
    sheet.eachRow((row, number) => {
      if (number > 2 && Array.isArray(row.values)) read.push(row.values.slice(1))
    })
    const text = (value: string | null) => (value === null || value === '' ? undefined : value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''))
    const date = (day: string | null) => (day === null ? undefined : new Date(`${day}T00:00:00Z`))
    const expected: unknown[][] = []
    for await (const batch of registerRows(progressSource(null, now), 100)) {
      for (const row of batch) {
        const values = [
          text(row.unitName),
          text(row.groupName),
          text(row.title),
          csvCell({ labels: row.labels }, t),
          row.progress,
          row.indicatorActual === null ? undefined : row.indicatorKind === 'CONDITION' ? t(row.indicatorActual === '1' ? 'tasks.units.met' : 'tasks.units.notMet') : Number(row.indicatorActual),
          row.unitTarget === null ? undefined : Number(row.unitTarget),
          text(row.indicatorUnit),
          date(row.dueDay),
          date(row.completedDay),
          date(row.lastUpdateDay),
          text(row.memberName),
        ]
        // exceljs leaves out the empty cells at the end of a row.
        while (values.length > 0 && values.at(-1) === undefined) values.pop()
        expected.push(values)
      }
    }
    expect(read).toEqual(expected)
    expect(sheet.getCell('I3').numFmt).toBe('dd/mm/yyyy')
    // Each kind's figure: a condition's answer in words, a target per unit beside its figure.
    expect(read.map((row) => row[5])).toEqual(expect.arrayContaining(['Đạt', 'Chưa đạt']))
    expect(read.filter((row) => typeof row[6] === 'number').length).toBe(STATES.length - 1)
  })

  test('writes the XLSX rows in PostgreSQL as the cell writer writes them: every cell, its value and its style', async () => {
    const t = translatorFor('vi')
    const cellsOf = async (inPostgres: boolean) => {
      const document = await registerExport(t, now, new URLSearchParams(), fullReader)
      const sheets = inPostgres ? document.sheets : document.sheets.map((sheet) => ({ ...sheet, xmlRows: undefined }))
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(await new Response(xlsxStream({ ...document, sheets }, t)).arrayBuffer())
      const cells: unknown[] = []
      book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push([cell.address, cell.value, cell.numFmt, cell.fill, cell.font])))
      return cells
    }
    const [written, expected] = [await cellsOf(true), await cellsOf(false)]
    expect(written.length).toBeGreaterThan(STATES.length * DUE_OFFSETS.length)
    expect(written).toEqual(expected)
  })
})
