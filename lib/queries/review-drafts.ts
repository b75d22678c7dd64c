// The review reports written in the app, as the Party Office reads them: the list with each one's
// state, one draft with its sections, the units' notes to quote, and an issued report's files. A
// report belongs to its office's scope root: a reader outside that subtree finds nothing, as for a
// missing record. Leaders, who download the review report, read the issued ones; drafts are the
// office's and the administrators' ('report.write').
import 'server-only'
import { cache } from 'react'
import { allows, assignmentsScopeSql, unitsWhere, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { PeriodKind, ReviewReportState } from '@/lib/db/generated/enums'
import { addDays, dateColumnDay, endOfDistrictDay, type CalendarDay } from '@/lib/domain/calendar'
import type { ReportChannel } from '@/lib/domain/notifications'
import { REVIEW_SECTIONS, type ReviewSection, type ReviewWriting } from '@/lib/reports/review-writing'
import type { ReportRange } from '@/lib/reports/review-report'

/** The reports a reader may see, as a Prisma filter; null when they may see none. */
function visibleWhere(actor: Actor): Prisma.ReviewReportWhereInput | null {
  if (allows(actor, 'report.write')) return { owner: unitsWhere(actor) }
  if (allows(actor, 'report.create')) return { owner: unitsWhere(actor), state: 'ISSUED' }
  return null
}

export type ReviewReportRow = {
  id: string
  state: ReviewReportState
  kind: PeriodKind
  periodName: string | null
  startDay: CalendarDay
  endDay: CalendarDay
  number: string | null
  issuedOn: CalendarDay | null
  issuedAt: Date | null
  issuedByName: string | null
  createdAt: Date
  createdByName: string
}

/** The drafts first (newest first), then the issued reports (newest first). */
export async function reviewReports(actor: Actor): Promise<ReviewReportRow[]> {
  const where = visibleWhere(actor)
  if (!where) return []
  const rows = await db().reviewReport.findMany({
    where,
    orderBy: [{ state: 'asc' }, { issuedAt: 'desc' }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true, state: true, kind: true, startDate: true, endDate: true, number: true, issuedOn: true, issuedAt: true, createdAt: true,
      period: { select: { name: true } }, createdBy: { select: { displayName: true } }, issuedBy: { select: { displayName: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id, state: r.state, kind: r.kind, periodName: r.period?.name ?? null,
    startDay: dateColumnDay(r.startDate), endDay: dateColumnDay(r.endDate),
    number: r.number, issuedOn: r.issuedOn && dateColumnDay(r.issuedOn), issuedAt: r.issuedAt, issuedByName: r.issuedBy?.displayName ?? null,
    createdAt: r.createdAt, createdByName: r.createdBy.displayName,
  }))
}

/** A section as it stands: its latest text, and who saved that version when (version 0: never written). */
export type SectionState = { text: string; version: number; authorName: string | null; savedAt: Date | null; versions: number }

export type ReviewDraft = {
  id: string
  state: ReviewReportState
  range: ReportRange
  sections: Record<ReviewSection, SectionState>
  writing: ReviewWriting
  /** The issue fields as kept, for the form. */
  fields: { number: string; issuedOn: CalendarDay | ''; signerOnBehalfOf: string; signerTitle: string; signerName: string; recipients: string }
  createdAt: Date
  createdByName: string
  issuedAt: Date | null
  issuedByName: string | null
  sourceId: string | null
  files: { format: string; byteSize: number; sha256: string }[]
}

/** The latest text of each section of a report, in one pass over its history. */
export async function latestSections(reportId: string, client: Pick<Prisma.TransactionClient, '$queryRaw'> = db()): Promise<Record<ReviewSection, SectionState>> {
  const rows = await client.$queryRaw<{ section: string; text: string; version: number; authorName: string; savedAt: Date; versions: number }[]>`
    SELECT DISTINCT ON (t.section) t.section, t.text, t.version, u."displayName" AS "authorName", t."createdAt" AS "savedAt",
           (count(*) OVER (PARTITION BY t.section))::int AS versions
      FROM "ReviewSectionText" t JOIN "User" u ON u.id = t."authorId"
     WHERE t."reportId" = ${reportId}::uuid
     ORDER BY t.section, t.version DESC`
  const found = new Map(rows.map((r) => [r.section, r]))
  return Object.fromEntries(
    REVIEW_SECTIONS.map((section) => {
      const row = found.get(section)
      return [section, row ? { text: row.text, version: row.version, authorName: row.authorName, savedAt: row.savedAt, versions: row.versions } : { text: '', version: 0, authorName: null, savedAt: null, versions: 0 }]
    }),
  ) as Record<ReviewSection, SectionState>
}

/** One saved version of a section: who saved it, when, and what it said. */
export type SectionVersion = { version: number; text: string; authorName: string; savedAt: Date }

/** The versions of a report's sections a page lists at most, per section. */
export const SECTION_HISTORY_LIMIT = 20

/** Each section's latest saved versions, newest first (the report already read through the reader's scope). */
export async function sectionHistory(reportId: string): Promise<Map<ReviewSection, SectionVersion[]>> {
  const rows = await db().$queryRaw<(SectionVersion & { section: ReviewSection })[]>`
    SELECT h.section, h.version, h.text, h."authorName", h."savedAt" FROM (
      SELECT t.section, t.version, t.text, u."displayName" AS "authorName", t."createdAt" AS "savedAt",
             row_number() OVER (PARTITION BY t.section ORDER BY t.version DESC) AS n
        FROM "ReviewSectionText" t JOIN "User" u ON u.id = t."authorId"
       WHERE t."reportId" = ${reportId}::uuid) h
     WHERE h.n <= ${SECTION_HISTORY_LIMIT}
     ORDER BY h.section, h.version DESC`
  const history = new Map<ReviewSection, SectionVersion[]>()
  for (const { section, ...version } of rows) history.set(section, [...(history.get(section) ?? []), version])
  return history
}

/** The range a report covers, as the report builders take it: its period's name and code, or a range of days. */
export function reportRangeOf(report: { kind: PeriodKind; startDate: Date; endDate: Date; period: { code: string; name: string } | null }): ReportRange {
  const startDay = dateColumnDay(report.startDate)
  const endDay = dateColumnDay(report.endDate)
  return report.period
    ? { code: report.period.code, name: report.period.name, kind: report.kind, startDay, endDay }
    : { code: `${report.kind === 'FINAL' ? 'tong-ket' : 'so-ket'}-tu-${startDay}`, name: null, kind: report.kind, startDay, endDay }
}

/** What the report builders print from the office's writing. */
export function writingOf(
  report: { number: string | null; issuedOn: Date | null; signerOnBehalfOf: string; signerTitle: string; signerName: string; recipients: string[] },
  sections: Record<ReviewSection, { text: string }>,
): ReviewWriting {
  return {
    sections: Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, sections[s].text])) as Record<ReviewSection, string>,
    number: report.number,
    issuedOn: report.issuedOn && dateColumnDay(report.issuedOn),
    signer: report.signerName === '' ? null : { onBehalfOf: report.signerOnBehalfOf, title: report.signerTitle, name: report.signerName },
    recipients: report.recipients,
  }
}

/** One report as its page reads it (and its title, in the same request); null when it does not exist for this reader. */
export const reviewDraft = cache(async (actor: Actor, id: string): Promise<ReviewDraft | null> => {
  const where = visibleWhere(actor)
  if (!where || !/^[0-9a-f-]{36}$/i.test(id)) return null
  const report = await db().reviewReport.findFirst({
    where: { AND: [where, { id }] },
    select: {
      id: true, state: true, kind: true, startDate: true, endDate: true, number: true, issuedOn: true, signerOnBehalfOf: true, signerTitle: true, signerName: true,
      recipients: true, createdAt: true, issuedAt: true, sourceId: true,
      period: { select: { code: true, name: true } }, createdBy: { select: { displayName: true } }, issuedBy: { select: { displayName: true } },
      files: { select: { format: true, byteSize: true, sha256: true }, orderBy: { format: 'asc' } },
    },
  })
  if (!report) return null
  const sections = await latestSections(report.id)
  return {
    id: report.id,
    state: report.state,
    range: reportRangeOf(report),
    sections,
    writing: writingOf(report, sections),
    fields: {
      number: report.number ?? '',
      issuedOn: report.issuedOn ? dateColumnDay(report.issuedOn) : '',
      signerOnBehalfOf: report.signerOnBehalfOf,
      signerTitle: report.signerTitle,
      signerName: report.signerName,
      recipients: report.recipients.join('\n'),
    },
    createdAt: report.createdAt,
    createdByName: report.createdBy.displayName,
    issuedAt: report.issuedAt,
    issuedByName: report.issuedBy?.displayName ?? null,
    sourceId: report.sourceId,
    files: report.files,
  }
})

/** A file an issued report was issued as; null when the reader may not have it or there is none. */
export async function issuedReportFile(actor: Actor, id: string, format: string): Promise<{ fileName: string; mediaType: string; content: Uint8Array; sha256: string } | null> {
  const where = visibleWhere(actor)
  if (!where || !/^[0-9a-f-]{36}$/i.test(id)) return null
  return db().reviewReportFile.findFirst({
    where: { format, report: { AND: [where, { id, state: 'ISSUED' }] } },
    select: { fileName: true, mediaType: true, content: true, sha256: true },
  })
}

/** A unit's own note to quote: the latest one it sent on a task within the range. */
export type UnitNote = {
  unitName: string
  taskTitle: string
  note: string
  reportedAt: Date
  authorName: string
  /** How the unit sent it, when the office entered it for the unit. */
  onBehalfVia: ReportChannel | null
}

/** The notes the draft page lists at most. */
export const UNIT_NOTES_LIMIT = 300

/**
 * For each assignment whose details the reader reads (READ_RULES), the latest report with a note
 * made within the range (until its end, or now while it runs) and not returned by then; in the
 * district's order of units, then by task.
 */
export async function unitNotes(actor: Actor, range: Pick<ReportRange, 'startDay' | 'endDay'>, now: Date): Promise<UnitNote[]> {
  const scope = assignmentsScopeSql(actor, 'assignment.readDetails', 'a')
  if (!scope) return []
  const from = endOfDistrictDay(addDays(range.startDay, -1))
  const endOfRange = endOfDistrictDay(range.endDay)
  const until = endOfRange < now ? endOfRange : now
  return db().$queryRaw<UnitNote[]>`
    SELECT un.name AS "unitName", t.title AS "taskTitle", btrim(s.note) AS note, s."createdAt" AS "reportedAt",
           author."displayName" AS "authorName", s."onBehalfVia"::text AS "onBehalfVia"
      FROM "Assignment" a
      JOIN "Unit" un ON un.id = a."unitId"
      JOIN "Task" t ON t.id = a."taskId"
     CROSS JOIN LATERAL (
       SELECT u.note, u."createdAt", u."authorId", u."onBehalfVia"
         FROM "StatusUpdate" u
        WHERE u."assignmentId" = a.id AND u."createdAt" > ${from}::timestamptz AND u."createdAt" <= ${until}::timestamptz
          AND btrim(COALESCE(u.note, '')) <> ''
          AND NOT (u."reviewState" = 'RETURNED' AND u."reviewedAt" <= ${until}::timestamptz)
        ORDER BY u."createdAt" DESC, u.id DESC
        LIMIT 1) s
      JOIN "User" author ON author.id = s."authorId"
     WHERE ${scope}
     ORDER BY un."sortOrder", un.name, t.title
     LIMIT ${UNIT_NOTES_LIMIT}`
}
