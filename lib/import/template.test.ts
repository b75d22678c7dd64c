// The templates offered for download are read back by the import as files with every column.
import { expect, test } from 'vitest'
import { IMPORT_KINDS } from './columns'
import { readTable } from './read'
import { importTemplate } from './template'

test.each(IMPORT_KINDS.flatMap((kind) => (['csv', 'xlsx'] as const).map((format) => [kind, format] as const)))('the %s template as %s has every column the import reads', async (kind, format) => {
  // Headers only: every required column found, no data row yet.
  expect(await readTable(kind, await importTemplate(kind, format))).toEqual({ kind: 'problem', code: 'fileEmpty' })
})
