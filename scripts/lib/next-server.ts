// The production build served by scripts/serve.ts: for `npm start`, and on a free port for the
// scripts that measure it.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, readlink } from 'node:fs/promises'
import { buildIfStale, SERVER_BUNDLE } from './build'
import { freePort, waitForHttp } from './network'
import { projectRoot, terminate } from './process'

/** Starts scripts/serve.ts with the environment given (DATABASE_URL, AUTH_SECRET, PORT, HOST…). */
export function spawnServer(env: Record<string, string>, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: projectRoot,
    stdio,
    env: { ...process.env, AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', ...env },
  })
}

export type NextServer = {
  base: string
  /** The process that answers HTTP. */
  serverPid: number
  stop(): Promise<void>
}

/** Builds when the sources changed, then starts the server against the database and waits for it. */
export async function startNextServer(databaseUrl: string): Promise<NextServer> {
  if ((await buildIfStale()) !== 0) throw new Error('the production build failed')
  const port = await freePort()
  const next = spawnServer({ DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(33).toString('base64'), PORT: String(port), HOST: '127.0.0.1' }, 'ignore')
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/login`, 60_000, () => next.exitCode === null)
    const serverPid = await listeningPid(port, next.pid!)
    return { base, serverPid, stop: () => terminate(next) }
  } catch (error) {
    await terminate(next)
    throw error
  }
}

/** The socket inodes listening on the port (Linux: /proc/net/tcp and tcp6). */
async function listeningInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>()
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1)
    for (const line of lines) {
      const fields = line.trim().split(/\s+/)
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9])
    }
  }
  return inodes
}

/** The process (the launcher or one of its descendants) holding the port's listening socket. */
async function listeningPid(port: number, launcherPid: number): Promise<number> {
  const inodes = await listeningInodes(port)
  const parents = new Map<number, number>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // The parent pid is the second field after the parenthesised command name.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid) parents.set(Number(entry), ppid)
  }
  const isDescendant = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) if (p === launcherPid) return true
    return false
  }
  for (const pid of [launcherPid, ...[...parents.keys()].filter((pid) => pid !== launcherPid && isDescendant(pid))]) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [])
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
      if (inode && inodes.has(inode)) return pid
    }
  }
  throw new Error(`no process of the server listens on port ${port}`)
}

/** The resident memory of a process now, in bytes (VmRSS). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
  if (!kb) throw new Error(`no VmRSS for process ${pid}`)
  return Number(kb) * 1024
}
