// `COPY (…) TO STDOUT (FORMAT csv)` read through pg-copy-streams, whose stream holds back the
// socket while its reader lags READ_AHEAD bytes behind, so a slow download holds a few pieces, not
// the file. What the socket brings is joined into pieces of at least PIECE_BYTES. PostgreSQL
// ends every row with a bare "\n"; it is turned here into "\r\n" (RFC 4180 line ends). A line
// break inside a quoted cell stays as it is: a "\n" ends a row only outside quotes, and CSV's
// doubled quote inside a quoted cell leaves the count of quotes, and so the state, unchanged.
import 'server-only'
import type { Client } from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/** A piece costs the download a stream write and a socket write: a socket read's few kilobytes would be many. */
const PIECE_BYTES = 1 << 16
const READ_AHEAD = 4 * PIECE_BYTES

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** Whether the text so far has an open quoted cell. */
type Quoting = { quoted: boolean }

/** The piece with a CR before each row's LF: its quotes and line feeds taken in order, by indexOf. */
function withCrlf(piece: Buffer, quoting: Quoting): Buffer {
  const rowEnds: number[] = []
  let quoted = quoting.quoted
  let quote = piece.indexOf(QUOTE)
  let lf = piece.indexOf(LF)
  for (;;) {
    if (quote >= 0 && (lf < 0 || quote < lf)) {
      quoted = !quoted
      quote = piece.indexOf(QUOTE, quote + 1)
    } else if (lf >= 0) {
      if (!quoted) rowEnds.push(lf)
      lf = piece.indexOf(LF, lf + 1)
    } else break
  }
  quoting.quoted = quoted
  const out = Buffer.allocUnsafe(piece.length + rowEnds.length)
  let from = 0
  let to = 0
  for (const end of rowEnds) {
    to += piece.copy(out, to, from, end)
    out[to++] = CR
    from = end
  }
  piece.copy(out, to, from)
  return out
}

/**
 * Runs `sql` (a `COPY … TO STDOUT (FORMAT csv)` statement with the default quote; COPY takes no
 * parameters) on `client` and yields its output as it comes, in pieces, with CRLF line ends
 * (`crlf: false`: as PostgreSQL writes them, for output that is not CSV); throws what PostgreSQL
 * reported. Stopping early leaves the client mid-COPY: end the client then (pg's `end()` closes
 * the socket of a running query, and the server stops).
 */
export async function* copyOut(client: Client, sql: string, { crlf = true }: { crlf?: boolean } = {}): AsyncGenerator<Buffer> {
  const quoting: Quoting = { quoted: false }
  let held: Buffer[] = []
  let size = 0
  for await (const chunk of client.query(copyTo(sql, { highWaterMark: READ_AHEAD })) as AsyncIterable<Buffer>) {
    held.push(chunk)
    size += chunk.length
    if (size < PIECE_BYTES) continue
    yield crlf ? withCrlf(Buffer.concat(held, size), quoting) : Buffer.concat(held, size)
    held = []
    size = 0
  }
  if (size > 0) yield crlf ? withCrlf(Buffer.concat(held, size), quoting) : Buffer.concat(held, size)
}
