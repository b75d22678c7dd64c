// The state of the data that the kept pages are keyed by: moved by every committed change to a row of
// a tracked table, and by nothing else (a background job's write, an audit row, a transaction rolled
// back, a statement that changes no row). And the caches keyed by it: what they keep within their
// bounds of keys and bytes, the least recently used dropped first.
import { describe, expect, test } from 'vitest'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { cacheCounts, dataSnapshot, snapshotCache, UNTRACKED_TABLES } from './snapshot-cache'

const database = testDatabase()
const make = factories(() => database.db)

describe('the state of the data', () => {
  test('every table of the app is tracked by the trigger but the untracked ones named in the code', async () => {
    const rows = await database.db.$queryRaw<{ table: string; tracked: boolean }[]>`
      SELECT t.table_name::text AS "table",
             EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', t.table_name)::regclass AND g.tgname = 'data_written') AS "tracked"
        FROM information_schema.tables t
       WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> '_prisma_migrations'`
    expect(rows.filter((r) => !r.tracked).map((r) => r.table).sort()).toEqual([...UNTRACKED_TABLES].sort())
    expect(rows.filter((r) => r.tracked).length).toBeGreaterThan(20)
  })

  test('moves with a committed change to a row of a tracked table, and with nothing else', async () => {
    const { db } = database
    // A task group belongs to the unit at the top.
    await make.unit({ kind: 'DISTRICT' })
    await make.group()
    const start = await dataSnapshot()
    // A transaction that takes an id (what pg-boss's clocks do), an untracked table's row, a tracked
    // write rolled back, a statement that changes no row (as a read's "the day's counts if missing").
    await db.$queryRaw`SELECT txid_current()`
    await db.$executeRaw`UPDATE "TaskGroup" SET code = code WHERE false`
    await db.signInLock.create({ data: { username: 'thu-nghiem', createdAt: new Date(), until: new Date() } })
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "TaskGroup" SET code = code`
      throw new Error('rolled back')
    }).catch(() => undefined)
    expect(await dataSnapshot()).toBe(start)

    await make.group()
    const moved = await dataSnapshot()
    expect(moved).not.toBe(start)
    expect(await dataSnapshot()).toBe(moved)
  })

  test('the table of writes is emptied once it grows, and the state it gives after is one never given before', async () => {
    const { db } = database
    const seen = new Set([await dataSnapshot()])
    await db.$executeRaw`INSERT INTO "DataWrite" (xid) SELECT -n FROM generate_series(1, 1001) AS n`
    seen.add(await dataSnapshot())
    // The reader that counted more than 1,000 empties it in the background.
    await expect.poll(() => db.dataWrite.count()).toBe(0)
    const after = await dataSnapshot()
    expect(seen.has(after)).toBe(false)
  })
})

describe('a cache keyed by the state of the data', () => {
  /** A cache of strings weighed by their length, and the keys it computed, in order. */
  function lettersCache(name: string, bound: { keys: number; bytes: number }) {
    const cached = snapshotCache<string>(name, { ...bound, weigh: (value) => value.length })
    const computed: string[] = []
    const ask = (key: string, size = 10) =>
      cached(key, async () => {
        computed.push(key)
        return key.repeat(size)
      })
    return { ask, computed }
  }

  test('holds no more bytes than its bound, dropping the least recently used, and says how many it holds', async () => {
    const { ask, computed } = lettersCache('letters by bytes', { keys: 100, bytes: 30 })
    for (const key of ['a', 'b', 'c']) await ask(key)
    // 'a' read again is the most recently used: 'b' goes when 'd' comes.
    expect(await ask('a')).toBe('aaaaaaaaaa')
    await ask('d')
    expect(cacheCounts()['letters by bytes']?.keptBytes).toBe(30)
    for (const key of ['a', 'c', 'd', 'b']) await ask(key)
    expect(computed).toEqual(['a', 'b', 'c', 'd', 'b'])
  })

  test('keeps no value larger than its bound, and no failure: the next reader computes again', async () => {
    const { ask, computed } = lettersCache('letters too large', { keys: 100, bytes: 30 })
    await ask('a', 31)
    await ask('a', 31)
    expect(cacheCounts()['letters too large']?.keptBytes).toBe(0)
    const failing = snapshotCache<string>('letters failing', 10)
    await expect(failing('x', () => Promise.reject(new Error('không đọc được')))).rejects.toThrow('không đọc được')
    expect(await failing('x', async () => 'đã đọc')).toBe('đã đọc')
    expect(computed).toEqual(['a', 'a'])
  })

  test('holds no more keys than its bound, and computes anew once the data has changed', async () => {
    const { ask, computed } = lettersCache('letters by keys', { keys: 2, bytes: 1000 })
    for (const key of ['a', 'b', 'c', 'b', 'a']) await ask(key)
    expect(computed).toEqual(['a', 'b', 'c', 'a'])
    await make.unit({ kind: 'DISTRICT' })
    await ask('a')
    expect(computed).toEqual(['a', 'b', 'c', 'a', 'a'])
  })
})
