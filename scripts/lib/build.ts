// The production build: `next build`, and the server (scripts/serve.ts) bundled into plain
// JavaScript beside it, so that it runs on Node.js alone (under tsx's loader the server would hold
// some 90 MB more for as long as it runs). The build is current when it was made from the same
// sources: a hash of every input is written beside it and compared before `npm start` serves it.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build as bundle } from 'esbuild'
import { bin, projectRoot, run } from './process'

const INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'scripts/serve.ts', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma']

/** The server, as `node` runs it from the project's folder. */
export const SERVER_BUNDLE = '.next/serve.mjs'
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

/** Runs `next build`, then bundles the server; returns the exit code. */
export async function build(): Promise<number> {
  const hash = await sourceHash()
  const code = await run(bin('next'), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (code !== 0) return code
  // The packages stay where npm put them; the project's own modules (TypeScript) are bundled.
  await bundle({
    entryPoints: [path.join(projectRoot, 'scripts/serve.ts')],
    outfile: path.join(projectRoot, SERVER_BUNDLE),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
  await writeFile(STAMP, hash)
  return 0
}

export async function buildIfStale(): Promise<number> {
  return (await isBuildCurrent()) ? 0 : build()
}
