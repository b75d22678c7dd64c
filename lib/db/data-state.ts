// The state of the app's data (lib/db/snapshot-cache.ts explains it): one statement, read by the
// app for its keys and by `npm run bench` to count how often it moved.

/** The database's name, the epoch, and the writes counted in it ("DataWrite", migration data_writes). */
export const DATA_STATE_SQL = `SELECT current_database()::text AS "name", e.epoch, (SELECT count(*) FROM "DataWrite") AS "writes" FROM "DataWriteEpoch" e`

export type DataStateRow = { name: string; epoch: bigint | string; writes: bigint | string }

/** The state as one string: equal strings, equal committed writes. */
export const dataStateOf = (row: DataStateRow): string => `${row.name} ${row.epoch}:${row.writes}`
