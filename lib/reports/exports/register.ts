// The district's whole register of assignments (/exports/assignments.csv|xlsx): every assignment
// with where it stands, for the office's own analysis. Written as it is read, a batch of units at
// a time, so a national-scale register never sits whole in memory.
import 'server-only'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { statusLabelsOf } from '@/lib/domain/status'
import type { ProgressMoment } from '@/lib/queries/as-of'
import { registerRows, registerSize } from '@/lib/queries/assignment-register'
import { exportMoment, fileStem, type Cell, type ExportDocument, type Translate } from './table'

/** Units read per query: at a hundred tasks a unit, some ten thousand rows. */
const UNITS_PER_BATCH = 100

async function* rows({ asOf, at }: ProgressMoment): AsyncGenerator<Cell[]> {
  for await (const batch of registerRows(asOf, UNITS_PER_BATCH)) {
    for (const row of batch) {
      yield [
        row.unitName,
        row.groupName,
        row.title,
        { labels: statusLabelsOf(row, at) },
        row.progress,
        row.indicatorActual === null ? null : Number(row.indicatorActual),
        row.indicatorUnit,
        { day: dateColumnDay(row.dueDate) },
        row.completedAt ? { day: districtDay(row.completedAt) } : null,
        row.lastUpdateAt ? { day: districtDay(row.lastUpdateAt) } : null,
        row.memberName,
      ]
    }
  }
}

export async function registerExport(t: Translate, now: Date, search: URLSearchParams): Promise<ExportDocument> {
  const moment = exportMoment(search, now)
  return {
    title: t('exports.title', { subject: t('exports.registerSubject'), date: formatDay(moment.day) }),
    fileStem: fileStem(['danh-sach-nhiem-vu-toan-huyen'], moment.day),
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
          { header: t('exports.columns.measure'), width: 16 },
          { header: t('exports.columns.dueDate'), width: 14 },
          { header: t('exports.columns.completedOn'), width: 14 },
          { header: t('exports.columns.lastUpdate'), width: 16 },
          { header: t('exports.columns.member'), width: 28 },
        ],
        rowCount: await registerSize(moment.asOf),
        rows: rows(moment),
      },
    ],
    csvSheet: 0,
  }
}
