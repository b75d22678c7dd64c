import { bin, runQuietly } from './process'

/** Applies the migrations in prisma/migrations to the database (idempotent). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const { code, output } = await runQuietly(bin('prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })
  if (code !== 0) throw new Error(`Applying the database migrations failed:\n${output.trim()}`)
}
