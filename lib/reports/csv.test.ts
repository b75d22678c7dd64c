// Names typed by users reach the CSV exports (task titles, unit and member names): one that starts
// like a formula must open in a spreadsheet as the text it is.
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { expect, test } from 'vitest'
import { FUZZ_RUNS, hostileText } from '@/test/helpers/arbitraries'
import { csvStream } from './csv'
import { translatorFor } from './exports/table'

async function csvOf(texts: string[]): Promise<string[][]> {
  const sheet = { name: 'x', columns: [{ header: 'Tên', width: 10 }], rowCount: texts.length, rows: texts.map((text) => [text]) }
  const body = await new Response(csvStream(sheet, translatorFor('vi'))).text()
  return parse(body, { bom: true }) as string[][]
}

test('text that starts like a formula is kept as text; other text is written as it is', async () => {
  expect(await csvOf(['=HYPERLINK("http://example.invalid","x")', '+1', '-1+2', '@SUM(A1)', '<script>alert(1)</script>', 'Xã Minh Cầm'])).toEqual([
    ['Tên'],
    [`'=HYPERLINK("http://example.invalid","x")`],
    [`'+1`],
    [`'-1+2`],
    [`'@SUM(A1)`],
    ['<script>alert(1)</script>'],
    ['Xã Minh Cầm'],
  ])
})

test(`${FUZZ_RUNS} hostile texts: every cell reads back as written, or with the apostrophe when it starts like a formula`, async () => {
  const texts = fc.sample(hostileText.map((t) => t.replaceAll('\u0000', '').toWellFormed()), FUZZ_RUNS)
  const rows = await csvOf(texts)
  expect(rows.slice(1).map(([cell]) => cell)).toEqual(texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)))
})
