// Results kept for as long as the database has not changed: a result is stored under the
// database's transaction snapshot (pg_current_snapshot(): which transactions have committed and
// which are running), and served only while that snapshot is still the same, that is while no
// transaction that writes has begun or ended since. Any write anywhere, by any app instance,
// changes it, so a kept result is never older than the data: never stale after a write.
// A result is stored under the snapshot read before it was computed: what it read is that state or
// a later one, and a snapshot never comes back once a write has begun, so only readers that began
// before that write can be served it. The same holds for the pages' kept sections
// (lib/queries/kept-html.ts), stored under the snapshot their reader read.
import 'server-only'
import { writeFileSync } from 'node:fs'
import { cache } from 'react'
import { db } from './index'

/** The database's name and snapshot now (a cluster's snapshots are shared by its databases). */
async function snapshotNow(): Promise<string> {
  const [row] = await db().$queryRaw<{ snapshot: string }[]>`SELECT current_database() || ' ' || pg_current_snapshot()::text AS "snapshot"`
  if (!row) throw new Error('snapshotNow: no row')
  return row.snapshot
}

/**
 * The snapshot of one request, read once (React's cache; each call outside a request reads anew):
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
 * used dropped beyond its bound: a number of keys, or keys and bytes as `weigh` counts them. Readers asking for a key while it is being computed at the same
 * snapshot wait for that one computation instead of each running it.
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
