import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '@/test/helpers/database'
import { copyOut } from './copy-out'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase({ empty: true })
})
afterAll(async () => {
  await database.drop()
})

async function withClient<T>(read: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    return await read(client)
  } finally {
    await client.end()
  }
}

async function text(pieces: AsyncIterable<Buffer>): Promise<{ text: string; pieces: number }> {
  const all: Buffer[] = []
  for await (const piece of pieces) all.push(piece)
  return { text: Buffer.concat(all).toString('utf8'), pieces: all.length }
}

const ROWS = 20_000
/** Every other row has a cell of two lines with quotes in it, so that pieces end inside quoted cells too. */
const NOTE = 'Báo cáo "sơ kết" hai\ndòng, kèm "trích dẫn"'
const SQL = `COPY (SELECT i, CASE WHEN i % 2 = 0 THEN ${pg.escapeLiteral(NOTE)} ELSE 'Xã Minh Cầm' END, NULL FROM generate_series(1, ${ROWS}) i) TO STDOUT (FORMAT csv)`

describe('copyOut', () => {
  it('yields the CSV in several pieces, each row ended by CRLF and the line break inside a quoted cell kept bare', async () => {
    const expected = Array.from({ length: ROWS }, (_, n) => `${n + 1},${(n + 1) % 2 === 0 ? '"Báo cáo ""sơ kết"" hai\ndòng, kèm ""trích dẫn"""' : 'Xã Minh Cầm'},\r\n`).join('')
    const out = await withClient((client) => text(copyOut(client, SQL)))
    expect(out.pieces).toBeGreaterThan(1)
    expect(out.text).toBe(expected)
  })

  it('throws what PostgreSQL reported, and the connection answers the next query', async () => {
    await withClient(async (client) => {
      await expect(text(copyOut(client, 'COPY (SELECT 1 / (i - 15000) FROM generate_series(1, 20000) i) TO STDOUT (FORMAT csv)'))).rejects.toThrow('division by zero')
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    })
  })

  it('stopped after its first piece, leaves a client that ends at once', async () => {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    for await (const piece of copyOut(client, SQL)) {
      expect(piece.toString('utf8')).toMatch(/^1,Xã Minh Cầm,\r\n2,"Báo cáo ""sơ kết"" hai\ndòng/)
      break
    }
    await client.end()
  })
})
