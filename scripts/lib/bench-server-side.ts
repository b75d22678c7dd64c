// The server-side half of `npm run bench`, run by it as a child under
// `tsx --conditions=react-server` (the app's query and action modules import 'server-only'):
// the overview's query time against the hand-written limit, and status report saves.
// argv[2]: the BenchServerSideInput as JSON; the BenchServerSideResult is written to its `output`.
import { writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { actorOf } from '../../lib/auth/permissions'
import { createPrismaClient } from '../../lib/db/client'
import { districtDay } from '../../lib/domain/calendar'
import { differences, overviewByHand, overviewRecount, overviewThroughApp, unitsMetDifferences } from './bench-overview'
import { latency, type Latency } from './bench-stats'
import { sustainedSaves, timedSave } from './bench-writes'

export type BenchServerSideInput = {
  databaseUrl: string
  staff: string
  output: string
  /** Timed runs of each overview query (after warm-ups). */
  queryRuns: number
  /** Timed saves, one at a time. */
  saves: number
  writers: number
  writeSeconds: number
}

export type BenchServerSideResult = {
  overview: { app: Latency; byHand: Latency; ratio: number; recount: Latency }
  save: Latency & { saves: number }
  /** With the saves' latency under that load (in the JSON file, beside the table's one-at-a-time figures). */
  sustained: { writers: number; saves: number; seconds: number; perSecond: number; latency: Latency }
}

const WARM_UP = 3
/** The full recount scans every assignment: a few runs say what it costs. */
const RECOUNT_RUNS = 5

/** Each way timed in turn, run by run, so that a change in the machine's load weighs on all alike and their ratio holds. */
async function timeRuns<Ways extends (() => Promise<unknown>)[]>(runs: number, ...ways: Ways): Promise<{ [Way in keyof Ways]: Latency }> {
  const times = ways.map((): number[] => [])
  for (let i = 0; i < WARM_UP + runs; i++) {
    for (const [way, work] of ways.entries()) {
      const started = performance.now()
      await work()
      if (i >= WARM_UP) times[way]!.push(performance.now() - started)
    }
  }
  return times.map(latency) as { [Way in keyof Ways]: Latency }
}

const input = JSON.parse(process.argv[2] ?? '') as BenchServerSideInput
process.env.DATABASE_URL = input.databaseUrl // lib/db's db(), which the query functions use
const db = createPrismaClient(input.databaseUrl)
const client = new pg.Client({ connectionString: input.databaseUrl })
await client.connect()
try {
  const today = districtDay(new Date())
  const numbers = await overviewThroughApp(today)
  const byHandNumbers = await overviewByHand(client, today)
  for (const [way, other] of [['by hand', byHandNumbers.counts], ['recounted', await overviewRecount(client, today)]] as const) {
    const mismatch = differences(numbers.counts, other)
    if (mismatch.length) throw new Error(`the overview's counts ${way} disagree with the app: ${mismatch.join('; ')}`)
  }
  const metMismatch = unitsMetDifferences(numbers.unitsMet, byHandNumbers.unitsMet)
  if (metMismatch.length) throw new Error(`the units meeting the indicators by hand disagree with the app: ${metMismatch.join('; ')}`)
  const [app, byHand] = await timeRuns(input.queryRuns, () => overviewThroughApp(today), () => overviewByHand(client, today))
  const [recount] = await timeRuns(Math.min(input.queryRuns, RECOUNT_RUNS), () => overviewRecount(client, today))

  const staff = await actorOf((await db.user.findUniqueOrThrow({ where: { username: input.staff } })).id)
  const assignments = (await db.assignment.findMany({ where: { unitId: staff.unitId }, select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id)
  if (!assignments.length) throw new Error(`${input.staff}'s unit has no assignments`)
  const saveTimes: number[] = []
  for (let i = 0; i < input.saves; i++) saveTimes.push(await timedSave(db, staff, assignments[i % assignments.length]!))
  const sustained = await sustainedSaves(db, staff, assignments, input.writers, input.writeSeconds)

  const result: BenchServerSideResult = {
    overview: { app, byHand, ratio: app.median / byHand.median, recount },
    save: { ...latency(saveTimes), saves: input.saves },
    sustained: { ...sustained, seconds: input.writeSeconds },
  }
  await writeFile(input.output, JSON.stringify(result))
} finally {
  await client.end()
  await db.$disconnect()
}
