// Faults: the database stops while the app runs, and comes back. This spec runs its own
// PostgreSQL and its own server of the production build (the shared e2e database is never
// stopped: other specs use it), stops and restarts that server twice, and checks each time that a
// report sent meanwhile is said not to be saved and kept on the device, that pages answer 503 with
// the friendly page, and that, once the server is back, the kept report is sent once and pages
// load without restarting the app.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded'
import { freePort } from '../scripts/lib/network'
import { startNextServer, type NextServer } from '../scripts/lib/next-server'
import { migrateDeploy } from '../scripts/lib/prisma-cli'
import { bin, run } from '../scripts/lib/process'
import { password, submitLogin } from './helpers'
import { seriousViolations } from './page-checks'

const OUTAGES = 2
// A Minh Cầm assignment with an indicator (number of classes), in this spec's own database.
const ASSIGNMENT = '/units/minh-cam/tasks/giam-lop-hoc'
const NOT_SAVED = 'Chưa lưu được: hệ thống tạm thời gián đoạn'

let dir: string
let postgres: Parameters<typeof startEmbeddedPostgres>[0]
let database: EmbeddedServer | null = null
let databaseUrl: string
let app: NextServer | undefined

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  // Its own PostgreSQL, migrations, demo data and app server: more than the default 30 s on a busy machine.
  test.setTimeout(180_000)
  dir = await mkdtemp(path.join(os.tmpdir(), 'nq19-outage-e2e-'))
  await chmod(dir, 0o755) // PostgreSQL runs as the user `postgres` when we are root
  postgres = { dataDir: path.join(dir, 'pg'), port: await freePort(), password: 'outage' }
  database = await startEmbeddedPostgres(postgres)
  await database.ensureDatabase('outage')
  databaseUrl = database.url('outage')
  await migrateDeploy(databaseUrl)
  const seeded = await run(bin('tsx'), ['prisma/seed.ts'], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: password } })
  if (seeded !== 0) throw new Error('seeding the outage database failed')
  app = await startNextServer(databaseUrl)
})

test.afterAll(async () => {
  await app?.stop()
  await database?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function stopDatabase(): Promise<void> {
  await database!.stop()
  database = null
}

/** The same data directory on the same port, as an operator restarting PostgreSQL. */
async function startDatabase(): Promise<void> {
  database = await startEmbeddedPostgres(postgres)
}

/** The reports in the history of the assignment carrying this note. */
async function reportsWithNote(note: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM "StatusUpdate" WHERE note = $1', [note])
    return rows[0]!.count
  } finally {
    await client.end()
  }
}

const updateForm = (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' })
const waiting = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Chờ gửi/ })

test('the app survives the database stopping and starting again, twice, without a restart', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: app!.base })
  const page = await context.newPage()
  await submitLogin(page, 'minh-cam', password)
  await expect(page).not.toHaveURL(/\/login$/)
  await page.goto(ASSIGNMENT)
  const form = updateForm(page)

  let survived = 0
  for (let outage = 1; outage <= OUTAGES; outage++) {
    const typed = { progress: String(60 + outage * 10), indicator: String(outage + 2), note: `Lần ${outage}: đang rà soát lại các lớp ghép của xã.` }
    await form.getByLabel('Đang thực hiện').check()
    await form.getByLabel('Tiến độ (%)').fill(typed.progress)
    await form.getByLabel(/Kết quả chỉ tiêu đạt được/).fill(typed.indicator)
    await form.getByLabel('Ghi chú').fill(typed.note)

    await stopDatabase()

    // The report is not saved, says so, and is kept on the device with everything typed.
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect(form.getByRole('status')).toContainText(`${NOT_SAVED}. Báo cáo đã được giữ trên máy`)
    await expect(waiting(page)).toContainText('1')

    // A page asked for now answers 503 with the friendly page, in Vietnamese.
    const other = await context.newPage()
    const response = await other.goto('/units/minh-cam')
    expect(response!.status()).toBe(503)
    expect(response!.headers()['retry-after']).toBe('30')
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Hệ thống tạm thời gián đoạn')
    expect(await seriousViolations(other)).toEqual([])
    await expect(other.getByText('Dữ liệu đã lưu không bị ảnh hưởng.', { exact: false })).toBeVisible()
    await expect(other.getByRole('link', { name: 'Thử lại' })).toBeVisible()
    const health = await context.request.get('/api/health')
    expect(health.status()).toBe(503)

    await startDatabase()

    // The kept report goes out by itself, once, as typed; the app was not restarted.
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(waiting(page)).toHaveCount(0)
    expect(await reportsWithNote(typed.note)).toBe(1)
    await expect(form.getByLabel('Tiến độ (%)')).toHaveValue(typed.progress)

    // Pages load again: "try again" leads on to the staff's own page.
    await other.getByRole('link', { name: 'Thử lại' }).click()
    await expect(other).toHaveURL(/\/units\/minh-cam$/)
    const reloaded = await other.reload()
    expect(reloaded!.status()).toBe(200)
    await other.close()
    survived++
  }

  testInfo.annotations.push({ type: 'outages survived', description: String(survived) })
  console.info(`database outages survived: ${survived}`)
  expect(survived).toBe(OUTAGES)
  await context.close()
})
