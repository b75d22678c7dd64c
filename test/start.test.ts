// `npm start` without DATABASE_URL, as a newcomer runs it: a real embedded PostgreSQL, the demo
// data, the production build, and a clean stop. Needs the production build (npm test makes it).
// A test that starts the app waits up to 180 s: under the full run's load on two cores one start
// alone has taken most of the default minute.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freePort, isPortFree } from '@/scripts/lib/network'
import { bin, projectRoot, run } from '@/scripts/lib/process'
import { createTestDatabase } from '@/test/helpers/database'
import { postSignIn } from '@/test/helpers/sign-in'

type Started = { child: ChildProcess; output: () => string; code: Promise<number | null> }

function start(env: Record<string, string>): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'PORT', 'HOST', 'TRUSTED_PROXIES', 'DATA_DIR', 'DEMO_PASSWORD']) delete childEnv[name]
  const child = spawn(bin('tsx'), ['scripts/start.ts'], { cwd: projectRoot, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
  return { child, output: () => output, code }
}

async function waitForOutput(started: Started, text: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`)
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear:\n${started.output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Posts a wrong password to the sign-in form, with the extra headers given. */
async function signInAs(base: string, username: string, headers: Record<string, string>): Promise<void> {
  const response = await postSignIn(base, username, 'not-the-password-1', headers)
  expect(response.status).toBeLessThan(500)
}

/** Command lines of running processes that mention the text (postgres -D <dir>, next start -p <port>). */
function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
        return cmd.includes(text) ? [cmd] : []
      } catch {
        return [] // exited meanwhile
      }
    })
}

function postgresPort(dataDir: string): number {
  const cmd = processesMentioning(`-D ${dataDir}`).find((c) => c.includes('postgres'))
  const port = cmd?.match(/-p (\d+)/)?.[1]
  if (!port) throw new Error('no postgres process for the data directory')
  return Number(port)
}

let tempDir: string
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-start-'))
  await chmod(tempDir, 0o755)
})
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true })
})

describe('npm start without DATABASE_URL', () => {
  test('the first start makes the database, loads the demo data and serves the login page; SIGTERM stops everything; a second start keeps the data', async () => {
    const dataDir = path.join(tempDir, 'data')
    const port = await freePort()
    const first = start({ PORT: String(port), DATA_DIR: dataDir })
    await waitForOutput(first, 'Press Ctrl-C to stop.')
    expect(first.output()).toContain('First run')
    expect(first.output()).toContain(`http://localhost:${port}`)
    expect(first.output()).toMatch(/^\s+admin\s+ADMIN/m)
    expect(first.output()).toMatch(/^\s+minh-cam\s+STAFF/m)
    expect(first.output()).toContain('password: bache-demo-2026')

    const login = await fetch(`http://127.0.0.1:${port}/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('name="username"')
    const pgDir = path.join(dataDir, 'pg')
    expect(processesMentioning(`-D ${pgDir}`).length).toBeGreaterThan(0)

    // Leave a mark in the data to find after the restart.
    const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim()
    const client = new pg.Client({ connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${postgresPort(pgDir)}/tracker` })
    await client.connect()
    await client.query(`UPDATE "User" SET "displayName" = 'Dấu vết kiểm thử' WHERE username = 'admin'`)
    await client.end()
    const secret = await readFile(path.join(dataDir, 'auth-secret'), 'utf8')

    first.child.kill('SIGTERM')
    await first.code
    expect(processesMentioning(pgDir)).toEqual([])
    expect(await isPortFree(port)).toBe(true)
    expect(existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false) // PostgreSQL shut down cleanly

    const second = start({ PORT: String(port), DATA_DIR: dataDir })
    await waitForOutput(second, 'Press Ctrl-C to stop.')
    expect(second.output()).not.toContain('First run')
    expect(second.output()).toMatch(/^\s+admin\s+ADMIN\s+Dấu vết kiểm thử$/m)
    expect(await readFile(path.join(dataDir, 'auth-secret'), 'utf8')).toBe(secret)
    second.child.kill('SIGINT')
    await second.code
    expect(processesMentioning(pgDir)).toEqual([])
    expect(existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false)
    // Two starts, the first making the database and the demo (its issued report's files included).
  }, 180_000)

  test('with DATABASE_URL it migrates that server, loads no demo data unless asked by db:seed, and serves the app', async () => {
    const database = await createTestDatabase({ empty: true })
    try {
      const port = await freePort()
      const app = start({ PORT: String(port), DATABASE_URL: database.url, AUTH_SECRET: 'a-secret-of-at-least-32-characters-long' })
      await waitForOutput(app, 'Press Ctrl-C to stop.')
      expect(app.output()).not.toContain('Demo accounts')
      expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200)
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n)
      const migrations = readdirSync(path.join(projectRoot, 'prisma/migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).length
      expect(await count('SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL')).toBe(migrations)
      expect(await count('SELECT count(*) AS n FROM "User"')).toBe(0)
      app.child.kill('SIGTERM')
      await app.code
      expect(await isPortFree(port)).toBe(true)

      expect(await run('npm', ['run', '--silent', 'db:seed'], { env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' })).toBe(0)
      expect(await count(`SELECT count(*) AS n FROM "User" WHERE username IN ('admin', 'minh-cam')`)).toBe(2)
      await client.end()
    } finally {
      await database.drop()
    }
  }, 180_000)

  test('a port already in use is refused in one clear line, and nothing is left running', async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, () => r()))
    const port = (blocker.address() as net.AddressInfo).port
    const dataDir = path.join(tempDir, 'busy-port')
    const run = start({ PORT: String(port), DATA_DIR: dataDir })
    expect(await run.code).not.toBe(0)
    blocker.close()
    expect(run.output().trim()).toBe(`Port ${port} is already in use: stop what uses it or set PORT to another port.`)
    expect(processesMentioning(dataDir)).toEqual([])
  })

  test('a data directory that cannot be used is refused in one clear line', async () => {
    const notADirectory = path.join(tempDir, 'a-file')
    await writeFile(notADirectory, 'not a directory')
    const run = start({ PORT: String(await freePort()), DATA_DIR: notADirectory })
    expect(await run.code).not.toBe(0)
    const lines = run.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^The data directory ${notADirectory}.* is not usable`))
  })

  test('a data directory made by another PostgreSQL version is refused in one clear line, and left as it was', async () => {
    // What an earlier version of the app (embedded PostgreSQL 18) left in .data/pg.
    const dataDir = path.join(tempDir, 'made-by-18')
    const pgDir = path.join(dataDir, 'pg')
    await mkdir(pgDir, { recursive: true })
    await writeFile(path.join(pgDir, 'PG_VERSION'), '18\n')
    const run = start({ PORT: String(await freePort()), DATA_DIR: dataDir })
    expect(await run.code).not.toBe(0)
    const lines = run.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`The data directory ${pgDir} was made by PostgreSQL 18, and the embedded server is now PostgreSQL 15, which cannot open it. Nothing in it was changed.`)
    expect(lines[0]).toContain(`mv ${pgDir} ${pgDir}-pg18`)
    expect(readdirSync(pgDir)).toEqual(['PG_VERSION'])
    expect(processesMentioning(dataDir)).toEqual([])
  })

  test('wrong settings are each named with what is wrong, and nothing starts', async () => {
    const run = start({ PORT: 'abc', DEMO_PASSWORD: 'short', TRUSTED_PROXIES: '10.0.0.2, proxy.example' })
    expect(await run.code).not.toBe(0)
    expect(run.output()).toContain('Configuration error:')
    expect(run.output()).toMatch(/PORT .*number/)
    expect(run.output()).toContain('DEMO_PASSWORD must be at least 10 characters')
    expect(run.output()).toContain('TRUSTED_PROXIES must be a number of proxies, or their addresses and ranges (10.0.0.2, 10.0.1.0/24): "proxy.example" is neither')

    const noSecret = start({ PORT: '3999', DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/db' })
    expect(await noSecret.code).not.toBe(0)
    expect(noSecret.output()).toContain('AUTH_SECRET is required when DATABASE_URL is set')

    const badUrl = start({ PORT: '3999', DATABASE_URL: 'mysql://x', AUTH_SECRET: 'x'.repeat(40) })
    expect(await badUrl.code).not.toBe(0)
    expect(badUrl.output()).toContain('DATABASE_URL must be a PostgreSQL connection URL')
  })
})

describe('who the client is, and whether it came over HTTPS', () => {
  test('the app listens on loopback and believes no forwarded header by default; with TRUSTED_PROXIES it takes the right-most untrusted address and the proxy\'s HTTPS', async () => {
    const database = await createTestDatabase({ empty: true })
    const client = new pg.Client({ connectionString: database.url })
    try {
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const settings = { PORT: String(port), DATABASE_URL: database.url, AUTH_SECRET: 'a-secret-of-at-least-32-characters-long' }

      const direct = start(settings)
      await waitForOutput(direct, 'Press Ctrl-C to stop.')
      await client.connect()
      // A client that makes up its address, and claims HTTPS over plain HTTP.
      await signInAs(base, 'spoofer', { 'x-forwarded-for': '203.0.113.66' })
      const claimed = await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'https' } })
      expect(claimed.headers.get('strict-transport-security')).toBeNull()
      // Only this computer reaches it.
      const outside = Object.values(os.networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal)?.address
      if (outside) await expect(fetch(`http://${outside}:${port}/login`)).rejects.toThrow()
      direct.child.kill('SIGTERM')
      await direct.code

      const proxied = start({ ...settings, TRUSTED_PROXIES: '127.0.0.1' })
      await waitForOutput(proxied, 'Press Ctrl-C to stop.')
      // The proxy appended the address it saw to what the client sent.
      await signInAs(base, 'behind-proxy', { 'x-forwarded-for': '198.51.100.1, 203.0.113.66' })
      const https = await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'https' } })
      expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
      expect((await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull()
      proxied.child.kill('SIGTERM')
      await proxied.code

      // The audit trail of the two refused sign-ins, in order.
      const { rows } = await client.query<{ ip: string | null }>(`SELECT ip FROM "AuditEvent" WHERE action = 'auth.sign_in_failed' ORDER BY id`)
      expect(rows.map((r) => r.ip)).toEqual(['127.0.0.1', '203.0.113.66'])
    } finally {
      await client.end().catch(() => undefined)
      await database.drop()
    }
  }, 180_000)
})
