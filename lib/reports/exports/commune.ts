// A commune's page (/communes/[code]): its assignments, by task group, as the page lists them, with
// what a clerk writes a report from (./unit.ts assignmentSheet).
import 'server-only'
import type { Actor } from '@/lib/auth/permissions'
import { formatDay } from '@/lib/domain/calendar'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { communeByCode } from '@/lib/queries/commune-detail'
import { unitAssignments } from '@/lib/queries/unit-assignments'
import { exportSource, fileStem, type ExportDocument, type Translate } from './table'
import { assignmentSheet } from './unit'

/** null when no active commune or township has this code. */
export async function communeExport(code: string, t: Translate, now: Date, search: URLSearchParams, reader: Actor): Promise<ExportDocument | null> {
  const parsed = unitCodeSchema.safeParse(code)
  const commune = parsed.success ? await communeByCode(reader, parsed.data) : null
  if (!commune) return null
  const source = exportSource(search, now, reader)
  const found = await unitAssignments(source, commune.code, reader)
  if (!found) return null
  return {
    title: t('exports.title', { subject: commune.name, date: formatDay(source.day) }),
    fileStem: fileStem(['tien-do', commune.code], source.day),
    sheets: [assignmentSheet(t, found, found.groups, source.at)],
    csvSheet: 0,
  }
}
