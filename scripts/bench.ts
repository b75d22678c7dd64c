// `npm run bench`: every figure in one run, against the production build started here:
// pages at 1 and 20 users, the overview's query time beside the hand-written limit, status report
// saves (latency and sustained rate), the register's CSV and XLSX exports (rows/s, the server's
// peak memory) and each read page's client JavaScript. Prints a table with the targets and writes
// every figure to bench-results/. The read pages also at their first reader after a write (a cold
// cache), with how often each kept section and result was served to a reader instead of computed.
// Flags: --demo measures the Ba Chẽ demo data instead of the `npm run bench:data` data set;
// --quick takes short samples (the run `npm test` keeps so the script cannot rot); --only pages,
// --only server or --only exports measures that part alone.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { withConnection } from '../lib/db/connection'
import { DATA_STATE_SQL, dataStateOf, type DataStateRow } from '../lib/db/data-state'
import type { CacheCounts } from '../lib/db/snapshot-cache'
import { clientScriptGzipBytes, coldLatency, lineCounter, loadLatency, measureExport, sequentialLatency, type ExportResult, type LoadResult } from './lib/bench-http'
import { figureRows, printTable, type Figure } from './lib/bench-report'
import type { BenchServerSideInput, BenchServerSideResult } from './lib/bench-server-side'
import type { Latency } from './lib/bench-stats'
import { benchTarget } from './lib/bench-target'
import { startNextServer } from './lib/next-server'
import { bin, projectRoot, run } from './lib/process'
import { signInThroughForm } from './lib/sign-in'

const { values: flags } = parseArgs({ options: { demo: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false }, only: { type: 'string' } } })
const PARTS = ['pages', 'server', 'exports'] as const
if (flags.only !== undefined && !(PARTS as readonly string[]).includes(flags.only)) throw new Error(`--only takes one of: ${PARTS.join(', ')}`)
/** Whether this run measures the part (all of them without --only). */
const measures = (part: (typeof PARTS)[number]) => flags.only === undefined || flags.only === part
// One user's latency takes 100 requests: the p95 of 20 was their second slowest, one pause of this
// shared machine's, not the page's.
const sample = flags.quick
  ? { requests: 5, warmUps: 1, loadSeconds: 3, colds: 3, queryRuns: 5, saves: 20, writeSeconds: 1 }
  : { requests: 100, warmUps: 10, loadSeconds: 10, colds: 20, queryRuns: 20, saves: 200, writeSeconds: 10 }
const USERS = 20
const WRITERS = 20

type PageName = 'overview' | 'commune' | 'member' | 'task' | 'search'
type PageResult = { path: string; oneUser: Latency & { bytes: number }; users: LoadResult; cold: Latency; clientJs: { scripts: number; bytes: number } }
/** The lists of every commune, member and report awaiting confirmation: one user, to show they do not grow with the country. */
/** The rates at 20 users the pages are held to (requests per second). */
const USERS_RATE_TARGETS: Partial<Record<PageName, { at: 'least'; value: number }>> = { overview: { at: 'least', value: 60 }, commune: { at: 'least', value: 80 } }
const LIST_PAGES = { communes: '/communes', members: '/members', reviews: '/reviews' } as const
type ListResult = { path: string; oneUser: Latency & { bytes: number } }

/** The pages to measure, with codes taken from the data: the staff's commune, the first member and task. */
async function pagePaths(url: string, staff: string): Promise<Record<PageName, string>> {
  return withConnection(url, async (client) => {
    const one = async (sql: string, params: unknown[] = []) => {
      const { rows } = await client.query<{ code: string; name: string }>(sql, params)
      if (!rows[0]) throw new Error(`nothing to measure: ${sql}`)
      return rows[0]
    }
    const commune = await one(`SELECT u.code, u.name FROM "User" s JOIN "Unit" u ON u.id = s."unitId" WHERE s.username = $1`, [staff])
    const member = await one(`SELECT code, name FROM "Member" WHERE active ORDER BY "sortOrder", code LIMIT 1`)
    const task = await one(`SELECT code, title AS name FROM "Task" WHERE active ORDER BY "sortOrder", code LIMIT 1`)
    return {
      overview: '/',
      commune: `/communes/${commune.code}`,
      member: `/members/${member.code}`,
      task: `/tasks/${task.code}`,
      search: `/search?q=${encodeURIComponent(commune.name)}`,
    }
  })
}

/** The query and save measurements, in a child: the app's server modules need the react-server condition. */
async function serverSide(databaseUrl: string, staff: string): Promise<BenchServerSideResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nq19-bench-'))
  try {
    const input: BenchServerSideInput = { databaseUrl, staff, output: path.join(dir, 'result.json'), queryRuns: sample.queryRuns, saves: sample.saves, writers: WRITERS, writeSeconds: sample.writeSeconds }
    const code = await run(bin('tsx'), ['--conditions=react-server', 'scripts/lib/bench-server-side.ts', JSON.stringify(input)])
    if (code !== 0) throw new Error(`the server-side measurements failed (exit ${code})`)
    return JSON.parse(await readFile(input.output, 'utf8')) as BenchServerSideResult
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const target = await benchTarget(flags.demo)
try {
  const paths = await pagePaths(target.url, target.staff.username)
  let server: BenchServerSideResult | null = null
  if (measures('server')) {
    console.info('▶ overview queries and status report saves')
    server = await serverSide(target.url, target.staff.username)
  }

  console.info('▶ pages and exports on the production build')
  // The server writes its caches' counts here when it stops (lib/db/snapshot-cache.ts).
  const countsDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-bench-counts-'))
  process.env.SNAPSHOT_CACHE_COUNTS_FILE = path.join(countsDir, 'counts.json')
  const next = await startNextServer(target.url)
  delete process.env.SNAPSHOT_CACHE_COUNTS_FILE
  let counts: Record<string, CacheCounts> = {}
  /** How many times the database's snapshot moved while the pages were measured (other writers on its server move it too). */
  let snapshotMoves: { moves: number; seconds: number } | null = null
  const pages = {} as Record<PageName, PageResult>
  const lists = {} as Record<keyof typeof LIST_PAGES, ListResult>
  let exports: { rows: number; csv: ExportResult; xlsx: ExportResult } | null = null
  try {
    const cookie = await signInThroughForm(next.base, target.leader.username, target.leader.password)
    // The exports first, while the server's memory is not yet grown by the load on the pages.
    if (measures('exports')) {
      const lines = lineCounter()
      const csv = await measureExport(`${next.base}/exports/assignments.csv`, cookie, next.serverPid, lines.onChunk)
      const xlsx = await measureExport(`${next.base}/exports/assignments.xlsx`, cookie, next.serverPid)
      exports = { rows: lines.lines() - 1, csv, xlsx }
    }
    if (measures('pages')) {
      await withConnection(target.url, async (client) => {
        const watch = snapshotWatch(target.url)
        // A row of a tracked table written again as it was: a write, as far as the state of the data goes.
        const write = async () => void (await client.query('UPDATE "TaskGroup" SET code = code WHERE id = (SELECT id FROM "TaskGroup" LIMIT 1)'))
        for (const [name, page] of Object.entries(paths) as [PageName, string][]) {
          const url = next.base + page
          const oneUser = await sequentialLatency(url, cookie, sample.requests, sample.warmUps)
          pages[name] = {
            path: page,
            oneUser,
            users: await loadLatency(url, cookie, USERS, sample.loadSeconds, oneUser.median),
            cold: await coldLatency(url, cookie, sample.colds, write),
            clientJs: await clientScriptGzipBytes(next.base, page, cookie),
          }
        }
        snapshotMoves = await watch.stop()
      })
    }
    for (const [name, page] of measures('pages') ? (Object.entries(LIST_PAGES) as [keyof typeof LIST_PAGES, string][]) : []) {
      lists[name] = { path: page, oneUser: await sequentialLatency(next.base + page, cookie, sample.requests, sample.warmUps) }
    }
  } finally {
    await next.stop()
    counts = await readFile(path.join(countsDir, 'counts.json'), 'utf8').then((text) => JSON.parse(text) as Record<string, CacheCounts>, () => ({}))
    await rm(countsDir, { recursive: true, force: true })
  }

  const figures: Figure[] = [
    ...Object.entries(pages).flatMap(([name, page]): Figure[] => [
      { measure: `${name}: 1 user median`, value: page.oneUser.median, unit: 'ms' },
      { measure: `${name}: 1 user p95`, value: page.oneUser.p95, unit: 'ms', target: name === 'commune' ? { at: 'most', value: 40 } : undefined },
      { measure: `${name}: ${USERS} users median`, value: page.users.median, unit: 'ms' },
      { measure: `${name}: ${USERS} users p95`, value: page.users.p95, unit: 'ms', target: name === 'overview' || name === 'member' || name === 'task' ? { at: 'most', value: 300 } : undefined },
      { measure: `${name}: ${USERS} users requests/s`, value: page.users.perSecond, unit: 'req/s', target: USERS_RATE_TARGETS[name as PageName] },
      { measure: `${name}: first reader after a write, median`, value: page.cold.median, unit: 'ms' },
      { measure: `${name}: first reader after a write, p95`, value: page.cold.p95, unit: 'ms' },
      { measure: `${name}: client JS (gzip)`, value: page.clientJs.bytes / 1024, unit: 'KB', target: { at: 'most', value: 120 } },
      { measure: `${name}: page size`, value: page.oneUser.bytes / 1024, unit: 'KB' },
    ]),
    ...Object.entries(lists).flatMap(([name, list]): Figure[] => [
      { measure: `${name} list (${list.path}): 1 user median`, value: list.oneUser.median, unit: 'ms' },
      { measure: `${name} list: 1 user p95`, value: list.oneUser.p95, unit: 'ms' },
      { measure: `${name} list: page size`, value: list.oneUser.bytes / 1024, unit: 'KB' },
    ]),
    ...cacheFigures(counts, snapshotMoves),
    ...(server ? serverFigures(server) : []),
    ...(exports ? exportFigures(exports) : []),
  ]
  printTable(figures)

  const at = new Date()
  const file = path.join(projectRoot, 'bench-results', `bench-${flags.demo ? 'demo' : 'data'}-${at.toISOString().replaceAll(':', '-').slice(0, 19)}.json`)
  await mkdir(path.dirname(file), { recursive: true })
  const settings = { dataSet: flags.demo ? 'demo' : 'bench:data', quick: flags.quick, only: flags.only ?? null, users: USERS, writers: WRITERS, ...sample }
  await writeFile(file, `${JSON.stringify({ at: at.toISOString(), settings, figures: figureRows(figures), pages, lists, caches: counts, snapshotMoves, server, exports }, null, 2)}\n`)
  console.info(`\nevery figure: ${path.relative(projectRoot, file)}`)
} finally {
  await target.stop()
}

/** Counts the moves of the state of the data (lib/db/snapshot-cache.ts), sampled every 20 ms on a connection of its own, until stopped. */
function snapshotWatch(url: string): { stop(): Promise<{ moves: number; seconds: number }> } {
  const started = performance.now()
  let running = true
  const done = withConnection(url, async (client) => {
    let last = ''
    let moves = -1
    while (running) {
      const { rows } = await client.query<DataStateRow>(DATA_STATE_SQL)
      const state = rows[0] ? dataStateOf(rows[0]) : ''
      if (state !== last) moves += 1
      last = state
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return moves
  })
  return {
    async stop() {
      running = false
      return { moves: await done, seconds: (performance.now() - started) / 1000 }
    },
  }
}

/** Each cache's share of readers served what was kept (a section rendered, a result read, by another reader). */
function cacheFigures(counts: Record<string, CacheCounts>, moves: { moves: number; seconds: number } | null): Figure[] {
  return [
    ...Object.entries(counts)
      .filter(([, c]) => c.asked > 0)
      .flatMap(([name, c]): Figure[] => [
        { measure: `${name}: served kept (of ${c.asked})`, value: (100 * (c.asked - c.computed)) / c.asked, unit: '%' },
        ...(c.keptBytes !== undefined ? [{ measure: `${name}: bytes kept at the end`, value: c.keptBytes / 1024, unit: 'KB' }] : []),
      ]),
    ...(moves ? [{ measure: 'data state moves during the pages (the app\'s writes)', value: moves.moves / moves.seconds, unit: '/s' }] : []),
  ]
}

function serverFigures(server: BenchServerSideResult): Figure[] {
  return [
    { measure: 'overview queries through the app (median)', value: server.overview.app.median, unit: 'ms' },
    { measure: 'overview by hand with pg over the kept counts, the limit (median)', value: server.overview.byHand.median, unit: 'ms' },
    { measure: 'overview queries: app / limit', value: server.overview.ratio, unit: '×', target: { at: 'most', value: 1.5 } },
    { measure: 'overview recounted from every assignment (median)', value: server.overview.recount.median, unit: 'ms' },
    { measure: 'status update median', value: server.save.median, unit: 'ms' },
    { measure: 'status update p95', value: server.save.p95, unit: 'ms', target: { at: 'most', value: 30 } },
    { measure: `status updates, ${server.sustained.writers} writers`, value: server.sustained.perSecond, unit: 'writes/s', target: { at: 'least', value: 300 } },
  ]
}

function exportFigures(exports: { rows: number; csv: ExportResult; xlsx: ExportResult }): Figure[] {
  return [
    { measure: `CSV export (${exports.rows} rows)`, value: exports.rows / exports.csv.seconds, unit: 'rows/s', target: { at: 'least', value: 100_000 } },
    { measure: 'server RSS before the exports', value: exports.csv.baselineRssBytes / 2 ** 20, unit: 'MB' },
    { measure: 'CSV export: server peak RSS', value: exports.csv.peakRssBytes / 2 ** 20, unit: 'MB', target: { at: 'most', value: 300 } },
    { measure: 'CSV export: server CPU time', value: exports.csv.serverCpuSeconds, unit: 's' },
    { measure: `XLSX export (${exports.rows} rows)`, value: exports.rows / exports.xlsx.seconds, unit: 'rows/s', target: { at: 'least', value: 30_000 } },
    { measure: 'XLSX export: server peak RSS', value: exports.xlsx.peakRssBytes / 2 ** 20, unit: 'MB', target: { at: 'most', value: 300 } },
    { measure: 'XLSX export: server CPU time', value: exports.xlsx.serverCpuSeconds, unit: 's' },
  ]
}
