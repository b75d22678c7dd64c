// A member's page (/members/[code]): the task groups they lead, the units in their charge and the
// overdue work under them, as the page lists them; the CSV carries the units.
import 'server-only'
import { z } from 'zod'
import { dateColumnDay, daysBetween, formatDay } from '@/lib/domain/calendar'
import { inChargeUnitProgress, ledGroupProgress, memberByCode, memberOverdueAssignments } from '@/lib/queries/member-progress'
import { countsSheet } from './counts'
import { exportMoment, fileStem, type ExportDocument, type Sheet, type Translate } from './table'

/** As many overdue assignments as the member's page lists. */
const MEMBER_LIST_LIMIT = 50

const codeSchema = z.string().min(1).max(64)

/** null when no active member has this code. */
export async function memberExport(code: string, t: Translate, now: Date, search: URLSearchParams): Promise<ExportDocument | null> {
  const parsed = codeSchema.safeParse(code)
  const member = parsed.success ? await memberByCode(parsed.data) : null
  if (!member) return null
  const { day: today, asOf } = exportMoment(search, now)
  const [groups, units, overdue] = await Promise.all([
    ledGroupProgress(today, member.id, asOf),
    inChargeUnitProgress(today, member.id, null, asOf),
    memberOverdueAssignments(today, member.id, MEMBER_LIST_LIMIT, asOf),
  ])
  const overdueSheet: Sheet = {
    name: t('exports.sheets.overdue'),
    columns: [
      { header: t('exports.columns.task'), width: 60 },
      { header: t('exports.columns.unit'), width: 28 },
      { header: t('exports.columns.dueDate'), width: 14 },
      { header: t('exports.columns.daysLate'), width: 12 },
      { header: t('exports.columns.status'), width: 20 },
      { header: t('exports.columns.progress'), width: 12 },
    ],
    rowCount: overdue.rows.length,
    rows: overdue.rows.map((row) => {
      const due = dateColumnDay(row.dueDate)
      return [row.taskTitle, row.unitName, { day: due }, daysBetween(due, today), t(`assignment.taskStatus.${row.status}`), row.progress]
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
