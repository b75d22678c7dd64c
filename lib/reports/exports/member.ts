// A member's page (/members/[code]): the task groups they lead, the units in their charge and the
// overdue work under them with its latest reports, as the page lists them; the CSV carries the units.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { dateColumnDay, daysBetween, districtDay, formatDay } from '@/lib/domain/calendar'
import { memberWork } from '@/lib/queries/member-page'
import { memberByCode } from '@/lib/queries/member-progress'
import { countsSheet } from './counts'
import { exportSource, fileStem, type ExportDocument, type Sheet, type Translate } from './table'
import { latestReportCell, reviewCommentCell } from './unit'

/** null when no active member has this code. */
export async function memberExport(code: string, t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument | null> {
  const member = await memberByCode(reader, code)
  if (!member) return null
  const source = exportSource(search, now, reader)
  const today = source.day
  const { groups, units, overdue } = await memberWork(source, member.id, reader)
  const overdueSheet: Sheet = {
    name: t('exports.sheets.overdue'),
    columns: [
      { header: t('exports.columns.task'), width: 60 },
      { header: t('exports.columns.unit'), width: 28 },
      { header: t('exports.columns.dueDate'), width: 14 },
      { header: t('exports.columns.daysLate'), width: 12 },
      { header: t('exports.columns.status'), width: 20 },
      { header: t('exports.columns.progress'), width: 12 },
      { header: t('exports.columns.latestReportDay'), width: 14 },
      { header: t('exports.columns.latestReport'), width: 18 },
      { header: t('exports.columns.latestNote'), width: 60 },
      { header: t('exports.columns.reviewComment'), width: 48 },
    ],
    rowCount: overdue.rows.length,
    rows: overdue.rows.map((row) => {
      const due = dateColumnDay(row.dueDate)
      return [
        row.taskTitle,
        row.unitName,
        { day: due },
        daysBetween(due, today),
        t(`assignment.taskStatus.${row.status}`),
        row.progress,
        row.latestReportedAt && { day: districtDay(row.latestReportedAt) },
        latestReportCell(t, row, row.unitName),
        // Empty where the reader may not read the unit's details.
        row.latestNote,
        reviewCommentCell(row),
      ]
    }),
  }
  return {
    title: t('exports.title', { subject: member.name, date: formatDay(today) }),
    fileStem: fileStem(['tien-do-uy-vien', member.code], today),
    sheets: [
      countsSheet(t('exports.sheets.groupsLed'), t('exports.columns.group'), groups.map((g) => ({ name: g.name, counts: g })), t),
      countsSheet(t('exports.sheets.unitsInCharge'), t('exports.columns.unit'), units.map((u) => ({ name: u.name, counts: u })), t),
      overdueSheet,
    ],
    csvSheet: 1,
  }
}
