// `npm start`: the app on a real PostgreSQL. Without DATABASE_URL it runs an embedded server with
// its data in DATA_DIR (.data/), migrates it, seeds the Ba Chẽ demo data on first run, builds the
// app when the build is not current, and serves it on HOST:PORT (scripts/serve.ts). Ctrl-C or
// SIGTERM stops both cleanly.
import type { ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import exitHook from 'async-exit-hook'
import { ConfigError, parseEnv, startEnvSchema, type StartEnv } from '../lib/config/env'
import { createPrismaClient } from '../lib/db/client'
import { withConnection } from '../lib/db/connection'
import { EmbeddedPostgresError } from '../lib/db/embedded'
import { seedDemoData } from '../prisma/seed-demo'
import { allowServerModules } from '../prisma/server-modules'
import { keptSecret, startEmbeddedAppDatabase } from './lib/app-database'
import { buildIfStale } from './lib/build'
import { isPortFree, waitForHttp } from './lib/network'
import { spawnServer } from './lib/next-server'
import { migrateDeploy } from './lib/prisma-cli'
import { projectRoot, terminate } from './lib/process'

class StartError extends Error {}

async function isEmpty(databaseUrl: string): Promise<boolean> {
  return withConnection(databaseUrl, async (client) => {
    const { rows } = await client.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM "Unit") AS empty')
    return rows[0]?.empty ?? true
  })
}

async function demoAccounts(databaseUrl: string): Promise<string[]> {
  return withConnection(databaseUrl, async (client) => {
    const { rows } = await client.query<{ username: string; role: string; displayName: string }>(
      `SELECT username, role::text AS role, "displayName" FROM "User" WHERE active
       ORDER BY CASE role WHEN 'ADMIN' THEN 0 WHEN 'LEADER' THEN 1 ELSE 2 END, username`,
    )
    const width = Math.max(...rows.map((r) => r.username.length))
    return rows.map((r) => `  ${r.username.padEnd(width)}  ${r.role.padEnd(6)}  ${r.displayName}`)
  })
}

let stopDatabase: (() => Promise<void>) | undefined
let next: ChildProcess | undefined
let stopping = false

async function shutdown(): Promise<void> {
  stopping = true
  await Promise.all([next && terminate(next), stopDatabase?.()])
}

// Signals are handled by async-exit-hook, which lib/db/embedded.ts also uses to stop the
// database: our hook stops the web server alongside, and the process exits when both are done.
exitHook.forceExitTimeout(20_000)
exitHook((done: () => void) => void shutdown().finally(done))

async function main(env: StartEnv): Promise<void> {
  if (!(await isPortFree(env.PORT))) throw new StartError(`Port ${env.PORT} is already in use: stop what uses it or set PORT to another port.`)

  let databaseUrl: string
  let authSecret: string
  let embedded = false
  if (env.DATABASE_URL) {
    databaseUrl = env.DATABASE_URL
    authSecret = env.AUTH_SECRET ?? ''
  } else {
    embedded = true
    const dataDir = path.resolve(projectRoot, env.DATA_DIR)
    try {
      await mkdir(dataDir, { recursive: true })
      authSecret = env.AUTH_SECRET ?? (await keptSecret(path.join(dataDir, 'auth-secret')))
      const server = await startEmbeddedAppDatabase(dataDir)
      stopDatabase = server.stop
      databaseUrl = server.url
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) throw new StartError(e.message)
      throw new StartError(`The data directory ${dataDir} is not usable: ${(e as Error).message}`)
    }
  }

  await migrateDeploy(databaseUrl)
  if (embedded && (await isEmpty(databaseUrl))) {
    console.info('First run: loading the Ba Chẽ demo data…')
    const db = createPrismaClient(databaseUrl)
    try {
      await seedDemoData(db, { password: env.DEMO_PASSWORD })
      // The demo's review reports are made by the app's own server modules, which read DATABASE_URL.
      process.env.DATABASE_URL = databaseUrl
      allowServerModules()
      const [{ seedDemoReports }, app] = await Promise.all([import('../prisma/seed-demo-reports'), import('../lib/db')])
      await seedDemoReports(db)
      await app.db().$disconnect()
    } finally {
      await db.$disconnect()
    }
  }

  if ((await buildIfStale()) !== 0) throw new StartError('The production build failed; see the output above.')

  next = spawnServer({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, PORT: String(env.PORT), HOST: env.HOST }, ['ignore', 'inherit', 'inherit'])
  const server = next
  server.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`The web server stopped (exit code ${code ?? signal}).`)
    void stopDatabase?.().finally(() => process.exit(1))
  })
  // On every address (0.0.0.0, ::) the app answers on loopback too.
  const host = ['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST
  const url = (name: string) => `http://${name.includes(':') ? `[${name}]` : name}:${env.PORT}`
  await waitForHttp(`${url(host)}/login`, 60_000, () => server.exitCode === null)

  const lines = [`The Resolution 19 tracker is running at ${url(host === '127.0.0.1' ? 'localhost' : host)}`]
  if (embedded) lines.push(`Demo accounts (password: ${env.DEMO_PASSWORD}):`, ...(await demoAccounts(databaseUrl)))
  lines.push('Press Ctrl-C to stop.')
  console.info(lines.join('\n'))
}

try {
  await main(parseEnv(startEnvSchema, process.env))
} catch (e) {
  if (e instanceof ConfigError) console.error(`Configuration error:\n${e.message.replace(/^/gm, '  ')}`)
  else console.error(e instanceof StartError ? e.message : `Start failed: ${(e as Error).message}`)
  await shutdown()
  process.exit(1)
}
