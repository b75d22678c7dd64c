// `npm run bench:slow`: how long a commune's staff wait on a weak signal. In Chromium with the
// network emulated at 400 kbit/s down (and up), 400 ms latency, signed in as Minh Cầm's staff: the
// unit page (their landing page) until its list of assignments shows, and an assignment page until
// its report form shows; a first visit (nothing cached, no service worker yet) and a repeat visit.
// Prints a table, then every response of the first visits with its size, to see what is spent.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { existsSync } from 'node:fs'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { demoDatabase } from './lib/demo-database'
import { startNextServer } from './lib/next-server'
import { signInThroughForm } from './lib/sign-in'

const LINK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 }
const TARGETS = [
  { name: 'staff landing page (/units/minh-cam)', path: '/units/minh-cam', ready: (page: Page) => page.locator('.assignment-cards').first() },
  { name: 'assignment page', path: '/units/minh-cam/tasks/sap-xep-thon-ban', ready: (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' }) },
]

type Visit = { seconds: number; loaded: number; bytes: number; responses: { url: string; bytes: number }[] }

/** Loads the page on the slow link and times it until `ready` is visible; counts the bytes that came over the wire. */
async function visit(context: BrowserContext, url: string, ready: (page: Page) => ReturnType<Page['locator']>): Promise<Visit> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', LINK)
  const urls = new Map<string, string>()
  const responses: Visit['responses'] = []
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
  cdp.on('Network.loadingFinished', (event) => {
    if (event.encodedDataLength > 0) responses.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength })
  })
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await ready(page).waitFor({ state: 'visible', timeout: 120_000 })
  const seconds = (performance.now() - started) / 1000
  // Until every script has come (the page answers clicks in place rather than by a full post).
  await page.waitForLoadState('load', { timeout: 120_000 })
  const loaded = (performance.now() - started) / 1000
  // What the page still loads after that counts as bytes spent too.
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined)
  await page.close()
  return { seconds, loaded, bytes: responses.reduce((sum, r) => sum + r.bytes, 0), responses }
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) throw new Error(`Chromium was not found at ${executablePath}: install it or set CHROMIUM_PATH`)
const database = await demoDatabase()
try {
  const next = await startNextServer(database.url)
  try {
    const cookie = await signInThroughForm(next.base, 'minh-cam', database.password)
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] })
    try {
      const rows: { name: string; first: Visit; repeat: Visit }[] = []
      for (const target of TARGETS) {
        // A new context: an empty cache, as on a phone's first visit. The service worker is left out:
        // its own requests escape the page's emulated link (they would look free and instant), and
        // online it adds nothing to a visit but the copies it keeps for offline reading.
        const context = await browser.newContext({
          baseURL: next.base,
          locale: 'vi-VN',
          timezoneId: 'Asia/Ho_Chi_Minh',
          viewport: { width: 360, height: 740 },
          serviceWorkers: 'block',
        })
        await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: next.base })))
        const first = await visit(context, target.path, target.ready)
        const repeat = await visit(context, target.path, target.ready)
        rows.push({ name: target.name, first, repeat })
        await context.close()
      }
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
      console.info(`\nNetwork: ${(LINK.downloadThroughput * 8) / 1000} kbit/s down and up, ${LINK.latency} ms latency; a phone's screen (360 px); time until the list or the form shows, and until everything has loaded\n`)
      console.info('| page | first visit: shown | all loaded | bytes | repeat visit: shown | all loaded | bytes |')
      console.info('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
      const s = (seconds: number) => `${seconds.toFixed(1)} s`
      for (const { name, first, repeat } of rows)
        console.info(`| ${name} | ${s(first.seconds)} | ${s(first.loaded)} | ${kb(first.bytes)} | ${s(repeat.seconds)} | ${s(repeat.loaded)} | ${kb(repeat.bytes)} |`)
      for (const { name, first } of rows) {
        console.info(`\nFirst visit of the ${name}, by size:`)
        for (const r of [...first.responses].sort((a, b) => b.bytes - a.bytes)) console.info(`${kb(r.bytes).padStart(8)}  ${r.url.replace(next.base, '')}`)
      }
    } finally {
      await browser.close()
    }
  } finally {
    await next.stop()
  }
} finally {
  await database.stop()
}
