// `npm run report:pages -- report.docx report.pdf`: renders the Word file of a review report with
// LibreOffice (as the Party Office's machines without Word do) and compares its pages with the
// app's PDF: the page count and each page's first line. Exits 1 when they differ. LibreOffice's
// Writer is installed with apt-get where it is missing (as root, on the project's Debian machines).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type PageComparison = { docxPages: string[]; pdfPages: string[]; same: boolean }

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** soffice and pdftotext, installed when missing and the machine lets us (root with apt-get). */
export function ensureTools(install: boolean): void {
  const liberation = spawnSync('sh', ['-c', "fc-list | grep -q 'Liberation Serif'"]).status === 0
  // Liberation Serif stands in for Times New Roman with its metrics; without it LibreOffice's pages differ.
  const missing = [has('soffice') ? null : 'libreoffice-writer-nogui', has('pdftotext') ? null : 'poppler-utils', liberation ? null : 'fonts-liberation2'].filter((p) => p !== null)
  if (missing.length === 0) return
  if (!install) throw new Error(`missing: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`)
  const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  try {
    apt(['install', '-y', '-q', '--no-install-recommends', ...missing])
  } catch {
    apt(['update', '-q'])
    apt(['install', '-y', '-q', '--no-install-recommends', ...missing])
  }
}

/** Each page's text, its lines trimmed and the empty ones left out. */
function pagesOf(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
  const pages = text.split('\f')
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages.map((page) =>
    page
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => line !== ''),
  )
}

/**
 * The line a page starts with, the page number left out: the number is the header's, and the
 * first line of the text is the one that tells whether the pages broke at the same place.
 */
function firstLine(lines: string[]): string {
  const [first, second] = lines
  return (/^\d+$/.test(first ?? '') ? second : first) ?? ''
}

/** Renders `docx` with LibreOffice and compares its pages with `pdf`. */
export function comparePages(docx: Buffer, pdf: Buffer): PageComparison {
  const dir = mkdtempSync(join(tmpdir(), 'report-pages-'))
  try {
    writeFileSync(join(dir, 'report.docx'), docx)
    writeFileSync(join(dir, 'app.pdf'), pdf)
    // A profile of its own: a LibreOffice already running (or another run) does not take the job.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), join(dir, 'report.docx')], {
      stdio: 'pipe',
      timeout: 120_000,
    })
    const docxPages = pagesOf(join(dir, 'out', 'report.pdf')).map(firstLine)
    const pdfPages = pagesOf(join(dir, 'app.pdf')).map(firstLine)
    return { docxPages, pdfPages, same: docxPages.length === pdfPages.length && docxPages.every((line, index) => line === pdfPages[index]) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('report-pages.ts')) {
  const [docxPath, pdfPath] = process.argv.slice(2)
  if (!docxPath || !pdfPath) {
    console.error('usage: npm run report:pages -- report.docx report.pdf')
    process.exit(2)
  }
  ensureTools(process.getuid?.() === 0)
  const result = comparePages(readFileSync(docxPath), readFileSync(pdfPath))
  const count = Math.max(result.docxPages.length, result.pdfPages.length)
  console.log(`pages: LibreOffice ${result.docxPages.length}, PDF ${result.pdfPages.length}`)
  for (let page = 0; page < count; page++) {
    const [a, b] = [result.docxPages[page] ?? '(none)', result.pdfPages[page] ?? '(none)']
    console.log(`${a === b ? ' ' : '≠'} ${page + 1}: ${a}${a === b ? '' : `\n      PDF: ${b}`}`)
  }
  process.exit(result.same ? 0 : 1)
}
