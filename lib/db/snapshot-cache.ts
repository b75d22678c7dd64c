// Results kept for as long as the database has not changed: a result is stored under the
// database's transaction snapshot (pg_current_snapshot(): which transactions have committed and
// which are running), and served only while that snapshot is still the same, that is while no
// transaction that writes has begun or ended since. Any write anywhere, by any app instance,
// changes it, so a kept result is never older than the data: never stale after a write.
import 'server-only'
import { db } from './index'

/** The database's name and snapshot now (a cluster's snapshots are shared by its databases). */
async function snapshotNow(): Promise<string> {
  const [row] = await db().$queryRaw<{ snapshot: string }[]>`SELECT current_database() || ' ' || pg_current_snapshot()::text AS "snapshot"`
  if (!row) throw new Error('snapshotNow: no row')
  return row.snapshot
}

/**
 * A cache of `compute(key)` results by key (at most `size` keys, the oldest dropped). A result is
 * kept only when the snapshot was the same before and after computing it, so that every query
 * behind it saw one and the same state of the data.
 */
export function snapshotCache<T>(size: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, { snapshot: string; value: T }>()
  return async (key, compute) => {
    const before = await snapshotNow()
    const hit = kept.get(key)
    if (hit?.snapshot === before) return hit.value
    const value = await compute()
    if ((await snapshotNow()) === before) {
      kept.delete(key)
      kept.set(key, { snapshot: before, value })
      if (kept.size > size) kept.delete(kept.keys().next().value!)
    }
    return value
  }
}
