// `npm run bench:pages`: each read page's and each download's time on the Ba Chẽ demo data, as a
// signed-in leader gets it: median and p95 of 20 requests after 3 warm-ups, one at a time, against
// the production build, with the size of what came back.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { buildIfStale } from './lib/build'
import { demoDatabase } from './lib/demo-database'
import { freePort, waitForHttp } from './lib/network'
import { bin, projectRoot, terminate } from './lib/process'

const REQUESTS = 20
const WARM_UP = 3
const PAGES = ['/', '/communes', '/communes/minh-cam', '/members', '/members/bi-thu', '/tasks', '/tasks/sap-xep-thon-ban', '/units/minh-cam', '/units/minh-cam/tasks/sap-xep-thon-ban', '/reviews', '/search?q=minh%20cam']
const DOWNLOADS = [
  '/exports/overview.csv',
  '/exports/overview.xlsx',
  '/exports/assignments.csv',
  '/exports/assignments.xlsx',
  '/exports/communes/minh-cam.xlsx',
  '/exports/members/bi-thu.xlsx',
  '/exports/tasks/sap-xep-thon-ban.xlsx',
  '/exports/units/minh-cam.csv',
  '/reports/review?period=so-ket-dot-1&format=docx',
  '/reports/review?period=so-ket-dot-1&format=pdf',
]

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the cookie header. */
async function signIn(base: string, username: string, password: string): Promise<string> {
  const cookies = new Map<string, string>()
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair = ''] = c.split(';')
      const [name = '', value = ''] = pair.split('=')
      cookies.set(name, value)
    }
  }
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrf = await fetch(`${base}/api/auth/csrf`)
  keep(csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, username, password }),
  })
  keep(signedIn)
  if (![...cookies.keys()].some((k) => k.includes('session-token'))) throw new Error(`signing in as ${username} failed (${signedIn.status})`)
  return header()
}

async function timePage(url: string, cookie: string): Promise<{ median: number; p95: number; bytes: number }> {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const started = performance.now()
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' })
    bytes = (await response.arrayBuffer()).byteLength
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    if (i >= WARM_UP) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.ceil(times.length * 0.95) - 1]!, bytes }
}

if ((await buildIfStale()) !== 0) throw new Error('the production build failed')
const database = await demoDatabase()
const port = await freePort()
const next = spawn(bin('next'), ['start', '-p', String(port)], {
  cwd: projectRoot,
  stdio: 'ignore',
  env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: randomBytes(33).toString('base64'), AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1' },
})
try {
  const base = `http://127.0.0.1:${port}`
  await waitForHttp(`${base}/login`, 60_000, () => next.exitCode === null)
  const cookie = await signIn(base, 'bi-thu', database.password)
  console.info(`page and download times on the demo data, signed in as bi-thu: median and p95 of ${REQUESTS} requests after ${WARM_UP} warm-ups`)
  for (const page of [...PAGES, ...DOWNLOADS]) {
    const { median, p95, bytes } = await timePage(base + page, cookie)
    console.info(`${page.padEnd(50)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(1).padStart(7)} KB`)
  }
} finally {
  await terminate(next)
  await database.stop()
}
