// Measurements over HTTP for `npm run bench`: page latency one user at a time and under concurrent
// users (autocannon), the gzip size of the client JavaScript a page loads, and an export's rows per
// second with the server's peak memory while it streams.
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { latency, type Latency } from './bench-stats'
import { residentBytes } from './next-server'

async function get(url: string, cookie: string): Promise<Response> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return response
}

/** `requests` requests one after another, after `warmUps` untimed ones; `bytes`: the page's size, as sent (uncompressed). */
export async function sequentialLatency(url: string, cookie: string, requests: number, warmUps: number): Promise<Latency & { bytes: number }> {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < warmUps + requests; i++) {
    const started = performance.now()
    bytes = (await (await get(url, cookie)).arrayBuffer()).byteLength
    if (i >= warmUps) times.push(performance.now() - started)
  }
  return { ...latency(times), bytes }
}

/**
 * The first reader after each of `requests` writes: `write` moves the database's snapshot, so
 * nothing kept under the old one is served and the page is computed and rendered anew.
 */
export async function coldLatency(url: string, cookie: string, requests: number, write: () => Promise<void>): Promise<Latency> {
  const times: number[] = []
  for (let i = 0; i < requests; i++) {
    await write()
    const started = performance.now()
    await (await get(url, cookie)).arrayBuffer()
    times.push(performance.now() - started)
  }
  return latency(times)
}

export type LoadResult = Latency & { connections: number; requests: number; seconds: number; perSecond: number }

/**
 * `connections` users each asking again as soon as answered, every answer 200, until about
 * `seconds` of work is done: as many requests as the one-user median (`oneUserMs`) says the two
 * cores can answer in that time, and at least two per user. A fixed number of requests, not a
 * fixed duration, so a slow page's answers are all waited for and counted.
 */
export async function loadLatency(url: string, cookie: string, connections: number, seconds: number, oneUserMs: number): Promise<LoadResult> {
  const amount = Math.max(2 * connections, Math.round(((seconds * 1000) / Math.max(oneUserMs, 1)) * CORES))
  const times: number[] = []
  const started = performance.now()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount, timeout: LOAD_TIMEOUT_SECONDS, headers: { cookie } }, (error: unknown, done: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
  if (result.non2xx || result.errors) throw new Error(`${url} under load: ${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} unanswered in ${LOAD_TIMEOUT_SECONDS} s)`)
  const elapsed = (performance.now() - started) / 1000
  return { ...latency(times), connections, requests: times.length, seconds: elapsed, perSecond: times.length / elapsed }
}

/** The machine the targets are set for. */
const CORES = 2
/** A request this slow is an error, not a figure. */
const LOAD_TIMEOUT_SECONDS = 120

/**
 * The page's same-origin scripts (<script src>), each gzipped, summed: what a browser loads first.
 * A `nomodule` script is left out: it is Next's polyfill bundle for browsers without ES modules, and
 * every browser that runs modules (all the ones the app supports) skips it without downloading it.
 */
export async function clientScriptGzipBytes(base: string, path: string, cookie: string): Promise<{ scripts: number; bytes: number }> {
  const html = await (await get(base + path, cookie)).text()
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule\b/i.test(m[0]))
  const sources = new Set(tags.map((m) => m[1]!.replaceAll('&amp;', '&')).filter((src) => src.startsWith('/')))
  let bytes = 0
  for (const src of sources) bytes += gzipSync(Buffer.from(await (await get(base + src, '')).arrayBuffer())).byteLength
  return { scripts: sources.size, bytes }
}

/** Linux's clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = 100

/** The CPU time a process has used so far (user and system), in seconds. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // utime and stime are the 14th and 15th fields; the command name before them may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

/**
 * `serverCpuSeconds`: the CPU the server process spent meanwhile, a figure the other processes of a
 * shared machine do not change as much as they change the elapsed time.
 */
export type ExportResult = { bytes: number; seconds: number; peakRssBytes: number; baselineRssBytes: number; serverCpuSeconds: number }

/** Downloads the file (discarding it as it comes), sampling the server's resident memory every 50 ms. */
export async function measureExport(url: string, cookie: string, serverPid: number, onChunk: (chunk: Uint8Array) => void = () => {}): Promise<ExportResult> {
  const baselineRssBytes = await residentBytes(serverPid)
  let peakRssBytes = baselineRssBytes
  const sampler = setInterval(() => {
    residentBytes(serverPid).then((rss) => (peakRssBytes = Math.max(peakRssBytes, rss)), () => undefined)
  }, 50)
  const cpuBefore = await cpuSeconds(serverPid)
  const started = performance.now()
  let bytes = 0
  try {
    const reader = (await get(url, cookie)).body!.getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.byteLength
      onChunk(read.value)
    }
  } finally {
    clearInterval(sampler)
  }
  const seconds = (performance.now() - started) / 1000
  peakRssBytes = Math.max(peakRssBytes, await residentBytes(serverPid))
  return { bytes, seconds, peakRssBytes, baselineRssBytes, serverCpuSeconds: (await cpuSeconds(serverPid)) - cpuBefore }
}

/** A chunk consumer counting lines ('\n'), for a CSV's rows. */
export function lineCounter(): { onChunk: (chunk: Uint8Array) => void; lines: () => number } {
  let lines = 0
  let last = 10
  return {
    onChunk: (chunk) => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
      if (chunk.byteLength) last = chunk[chunk.byteLength - 1]!
    },
    lines: () => lines + (last === 10 ? 0 : 1),
  }
}
