// The production build is current when it was made from the same sources: a hash of every input
// of `next build` is written beside it and compared before `npm start` serves it.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { bin, projectRoot, run } from './process'

const INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma']
const SKIP = new Set(['node_modules', '.next', 'generated'])
const STAMP = path.join(projectRoot, '.next', 'source-hash')

async function filesUnder(entry: string): Promise<string[]> {
  const full = path.join(projectRoot, entry)
  if (!existsSync(full)) return []
  const items = await readdir(full, { withFileTypes: true, recursive: true }).catch(() => null)
  if (!items) return [entry] // a file
  return items
    .filter((d) => d.isFile() && !path.relative(full, d.parentPath).split(path.sep).some((p) => SKIP.has(p)))
    .map((d) => path.relative(projectRoot, path.join(d.parentPath, d.name)))
}

export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(filesUnder))).flat().sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(file).update('\0').update(await readFile(path.join(projectRoot, file))).update('\0')
  return hash.digest('hex')
}

export async function isBuildCurrent(): Promise<boolean> {
  if (!existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) return false
  const stamp = await readFile(STAMP, 'utf8').catch(() => '')
  return stamp === (await sourceHash())
}

/** Runs `next build`; returns its exit code. */
export async function build(): Promise<number> {
  const hash = await sourceHash()
  const code = await run(bin('next'), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (code === 0) await writeFile(STAMP, hash)
  return code
}

export async function buildIfStale(): Promise<number> {
  return (await isBuildCurrent()) ? 0 : build()
}
