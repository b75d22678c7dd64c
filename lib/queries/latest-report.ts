// An assignment's latest report as a row of a list reads it: when it was made, how its confirmer
// received it, and, only for a reader of the assignment's details (READ_RULES), what it said, what
// the confirmer wrote and who entered it on the unit's behalf. Shared by the unit's list and the
// task's list of units, and their downloads.
import 'server-only'
import { assignmentsScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { ReviewState } from '@/lib/db/generated/enums'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { ProgressSource } from './progress-source'

export type LatestReportColumns = {
  latestReview: ReviewState | null
  latestReportedAt: Date | null
  latestNote: string | null
  reviewerName: string | null
  reviewNote: string | null
  onBehalfBy: string | null
  onBehalfVia: ReportChannel | null
  /** Whether the reader may read this assignment's details. */
  readable: boolean
}

/**
 * The columns of LatestReportColumns for the assignment `a`, and the lateral join they read: one
 * probe of the index on (assignmentId, createdAt) per row. The reviewer's comment only once the
 * review had been made by the source's day.
 */
export function latestReportSql(source: ProgressSource, reader: Actor): { columns: Prisma.Sql; join: Prisma.Sql } {
  const readable = assignmentsScopeSql(reader, 'assignment.readDetails', 'a') ?? Prisma.sql`false`
  const commented = Prisma.sql`latest."reviewState" <> 'PENDING' AND ${readable}`
  return {
    columns: Prisma.sql`
      latest."reviewState"::text AS "latestReview", latest."createdAt" AS "latestReportedAt",
      CASE WHEN ${readable} THEN latest.note END AS "latestNote",
      CASE WHEN ${commented} THEN latest."reviewerName" END AS "reviewerName",
      CASE WHEN ${commented} THEN latest."reviewNote" END AS "reviewNote",
      CASE WHEN ${readable} THEN latest."onBehalfBy" END AS "onBehalfBy",
      CASE WHEN ${readable} THEN latest."onBehalfVia" END AS "onBehalfVia",
      ${readable} AS "readable"`,
    join: Prisma.sql`
      LEFT JOIN LATERAL (
        SELECT ${source.reviewState} AS "reviewState", s."reviewNote", s."createdAt", s.note, reviewer."displayName" AS "reviewerName",
               s."onBehalfVia"::text AS "onBehalfVia", entered_by."displayName" AS "onBehalfBy"
          FROM "StatusUpdate" s
          LEFT JOIN "User" reviewer ON reviewer.id = s."reviewedById"
          LEFT JOIN "User" entered_by ON entered_by.id = s."authorId" AND s."onBehalfVia" IS NOT NULL
         WHERE s."assignmentId" = a.id AND ${source.madeBy}
         ORDER BY s."createdAt" DESC, s.id DESC
         LIMIT 1) latest ON true`,
  }
}

/** What a row shows of its latest report: the reviewer's comment and the entry on the unit's behalf, when readable. */
export function latestReportOf(row: LatestReportColumns) {
  return {
    latestReview: row.latestReview,
    latestReportedAt: row.latestReportedAt,
    latestNote: row.latestNote,
    latestReviewComment: row.reviewerName !== null && row.reviewNote !== null ? { reviewerName: row.reviewerName, note: row.reviewNote } : null,
    latestOnBehalf: row.onBehalfBy !== null && row.onBehalfVia !== null ? { authorName: row.onBehalfBy, via: row.onBehalfVia } : null,
  }
}

export type LatestReport = ReturnType<typeof latestReportOf>
