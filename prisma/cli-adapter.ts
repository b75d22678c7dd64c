// The driver adapter the Prisma CLI (generate/migrate/db) uses: Prisma 6.19 runs its bundled WASM
// schema engine through it, so no native engine is downloaded. The app builds its own PrismaPg.
// Each shim below works around a gap of that (experimental) path; prisma/cli-adapter.test.ts
// proves each one.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { databaseUrl, withConnection } from '../lib/db/connection'

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>
type Queryable = Pick<PgAdapter, 'queryRaw'>
type ResultSet = Awaited<ReturnType<PgAdapter['queryRaw']>>

const PG_CHAR = 18
const PG_NAME = 19
const PG_TEXT = 25
const PRISMA_CHARACTER = 6

// 1) Introspection reads pg_catalog columns of type "char" and "name", which adapter-pg cannot
//    map ("Column type 'char' could not be deserialized"). Hand them to adapter-pg as text and
//    report "char" columns to the engine as Character.
const CHAR_COLUMNS = Symbol('charColumns')
type RowsWithCharColumns = unknown[] & { [CHAR_COLUMNS]?: number[] }
type ResultWithFields = { rows: RowsWithCharColumns; addFields(fields: { dataTypeID: number }[]): void }

export function patchPgCharColumns(): void {
  const proto = pg.Result.prototype as unknown as ResultWithFields
  const addFields = proto.addFields
  if ((addFields as { patched?: boolean }).patched) return
  const patched = function (this: ResultWithFields, fields: { dataTypeID: number }[]) {
    const chars = fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR ? [i] : []))
    for (const f of fields) if (f.dataTypeID === PG_CHAR || f.dataTypeID === PG_NAME) f.dataTypeID = PG_TEXT
    if (chars.length) Object.defineProperty(this.rows, CHAR_COLUMNS, { value: chars })
    return addFields.call(this, fields)
  }
  proto.addFields = Object.assign(patched, { patched: true })
}

function reportCharColumns<T extends Queryable>(q: T): T {
  const queryRaw = q.queryRaw.bind(q)
  q.queryRaw = async (query): Promise<ResultSet> => {
    const rs = await queryRaw(query)
    for (const i of (rs.rows as RowsWithCharColumns)[CHAR_COLUMNS] ?? []) rs.columnTypes[i] = PRISMA_CHARACTER
    return rs
  }
  return q
}

// 2) The WASM engine never clears its 10 s / 60 s timeout timers and the CLI never closes the
//    main pool, so each command would idle 10-60 s before exiting. Unref timers the WASM code sets.
export function unrefIfFromWasm(timer: { unref(): unknown }, stack: string | undefined): void {
  if (stack?.includes('wasm://')) timer.unref()
}

export function patchWasmTimers(): void {
  const nodeSetTimeout = globalThis.setTimeout
  if ((nodeSetTimeout as { patched?: boolean }).patched) return
  const patched = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = nodeSetTimeout(fn, ms, ...args)
    unrefIfFromWasm(t, new Error().stack)
    return t
  }
  globalThis.setTimeout = Object.assign(patched, nodeSetTimeout, { patched: true }) as typeof globalThis.setTimeout
}

export async function connect(connectionString: string): Promise<PgAdapter> {
  const adapter = reportCharColumns(await new PrismaPg({ connectionString, allowExitOnIdle: true }).connect())
  // 3) adapter-pg's executeScript splits migration.sql on every ';' (breaks $$ bodies, DO blocks,
  //    ';' in literals). Send the whole script as one simple query, as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script)
    } catch (e) {
      ;(adapter as unknown as { onError(e: unknown): never }).onError(e)
    }
  }
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (...a) => reportCharColumns(await startTransaction(...a))
  return adapter
}

// 4) adapter-pg's connectToShadowDb ignores `database` when given a connection string and drops
//    the shadow database before closing its pool. Create it, connect, and drop it after closing.
export async function connectToShadowDb(url: string, shadowUrl?: string): Promise<PgAdapter> {
  if (shadowUrl) {
    // Without CREATEDB: a dedicated, disposable database, wiped first as Prisma does.
    const adapter = await connect(shadowUrl)
    await adapter.executeScript('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')
    return adapter
  }
  const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
  await withConnection(url, (c) => c.query(`CREATE DATABASE "${name}"`))
  const adapter = await connect(databaseUrl(url, name))
  const dispose = adapter.dispose.bind(adapter)
  adapter.dispose = async () => {
    await dispose()
    await withConnection(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  }
  return adapter
}
