// A throwaway PostgreSQL server from an installation on this machine (/usr/lib/postgresql/N/bin
// and the like), for tests that need a server whose own pg_dump and pg_restore are present: the
// embedded server ships without them. Runs as the user `postgres` when we are root, as PostgreSQL
// requires.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '@/scripts/lib/network'
import { exited } from '@/scripts/lib/process'

export type InstalledServer = { adminUrl: string; stop(): Promise<void> }

/** Whether the folder holds a server, not only client programs. */
export const hasServer = (binDir: string) => existsSync(path.join(binDir, 'postgres')) && existsSync(path.join(binDir, 'initdb'))

async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null
  const entry = (await readFile('/etc/passwd', 'utf8')).split('\n').find((line) => line.startsWith('postgres:'))
  if (!entry) throw new Error('Running as root, the test server needs the system user `postgres` (useradd postgres).')
  const [, , uid, gid] = entry.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

export async function startInstalledPostgres(binDir: string): Promise<InstalledServer> {
  const owner = await postgresUser()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nq19-installed-pg-'))
  await chmod(dir, 0o755)
  const dataDir = path.join(dir, 'data')
  const passwordFile = path.join(dir, 'password')
  const password = 'installed-test'
  await mkdir(dataDir, { mode: 0o700 })
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  if (owner) for (const p of [dataDir, passwordFile]) await chown(p, owner.uid, owner.gid)
  const asOwner: SpawnOptions = { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'] }

  let output = ''
  const collect = (child: ChildProcess) => {
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
  }
  const initdb = spawn(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'], asOwner)
  collect(initdb)
  await exited(initdb)
  if (initdb.exitCode !== 0) throw new Error(`initdb failed:\n${output}`)

  const port = await freePort()
  const server = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'], asOwner)
  collect(server)
  await new Promise<void>((resolve, reject) => {
    const ready = () => output.includes('ready to accept connections') && resolve()
    server.stderr?.on('data', ready)
    server.once('exit', () => reject(new Error(`PostgreSQL did not start:\n${output}`)))
  })
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      server.kill('SIGINT') // fast shutdown: open client connections do not hold it up
      await exited(server)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
