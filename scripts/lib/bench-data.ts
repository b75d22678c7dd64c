// The national-scale benchmark data set: a country of provinces, districts and communes,
// every commune assigned every task, about `updates` status reports per assignment over five years
// ending `now`. Written with set-based SQL (INSERT … SELECT FROM generate_series) in one
// transaction, so a failed run leaves nothing behind.
//
// Every report is a pure function of (assignment number, report number) through a seeded hash, so
// the assignment's current columns are computed from the same expressions as its reports, without
// reading them back: the standing report is the last one, or the one before when the last was
// returned (only even-numbered reports are ever returned, so the one before a returned report
// never is). The test checks the result against the app's own assignment_state_as_of().
//
// Then `merged` communes are merged pairwise through the app's own merge (./bench-merges.ts), one
// transaction each: a failed merge leaves the set filled and marked, and the next run replaces it.
import pg from 'pg'
import { hashPassword } from '../../lib/auth/password'
import { withConnection } from '../../lib/db/connection'
import { migrateDeploy } from './prisma-cli'

export const BENCH_PASSWORD = 'Bench-2026-khong-doan-duoc'
export const BENCH_ACCOUNTS = { leader: 'bench-leader', admin: 'bench-admin', staff: 'bench-staff' } as const
/** The table that marks a database as holding a bench data set (and with which parameters). */
export const BENCH_MARKER_TABLE = '_bench_data_set'

/** `merged`: how many communes are merged pairwise after the fill (0 when not given; an even number). */
export type BenchDataOptions = { units: number; tasks: number; updates: number; merged?: number; now: Date; log?: (line: string) => void }
/** `communes`: the active ones (a merged commune is not; a new successor is); `merges`: the merges applied. */
export type BenchDataCounts = Record<'units' | 'communes' | 'members' | 'groups' | 'tasks' | 'assignments' | 'statusUpdates' | 'users' | 'merges', number>

/** The national set's merges: a tenth of the communes, at most 1,000, in pairs. */
export const defaultMerged = (units: number): number => Math.min(1000, 2 * Math.floor(units / 20))

export class BenchDataRefused extends Error {}

// Reports in the last two weeks still wait for review; older ones were reviewed within three days.
const PENDING_DAYS = 14
const RETURNED_SHARE = 0.04 // of the even-numbered reviewed reports
const BLOCKED_SHARE = 0.05 // of the reports before the last
const GROUP_COUNT = 10
const PROVINCE_COUNT = 63
const DISTRICT_COUNT = 700
const COMMUNES_PER_DISTRICT = 14

const PLACE_WORDS = [
  'An', 'Bình', 'Cẩm', 'Đông', 'Hòa', 'Hưng', 'Lâm', 'Long', 'Minh', 'Nam', 'Phú', 'Quang', 'Sơn', 'Tân', 'Thạch',
  'Thanh', 'Thuận', 'Tiến', 'Trung', 'Vĩnh', 'Xuân', 'Yên', 'Đạp', 'Lương', 'Mông', 'Cầm', 'Đồn', 'Đạc', 'Hải', 'Phong',
]
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Triệu', 'Chíu']
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu', 'Xuân']
const GIVEN_NAMES = ['An', 'Bảo', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn']
const GROUP_NAMES = [
  'Phát triển kinh tế vùng đồng bào dân tộc thiểu số',
  'Giảm nghèo bền vững',
  'Giáo dục và đào tạo',
  'Y tế và chăm sóc sức khỏe nhân dân',
  'Văn hóa và bảo tồn bản sắc dân tộc',
  'Hạ tầng giao thông nông thôn',
  'Nước sạch và vệ sinh môi trường',
  'Đất đai và nhà ở',
  'Xây dựng hệ thống chính trị cơ sở',
  'Quốc phòng, an ninh vùng biên',
]
const TASK_TITLES = [
  'Hỗ trợ hộ nghèo phát triển sinh kế',
  'Cứng hóa đường giao thông liên thôn',
  'Xây dựng nhà văn hóa thôn',
  'Hỗ trợ nhà ở cho hộ khó khăn',
  'Nâng cao tỷ lệ trẻ em đến trường đúng độ tuổi',
  'Cấp nước sinh hoạt hợp vệ sinh',
  'Trồng rừng sản xuất gắn với chế biến',
  'Đào tạo nghề cho lao động nông thôn',
  'Bồi dưỡng cán bộ là người dân tộc thiểu số',
  'Phát triển sản phẩm OCOP',
  'Bảo tồn lễ hội truyền thống',
  'Khám sàng lọc sức khỏe cho người cao tuổi',
]
const INDICATOR_UNITS = ['hộ', 'km', 'công trình', 'người', 'ha', 'sản phẩm']
const CONDITION_UNIT = 'đơn vị cấp xã'
const BLOCKED_NOTES = ['Chưa được bố trí kinh phí, đã báo cáo huyện.', 'Vướng mắc giải phóng mặt bằng.', 'Thời tiết mưa lũ, tạm dừng thi công.']
const RETURNED_NOTE = 'Số liệu chưa khớp với biên bản nghiệm thu, đề nghị báo cáo lại.'
const LATE_NOTE = 'Hoàn thành sau hạn do phải điều chỉnh dự toán.'

/** A SQL array literal of texts (our own constants: no quotes inside). */
function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[]`
}

/** `values[hash(n) mod length]` in SQL: varied but reproducible names. */
function pick(values: readonly string[], n: string, salt: number): string {
  return `(${textArray(values)})[1 + (hashint8extended((${n})::bigint, ${salt}) & 2147483647) % ${values.length}]`
}

/** A Vietnamese person's name for member number n. */
function personName(n: string): string {
  return `${pick(SURNAMES, n, 11)} || ' ' || ${pick(MIDDLE_NAMES, n, 12)} || ' ' || ${pick(GIVEN_NAMES, n, 13)}`
}

/** A place name (two words) for number n. */
function placeName(n: string, salt: number): string {
  return `${pick(PLACE_WORDS, n, salt)} || ' ' || ${pick(PLACE_WORDS, n, salt + 1)}`
}

/**
 * The reports of an assignment, as SQL expressions over the columns of the temporary table
 * bench_assignment (`a`: i, n, fate, final_progress, has_indicator, kind, baseline, target, due) and
 * a report number `j` (1..n). `r(salt)` is uniform in [0, 1), fixed for (i, j, salt).
 */
function reportExpressions(j: string, start: string, now: string) {
  const r = (salt: number) => `pg_temp.bench_uniform(a.i, (${j}) * 16 + ${salt})`
  const span = `(${now} - ${start})`
  // Report j falls in the j-th of n equal slots of the five years, after the slot's first tenth,
  // so that reports are ordered, the last may be days old, and a review (within a tenth of a
  // slot) precedes the next report.
  const createdAt = `date_trunc('milliseconds', ${start} + ${span} * ((${j}) - 0.9 + 0.9 * ${r(1)}) / a.n)`
  const reviewed = `(${createdAt} <= ${now} - interval '${PENDING_DAYS} days')`
  const returned = `(${reviewed} AND (${j}) % 2 = 0 AND ${r(3)} < ${RETURNED_SHARE})`
  const status = `(CASE WHEN (${j}) = a.n THEN a.fate WHEN ${r(2)} < ${BLOCKED_SHARE} THEN 'BLOCKED'::"TaskStatus" ELSE 'IN_PROGRESS'::"TaskStatus" END)`
  const progress = `(CASE WHEN (${j}) = a.n AND a.fate = 'DONE' THEN 100 ELSE (a.final_progress * (${j})) / a.n END)`
  // A condition is answered yes once the work is half done; a figure moves from the baseline to the
  // target (the unit's own, for a target per unit) with the progress.
  const indicatorActual = `(CASE WHEN a.kind = 'CONDITION' THEN (${progress} >= 50)::int
                                 WHEN a.has_indicator THEN round(a.baseline + (a.target - a.baseline) * ${progress} / 100.0, 2) END)`
  const reviewedAt = `(CASE WHEN ${reviewed} THEN date_trunc('milliseconds', ${createdAt} + ${r(4)} * least(interval '72 hours', ${span} * 0.1 / a.n)) END)`
  return { createdAt, reviewed, returned, status, progress, indicatorActual, reviewedAt }
}

type Sql = (text: string) => Promise<pg.QueryResult>

/** Whether the database holds a bench data set (marked) and whether it holds any units. */
async function inspect(client: pg.Client): Promise<{ marked: boolean; hasData: boolean }> {
  const { rows } = await client.query<{ migrated: boolean; marked: boolean }>(
    `SELECT to_regclass('public."Unit"') IS NOT NULL AS migrated, to_regclass('public.${BENCH_MARKER_TABLE}') IS NOT NULL AS marked`,
  )
  const { migrated, marked } = rows[0] ?? { migrated: false, marked: false }
  const hasData = migrated ? ((await client.query('SELECT 1 FROM "Unit" LIMIT 1')).rowCount ?? 0) > 0 : false
  return { marked, hasData }
}

/**
 * Fills the database at `url` with the bench data set. An empty (or unmigrated) database is
 * migrated (migrations are idempotent) and filled; one holding an earlier bench data set is emptied first; any other data is
 * refused (BenchDataRefused).
 */
export async function fillBenchData(url: string, options: BenchDataOptions): Promise<BenchDataCounts> {
  const { units, tasks, updates, now } = options
  const merged = options.merged ?? 0
  if (![units, tasks, updates].every((v) => Number.isInteger(v) && v > 0)) throw new RangeError('units, tasks and updates must be positive integers')
  if (!Number.isInteger(merged) || merged < 0 || merged % 2 !== 0 || merged >= units) throw new RangeError('merged must be an even whole number below units')
  const log = options.log ?? (() => {})
  const began = performance.now()

  const state = await withConnection(url, inspect)
  if (state.hasData && !state.marked)
    throw new BenchDataRefused('The database already holds data that is not a bench data set: refusing to fill it (point DATABASE_URL at an empty database).')
  if (state.marked) {
    // The history tables refuse DELETE and TRUNCATE by design, so an old bench set goes with its schema.
    log('Removing the previous bench data set…')
    await withConnection(url, (client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'))
  }
  await migrateDeploy(url)

  const passwordHash = await hashPassword(BENCH_PASSWORD)
  return withConnection(url, async (client) => {
    const sql: Sql = (text) => client.query(text)
    const step = async (label: string, text: string) => {
      const t0 = performance.now()
      const result = await sql(text)
      log(`  ${label}: ${(result.rowCount ?? 0).toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    }
    const districts = Math.min(DISTRICT_COUNT, Math.ceil(units / COMMUNES_PER_DISTRICT))
    const provinces = Math.min(PROVINCE_COUNT, districts)
    const nowSql = `'${now.toISOString()}'::timestamptz`
    const startSql = `(${nowSql} - interval '5 years')`
    // Ids as the app makes them (UUIDv7, time-ordered: lib/db/uuid.ts), so that the indexes are laid
    // out as in real use: PostgreSQL 18's uuidv7(), or before 18 a random UUID given the time in its
    // first 48 bits and the version 7.
    const hasUuidv7 = (await sql(`SELECT to_regproc('uuidv7') IS NOT NULL AS v7`)).rows[0]?.v7 === true
    const newId = hasUuidv7 ? 'uuidv7()' : 'pg_temp.bench_uuidv7()'

    await sql('BEGIN')
    if (!hasUuidv7)
      await sql(`CREATE FUNCTION pg_temp.bench_uuidv7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE
                   AS $$ SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
                              52, 1), 53, 1), 'hex')::uuid $$`)
    await sql(`CREATE TABLE ${BENCH_MARKER_TABLE} (units int NOT NULL, tasks int NOT NULL, updates int NOT NULL, merged int NOT NULL, now timestamptz NOT NULL, filled_at timestamptz NOT NULL DEFAULT now())`)
    await sql(`INSERT INTO ${BENCH_MARKER_TABLE} (units, tasks, updates, merged, now) VALUES (${units}, ${tasks}, ${updates}, ${merged}, ${nowSql})`)
    await sql(`CREATE FUNCTION pg_temp.bench_uniform(i bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT (hashint8extended(i, salt) & 4503599627370495)::float8 / 4503599627370496 $$`)

    // The tree: the country and its provinces are PROVINCE-kind units (UnitKind has no country: the
    // top of the tree is the unit above every district), then the districts, then the communes
    // (every twelfth one a township).
    log(`Units: 1 country, ${provinces} provinces, ${districts} districts, ${units.toLocaleString('en-US')} communes`)
    await sql(`CREATE TEMP TABLE bench_unit ON COMMIT DROP AS
      SELECT 0 AS level, 0 AS n, ${newId} AS id, NULL::int AS parent_n, 'ca-nuoc'::text AS code, 'Toàn quốc'::text AS name, 'PROVINCE'::"UnitKind" AS kind
      UNION ALL SELECT 1, p, ${newId}, 0, 'tinh-' || lpad(p::text, 2, '0'), 'Tỉnh ' || ${placeName('p', 1)}, 'PROVINCE' FROM generate_series(1, ${provinces}) p
      UNION ALL SELECT 2, d, ${newId}, 1 + ((d - 1) * ${provinces}) / ${districts}, 'huyen-' || lpad(d::text, 3, '0'), 'Huyện ' || ${placeName('d', 3)}, 'DISTRICT'
        FROM generate_series(1, ${districts}) d
      UNION ALL SELECT 3, c, ${newId}, 1 + ((c - 1)::bigint * ${districts} / ${units})::int, 'xa-' || lpad(c::text, 5, '0'),
             CASE WHEN c % 12 = 0 THEN 'Thị trấn ' ELSE 'Xã ' END || ${placeName('c', 5)},
             CASE WHEN c % 12 = 0 THEN 'TOWNSHIP' ELSE 'COMMUNE' END::"UnitKind"
        FROM generate_series(1, ${units}) c`)
    // Members: one per province and per district; a district's member is in charge of the
    // district and all its communes.
    await sql(`CREATE TEMP TABLE bench_member ON COMMIT DROP AS
      SELECT u.level, u.n, ${newId} AS id, ${newId} AS user_id FROM bench_unit u WHERE u.level IN (1, 2)`)
    await step('members', `INSERT INTO "Member" (id, code, name, title, "sortOrder", "createdAt", "updatedAt")
      SELECT m.id, CASE m.level WHEN 1 THEN 'uv-tinh-' || lpad(m.n::text, 2, '0') ELSE 'uv-huyen-' || lpad(m.n::text, 3, '0') END,
             ${personName('m.level * 100000 + m.n')}, CASE m.level WHEN 1 THEN 'Tỉnh ủy viên' ELSE 'Huyện ủy viên' END,
             m.level * 100000 + m.n, ${startSql}, ${startSql}
        FROM bench_member m`)
    await step('units', `INSERT INTO "Unit" (id, code, name, kind, "parentId", "inChargeMemberId", "sortOrder", "createdAt", "updatedAt")
      SELECT u.id, u.code, u.name, u.kind, p.id, m.id, u.n, ${startSql}, ${startSql}
        FROM bench_unit u
        LEFT JOIN bench_unit p ON p.level = u.level - 1 AND p.n = u.parent_n
        LEFT JOIN bench_member m ON m.level = least(u.level, 2) AND m.n = CASE WHEN u.level = 3 THEN u.parent_n ELSE u.n END
       ORDER BY u.level, u.n`)
    // Each member sits on the committee of their province or district.
    await step('members\' units', `UPDATE "Member" mm SET "unitId" = u.id FROM bench_member m JOIN bench_unit u ON (u.level, u.n) = (m.level, m.n) WHERE mm.id = m.id`)

    // Accounts, all with the one bench password (one argon2 hash, shared: hashing ten thousand
    // times would take minutes and prove nothing). The district-1 member is bench-leader (in
    // charge of the first commune, lead of the first group), whose account sits at the top of the
    // tree so that the pages it reads are the whole country's, the heaviest; commune 1's staff is bench-staff;
    // every other commune's staff signs in with the commune code, every member with the member code.
    await sql(`CREATE TEMP TABLE bench_staff ON COMMIT DROP AS
      SELECT u.n, u.id AS unit_id, ${newId} AS user_id, m.user_id AS reviewer_id
        FROM bench_unit u JOIN bench_member m ON m.level = 2 AND m.n = u.parent_n WHERE u.level = 3`)
    await sql(`CREATE INDEX ON bench_staff (n)`)
    await step('users', `INSERT INTO "User" (id, username, "displayName", "passwordHash", role, "unitId", "memberId", "createdAt", "updatedAt")
      SELECT m.user_id, CASE WHEN (m.level, m.n) = (2, 1) THEN '${BENCH_ACCOUNTS.leader}' ELSE mm.code END, mm.name, '${passwordHash}', 'LEADER'::"Role", u.id, m.id, ${startSql}, ${startSql}
        FROM bench_member m JOIN "Member" mm ON mm.id = m.id
        JOIN bench_unit u ON (u.level, u.n) = CASE WHEN (m.level, m.n) = (2, 1) THEN (0, 0) ELSE (m.level, m.n) END
      UNION ALL
      SELECT s.user_id, CASE WHEN s.n = 1 THEN '${BENCH_ACCOUNTS.staff}' ELSE u.code END, 'Cán bộ ' || u.name, '${passwordHash}', 'STAFF', s.unit_id, NULL, ${startSql}, ${startSql}
        FROM bench_staff s JOIN bench_unit u ON u.level = 3 AND u.n = s.n
      UNION ALL
      SELECT ${newId}, '${BENCH_ACCOUNTS.admin}', 'Quản trị hệ thống (thử tải)', '${passwordHash}', 'ADMIN', u.id, NULL, ${startSql}, ${startSql}
        FROM bench_unit u WHERE u.level = 0`)

    // The groups, their tasks and the periods are the country's (the top unit's): every commune has every task.
    const groups = Math.min(GROUP_COUNT, tasks)
    const topUnit = `(SELECT id FROM bench_unit WHERE level = 0)`
    await step('task groups', `INSERT INTO "TaskGroup" (id, code, name, "leadMemberId", "ownerUnitId", "sortOrder", "createdAt", "updatedAt")
      SELECT ${newId}, 'nhom-' || lpad(g::text, 2, '0'), (${textArray(GROUP_NAMES)})[1 + (g - 1) % ${GROUP_NAMES.length}], m.id, ${topUnit}, g, ${startSql}, ${startSql}
        FROM generate_series(1, ${groups}) g JOIN bench_member m ON m.level = 2 AND m.n = 1 + (g - 1) % ${districts}`)
    // Due dates spread from six months after the start to six months from now; every third task
    // has an indicator, of each kind in turn (lib/domain/indicator.ts): a target per unit (3, 12,
    // …), a sum (6, 15, …), a condition with neither baseline nor target (9, 18, …).
    const kind = `(CASE t % 9 WHEN 3 THEN 'PER_UNIT' WHEN 6 THEN 'SUM' ELSE 'CONDITION' END)::"IndicatorKind"`
    await step('tasks', `INSERT INTO "Task" (id, code, "groupId", title, "dueDate", scope, "indicatorKind", "indicatorUnit", "indicatorBaseline", "indicatorTarget", "sortOrder", "createdAt", "updatedAt")
      SELECT ${newId}, 'nv-' || lpad(t::text, 3, '0'), g.id,
             (${textArray(TASK_TITLES)})[1 + (t - 1) % ${TASK_TITLES.length}] || ' (đợt ' || (1 + (t - 1) / ${TASK_TITLES.length}) || ')',
             (${startSql} + interval '6 months' + (${nowSql} - ${startSql}) * (t - 1)::float8 / greatest(${tasks} - 1, 1))::date, 'COMMUNE',
             CASE WHEN t % 3 = 0 THEN ${kind} END,
             CASE WHEN t % 9 = 0 THEN '${CONDITION_UNIT}' WHEN t % 3 = 0 THEN (${textArray(INDICATOR_UNITS)})[1 + (t / 3) % ${INDICATOR_UNITS.length}] END,
             CASE WHEN t % 3 = 0 AND t % 9 <> 0 THEN (t * 7) % 20 END, CASE WHEN t % 3 = 0 AND t % 9 <> 0 THEN 20 + (t * 37) % 80 END,
             t, ${startSql}, ${startSql}
        FROM generate_series(1, ${tasks}) t JOIN "TaskGroup" g ON g."sortOrder" = 1 + (t - 1) % ${groups}`)
    await step('reporting periods', `INSERT INTO "ReportingPeriod" (id, code, name, kind, "startDate", "endDate", "ownerUnitId", "createdAt", "updatedAt")
      SELECT ${newId}, 'nam-' || y, 'Sơ kết năm thứ ' || y, CASE WHEN y = 5 THEN 'FINAL' ELSE 'INTERIM' END::"PeriodKind",
             (${startSql} + (y - 1) * interval '1 year')::date, (${startSql} + y * interval '1 year' - interval '1 day')::date, ${topUnit}, ${startSql}, ${startSql}
        FROM generate_series(1, 5) y`)

    // Every commune-level unit gets every task. Per assignment: n reports (0..2×updates, mean
    // `updates`), its fate (done, blocked or in progress), the progress it reaches and, for a target
    // per unit, the unit's own target (half to one and a half times the task's way from the baseline).
    log(`Assignments: ${units.toLocaleString('en-US')} × ${tasks} = ${(units * tasks).toLocaleString('en-US')}`)
    await sql(`CREATE TEMP TABLE bench_assignment ON COMMIT DROP AS
      SELECT i, ${newId} AS id, task_id, unit_id, member_id, author_id, reviewer_id, due, has_indicator, kind, baseline,
             CASE WHEN kind = 'PER_UNIT' THEN baseline + ceil((target - baseline) * (0.5 + pg_temp.bench_uniform(i, 4))::numeric) ELSE target END AS target,
             floor(pg_temp.bench_uniform(i, 1) * ${2 * updates + 1})::int AS n,
             CASE WHEN f < 0.45 THEN 'DONE' WHEN f < 0.53 THEN 'BLOCKED' ELSE 'IN_PROGRESS' END::"TaskStatus" AS fate,
             CASE WHEN f < 0.45 THEN 100 ELSE 10 + floor(pg_temp.bench_uniform(i, 3) * 80)::int END AS final_progress
        FROM (SELECT (s.n - 1)::bigint * ${tasks} + t."sortOrder" AS i, t.id AS task_id, s.unit_id, u."inChargeMemberId" AS member_id,
                     s.user_id AS author_id, s.reviewer_id, t."dueDate" AS due, t."indicatorUnit" IS NOT NULL AS has_indicator, t."indicatorKind" AS kind,
                     t."indicatorBaseline" AS baseline, t."indicatorTarget" AS target,
                     pg_temp.bench_uniform((s.n - 1)::bigint * ${tasks} + t."sortOrder", 2) AS f
                FROM bench_staff s JOIN "Unit" u ON u.id = s.unit_id CROSS JOIN "Task" t) x
       ORDER BY i`)
    await sql('ANALYZE bench_assignment')

    const last = reportExpressions('a.n', startSql, nowSql)
    const before = reportExpressions('a.n - 1', startSql, nowSql)
    // The standing report: the last, or (when the last was returned) the one before, if any.
    const standing = <K extends keyof typeof last>(key: K, none: string) =>
      `(CASE WHEN a.n = 0 THEN ${none} WHEN NOT ${last.returned} THEN ${last[key]} WHEN a.n > 1 THEN ${before[key]} ELSE ${none} END)`
    const any = reportExpressions('j', startSql, nowSql)
    await withIndexesRebuilt(sql, 'Assignment', log, () =>
      // A unit's own target enters its history (AssignmentTarget) by the table's trigger, from the assignment's creation.
      step('assignments', `INSERT INTO "Assignment" (id, "taskId", "unitId", status, progress, "indicatorActual", "indicatorTarget", "responsibleMemberId", version,
                                       "completedAt", "lastUpdateAt", "lastUpdateById", "createdAt", "updatedAt")
        SELECT a.id, a.task_id, a.unit_id, ${standing('status', `'NOT_STARTED'::"TaskStatus"`)}, ${standing('progress', '0')},
               ${standing('indicatorActual', 'NULL')}, CASE WHEN a.kind = 'PER_UNIT' THEN a.target END, a.member_id,
               -- every report was accepted once, and every returned one (the latest when returned) reverted the assignment
               a.n + (SELECT count(*) FROM generate_series(2, a.n, 2) j WHERE ${any.returned})::int,
               CASE WHEN a.n > 0 AND a.fate = 'DONE' AND NOT ${last.returned} THEN ${last.createdAt} END,
               ${standing('createdAt', 'NULL')}, CASE WHEN a.n = 0 OR (a.n = 1 AND ${last.returned}) THEN NULL ELSE a.author_id END,
               ${startSql}, ${nowSql}
          FROM bench_assignment a`),
    )

    log(`Status updates: about ${(units * tasks * updates).toLocaleString('en-US')}`)
    await withIndexesRebuilt(sql, 'StatusUpdate', log, () =>
      step('status updates', `INSERT INTO "StatusUpdate" (id, "assignmentId", "authorId", status, progress, "indicatorActual", note, "createdAt",
                                         "reviewState", "reviewedById", "reviewedAt", "reviewNote")
        SELECT ${newId}, a.id, a.author_id, ${any.status}, ${any.progress}, ${any.indicatorActual},
               CASE WHEN ${any.status} = 'BLOCKED' THEN ${pick(BLOCKED_NOTES, 'a.i * 64 + j', 21)}
                    WHEN ${any.status} = 'DONE' AND ${any.createdAt}::date > a.due THEN '${LATE_NOTE}' END,
               ${any.createdAt},
               CASE WHEN ${any.returned} THEN 'RETURNED' WHEN ${any.reviewed} THEN 'CONFIRMED' ELSE 'PENDING' END::"ReviewState",
               CASE WHEN ${any.reviewed} THEN a.reviewer_id END, ${any.reviewedAt},
               CASE WHEN ${any.returned} THEN '${RETURNED_NOTE}' END
          FROM bench_assignment a CROSS JOIN LATERAL generate_series(1, a.n) j`),
    )
    await sql('COMMIT')

    const t0 = performance.now()
    await sql('ANALYZE')
    log(`  analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    if (merged > 0) {
      log(`Merges: ${merged.toLocaleString('en-US')} communes, pairwise, through the app's merge`)
      // Imported here: the app's server modules load only under the react-server condition, which the bench's other users do not set.
      const { applyBenchMerges } = await import('./bench-merges')
      await applyBenchMerges(url, { units, merged, adminUsername: BENCH_ACCOUNTS.admin, log })
    }
    const counts = await countRows(client)
    log(`Done in ${((performance.now() - began) / 1000).toFixed(1)} s`)
    return counts
  })
}

/**
 * Runs `fill` with the table's secondary indexes and foreign keys dropped, then recreates them from
 * their own definitions (pg_indexes, pg_get_constraintdef), exactly as the migrations made them:
 * one sort per index instead of millions of single-row insertions, and one join per foreign key
 * that checks every row (ADD CONSTRAINT validates) instead of millions of row-by-row look-ups.
 * The primary key and CHECK constraints stay in force throughout.
 */
async function withIndexesRebuilt(sql: Sql, table: string, log: (line: string) => void, fill: () => Promise<void>): Promise<void> {
  const indexes = (
    await sql(`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = '${table}'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('public.%I', i.indexname)::regclass)`)
  ).rows as { name: string; definition: string }[]
  const foreignKeys = (
    await sql(`SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'public."${table}"'::regclass AND contype = 'f'`)
  ).rows as { name: string; definition: string }[]
  for (const key of foreignKeys) await sql(`ALTER TABLE public."${table}" DROP CONSTRAINT "${key.name}"`)
  for (const index of indexes) await sql(`DROP INDEX public."${index.name}"`)
  await fill()
  const t0 = performance.now()
  for (const index of indexes) await sql(index.definition)
  for (const key of foreignKeys) await sql(`ALTER TABLE public."${table}" ADD CONSTRAINT "${key.name}" ${key.definition}`)
  log(`  ${indexes.length} indexes and ${foreignKeys.length} foreign keys of "${table}" rebuilt and checked in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

export async function countRows(client: pg.Client): Promise<BenchDataCounts> {
  const { rows } = await client.query<Record<keyof BenchDataCounts, string>>(`SELECT
      (SELECT count(*) FROM "Unit") AS units, (SELECT count(*) FROM "Unit" WHERE kind IN ('COMMUNE', 'TOWNSHIP') AND active) AS communes,
      (SELECT count(*) FROM "Member") AS members, (SELECT count(*) FROM "TaskGroup") AS groups, (SELECT count(*) FROM "Task") AS tasks,
      (SELECT count(*) FROM "Assignment") AS assignments, (SELECT count(*) FROM "StatusUpdate") AS "statusUpdates",
      (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "UnitChange" WHERE kind = 'MERGE') AS merges`)
  const row = rows[0]
  if (!row) throw new Error('no counts')
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as BenchDataCounts
}
