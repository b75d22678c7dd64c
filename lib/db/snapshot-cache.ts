// Results kept for as long as the app's data has not changed: a result is stored under the state
// of the data (the snapshot, below) and served only while it is still the same. Every transaction
// that changes a row of a tracked table adds its id to "DataWrite" in the same transaction (migration
// 20261208000000_data_writes), so the row becomes visible exactly when its data does; within one
// epoch the visible rows only grow, so (epoch, their count) changes with every committed write, by
// any app instance, and never comes back: a kept result is never older than the data.
// A result is stored under the state read before it was computed: what it read is that state or a
// later one, and a state never comes back once a write has committed, so only readers that began
// before that write can be served it. The same holds for the pages' kept sections
// (lib/queries/kept-html.ts), stored under the state their reader read.
// Writes to the untracked tables (pg-boss's clocks and jobs live in their own schema) leave the
// state as it was: the cluster's transaction snapshot, the key until then, moved with each of them,
// and twice a minute every kept page was rendered again.
import 'server-only'
import { writeFileSync } from 'node:fs'
import { cache } from 'react'
import { DATA_STATE_SQL, dataStateOf, type DataStateRow } from './data-state'
import { db } from './index'

/**
 * The tables no kept result reads, written in the background or on each sign-in: their writes do not
 * change the state of the data (the migration's trigger skips them; a test holds the two equal).
 */
export const UNTRACKED_TABLES = [
  'AuditEvent',
  'DataWrite',
  'DataWriteEpoch',
  'MailMessage',
  'MailNoticeSent',
  'MailToken',
  'Notification',
  'RecoveryCode',
  'SignInChallenge',
  'SignInFailure',
  'SignInLock',
  'UserSession',
] as const

/** Beyond this many rows, "DataWrite" is emptied (and its epoch bumped): counting it stays cheap. */
const PRUNE_AT = 1000

/** The database's name and the state of its data now: the epoch and the writes counted in it. */
async function snapshotNow(): Promise<string> {
  const [row] = await db().$queryRawUnsafe<(DataStateRow & { writes: bigint })[]>(DATA_STATE_SQL)
  if (!row) throw new Error('snapshotNow: no row')
  // One prune at a time from this process: every request until it commits would start another.
  if (row.writes > PRUNE_AT) pruning ??= pruneDataWrites().finally(() => (pruning = null))
  return dataStateOf(row)
}

/** The prune this process has under way, if any. */
let pruning: Promise<void> | null = null

/** Empties "DataWrite" and bumps the epoch, in one statement: no state is seen half done. */
async function pruneDataWrites(): Promise<void> {
  await db()
    .$executeRaw`WITH gone AS (DELETE FROM "DataWrite" RETURNING 1) UPDATE "DataWriteEpoch" SET epoch = epoch + 1 WHERE (SELECT count(*) FROM gone) > 0`
    // Another reader's prune ran first, or the database is out of reach: the next reader tries again.
    .catch(() => undefined)
}

/**
 * The state of the data for one request, read once (React's cache; each call outside a request reads anew):
 * the key of everything its page reuses from other readers.
 */
export const dataSnapshot = cache(snapshotNow)

/**
 * How a cache has been used since the process started: how many readers asked, how many of them
 * waited for another's computation of the same key, and how many computations ran. The rest were
 * served what was kept.
 */
export type CacheCounts = { asked: number; joined: number; computed: number; keptBytes?: number }

// On globalThis: the bundler may load this module more than once in one server process.
const STATE = Symbol.for('nq19.snapshotCache')
const shared = globalThis as typeof globalThis & { [STATE]?: Map<string, CacheCounts> }
const firstLoad = !shared[STATE]
const counts = (shared[STATE] ??= new Map())

function countsOf(name: string): CacheCounts {
  let found = counts.get(name)
  if (!found) counts.set(name, (found = { asked: 0, joined: 0, computed: 0 }))
  return found
}

/** Every cache's counts, by name. */
export function cacheCounts(): Record<string, CacheCounts> {
  return Object.fromEntries([...counts].map(([name, c]) => [name, { ...c }]))
}

// `npm run bench` names a file for the counts, written when the server stops.
const countsFile = process.env.SNAPSHOT_CACHE_COUNTS_FILE
if (countsFile && firstLoad) process.once('exit', () => writeFileSync(countsFile, JSON.stringify(cacheCounts())))

/**
 * A cache of `compute(key)` results by key under the snapshot of the request, the least recently
 * used dropped beyond its bound: a number of keys, or keys and bytes as `weigh` counts them.
 * Readers asking for a key while it is being computed at the same snapshot wait for that one
 * computation instead of each running it.
 */
export function snapshotCache<T>(name: string, bound: number | { keys: number; bytes: number; weigh: (value: T) => number }): (key: string, compute: () => Promise<T>) => Promise<T> {
  const { keys, bytes = Infinity, weigh } = typeof bound === 'number' ? { keys: bound } : bound
  const kept = new Map<string, { snapshot: string; value: Promise<T>; done: boolean; weight: number }>()
  const used = countsOf(name)
  let weight = 0
  const drop = (key: string) => {
    weight -= kept.get(key)?.weight ?? 0
    kept.delete(key)
    if (weigh) used.keptBytes = weight
  }
  return async (key, compute) => {
    const snapshot = await dataSnapshot()
    used.asked += 1
    const found = kept.get(key)
    if (found?.snapshot === snapshot) {
      kept.delete(key)
      kept.set(key, found)
      if (!found.done) used.joined += 1
      return found.value
    }
    used.computed += 1
    const entry = { snapshot, value: compute(), done: false, weight: 0 }
    drop(key)
    kept.set(key, entry)
    if (kept.size > keys) drop(kept.keys().next().value!)
    entry.value.then(
      (value) => {
        entry.done = true
        if (kept.get(key) !== entry) return
        entry.weight = weigh ? weigh(value) : 0
        weight += entry.weight
        for (const [oldest] of kept) {
          if (weight <= bytes) break
          drop(oldest)
        }
        if (weigh) used.keptBytes = weight
      },
      // A failure is not kept: the next reader tries again.
      () => void (kept.get(key) === entry && kept.delete(key)),
    )
    return entry.value
  }
}
