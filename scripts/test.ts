// `npm test`: every check and test, against a real PostgreSQL (embedded unless DATABASE_URL is
// set) and real Chromium. Ends with one line `N passed, N failed[, N skipped]`, counting every
// test it ran; exits non-zero on any failure.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { databaseUrl, withConnection } from '../lib/db/connection'
import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded'
import { buildIfStale } from './lib/build'
import { freePort } from './lib/network'
import { migrateDeploy } from './lib/prisma-cli'
import { bin, projectRoot, run } from './lib/process'

type Tally = { passed: number; failed: number; skipped: number }
const total: Tally = { passed: 0, failed: 0, skipped: 0 }
const failures: string[] = []
const failedTests: string[] = []

function record(name: string, tally: Tally): void {
  total.passed += tally.passed
  total.failed += tally.failed
  total.skipped += tally.skipped
  if (tally.failed) failures.push(`${name}: ${tally.failed} failed`)
}

/** A check that is one test: it passes when the command exits 0. */
async function check(name: string, command: () => Promise<number>): Promise<boolean> {
  console.info(`\n▶ ${name}`)
  const started = Date.now()
  const code = await command().catch((e: Error) => (console.error(e.message), 1))
  console.info(`${code === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  record(name, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 })
  return code === 0
}

async function admin(url: string, sql: string): Promise<void> {
  await withConnection(url, (client) => client.query(sql))
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(projectRoot, file), 'utf8'))
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const runId = randomBytes(4).toString('hex')
const templateDb = `test_template_${runId}`
const e2eDb = `test_e2e_${runId}`
const benchDb = `test_bench_${runId}`
const demoPassword = process.env.DEMO_PASSWORD || 'bache-demo-2026'
let embedded: EmbeddedServer | undefined
let tempDir: string | undefined
let adminUrl: string | undefined

try {
  await check('typecheck (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit'], { env }))
  await check('lint (eslint)', () => run(bin('eslint'), ['--max-warnings', '0', '.'], { env }))

  const databaseReady = await check('migrations apply to an empty database', async () => {
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL
    } else {
      tempDir = await mkdtemp(path.join(os.tmpdir(), 'nq19-test-'))
      await chmod(tempDir, 0o755) // PostgreSQL runs as the user `postgres` when we are root
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), port: await freePort(), password: runId })
      adminUrl = embedded.url('postgres')
    }
    await admin(adminUrl, `CREATE DATABASE "${templateDb}"`)
    await migrateDeploy(databaseUrl(adminUrl, templateDb))
    return 0
  })

  if (databaseReady && adminUrl) {
    const templateUrl = databaseUrl(adminUrl, templateDb)
    await check('schema.prisma and the migrations agree (db:check)', () =>
      run('npm', ['run', '--silent', 'db:check'], { env: { ...env, DATABASE_URL: templateUrl } }),
    )
  }

  const built = await check('production build (next build)', () => buildIfStale())

  if (adminUrl) {
    console.info('\n▶ unit and integration tests (vitest)')
    await rm(path.join(projectRoot, 'test-results/vitest.json'), { force: true })
    await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'], {
      env: { ...env, TEST_ADMIN_DATABASE_URL: adminUrl, TEST_TEMPLATE_DATABASE: templateDb, TEST_BUILD_READY: built ? '1' : '' },
    })
    const report = (await readJson('test-results/vitest.json').catch(() => null)) as {
      numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number
      testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[]
    } | null
    if (report) {
      // A file that failed outside its tests (an import, a hook) counts once; vitest's suite count
      // would also count each describe block around a failed test.
      let filesFailedOutsideTests = 0
      // The summary is the part of a long log that is always read: name what failed there, and why.
      for (const file of report.testResults) {
        const where = path.relative(projectRoot, file.name)
        if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
          filesFailedOutsideTests++
          failedTests.push(`${where}: ${file.message?.split('\n')[0] ?? 'the file did not run'}`)
        }
        for (const test of file.assertionResults)
          if (test.status === 'failed') failedTests.push(`${where} › ${test.fullName}\n      ${test.failureMessages?.[0]?.split('\n')[0] ?? ''}`)
      }
      record('vitest', { passed: report.numPassedTests, failed: report.numFailedTests + filesFailedOutsideTests, skipped: report.numPendingTests + report.numTodoTests })
    } else record('vitest', { passed: 0, failed: 1, skipped: 0 })
  }

  if (adminUrl && built) {
    // The benchmark at small scale, data set and all, so neither script can rot; one check.
    const benchUrl = databaseUrl(adminUrl, benchDb)
    await check('benchmark runs (npm run bench:data -- --units 50, then npm run bench -- --quick)', async () => {
      await admin(adminUrl!, `CREATE DATABASE "${benchDb}"`)
      const benchEnv = { env: { ...env, DATABASE_URL: benchUrl } }
      const filled = await run(bin('tsx'), ['--conditions=react-server', 'scripts/bench-data.ts', '--units', '50'], benchEnv)
      return filled === 0 ? run(bin('tsx'), ['scripts/bench.ts', '--quick'], benchEnv) : filled
    })
  }

  if (adminUrl && built) {
    console.info('\n▶ end-to-end tests (Playwright, Chromium)')
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
    if (!existsSync(chromium)) {
      console.error(`Chromium was not found at ${chromium}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`)
      record('e2e', { passed: 0, failed: 1, skipped: 0 })
    } else {
      const e2eUrl = databaseUrl(adminUrl, e2eDb)
      await admin(adminUrl, `CREATE DATABASE "${e2eDb}" TEMPLATE "${templateDb}"`)
      const seeded = await run(bin('tsx'), ['prisma/seed.ts'], { env: { ...env, DATABASE_URL: e2eUrl, DEMO_PASSWORD: demoPassword } })
      await rm(path.join(projectRoot, 'test-results/e2e.json'), { force: true })
      if (seeded === 0)
        await run(bin('playwright'), ['test'], {
          env: {
            ...env,
            CHROMIUM_PATH: chromium,
            DATABASE_URL: e2eUrl,
            AUTH_SECRET: randomBytes(33).toString('base64'),
            AUTH_TRUST_HOST: 'true',
            DEMO_PASSWORD: demoPassword,
            E2E_PORT: String(await freePort()),
          },
        })
      const report = (await readJson('test-results/e2e.json').catch(() => null)) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number }
      } | null
      if (report) record('e2e', { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped })
      else record('e2e', { passed: 0, failed: 1, skipped: 0 })
    }
  }
} finally {
  if (adminUrl) {
    for (const name of [e2eDb, benchDb, templateDb]) await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined)
  }
  await embedded?.stop()
  if (tempDir) await rm(tempDir, { recursive: true, force: true })
}

if (failures.length) console.info(`\nFailed: ${failures.join('; ')}`)
for (const test of failedTests) console.info(`  ✗ ${test}`)
console.info(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(total.failed ? 1 : 0)
