// Questions and answers ("Hỏi - đáp"): the threads of the assignments whose details the reader may
// read (READ_RULES 'assignment.readDetails'), and the district's public list the office publishes.
//
// A thread, in SQL from the comments alone: a question is a comment by a staff member of the
// assignment's own unit that does not follow another such comment (follow-ups before any answer
// belong to the same question); its answers are the comments by anyone else after it, up to the
// next question. A thread waits while it has no answer: the latest comment on the assignment is
// the unit's own. How long is counted in district days, to the answer or to now.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { assignmentsScopeSql, ownersVisibleWhere, unitRowInScopeSql, unitsWhere, type Actor } from '@/lib/auth/permissions'
import { pagedRows, type Paged } from '@/lib/domain/paging'
import type { QuestionFilter } from '@/lib/validation/questions'
import { unitOnRecord } from './unit-history'

/** The first characters of a question, enough for its first lines in a list. */
const EXCERPT_LENGTH = 280

/**
 * Whether a comment by the user row `author` on the assignment row `assignment` asks (is by a staff
 * member of the assignment's own unit) rather than answers; shared with the comment action, which
 * tells who must hear of it.
 */
export function askedSql(author: string, assignment: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(author)}.role = 'STAFF' AND ${Prisma.raw(author)}."unitId" = ${Prisma.raw(assignment)}."unitId")`
}

/**
 * The threads of the assignments `condition` picks (a condition on "Assignment" a): one row per
 * question, with its first answer, as a CTE named `threads`.
 */
function threadsCte(condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    scoped AS (
      SELECT c.id, c."assignmentId", c."createdAt",
             ${askedSql('author', 'a')} AS "asked"
        FROM "Comment" c
        JOIN "Assignment" a ON a.id = c."assignmentId"
        JOIN "User" author ON author.id = c."authorId"
       WHERE ${condition}
    ), marked AS (
      SELECT s.*, (s."asked" AND NOT COALESCE(lag(s."asked") OVER w, false)) AS "starts"
        FROM scoped s
      WINDOW w AS (PARTITION BY s."assignmentId" ORDER BY s."createdAt", s.id)
    ), numbered AS (
      SELECT m.*, COUNT(*) FILTER (WHERE m."starts") OVER w AS "thread"
        FROM marked m
      WINDOW w AS (PARTITION BY m."assignmentId" ORDER BY m."createdAt", m.id)
    ), threads AS (
      SELECT n."assignmentId",
             (array_agg(n.id ORDER BY n."createdAt", n.id))[1] AS "questionId",
             min(n."createdAt") AS "askedAt",
             (array_agg(n.id ORDER BY n."createdAt", n.id) FILTER (WHERE NOT n."asked"))[1] AS "answerId",
             min(n."createdAt") FILTER (WHERE NOT n."asked") AS "answeredAt"
        FROM numbered n
       WHERE n."thread" > 0
       GROUP BY n."assignmentId", n."thread"
    )`
}

export type QuestionThreadRow = {
  questionId: string
  unit: { code: string; name: string }
  task: { code: string; title: string }
  /** The question's first characters. */
  excerpt: string
  askedBy: string
  askedAt: Date
  answered: boolean
  /** District days from the question to its first answer, or to now while it waits. */
  waitedDays: number
  published: boolean
}

type ThreadRow = Omit<QuestionThreadRow, 'unit' | 'task'> & { unitCode: string; unitName: string; taskCode: string; taskTitle: string; total: number }

/**
 * `limit` of the threads the actor may read (on live tasks, in units on record: a question put to a
 * unit merged since may still be answered on its page), narrowed by `filter`, from the `offset`-th: the waiting
 * first, the oldest of them first (what has waited longest is answered first), then the answered,
 * the newest first; the question's id breaks ties so pages neither repeat nor skip.
 */
export const questionThreads = cache(async (actor: Actor, filter: QuestionFilter, now: Date, limit: number, offset: number): Promise<Paged<QuestionThreadRow>> => {
  const scope = assignmentsScopeSql(actor, 'assignment.readDetails', 'a')
  if (!scope) return { rows: [], total: 0 }
  const state =
    filter.state === 'waiting' ? Prisma.sql`th."answerId" IS NULL` : filter.state === 'answered' ? Prisma.sql`th."answerId" IS NOT NULL` : Prisma.sql`true`
  const unit = filter.unit ? Prisma.sql`u.code = ${filter.unit}` : Prisma.sql`true`
  const group = filter.group ? Prisma.sql`g.code = ${filter.group}` : Prisma.sql`true`
  const rows = await db().$queryRaw<ThreadRow[]>`
    WITH ${threadsCte(scope)}
    SELECT th."questionId"::text AS "questionId", u.code AS "unitCode", u.name AS "unitName", t.code AS "taskCode", t.title AS "taskTitle",
           left(q.body, ${EXCERPT_LENGTH}) AS "excerpt", asker."displayName" AS "askedBy", th."askedAt",
           th."answerId" IS NOT NULL AS "answered",
           ((COALESCE(th."answeredAt", ${now}::timestamptz) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - (th."askedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "waitedDays",
           EXISTS (SELECT 1 FROM "PublishedQuestion" p WHERE p."questionId" = th."questionId") AS "published",
           (COUNT(*) OVER ())::int AS "total"
      FROM threads th
      JOIN "Assignment" a ON a.id = th."assignmentId"
      JOIN "Unit" u ON u.id = a."unitId" AND ${unitOnRecord()}
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "TaskGroup" g ON g.id = t."groupId"
      JOIN "Comment" q ON q.id = th."questionId"
      JOIN "User" asker ON asker.id = q."authorId"
     WHERE ${state} AND ${unit} AND ${group}
     ORDER BY th."answerId" IS NULL DESC,
              CASE WHEN th."answerId" IS NULL THEN th."askedAt" END ASC,
              th."askedAt" DESC, th."questionId"
     LIMIT ${limit} OFFSET ${offset}`
  const { rows: page, total } = pagedRows(rows)
  return {
    rows: page.map(({ unitCode, unitName, taskCode, taskTitle, ...thread }) => ({ ...thread, unit: { code: unitCode, name: unitName }, task: { code: taskCode, title: taskTitle } })),
    total,
  }
})

/** An answered question of one assignment, for the publish form beside it. */
export type AnsweredQuestion = { questionId: string; answerId: string; published: boolean }

/** The answered questions of one assignment (whose details the page has already checked the reader may read). */
export async function answeredQuestions(assignmentId: string): Promise<AnsweredQuestion[]> {
  return db().$queryRaw<AnsweredQuestion[]>`
    WITH ${threadsCte(Prisma.sql`a.id = ${assignmentId}::uuid`)}
    SELECT th."questionId"::text AS "questionId", th."answerId"::text AS "answerId",
           EXISTS (SELECT 1 FROM "PublishedQuestion" p WHERE p."questionId" = th."questionId") AS "published"
      FROM threads th
     WHERE th."answerId" IS NOT NULL`
}

/** Whether `answerId` answers the question `questionId` (its thread's first answer); for the publish action. */
export async function isAnswerOf(questionId: string, answerId: string): Promise<boolean> {
  const [row] = await db().$queryRaw<{ found: boolean }[]>`
    WITH ${threadsCte(Prisma.sql`a.id = (SELECT c."assignmentId" FROM "Comment" c WHERE c.id = ${questionId}::uuid)`)}
    SELECT EXISTS (SELECT 1 FROM threads th WHERE th."questionId" = ${questionId}::uuid AND th."answerId" = ${answerId}::uuid) AS "found"`
  return row?.found ?? false
}

/** A question and its answer on the district's public list; the unit only when the office chose to name it. */
export type PublishedQuestionRow = {
  id: string
  question: string
  answer: string
  taskTitle: string
  /** Null when the office published it without the asking unit's name. */
  unitName: string | null
  publishedAt: Date
}

/** The district's public list, newest first, for every signed-in account (of the questions asked in their subtree): `limit` from the `offset`-th. */
export const publishedQuestions = cache(async (reader: Pick<Actor, 'scopeUnitId'>, limit: number, offset: number): Promise<Paged<PublishedQuestionRow>> => {
  const rows = await db().$queryRaw<(PublishedQuestionRow & { total: number })[]>`
    SELECT p.id::text AS "id", q.body AS "question", ans.body AS "answer", t.title AS "taskTitle",
           CASE WHEN p."showUnit" THEN u.name END AS "unitName", p."publishedAt",
           (COUNT(*) OVER ())::int AS "total"
      FROM "PublishedQuestion" p
      JOIN "Comment" q ON q.id = p."questionId"
      JOIN "Comment" ans ON ans.id = p."answerId"
      JOIN "Assignment" a ON a.id = q."assignmentId"
      JOIN "Unit" u ON u.id = a."unitId" AND ${unitRowInScopeSql(reader, 'u')}
      JOIN "Task" t ON t.id = a."taskId"
     ORDER BY p."publishedAt" DESC, p.id
     LIMIT ${limit} OFFSET ${offset}`
  return pagedRows(rows)
})

/** The units and groups the page's filter offers: the active ones (units of the reader's subtree, groups they read), in the agreed order. */
export const questionFilterChoices = cache(async (reader: Pick<Actor, 'scopeUnitId'>) => {
  const [units, groups] = await Promise.all([
    db().unit.findMany({ where: { active: true, ...unitsWhere(reader) }, orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }], select: { code: true, name: true } }),
    db().taskGroup.findMany({ where: { active: true, owner: await ownersVisibleWhere(reader) }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { code: true, name: true } }),
  ])
  return { units, groups }
})
