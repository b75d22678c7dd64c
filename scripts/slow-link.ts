// `npm run bench:slow`: how long a commune's staff wait on a weak signal. In Chromium with the
// network emulated at 400 kbit/s down (and up), 400 ms latency, signed in as Minh Cầm's staff: the
// landing page (their unit's page, as the installed app opens it from "/" and by its own address)
// until its list of assignments shows, and an assignment page until its report form shows. A first
// visit (nothing cached, no service worker yet), then repeat visits twice over: with the service
// worker blocked (the network alone, as in a browser without the worker) and with the worker in
// play (a phone that has opened the app before), its own requests on the same emulated link.
// Prints a table, then every response of the first visits with its size, to see what is spent.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { SERVICE_WORKER_URL } from '../lib/domain/offline'
import { demoDatabase } from './lib/demo-database'
import { startNextServer } from './lib/next-server'
import { signInThroughForm } from './lib/sign-in'

const LINK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 }
/** Repeat visits per page and way: a single one is at the mercy of whatever else the machine does. */
const REPEATS = 5
const unitList = (page: Page) => page.locator('.assignment-cards').first()
const TARGETS = [
  { name: 'staff landing page, opened from the home screen (/ → /units/minh-cam)', path: '/', ready: unitList },
  { name: 'staff landing page (/units/minh-cam)', path: '/units/minh-cam', ready: unitList },
  { name: 'assignment page', path: '/units/minh-cam/tasks/sap-xep-thon-ban', ready: (page: Page) => page.getByRole('form', { name: 'Cập nhật tiến độ' }) },
]

type Visit = { seconds: number; loaded: number; bytes: number; responses: { url: string; bytes: number }[] }

/**
 * The service worker's own requests, on the same emulated link as the page's. Chromium emulates a
 * link per DevTools target, and the worker is a target of its own: it is attached from the
 * browser's session (Target.sendMessageToTarget, the browser session being the only one Playwright
 * offers that reaches it), and its responses are counted here.
 */
class WorkerLink {
  private sessionId = ''
  private nextId = 1
  private urls = new Map<string, string>()
  private open = new Set<string>()
  responses: Visit['responses'] = []

  private constructor(private readonly browser: CDPSession) {
    browser.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      if (sessionId !== this.sessionId) return
      const { method, params } = JSON.parse(message) as { method?: string; params?: { requestId: string; request?: { url: string }; encodedDataLength?: number } }
      if (!params) return
      if (method === 'Network.requestWillBeSent') {
        this.urls.set(params.requestId, params.request!.url)
        this.open.add(params.requestId)
      } else if (method === 'Network.loadingFinished') {
        this.open.delete(params.requestId)
        if (params.encodedDataLength! > 0) this.responses.push({ url: this.urls.get(params.requestId) ?? '?', bytes: params.encodedDataLength! })
      } else if (method === 'Network.loadingFailed') this.open.delete(params.requestId)
    })
  }

  /** Attaches to the worker the context just registered (the one not attached yet). */
  static async attach(browser: Browser, base: string, attached: Set<string>): Promise<WorkerLink> {
    const session = await browser.newBrowserCDPSession()
    const { targetInfos } = await session.send('Target.getTargets')
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(base + SERVICE_WORKER_URL) && !attached.has(t.targetId))
    if (!target) throw new Error('the service worker did not start')
    attached.add(target.targetId)
    const link = new WorkerLink(session)
    link.sessionId = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId
    await link.send('Network.enable')
    await link.send('Network.emulateNetworkConditions', LINK)
    return link
  }

  private async send(method: string, params: object = {}) {
    await this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id: this.nextId++, method, params }) })
  }

  /** Until what the worker fetches in the background (pages it keeps) has come too; at most 20 s. */
  async settle(): Promise<void> {
    for (let waited = 0; this.open.size > 0 && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100))
  }

  async detach(): Promise<void> {
    await this.browser.detach()
  }
}

/** Loads the page on the slow link and times it until `ready` is visible; counts the bytes that came over the wire, the worker's included. */
async function visit(context: BrowserContext, url: string, ready: (page: Page) => ReturnType<Page['locator']>, worker?: WorkerLink): Promise<Visit> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', LINK)
  const urls = new Map<string, string>()
  const byWorker = new Set<string>()
  const responses: Visit['responses'] = []
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
  // What the worker answered is counted where it came from: its cache (nothing) or its own request.
  cdp.on('Network.responseReceived', (event) => event.response.fromServiceWorker && byWorker.add(event.requestId))
  cdp.on('Network.loadingFinished', (event) => {
    if (event.encodedDataLength > 0 && !byWorker.has(event.requestId)) responses.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength })
  })
  if (worker) worker.responses = []
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await ready(page).waitFor({ state: 'visible', timeout: 120_000 })
  const seconds = (performance.now() - started) / 1000
  // Until every script has come (the page answers clicks in place rather than by a full post).
  await page.waitForLoadState('load', { timeout: 120_000 })
  const loaded = (performance.now() - started) / 1000
  // What the page still loads after that counts as bytes spent too.
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined)
  await worker?.settle()
  await page.close()
  const all = [...responses, ...(worker?.responses ?? [])]
  return { seconds, loaded, bytes: all.reduce((sum, r) => sum + r.bytes, 0), responses: all }
}

type Repeats = { median: Visit; worst: Visit; bytes: number }
async function repeatVisits(context: BrowserContext, target: (typeof TARGETS)[number], worker?: WorkerLink): Promise<Repeats> {
  const visits: Visit[] = []
  for (let i = 0; i < REPEATS; i++) visits.push(await visit(context, target.path, target.ready, worker))
  visits.sort((a, b) => a.seconds - b.seconds)
  return { median: visits[Math.floor(REPEATS / 2)]!, worst: visits[REPEATS - 1]!, bytes: Math.max(...visits.map((v) => v.bytes)) }
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) throw new Error(`Chromium was not found at ${executablePath}: install it or set CHROMIUM_PATH`)
const database = await demoDatabase()
try {
  const next = await startNextServer(database.url)
  try {
    const cookie = await signInThroughForm(next.base, 'minh-cam', database.password)
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] })
    const newContext = async (serviceWorkers: 'block' | 'allow') => {
      // A new context: an empty cache, as on a phone's first visit.
      const context = await browser.newContext({ baseURL: next.base, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, serviceWorkers })
      await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: next.base })))
      return context
    }
    try {
      const rows: { name: string; first: Visit; blocked: Repeats; worker: Repeats }[] = []
      const attached = new Set<string>()
      for (const target of TARGETS) {
        const blockedContext = await newContext('block')
        const first = await visit(blockedContext, target.path, target.ready)
        const blocked = await repeatVisits(blockedContext, target)
        await blockedContext.close()

        // The phone's case: a first visit registers the worker, which takes the page over; the
        // repeat visits go through it and its caches.
        const workerContext = await newContext('allow')
        const page = await workerContext.newPage()
        await page.goto(target.path)
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
        await page.close()
        const link = await WorkerLink.attach(browser, next.base, attached)
        const worker = await repeatVisits(workerContext, target, link)
        await link.detach()
        await workerContext.close()
        rows.push({ name: target.name, first, blocked, worker })
      }
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
      const s = (seconds: number) => `${seconds.toFixed(1)} s`
      console.info(
        `\nNetwork: ${(LINK.downloadThroughput * 8) / 1000} kbit/s down and up, ${LINK.latency} ms latency; a phone's screen (360 px); time until the list or the form shows, and until everything has loaded; a repeat visit is the median of ${REPEATS} (the slowest in brackets), its bytes the most of them\n`,
      )
      console.info('| page | first visit: shown | all loaded | bytes | repeat, worker blocked: shown | bytes | repeat, worker in play: shown | bytes |')
      console.info('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
      for (const { name, first, blocked, worker } of rows)
        console.info(
          `| ${name} | ${s(first.seconds)} | ${s(first.loaded)} | ${kb(first.bytes)} | ${s(blocked.median.seconds)} (${s(blocked.worst.seconds)}) | ${kb(blocked.bytes)} | ${s(worker.median.seconds)} (${s(worker.worst.seconds)}) | ${kb(worker.bytes)} |`,
        )
      const list = (responses: Visit['responses']) => [...responses].sort((a, b) => b.bytes - a.bytes).map((r) => `${kb(r.bytes).padStart(8)}  ${r.url.replace(next.base, '')}`)
      for (const { name, first, blocked, worker } of rows) {
        console.info(`\nFirst visit of the ${name}, by size:\n${list(first.responses).join('\n')}`)
        console.info(`Its median repeat visit, worker blocked:\n${list(blocked.median.responses).join('\n')}`)
        console.info(`Its median repeat visit, worker in play:\n${list(worker.median.responses).join('\n')}`)
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
