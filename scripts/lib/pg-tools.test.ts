import { describe, expect, test } from 'vitest'
import { chooseTools, libpqConnection, PgToolsError } from './pg-tools'

describe('choosing pg_dump and pg_restore', () => {
  const v15 = { dir: '/usr/lib/postgresql/15/bin', major: 15, version: '15.18' }
  const v18 = { dir: '/opt/pg18/bin', major: 18, version: '18.4' }

  test('takes the first installation of the server\'s major version', () => {
    expect(chooseTools(18, [v15, v18, { dir: null, major: 18, version: '18.1' }])).toBe(v18)
    expect(chooseTools(15, [v15, v18])).toBe(v15)
  })

  test('refuses other versions, saying what was found and what to install', () => {
    expect(() => chooseTools(18, [v15, { dir: null, major: 15, version: '15.18' }])).toThrow(PgToolsError)
    expect(() => chooseTools(18, [v15])).toThrow(
      'backups need pg_dump and pg_restore 18, found 15.18 in /usr/lib/postgresql/15/bin. Install the PostgreSQL 18 client programs (for example the package postgresql-client-18) or set PG_BIN_DIR',
    )
    expect(() => chooseTools(18, [])).toThrow('found none')
  })
})

test('the password goes to PGPASSWORD, not the command line, and Prisma-only parameters are left out', () => {
  expect(libpqConnection('postgresql://app:p%40ss%3Aword@db.internal:5432/nq19?schema=public&sslmode=require&connection_limit=5')).toEqual({
    dbname: 'postgresql://app@db.internal:5432/nq19?sslmode=require',
    env: { PGPASSWORD: 'p@ss:word' },
  })
  expect(libpqConnection('postgresql://app@localhost/nq19')).toEqual({ dbname: 'postgresql://app@localhost/nq19', env: {} })
})
