// The Prisma CLI runs through prisma/cli-adapter.ts; each work-around is proven here against a
// real PostgreSQL, and the CLI itself is run to show it works end to end.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { withConnection } from '@/lib/db/connection'
import { describe, expect, test } from 'vitest'
import { testDatabase } from '@/test/helpers/database'
import { bin, projectRoot, runQuietly } from '@/scripts/lib/process'
import { connect, connectToShadowDb, patchPgCharColumns, unrefIfFromWasm } from './cli-adapter'

const database = testDatabase()

function databaseExists(url: string, name: string): Promise<boolean> {
  return withConnection(url, async (client) => Boolean((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount))
}

describe('the Prisma CLI adapter', () => {
  test('reads pg_catalog "char" and "name" columns as text, reporting "char" as Character', async () => {
    patchPgCharColumns()
    const adapter = await connect(database.url)
    try {
      const rs = await adapter.queryRaw({ sql: `SELECT relkind, relname FROM pg_class WHERE relname = 'Unit'`, args: [], argTypes: [] })
      expect(rs.rows).toEqual([['r', 'Unit']])
      expect(rs.columnTypes[0]).toBe(6) // ColumnTypeEnum.Character
    } finally {
      await adapter.dispose()
    }
  })

  test('runs a migration script with a $$ body and semicolons in literals as one script', async () => {
    const adapter = await connect(database.url)
    try {
      await adapter.executeScript(`
        CREATE FUNCTION cli_adapter_probe() RETURNS text LANGUAGE plpgsql AS $$
        BEGIN RETURN 'a;b'; END;
        $$;
        CREATE TABLE cli_adapter_probe_table (v text DEFAULT 'x;y');`)
      const rs = await adapter.queryRaw({ sql: 'SELECT cli_adapter_probe()', args: [], argTypes: [] })
      expect(rs.rows).toEqual([['a;b']])
    } finally {
      await adapter.dispose()
    }
  })

  test('creates a shadow database, and drops it only after its connections are closed', async () => {
    const shadow = await connectToShadowDb(database.url)
    const rs = await shadow.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] })
    const shadowName = String(rs.rows[0]?.[0])
    expect(shadowName).toMatch(/^prisma_shadow_[0-9a-f]{32}$/)
    expect(await databaseExists(database.url, shadowName)).toBe(true)
    await shadow.dispose()
    expect(await databaseExists(database.url, shadowName)).toBe(false)
  })

  test('unrefs only the timers the WASM engine sets, so the CLI exits when its work is done', () => {
    const unrefs: string[] = []
    unrefIfFromWasm({ unref: () => unrefs.push('wasm') }, 'Error\n    at wasm://wasm/0123:wasm-function[42]:0x1')
    unrefIfFromWasm({ unref: () => unrefs.push('node') }, 'Error\n    at Timeout.onTimeout (node:internal/timers:1:1)')
    expect(unrefs).toEqual(['wasm'])
  })

  test('the CLI reports the migrated database up to date, and the drift check fails once the schema changes', async () => {
    const env = { ...process.env, DATABASE_URL: database.url }
    const status = await runQuietly(bin('prisma'), ['migrate', 'status'], { env })
    expect(status.output).toContain('Database schema is up to date')
    expect(status.code).toBe(0)

    const check = (schema: string) =>
      runQuietly(bin('prisma'), ['migrate', 'diff', '--from-migrations', path.join(projectRoot, 'prisma/migrations'), '--to-schema-datamodel', schema, '--exit-code'], { env })
    expect((await check(path.join(projectRoot, 'prisma/schema.prisma'))).code).toBe(0)

    const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-drift-'))
    try {
      const schema = await readFile(path.join(projectRoot, 'prisma/schema.prisma'), 'utf8')
      await writeFile(path.join(dir, 'schema.prisma'), `${schema}\nmodel Drifted {\n  id Int @id\n}\n`)
      expect((await check(path.join(dir, 'schema.prisma'))).code).toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
