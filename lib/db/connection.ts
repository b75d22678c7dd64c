// Short-lived plain connections for tooling (start, tests, the Prisma CLI adapter): creating
// databases and reading a few rows outside the app's Prisma client.
import pg from 'pg'

/** Runs `work` on a fresh connection to `url`, closing it afterwards. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${encodeURIComponent(database)}`
  return url.toString()
}
