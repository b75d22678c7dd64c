// A commune's page (/communes/[code]): its assignments, by task group, as the page lists them.
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { statusLabelsOf } from '@/lib/domain/status'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { communeAssignments, communeByCode } from '@/lib/queries/commune-detail'
import { exportSource, fileStem, type ExportDocument, type Translate } from './table'

/** null when no active commune or township has this code. */
export async function communeExport(code: string, t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument | null> {
  const parsed = unitCodeSchema.safeParse(code)
  const commune = parsed.success ? await communeByCode(reader, parsed.data) : null
  if (!commune) return null
  const source = exportSource(search, now, reader)
  const { day: today, at } = source
  const assignments = await communeAssignments(source, commune.id)
  return {
    title: t('exports.title', { subject: commune.name, date: formatDay(today) }),
    fileStem: fileStem(['tien-do', commune.code], today),
    sheets: [
      {
        name: t('exports.sheets.assignments'),
        columns: [
          { header: t('exports.columns.group'), width: 40 },
          { header: t('exports.columns.task'), width: 60 },
          { header: t('exports.columns.status'), width: 28 },
          { header: t('exports.columns.progress'), width: 12 },
          { header: t('exports.columns.dueDate'), width: 14 },
        ],
        rowCount: assignments.length,
        rows: assignments.map((a) => [a.groupName, a.title, { labels: statusLabelsOf(a, at) }, a.progress, { day: dateColumnDay(a.dueDate) }]),
      },
    ],
    csvSheet: 0,
  }
}
