// A task's page (/tasks/[code]): where each unit stands on it, every unit (the page shows them a
// hundred at a time), with the latest report and the member in charge, and the district's line at the foot.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { districtDay, formatDay } from '@/lib/domain/calendar'
import { CONDITION_YES, type IndicatorKind } from '@/lib/domain/indicator'
import { statusLabelsOf } from '@/lib/domain/status'
import type { ProgressSource } from '@/lib/queries/progress-source'
import { TASK_UNITS_PER_PAGE, taskProgressByCode, taskUnitReports, type TaskProgress } from '@/lib/queries/task-progress'
import { exportSource, fileStem, type Cell, type ExportDocument, type Total, type Translate } from './table'
import { latestReportCell, memberCell, reviewCommentCell } from './unit'

/** A unit's figure; a condition's answer in words ("Đạt", "Chưa đạt"). The register's too. */
export function figureCell(t: Translate, kind: IndicatorKind | null, actual: string | null): Cell {
  if (actual === null) return null
  return kind === 'CONDITION' ? t(actual === CONDITION_YES ? 'tasks.units.met' : 'tasks.units.notMet') : Number(actual)
}

async function* unitRows(task: TaskProgress, source: ProgressSource, reader: Actor, t: Translate): AsyncGenerator<Cell[]> {
  for (let offset = 0; ; offset += TASK_UNITS_PER_PAGE) {
    const rows = await taskUnitReports(source, reader, task.id, TASK_UNITS_PER_PAGE, offset)
    for (const row of rows) {
      const status: Cell = { labels: statusLabelsOf({ status: row.status, dueDate: task.dueDate, completedAt: row.completedAt }, source.at) }
      const figure: Cell[] = task.indicator ? [figureCell(t, task.indicator.kind, row.indicatorActual)] : []
      const own: Cell[] = task.indicator?.kind === 'PER_UNIT' ? [row.unitTarget === null ? null : Number(row.unitTarget)] : []
      yield [
        row.unitName,
        status,
        row.progress,
        ...figure,
        ...own,
        row.lastUpdateAt ? { day: districtDay(row.lastUpdateAt) } : null,
        latestReportCell(t, row, row.unitName),
        // Empty where the reader may not read the unit's details.
        row.latestNote,
        reviewCommentCell(row),
        memberCell(row.member),
      ]
    }
    if (rows.length < TASK_UNITS_PER_PAGE) return
  }
}

/** null when no active task has this code. */
export async function taskExport(code: string, t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument | null> {
  const source = exportSource(search, now, reader)
  const today = source.day
  const task = await taskProgressByCode(source, code)
  if (!task) return null
  const { indicator } = task
  // The foot: a sum's total; the units that meet a condition; the units' figures and own targets summed.
  const figure: Total[] = !indicator ? [] : indicator.kind === 'CONDITION' ? [indicator.met] : indicator.kind === 'PER_UNIT' ? ['sum', 'sum'] : ['sum']
  return {
    title: t('exports.title', { subject: task.title, date: formatDay(today) }),
    fileStem: fileStem(['tien-do-nhiem-vu', task.code], today),
    sheets: [
      {
        name: t('exports.sheets.units'),
        columns: [
          { header: t('exports.columns.unit'), width: 32 },
          { header: t('exports.columns.status'), width: 28 },
          { header: t('exports.columns.progress'), width: 12 },
          ...(indicator ? [{ header: t('exports.columns.indicator', { unit: indicator.unit }), width: 18 }] : []),
          ...(indicator?.kind === 'PER_UNIT' ? [{ header: t('exports.columns.unitTarget'), width: 18 }] : []),
          { header: t('exports.columns.lastUpdate'), width: 16 },
          { header: t('exports.columns.latestReport'), width: 18 },
          { header: t('exports.columns.latestNote'), width: 60 },
          { header: t('exports.columns.reviewComment'), width: 48 },
          { header: t('exports.columns.member'), width: 36 },
        ],
        rowCount: task.assigned,
        rows: unitRows(task, source, reader, t),
        totals: [t('tasks.units.district'), t('tasks.units.assigned', { count: task.assigned }), task.progress, ...figure],
      },
    ],
    csvSheet: 0,
  }
}
