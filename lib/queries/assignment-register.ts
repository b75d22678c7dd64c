// The district's whole register of assignments (every active task in every unit that counts on the
// source's day, under its name of that day: a unit merged into another until its merge), for the
// full download. At national scale it is a million rows: read on a connection of its own inside one
// read-only repeatable-read transaction (the whole file is one state of the data however long the
// download takes), streamed as it is read, never held whole. The database does the per-row work:
// the status labels (as lib/domain/status.ts statusLabelsOf says them; the test compares the two),
// the district days and, for CSV, the text of every cell, written by COPY.
import 'server-only'
import pg from 'pg'
import { databaseEnvSchema, parseEnv } from '@/lib/config/env'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import { copyOut } from '@/lib/db/copy-out'
import { DISTRICT_TIME_ZONE, type CalendarDay } from '@/lib/domain/calendar'
import type { IndicatorKind } from '@/lib/domain/indicator'
import { DUE_SOON_DAYS, type StatusLabel } from '@/lib/domain/status'
import { targetOn, type ProgressSource } from './progress-source'
import { unitNameOn, unitStoodOn } from './unit-history'

/** Every list of labels statusLabelsOf can give, which the register's SQL names by joining them with commas. */
export const REGISTER_LABEL_LISTS: readonly (readonly StatusLabel[])[] = [
  ['doneOnTime'],
  ['doneLate'],
  ['overdue'],
  ['overdue', 'blocked'],
  ...(['blocked', 'inProgress', 'notStarted'] as const).flatMap((label) => [[label], [label, 'dueSoon'] as const]),
]

export type RegisterRow = {
  unitName: string
  groupName: string
  title: string
  labels: readonly StatusLabel[]
  progress: number
  /** DECIMAL as a plain string ("12.5"); null before a figure is reported. A CONDITION's is its answer (CONDITION_YES or CONDITION_NO). */
  indicatorActual: string | null
  indicatorKind: IndicatorKind | null
  /** A PER_UNIT indicator's own target of the unit, as it stood on the source's day; null for other kinds or until set. */
  unitTarget: string | null
  indicatorUnit: string | null
  dueDay: CalendarDay
  completedDay: CalendarDay | null
  lastUpdateDay: CalendarDay | null
  /** The member responsible for the assignment, else the member in charge of the unit. */
  memberName: string | null
}

/** How many assignments the register holds. */
export async function registerSize(source: ProgressSource): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS count
      FROM ${source.assignments} a
      JOIN "Task" t ON t.id = a."taskId" AND t.active
      JOIN "Unit" u ON u.id = a."unitId" AND ${source.unitCounted()}`
  return row?.count ?? 0
}

// COPY takes no parameters, so the values a query needs travel as settings of its transaction
// (set_config with bind parameters), read back with current_setting: no value is ever spliced into SQL.
const SETTING = { today: 'nq19_register.today', at: 'nq19_register.at', labelTexts: 'nq19_register.label_texts', answerTexts: 'nq19_register.answer_texts' } as const

/** Today in the district, read once per query (an InitPlan), not once per row. */
const TODAY = `(SELECT current_setting('${SETTING.today}')::date)`
/**
 * The source's assignments, as text (ProgressSource.assignments is a query with parameters); a past
 * day's instant a plain argument, not a sub-select, so that PostgreSQL can inline the function into the plan.
 */
const ASSIGNMENTS: Record<ProgressSource['name'], string> = {
  'kept counts': '"Assignment"',
  history: `assignment_state_as_of(current_setting('${SETTING.at}')::timestamptz)`,
}
/** SQL without parameters as its text (a condition made for bind parameters, given only text). */
function sqlText(sql: Prisma.Sql): string {
  if (sql.values.length > 0) throw new Error('sqlText: the SQL has parameters')
  return sql.text
}
/** The own target of the assignment `a` on the source's day, as ProgressSource.unitTarget says it, in text. */
const UNIT_TARGET: Record<ProgressSource['name'], string> = {
  'kept counts': 'a."indicatorTarget"',
  history: sqlText(targetOn(Prisma.raw(`current_setting('${SETTING.at}')::timestamptz`), 'a', 'indicatorTarget')),
}
/** The units `u` of the source's day and their names then, as ProgressSource.unitCounted and unitName say them, in text. */
const UNITS: Record<ProgressSource['name'], { counted: string; name: string }> = {
  'kept counts': { counted: 'u.active', name: 'u.name' },
  history: { counted: sqlText(unitStoodOn(Prisma.raw(TODAY))), name: sqlText(unitNameOn(Prisma.raw(TODAY))) },
}
const districtDay = (instant: string) => `(${instant} AT TIME ZONE '${DISTRICT_TIME_ZONE}')::date`

/** statusLabelsOf (lib/domain/status.ts) in SQL, over an assignment `a` and its task's due day `t.due`: the labels joined by commas ("overdue,blocked"). */
const LABELS = `CASE
  WHEN a.status = 'DONE' THEN
    CASE WHEN a."completedAt" IS NULL OR ${districtDay('a."completedAt"')} <= t.due THEN 'doneOnTime' ELSE 'doneLate' END
  WHEN t.due < ${TODAY} THEN
    CASE WHEN a.status = 'BLOCKED' THEN 'overdue,blocked' ELSE 'overdue' END
  ELSE
    CASE a.status WHEN 'BLOCKED' THEN 'blocked' WHEN 'IN_PROGRESS' THEN 'inProgress' ELSE 'notStarted' END
    || CASE WHEN t.due <= ${TODAY} + ${DUE_SOON_DAYS} THEN ',dueSoon' ELSE '' END
END`

/**
 * How a file writes the register's cells, as SQL over the value's expression; `answer`: a
 * CONDITION's figure ("1", "0"); `kind`: whether a row carries its indicator's kind (for the
 * writer in TypeScript; the CSV has its answers in words already).
 */
type CellWriting = { text(value: string): string; number(value: string): string; day(value: string): string; labels(value: string): string; answer(value: string): string; kind: boolean }

/**
 * Every assignment's row of the register as `cells` writes it, by unit in the district's order and
 * by task group and task within a unit. A unit's and a task's own cells are written once each (ten
 * thousand units, a hundred tasks), not once per row. Each unit's assignments are one ordered
 * lateral read (the index on unitId), and the rows come out in that order as they are read (a
 * nested loop keeps its outer order): there is no sort of the whole register.
 */
function registerQuery(source: ProgressSource, cells: CellWriting): string {
  return `
    WITH task AS MATERIALIZED (
      SELECT t.id, t."dueDate" AS due,
             row_number() OVER (ORDER BY g."sortOrder", g.code, t."sortOrder", t.code) AS position,
             ${cells.text('g.name')} AS group_name, ${cells.text('t.title')} AS title,
             t."indicatorKind" AS kind, ${cells.text('t."indicatorUnit"')} AS indicator_unit, ${cells.day('t."dueDate"')} AS due_day
        FROM "Task" t
        JOIN "TaskGroup" g ON g.id = t."groupId"
       WHERE t.active),
    unit AS MATERIALIZED (
      SELECT u.id, u."sortOrder", u.name AS sort_name, ${cells.text('u.name')} AS name, ${cells.text('m.name')} AS in_charge_name
        FROM (SELECT u.id, u."sortOrder", ${UNITS[source.name].name} AS name, u."inChargeMemberId"
                FROM "Unit" u
               WHERE ${UNITS[source.name].counted}) u
        LEFT JOIN "Member" m ON m.id = u."inChargeMemberId")
    SELECT u.name, x.group_name, x.title, x.labels, x.progress, x.indicator_actual, ${cells.kind ? 'x.kind::text, ' : ''}x.unit_target, x.indicator_unit,
           x.due_day, x.completed_day, x.last_update_day,
           COALESCE(${cells.text('x.responsible_name')}, u.in_charge_name)
      FROM (SELECT * FROM unit ORDER BY "sortOrder", sort_name, id) u
     CROSS JOIN LATERAL (
       SELECT t.group_name, t.title, ${cells.labels(LABELS)} AS labels, ${cells.number('a.progress')} AS progress,
              CASE WHEN t.kind = 'CONDITION' THEN ${cells.answer('trim_scale(a."indicatorActual")::text')} ELSE ${cells.number('trim_scale(a."indicatorActual")::text')} END AS indicator_actual,
              t.kind, CASE WHEN t.kind = 'PER_UNIT' THEN ${cells.number(`trim_scale(${UNIT_TARGET[source.name]})::text`)} END AS unit_target,
              t.indicator_unit, t.due_day,
              ${cells.day(districtDay('a."completedAt"'))} AS completed_day,
              ${cells.day(districtDay('a."lastUpdateAt"'))} AS last_update_day,
              m.name AS responsible_name
         FROM ${ASSIGNMENTS[source.name]} a
         JOIN task t ON t.id = a."taskId"
         LEFT JOIN "Member" m ON m.id = a."responsibleMemberId"
        WHERE a."unitId" = u.id
        ORDER BY t.position) x`
}

/** What a query reads besides the source: the labels' and a condition's answers' texts (CSV) and how PostgreSQL writes a day. */
type Writing = { labelTexts: Record<string, string>; answerTexts: Record<string, string>; dateStyle: 'SQL, DMY' | 'ISO, YMD' }

/** Reads inside one read-only snapshot on a connection of its own, with the settings the query reads. */
async function* inSnapshot<T>({ day, at }: ProgressSource, writing: Writing, read: (client: pg.Client) => AsyncGenerator<T>): AsyncGenerator<T> {
  const client = new pg.Client({ connectionString: parseEnv(databaseEnvSchema, process.env).DATABASE_URL })
  await client.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await client.query(
      `SELECT set_config('${SETTING.today}', $1, true), set_config('${SETTING.at}', $2, true), set_config('${SETTING.labelTexts}', $3, true),
              set_config('${SETTING.answerTexts}', $4, true), set_config('DateStyle', $5, true)`,
      [day, at.toISOString(), JSON.stringify(writing.labelTexts), JSON.stringify(writing.answerTexts), writing.dateStyle],
    )
    yield* read(client)
    await client.query('COMMIT')
  } finally {
    // Mid-COPY (a cancelled download) this closes the socket, and the server stops the COPY.
    await client.end()
  }
}

/**
 * lib/reports/csv.ts's cells: a text that a spreadsheet would take for a formula gets a leading
 * apostrophe, an empty text is an empty cell (COPY would write ""), days are dd/mm/yyyy (PostgreSQL's
 * own writing of a date in the DateStyle "SQL, DMY": cheaper than to_char) and the labels are their texts.
 */
const CSV_CELLS: CellWriting = {
  text: (value) => `CASE WHEN ${value} = '' THEN NULL WHEN left(${value}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${value} ELSE ${value} END`,
  number: (value) => value,
  day: (value) => value,
  labels: (value) => `(SELECT current_setting('${SETTING.labelTexts}')::jsonb) ->> (${value})`,
  answer: (value) => `(SELECT current_setting('${SETTING.answerTexts}')::jsonb) ->> (${value})`,
  kind: false,
}

/**
 * The register's rows as CSV text, in lib/reports/csv.ts's format (RFC 4180 quoting, CRLF line
 * ends), the header row not included. The label lists are written as `labelTexts` says, keyed by
 * the labels joined with commas (REGISTER_LABEL_LISTS); a condition's answer as `answerTexts`
 * says, keyed by CONDITION_YES and CONDITION_NO.
 */
export function registerCsvLines(source: ProgressSource, labelTexts: Record<string, string>, answerTexts: Record<string, string>): AsyncGenerator<Buffer> {
  const sql = `COPY (${registerQuery(source, CSV_CELLS)}) TO STDOUT (FORMAT csv)`
  return inSnapshot(source, { labelTexts, answerTexts, dateStyle: 'SQL, DMY' }, (client) => copyOut(client, sql))
}

/**
 * Cells of SpreadsheetML (lib/reports/xlsx.ts's writing), each the end of a `<c r="…"` element:
 * its style, type and value; null for an empty cell. Texts lose the characters XML cannot hold
 * and have the rest escaped, line breaks as character references (so that a row is one line of
 * COPY's output); days are Excel's day numbers; a list of labels and a condition's answer are the
 * cells `labelTexts` and `answerTexts` hold.
 */
function xmlCells(styles: XmlCellStyles): CellWriting {
  const escaped = (value: string) =>
    `replace(replace(replace(replace(replace(replace(translate(${value}, ${XML_CONTROL_CHARACTERS}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), E'\\r', '&#13;'), E'\\n', '&#10;')`
  return {
    text: (value) => `CASE WHEN ${value} <> '' THEN ' s="${styles.plain}" t="inlineStr"><is><t xml:space="preserve">' || ${escaped(value)} || '</t></is></c>' END`,
    number: (value) => `(' s="${styles.plain}"><v>' || (${value}) || '</v></c>')`,
    day: (value) => `(' s="${styles.date}"><v>' || ((${value}) - DATE '1899-12-30') || '</v></c>')`,
    labels: CSV_CELLS.labels,
    answer: CSV_CELLS.answer,
    kind: false,
  }
}

/** The characters XML 1.0 cannot hold that a text in PostgreSQL can, as an SQL string for translate(). */
const XML_CONTROL_CHARACTERS = `E'${[...Array(32).keys()]
  .filter((code) => code > 0 && ![9, 10, 13].includes(code))
  .map((code) => `\\x${code.toString(16).padStart(2, '0')}`)
  .join('')}\\uFFFE\\uFFFF'`

/** The style indexes (styles.xml's cellXfs) of a plain cell and a day. */
export type XmlCellStyles = { plain: number; date: number }

/** The register's columns, in the order registerQuery gives them (Excel's column letters). */
const REGISTER_COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const

/**
 * The register's rows as SpreadsheetML `<row>` elements, one per line, numbered from `firstRow`:
 * what lib/reports/xlsx.ts writes from registerRows, written by PostgreSQL instead (COPY), so that
 * a million rows cost the server bytes to pass on rather than cells to make and collect. The label
 * lists and a condition's answers are the cells' ends `labelCells` and `answerCells` give (keyed
 * as registerCsvLines's texts).
 */
export function registerXmlRows(source: ProgressSource, firstRow: number, styles: XmlCellStyles, labelCells: Record<string, string>, answerCells: Record<string, string>): AsyncGenerator<Buffer> {
  const cells = REGISTER_COLUMNS.map((letter, i) => `COALESCE('<c r="${letter}' || n || '"' || c${i}, '')`).join(' || ')
  const columns = REGISTER_COLUMNS.map((_, i) => `c${i}`).join(', ')
  const numbered = `SELECT (row_number() OVER () + ${Math.trunc(firstRow) - 1})::text AS n, q.* FROM (${registerQuery(source, xmlCells(styles))}) q(${columns})`
  // Delimiter and quote are characters no cell holds (XML cannot), so COPY writes each row as it is.
  const sql = `COPY (SELECT '<row r="' || n || '">' || ${cells} || '</row>' FROM (${numbered}) r) TO STDOUT (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`
  return inSnapshot(source, { labelTexts: labelCells, answerTexts: answerCells, dateStyle: 'ISO, YMD' }, (client) => copyOut(client, sql, { crlf: false }))
}

/** The values as they are, days as YYYY-MM-DD text (pg would make a date a Date at midnight of the server's zone). */
const PLAIN_CELLS: CellWriting = { text: (value) => value, number: (value) => value, day: (value) => `(${value})::text`, labels: (value) => value, answer: (value) => value, kind: true }

type RegisterRecord = [
  string, string, string, string, number, string | null, IndicatorKind | null, string | null, string | null, CalendarDay, CalendarDay | null, CalendarDay | null, string | null,
]

const labelLists = new Map(REGISTER_LABEL_LISTS.map((labels) => [labels.join(','), labels]))

/**
 * The register's rows, `batchSize` at a time (a cursor); the next batch is read while the caller
 * works on this one.
 */
export async function* registerRows(source: ProgressSource, batchSize: number): AsyncGenerator<RegisterRow[]> {
  yield* inSnapshot(source, { labelTexts: {}, answerTexts: {}, dateStyle: 'ISO, YMD' }, async function* (client) {
    await client.query(`DECLARE register NO SCROLL CURSOR FOR ${registerQuery(source, PLAIN_CELLS)}`)
    const fetch = () => client.query<RegisterRecord>({ text: `FETCH FORWARD ${Math.trunc(batchSize)} FROM register`, rowMode: 'array' })
    for (let next = fetch(); ; ) {
      const { rows } = await next
      if (rows.length === 0) return
      next = fetch()
      // Settle a read that fails while the caller works on this batch; it is awaited above next time.
      next.catch(() => undefined)
      yield rows.map(([unitName, groupName, title, labels, progress, indicatorActual, indicatorKind, unitTarget, indicatorUnit, dueDay, completedDay, lastUpdateDay, memberName]) => {
        const known = labelLists.get(labels)
        if (!known) throw new Error(`registerRows: unknown labels ${labels}`)
        return { unitName, groupName, title, labels: known, progress, indicatorActual, indicatorKind, unitTarget, indicatorUnit, dueDay, completedDay, lastUpdateDay, memberName }
      })
    }
  })
}
