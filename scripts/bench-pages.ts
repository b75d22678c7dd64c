// `npm run bench:pages`: each read page's and each download's time on the Ba Chẽ demo data, as a
// signed-in leader gets it: median and p95 of 20 requests after 3 warm-ups, one at a time, against
// the production build, with the size of what came back.
// Uses DATABASE_URL when set (a seeded database); otherwise a throwaway embedded server.
import { performance } from 'node:perf_hooks'
import { latency } from './lib/bench-stats'
import { demoDatabase } from './lib/demo-database'
import { startNextServer } from './lib/next-server'
import { signInThroughForm } from './lib/sign-in'

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
  return { ...latency(times), bytes }
}

const database = await demoDatabase()
try {
  const next = await startNextServer(database.url)
  try {
    const { base } = next
    const cookie = await signInThroughForm(base, 'bi-thu', database.password)
    console.info(`page and download times on the demo data, signed in as bi-thu: median and p95 of ${REQUESTS} requests after ${WARM_UP} warm-ups`)
    for (const page of [...PAGES, ...DOWNLOADS]) {
      const { median, p95, bytes } = await timePage(base + page, cookie)
      console.info(`${page.padEnd(50)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(1).padStart(7)} KB`)
    }
  } finally {
    await next.stop()
  }
} finally {
  await database.stop()
}
