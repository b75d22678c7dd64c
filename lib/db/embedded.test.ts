// As root, PostgreSQL runs as the user `postgres`. A newcomer who clones the project into root's
// home (a folder only root may enter) and starts it must get a running database all the same.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, cp, lstat, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { projectRoot } from '@/scripts/lib/process'

/** Runs a TypeScript file with tsx in the folder given; resolves with its exit code and output. */
function runTs(cwd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

// Starts the app's embedded database as npm start does (data in .data/ of the clone), leaves a
// mark in it or reads it back, and stops it.
const PROBE = `
import path from 'node:path'
import { withConnection } from './lib/db/connection'
import { startEmbeddedAppDatabase } from './scripts/lib/app-database'
const server = await startEmbeddedAppDatabase(path.resolve('.data'))
const mark = await withConnection(server.url, async (c) => {
  await c.query('CREATE TABLE IF NOT EXISTS mark (value text)')
  if (process.argv.includes('--write')) await c.query("INSERT INTO mark VALUES ('kept')")
  return (await c.query<{ value: string }>('SELECT value FROM mark')).rows.map((r) => r.value)
})
console.log('mark:', JSON.stringify(mark))
await server.stop()
`

test.skipIf(process.getuid?.() !== 0)('as root, a clone in a folder only root may enter starts its embedded database, keeps the data where postgres can reach it, and finds it again', async () => {
  // The clone's node_modules are hard links (one file system: inside the project's .data).
  await mkdir(path.join(projectRoot, '.data'), { recursive: true })
  const home = await mkdtemp(path.join(projectRoot, '.data', 'private-home-'))
  await chmod(home, 0o700)
  const clone = path.join(home, 'nq19')
  let kept: string | undefined
  try {
    await mkdir(clone)
    for (const entry of ['lib', 'scripts', 'package.json', 'tsconfig.json']) await cp(path.join(projectRoot, entry), path.join(clone, entry), { recursive: true })
    const linked = await new Promise<number | null>((resolve) => spawn('cp', ['-al', path.join(projectRoot, 'node_modules'), clone]).on('exit', resolve))
    expect(linked).toBe(0)
    await writeFile(path.join(clone, 'probe.ts'), PROBE)

    const first = await runTs(clone, ['probe.ts', '--write'])
    expect(first.output).toContain('mark: ["kept"]')
    expect(first.code).toBe(0)
    const pgDir = path.join(clone, '.data', 'pg')
    expect((await lstat(pgDir)).isSymbolicLink()).toBe(true)
    kept = await realpath(pgDir)
    expect(first.output).toContain(`PostgreSQL runs as the user "postgres", which cannot enter ${home}: its data is kept in ${kept} (${pgDir} links to it).`)
    expect(existsSync(path.join(kept, 'PG_VERSION'))).toBe(true)

    const second = await runTs(clone, ['probe.ts'])
    expect(second.output).toContain('mark: ["kept"]')
    expect(second.output).not.toContain('cannot enter')
    expect(second.code).toBe(0)
  } finally {
    await rm(home, { recursive: true, force: true })
    if (kept) await rm(kept, { recursive: true, force: true })
  }
}, 180_000)
