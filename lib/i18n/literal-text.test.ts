// No user-visible text outside the message files: every .tsx file of app/ and components/
// is parsed, and words written straight into JSX (text, or a string given to an attribute people
// read or hear) are reported with their place.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** Attributes a user reads or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'])
const WORD = /\p{L}{2,}/u

async function tsxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.tsx')).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
}

/** The literal words in one file's JSX, as "file:line text". */
export function literalText(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart())
    found.push(`${file}:${line + 1} ${text.trim()}`)
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) report(node, node.text)
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && ts.isStringLiteralLike(node.expression) && WORD.test(node.expression.text))
      report(node, node.expression.text)
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText())) {
      const value = node.initializer
      const literal = value && ts.isJsxExpression(value) ? value.expression : value
      if (literal && ts.isStringLiteralLike(literal) && WORD.test(literal.text)) report(node, `${node.name.getText()}="${literal.text}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

describe('user-visible text lives in the message files', () => {
  it('finds words written into JSX (the check itself)', () => {
    const sample = `export const A = () => <p title="Xem thêm" aria-hidden>Hạn hoàn thành {count} <b>{'nhiệm vụ'}</b> {t('ok')}</p>`
    expect(literalText('sample.tsx', sample)).toEqual(['sample.tsx:1 title="Xem thêm"', 'sample.tsx:1 Hạn hoàn thành', 'sample.tsx:1 nhiệm vụ'])
  })

  it('no component or page writes words of its own', async () => {
    const files = [...(await tsxFiles('app')), ...(await tsxFiles('components'))]
    expect(files.length).toBeGreaterThan(50)
    const found = (await Promise.all(files.map(async (file) => literalText(file, await readFile(path.join(ROOT, file), 'utf8'))))).flat()
    expect(found).toEqual([])
  })
})
