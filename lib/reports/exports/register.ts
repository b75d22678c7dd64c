// The district's whole register of assignments (/exports/assignments.csv|xlsx): every assignment
// with where it stands, for the office's own analysis. Written as it is read, so a national-scale
// register never sits whole in memory: the CSV as PostgreSQL writes its lines, the XLSX from rows
// read a batch at a time.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/domain/calendar'
import { REGISTER_LABEL_LISTS, registerCsvLines, registerRows, registerSize, registerXmlRows } from '@/lib/queries/assignment-register'
import type { ProgressSource } from '@/lib/queries/progress-source'
import { CONDITION_NO, CONDITION_YES } from '@/lib/domain/indicator'
import { csvCell } from '../csv'
import { exportSource, fileStem, type Cell, type ExportDocument, type Translate, type XmlRowsWriting } from './table'
import { figureCell } from './task'

/** Rows read per fetch: the next batch is read while this one is written, so two batches are held at a time. */
const ROWS_PER_BATCH = 5_000

async function* rows(source: ProgressSource, t: Translate): AsyncGenerator<Cell[]> {
  for await (const batch of registerRows(source, ROWS_PER_BATCH)) {
    for (const row of batch) {
      yield [
        row.unitName,
        row.groupName,
        row.title,
        { labels: row.labels },
        row.progress,
        figureCell(t, row.indicatorKind, row.indicatorActual),
        row.unitTarget === null ? null : Number(row.unitTarget),
        row.indicatorUnit,
        { day: row.dueDay },
        row.completedDay === null ? null : { day: row.completedDay },
        row.lastUpdateDay === null ? null : { day: row.lastUpdateDay },
        row.memberName,
      ]
    }
  }
}

/** A condition's answers, as a CSV cell says them (keyed as the register's SQL reads the figure). */
const answerTexts = (t: Translate) => Object.fromEntries([CONDITION_YES, CONDITION_NO].map((answer) => [answer, csvCell(figureCell(t, 'CONDITION', answer), t)]))

/** A condition's answers and each list of labels, as cells of the XLSX writer (keyed as the CSV's texts). */
function xmlCellEnds(t: Translate, writing: XmlRowsWriting) {
  const answers = Object.fromEntries(Object.entries(answerTexts(t)).map(([answer, text]) => [answer, writing.textCell(text)]))
  const labels = Object.fromEntries(REGISTER_LABEL_LISTS.map((list) => [list.join(','), writing.labelCells(list)]))
  return { answers, labels }
}

/** Each list of labels the register can hold, as a CSV cell says it (keyed as the register's SQL names it). */
const labelTexts = (t: Translate) => Object.fromEntries(REGISTER_LABEL_LISTS.map((labels) => [labels.join(','), csvCell({ labels }, t)]))

export async function registerExport(t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument> {
  const source = exportSource(search, now, reader)
  return {
    title: t('exports.title', { subject: t('exports.registerSubject'), date: formatDay(source.day) }),
    fileStem: fileStem(['danh-sach-nhiem-vu-toan-huyen'], source.day),
    sheets: [
      {
        name: t('exports.sheets.register'),
        columns: [
          { header: t('exports.columns.unit'), width: 28 },
          { header: t('exports.columns.group'), width: 32 },
          { header: t('exports.columns.task'), width: 60 },
          { header: t('exports.columns.status'), width: 28 },
          { header: t('exports.columns.progress'), width: 12 },
          { header: t('exports.columns.actual'), width: 12 },
          { header: t('exports.columns.unitTarget'), width: 14 },
          { header: t('exports.columns.measure'), width: 16 },
          { header: t('exports.columns.dueDate'), width: 14 },
          { header: t('exports.columns.completedOn'), width: 14 },
          { header: t('exports.columns.lastUpdate'), width: 16 },
          { header: t('exports.columns.member'), width: 28 },
        ],
        rowCount: await registerSize(source),
        rows: rows(source, t),
        csvLines: () => registerCsvLines(source, labelTexts(t), answerTexts(t)),
        xmlRows: (writing) => {
          const cells = xmlCellEnds(t, writing)
          return registerXmlRows(source, writing.firstRow, writing.styles, cells.labels, cells.answers)
        },
      },
    ],
    csvSheet: 0,
  }
}
