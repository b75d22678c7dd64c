// Loaded only by the Prisma CLI. The shims live in prisma/cli-adapter.ts.
import { defineConfig } from 'prisma/config'
import { connect, connectToShadowDb, patchPgCharColumns, patchWasmTimers } from './prisma/cli-adapter'

function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) {
    // The engine itself would only report "External error".
    console.error('prisma.config.ts: DATABASE_URL is not set')
    throw new Error('DATABASE_URL is not set')
  }
  return url
}

patchPgCharColumns()
patchWasmTimers()

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { seed: 'tsx prisma/seed.ts' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => ({
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(databaseUrl()),
    connectToShadowDb: () => connectToShadowDb(databaseUrl(), process.env.SHADOW_DATABASE_URL),
  }),
})
