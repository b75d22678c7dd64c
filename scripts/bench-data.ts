// `npm run bench:data -- --units 10000 --tasks 100 --updates 5`: fills the benchmark database
// (DATABASE_URL, or the embedded server kept in .data/bench) with the national-scale data set
// and prints how long it took and what it wrote. See scripts/lib/bench-data.ts. `--merged N`: how
// many communes are then merged pairwise through the app's merge (default a tenth, at most 1,000;
// `--merged 0` for none). Runs under the react-server condition, as the app's server modules need.
import { parseArgs } from 'node:util'
import { EmbeddedPostgresError } from '../lib/db/embedded'
import { BENCH_ACCOUNTS, BENCH_PASSWORD, BenchDataRefused, defaultMerged, fillBenchData } from './lib/bench-data'
import { benchDatabase } from './lib/bench-database'

function positiveInteger(name: string, text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new BenchDataRefused(`--${name} must be a positive whole number, not "${text}".`)
  return value
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { units: { type: 'string', default: '10000' }, tasks: { type: 'string', default: '100' }, updates: { type: 'string', default: '5' }, merged: { type: 'string' } },
  })
  const units = positiveInteger('units', values.units)
  const tasks = positiveInteger('tasks', values.tasks)
  const updates = positiveInteger('updates', values.updates)
  const merged = values.merged === undefined ? defaultMerged(units) : Number(values.merged)
  if (!Number.isInteger(merged) || merged < 0 || merged % 2 !== 0 || merged >= units)
    throw new BenchDataRefused(`--merged must be an even whole number below --units (communes merge in pairs), not "${values.merged}".`)

  const began = performance.now()
  const database = await benchDatabase({ migrate: false })
  try {
    console.info(`Filling ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'the embedded bench database (.data/bench)'}: ${units} communes, ${tasks} tasks, about ${updates} updates per assignment, ${merged} communes merged`)
    // The merges go through the app, whose database client reads DATABASE_URL.
    process.env.DATABASE_URL = database.url
    const counts = await fillBenchData(database.url, { units, tasks, updates, merged, now: new Date(), log: (line) => console.info(line) })
    const width = Math.max(...Object.keys(counts).map((k) => k.length))
    console.info(['Rows:', ...Object.entries(counts).map(([k, v]) => `  ${k.padEnd(width)}  ${v.toLocaleString('en-US').padStart(11)}`)].join('\n'))
    console.info(`Accounts (password: ${BENCH_PASSWORD}): ${BENCH_ACCOUNTS.leader} (LEADER), ${BENCH_ACCOUNTS.staff} (STAFF of the first commune), ${BENCH_ACCOUNTS.admin} (ADMIN, must enrol two-step verification at first sign-in)`)
    console.info(`Total time: ${((performance.now() - began) / 1000).toFixed(1)} s`)
  } finally {
    await database.stop()
  }
}

try {
  await main()
} catch (e) {
  if (e instanceof BenchDataRefused || e instanceof EmbeddedPostgresError) console.error(e.message)
  else console.error(`bench:data failed: ${(e as Error).stack ?? e}`)
  process.exit(1)
}
