// An XLSX is a zip: what it unpacks to is checked before the spreadsheet is parsed, so a small
// upload cannot make the server inflate hundreds of megabytes.
import JSZip from 'jszip'
import { describe, expect, test } from 'vitest'
import { MAX_IMPORT_BYTES, readTable } from './read'
import { importTemplate } from './template'

const MB = 1024 * 1024

/** The tasks template with one more entry of zeros, deflated: a few hundred KB however large. */
async function templateWith(entries: Record<string, Uint8Array>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await importTemplate('tasks', 'xlsx'))
  for (const [name, content] of Object.entries(entries)) zip.file(name, content)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } })
}

/** Rewrites an entry's uncompressed size in its local header and central directory record. */
function claimSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip)
  const fileName = Buffer.from(name)
  for (const [signature, nameAt, sizeAt] of [[0x04034b50, 30, 22], [0x02014b50, 46, 24]] as const) {
    for (let at = bytes.indexOf(Buffer.from(new Uint32Array([signature]).buffer)); at >= 0; at = bytes.indexOf(Buffer.from(new Uint32Array([signature]).buffer), at + 4)) {
      if (bytes.subarray(at + nameAt, at + nameAt + fileName.length).equals(fileName)) bytes.writeUInt32LE(size, at + sizeAt)
    }
  }
  return new Uint8Array(bytes)
}

describe('an XLSX that unpacks to far more than it weighs', () => {
  test('one entry of 200 MB of zeros is refused before it is parsed', async () => {
    const bomb = await templateWith({ 'xl/media/zeros.bin': new Uint8Array(200 * MB) })
    expect(bomb.byteLength).toBeLessThan(MAX_IMPORT_BYTES)
    expect(await readTable('tasks', bomb)).toEqual({ kind: 'problem', code: 'fileUnpacksTooLarge', params: { megabytes: 40, entries: 100 } })
  })

  test('an entry that claims to be small but inflates to 200 MB is refused', async () => {
    const liar = claimSize(await templateWith({ 'xl/media/zeros.bin': new Uint8Array(200 * MB) }), 'xl/media/zeros.bin', 1000)
    expect(await readTable('tasks', liar)).toEqual({ kind: 'problem', code: 'fileUnpacksTooLarge', params: { megabytes: 40, entries: 100 } })
  })

  test('more than 100 entries are refused', async () => {
    const many = await templateWith(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`xl/media/${i}.bin`, new Uint8Array(1)])))
    expect(await readTable('tasks', many)).toEqual({ kind: 'problem', code: 'fileUnpacksTooLarge', params: { megabytes: 40, entries: 100 } })
  })

  test('an XLSX with a few megabytes inside is read as usual', async () => {
    const normal = await templateWith({ 'xl/media/zeros.bin': new Uint8Array(5 * MB) })
    // The template has its headers and no data row.
    expect(await readTable('tasks', normal)).toEqual({ kind: 'problem', code: 'fileEmpty' })
  })
})
