// A ZIP archive written as its entries' contents come (the container of an XLSX file): each entry
// deflated piece by piece, its CRC and sizes in a data descriptor after it (general purpose flag
// bit 3), then the central directory (PKWARE APPNOTE 4.3). Every piece is deflated on its own with
// a sync flush, which ends it on a byte boundary without ending the stream, so the pieces of an entry
// join into one deflate stream that a final empty block closes. No ZIP64: an entry or the archive
// past 4 GiB is refused, far above a million-row sheet.
import 'server-only'
import { constants, crc32, deflateRawSync } from 'node:zlib'

/** Speed over size: a sheet's XML is so repetitive that the fastest level still shrinks it tenfold. */
const DEFLATE = { level: constants.Z_BEST_SPEED, finishFlush: constants.Z_SYNC_FLUSH }
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: constants.Z_BEST_SPEED })

/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808
const DEFLATED = 8
const VERSION = 20
const LIMIT = 0xffffffff

export type ZipEntry = { name: string; content: AsyncIterable<string> | Iterable<string> }

type Written = { name: Buffer; crc: number; compressed: number; size: number; offset: number }

/** DOS time and date of the archive's entries: 1 January 2000, 00:00 (the contents carry their own dates). */
const DOS_TIME = 0
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1

function localHeader(name: Buffer): Buffer {
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(VERSION, 4)
  header.writeUInt16LE(FLAGS, 6)
  header.writeUInt16LE(DEFLATED, 8)
  header.writeUInt16LE(DOS_TIME, 10)
  header.writeUInt16LE(DOS_DATE, 12)
  // CRC and sizes: zero here, in the data descriptor.
  header.writeUInt16LE(name.length, 26)
  return Buffer.concat([header, name])
}

function dataDescriptor({ crc, compressed, size }: Written): Buffer {
  const descriptor = Buffer.alloc(16)
  descriptor.writeUInt32LE(0x08074b50, 0)
  descriptor.writeUInt32LE(crc, 4)
  descriptor.writeUInt32LE(compressed, 8)
  descriptor.writeUInt32LE(size, 12)
  return descriptor
}

function centralHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46)
  header.writeUInt32LE(0x02014b50, 0)
  header.writeUInt16LE(VERSION, 4)
  header.writeUInt16LE(VERSION, 6)
  header.writeUInt16LE(FLAGS, 8)
  header.writeUInt16LE(DEFLATED, 10)
  header.writeUInt16LE(DOS_TIME, 12)
  header.writeUInt16LE(DOS_DATE, 14)
  header.writeUInt32LE(entry.crc, 16)
  header.writeUInt32LE(entry.compressed, 20)
  header.writeUInt32LE(entry.size, 24)
  header.writeUInt16LE(entry.name.length, 28)
  header.writeUInt32LE(entry.offset, 42)
  return Buffer.concat([header, entry.name])
}

function endOfDirectory(entries: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries, 8)
  end.writeUInt16LE(entries, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return end
}

/** The archive's bytes, entry after entry, each entry's text (UTF-8) deflated as it comes. */
export async function* zipArchive(entries: Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  const written: Written[] = []
  let offset = 0
  const out = (bytes: Buffer) => {
    offset += bytes.length
    if (offset > LIMIT) throw new Error('zipArchive: the archive would pass 4 GiB')
    return bytes
  }
  for (const { name, content } of entries) {
    const entry: Written = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset }
    yield out(localHeader(entry.name))
    const start = offset
    for await (const text of content) {
      const raw = Buffer.from(text, 'utf8')
      entry.crc = crc32(raw, entry.crc)
      entry.size += raw.length
      if (entry.size > LIMIT) throw new Error(`zipArchive: ${name} would pass 4 GiB`)
      yield out(deflateRawSync(raw, DEFLATE))
    }
    yield out(FINAL_BLOCK)
    entry.compressed = offset - start
    yield out(dataDescriptor(entry))
    written.push(entry)
  }
  const directory = Buffer.concat(written.map(centralHeader))
  const directoryOffset = offset
  yield out(directory)
  yield out(endOfDirectory(written.length, directory.length, directoryOffset))
}
