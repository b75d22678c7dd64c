// One assignment's page (/units/[code]/tasks/[taskCode]): the task, the unit's current state (every
// signed-in user reads it), and for those who may read its details (READ_RULES) the full history of
// its updates with what each one changed, their evidence, and its question-and-answer thread.
import 'server-only'
import type { IndicatorKind } from '@/lib/domain/indicator'
import { cache } from 'react'
import { db } from '@/lib/db'
import { findAssignmentFor, reportConfirmerSql, unitsWhere, type Actor, type AssignmentFacts } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { Role } from '@/lib/auth/roles'
import type { ReviewState } from '@/lib/db/generated/enums'
import type { ReportChannel } from '@/lib/domain/notifications'
import type { TaskStatus } from '@/lib/domain/status'

/** How the member in charge received an update (for components, which never import Prisma). */
export type { ReviewState }

export type AssignmentDetail = {
  id: string
  /** Optimistic concurrency: the form sends back the version it was rendered with. */
  version: number
  status: TaskStatus
  progress: number
  /** DECIMAL as a plain string ("12.5"). */
  indicatorActual: string | null
  completedAt: Date | null
  task: {
    code: string
    title: string
    description: string | null
    dueDate: Date
    /**
     * districtTarget: baseline and target are the district's figures, which every commune's actual
     * adds up to (SUM); unitTarget: the unit's own target (PER_UNIT), and `baseline` its own where it
     * has one (`ownBaseline`), else the task's; a CONDITION has neither figure.
     */
    indicator: {
      kind: IndicatorKind
      unit: string
      baseline: string | null
      ownBaseline: boolean
      target: string | null
      districtTarget: boolean
      unitTarget: string | null
    } | null
  }
  group: { code: string; name: string }
  unit: { code: string; name: string }
  /**
   * false for a unit merged into another or split: its page still opens with its history (the links
   * of the unit's page lead here), and takes no new report (lib/actions/status-update.ts).
   */
  open: boolean
  memberInCharge: { name: string; title: string } | null
  /**
   * The member who confirms its reports as a rule, those its staff make (rules.ts confirmerOf): the
   * member in charge, else the group's lead. A report a member made may wait for another (HistoryEntry).
   */
  confirmer: { name: string; title: string } | null
  /** What decides who may update, review and comment (lib/auth/permissions.ts). */
  facts: AssignmentFacts
}

/**
 * null when the unit or the task is unknown or withdrawn, or the task is not assigned to the unit. A
 * unit merged into another or split is found, as its page finds it (unit-assignments.ts), so its
 * links lead here; one deactivated otherwise is not.
 */
export const assignmentDetail = cache(async (reader: Pick<Actor, 'scopeUnitId'>, unitCode: string, taskCode: string): Promise<AssignmentDetail | null> => {
  const a = await db().assignment.findFirst({
    where: { unit: { ...unitsWhere(reader), code: unitCode, OR: [{ active: true }, { changeParts: { some: { side: 'BEFORE', change: { kind: { in: ['MERGE', 'SPLIT'] } } } } }] }, task: { code: taskCode, active: true } },
    select: {
      id: true,
      version: true,
      status: true,
      progress: true,
      indicatorActual: true,
      indicatorTarget: true,
      indicatorBaseline: true,
      completedAt: true,
      unitId: true,
      unit: { select: { code: true, name: true, active: true, ancestorIds: true, inChargeMemberId: true, inChargeMember: { select: { name: true, title: true } } } },
      task: {
        select: {
          code: true,
          title: true,
          description: true,
          dueDate: true,
          indicatorKind: true,
          indicatorUnit: true,
          indicatorBaseline: true,
          indicatorTarget: true,
          scope: true,
          group: { select: { code: true, name: true, leadMemberId: true, leadMember: { select: { name: true, title: true } } } },
        },
      },
    },
  })
  if (!a) return null
  const { task, unit } = a
  const ownBaseline = task.indicatorKind === 'PER_UNIT' && a.indicatorBaseline !== null
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    progress: a.progress,
    indicatorActual: a.indicatorActual?.toString() ?? null,
    completedAt: a.completedAt,
    task: {
      code: task.code,
      title: task.title,
      description: task.description,
      dueDate: task.dueDate,
      indicator:
        task.indicatorKind && task.indicatorUnit
          ? {
              kind: task.indicatorKind,
              unit: task.indicatorUnit,
              baseline: (ownBaseline ? a.indicatorBaseline : task.indicatorBaseline)?.toString() ?? null,
              ownBaseline,
              target: task.indicatorTarget?.toString() ?? null,
              districtTarget: task.indicatorKind === 'SUM' && task.scope === 'COMMUNE',
              unitTarget: task.indicatorKind === 'PER_UNIT' ? (a.indicatorTarget?.toString() ?? null) : null,
            }
          : null,
    },
    group: { code: task.group.code, name: task.group.name },
    unit: { code: unit.code, name: unit.name },
    open: unit.active,
    memberInCharge: unit.inChargeMember,
    confirmer: unit.inChargeMember ?? task.group.leadMember,
    facts: { unitId: a.unitId, unitAncestorIds: unit.ancestorIds, unitInChargeMemberId: unit.inChargeMemberId, groupLeadMemberId: task.group.leadMemberId },
  }
})

export type AttachmentSummary = { id: string; fileName: string; mediaType: string; byteSize: number }

export type HistoryEntry = {
  id: string
  createdAt: Date
  /** memberId: the member the author is (null: none), which decides who confirms the report. */
  author: { id: string; name: string; role: Role; unitName: string; memberId: string | null }
  /** How the unit sent the report when the office entered it on the unit's behalf (the author is the office user). */
  onBehalfVia: ReportChannel | null
  status: TaskStatus
  /** The state this update changed: the last one standing when it was made, or the start (not started, 0%). */
  previousStatus: TaskStatus
  progress: number
  previousProgress: number
  indicatorActual: string | null
  previousIndicatorActual: string | null
  note: string | null
  attachments: AttachmentSummary[]
  review: {
    state: ReviewState
    reviewerName: string | null
    reviewedAt: Date | null
    /** What the reviewer wrote: the reason of a return, or the optional comment of a confirmation. */
    note: string | null
    /**
     * While it waits: the name of the member who confirms it (rules.ts reportConfirmerOf), the group's
     * lead when the member in charge wrote it; null when no member is left (an administrator
     * confirms it), and once it is reviewed.
     */
    confirmerName: string | null
  }
}

type HistoryRow = Omit<HistoryEntry, 'author' | 'review'> & {
  authorId: string
  authorMemberId: string | null
  authorName: string
  authorRole: Role
  authorUnitName: string
  reviewState: ReviewState
  reviewerName: string | null
  reviewedAt: Date | null
  reviewNote: string | null
  confirmerName: string | null
}

/**
 * Every update of the assignment, newest first, each with the state it changed: that of the
 * latest earlier update still standing when it was made (a report returned by then no longer
 * counted, lib/actions/review.ts), or the assignment's start. Worked out in SQL, one lateral
 * look-up per update along the (assignmentId, createdAt) index.
 */
async function assignmentHistory(assignmentId: string): Promise<HistoryEntry[]> {
  const rows = await db().$queryRaw<HistoryRow[]>`
    SELECT s.id::text AS id,
           s."createdAt",
           s.status::text AS status,
           COALESCE(previous.status::text, 'NOT_STARTED') AS "previousStatus",
           s.progress,
           COALESCE(previous.progress, 0) AS "previousProgress",
           trim_scale(s."indicatorActual")::text AS "indicatorActual",
           trim_scale(previous."indicatorActual")::text AS "previousIndicatorActual",
           s.note,
           s."authorId"::text AS "authorId",
           author."memberId"::text AS "authorMemberId",
           author."displayName" AS "authorName",
           author.role::text AS "authorRole",
           author_unit.name AS "authorUnitName",
           s."onBehalfVia"::text AS "onBehalfVia",
           s."reviewState"::text AS "reviewState",
           reviewer."displayName" AS "reviewerName",
           s."reviewedAt",
           s."reviewNote",
           confirmer.name AS "confirmerName",
           COALESCE(files.list, '[]'::json) AS attachments
      FROM "StatusUpdate" s
      JOIN "User" author ON author.id = s."authorId"
      JOIN "Unit" author_unit ON author_unit.id = author."unitId"
      LEFT JOIN "User" reviewer ON reviewer.id = s."reviewedById"
      JOIN "Assignment" a ON a.id = s."assignmentId"
      JOIN "Unit" u ON u.id = a."unitId"
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "TaskGroup" g ON g.id = t."groupId"
      LEFT JOIN "Member" confirmer ON s."reviewState" = 'PENDING'
       AND confirmer.id = ${reportConfirmerSql({ unitInCharge: Prisma.sql`u."inChargeMemberId"`, groupLead: Prisma.sql`g."leadMemberId"`, authorMember: Prisma.sql`author."memberId"` })}
      LEFT JOIN LATERAL (
        SELECT p.status, p.progress, p."indicatorActual"
          FROM "StatusUpdate" p
         WHERE p."assignmentId" = s."assignmentId"
           AND (p."createdAt", p.id) < (s."createdAt", s.id)
           AND NOT (p."reviewState" = 'RETURNED' AND p."reviewedAt" <= s."createdAt")
         ORDER BY p."createdAt" DESC, p.id DESC
         LIMIT 1
      ) previous ON true
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'mediaType', f."mediaType", 'byteSize', f."byteSize")
                        ORDER BY f."createdAt", f.id) AS list
          FROM "Attachment" f
         WHERE f."statusUpdateId" = s.id
      ) files ON true
     WHERE s."assignmentId" = ${assignmentId}::uuid
     ORDER BY s."createdAt" DESC, s.id DESC`
  return rows.map(({ authorId, authorMemberId, authorName, authorRole, authorUnitName, reviewState, reviewerName, reviewedAt, reviewNote, confirmerName, ...update }) => ({
    ...update,
    author: { id: authorId, name: authorName, role: authorRole, unitName: authorUnitName, memberId: authorMemberId },
    review: { state: reviewState, reviewerName, reviewedAt, note: reviewNote, confirmerName },
  }))
}

export type CommentEntry = {
  id: string
  body: string
  createdAt: Date
  author: { name: string; role: Role; unitName: string }
}

/** The question-and-answer thread, oldest first so that it reads as a conversation. */
async function assignmentComments(assignmentId: string): Promise<CommentEntry[]> {
  const comments = await db().comment.findMany({
    where: { assignmentId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { displayName: true, role: true, unit: { select: { name: true } } } },
    },
  })
  return comments.map((c) => ({
    id: c.id,
    body: c.body,
    createdAt: c.createdAt,
    author: { name: c.author.displayName, role: c.author.role, unitName: c.author.unit.name },
  }))
}

/** An assignment's details: its updates (with notes, evidence and reviewers' reasons) and its questions. */
export type AssignmentRecord = { history: HistoryEntry[]; comments: CommentEntry[] }

/**
 * The assignment's details if the actor may read them (READ_RULES: their own unit's, their scope's as
 * a leader, all as an administrator); null when they may not, as when the assignment is missing.
 * The assignment is looked up through the read scope, so another unit's details are simply not found.
 */
export async function assignmentRecord(actor: Actor, assignmentId: string): Promise<AssignmentRecord | null> {
  const readable = await findAssignmentFor(actor, 'assignment.readDetails', assignmentId, { id: true })
  if (!readable) return null
  const [history, comments] = await Promise.all([assignmentHistory(assignmentId), assignmentComments(assignmentId)])
  return { history, comments }
}
