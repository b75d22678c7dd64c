// `COPY (…) TO STDOUT` through node-postgres without another library: pg runs any object with a
// `submit` method as a query and hands it the protocol's messages. PostgreSQL sends one CopyData
// message per row (protocol docs, "COPY Operations"); they are packed here into pieces of about
// PIECE_BYTES, each row's "\n" turned into "\r\n" (RFC 4180 line ends: PostgreSQL writes bare
// "\n", and a row's own line breaks, inside quotes, stay as they are). While the reader lags
// MAX_QUEUED pieces behind, the socket is paused, so a slow download holds a few pieces, not the file.
import 'server-only'
import type { Client, Connection, Submittable } from 'pg'

const PIECE_BYTES = 1 << 16
const MAX_QUEUED = 4
const CRLF = Buffer.from('\r\n')

type CopyMessage = { chunk: Buffer }

class CopyOut implements Submittable {
  private readonly pieces: Buffer[] = []
  private piece = Buffer.allocUnsafe(PIECE_BYTES)
  private used = 0
  private connection: Connection | null = null
  private paused = false
  private done = false
  private failure: Error | null = null
  private wake: (() => void) | null = null

  constructor(private readonly sql: string) {}

  submit(connection: Connection): void {
    this.connection = connection
    connection.query(this.sql)
  }

  handleCopyData(message: CopyMessage): void {
    const row = message.chunk
    const length = row.length - 1
    if (row[length] !== 0x0a) return this.handleError(new Error('COPY sent a row that does not end in a line feed'))
    if (this.used + length + 2 > this.piece.length) {
      this.flush()
      if (length + 2 > this.piece.length) this.piece = Buffer.allocUnsafe(length + 2)
    }
    row.copy(this.piece, this.used, 0, length)
    CRLF.copy(this.piece, this.used + length)
    this.used += length + 2
  }

  handleCommandComplete(): void {
    this.flush()
  }

  handleReadyForQuery(): void {
    this.done = true
    this.signal()
  }

  handleError(error: Error): void {
    this.failure ??= error
    this.done = true
    this.resume()
    this.signal()
  }

  handleRowDescription(): void {
    this.handleError(new Error('copyOut: the statement returned rows, not COPY data'))
  }

  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {
    this.handleError(new Error('copyOut: the statement is a COPY FROM'))
  }

  /** The pieces as the reader takes them; ends after the last row, throws what PostgreSQL reported. */
  async *pieceStream(): AsyncGenerator<Buffer> {
    for (;;) {
      const next = this.pieces.shift()
      if (next) {
        if (this.pieces.length < MAX_QUEUED / 2) this.resume()
        yield next
        continue
      }
      if (this.failure) throw this.failure
      if (this.done) return
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private flush(): void {
    if (this.used === 0) return
    this.pieces.push(this.piece.subarray(0, this.used))
    this.piece = Buffer.allocUnsafe(PIECE_BYTES)
    this.used = 0
    if (this.pieces.length >= MAX_QUEUED && !this.paused) {
      this.paused = true
      this.connection?.stream.pause()
    }
    this.signal()
  }

  private resume(): void {
    if (!this.paused) return
    this.paused = false
    this.connection?.stream.resume()
  }

  private signal(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}

/**
 * Runs `sql` (a `COPY … TO STDOUT` statement; COPY takes no parameters) on `client` and yields its
 * output as it comes, in pieces, with CRLF line ends. Stopping early leaves the client mid-COPY:
 * end the client then (pg's `end()` closes the socket of a running query, and the server stops).
 */
export function copyOut(client: Client, sql: string): AsyncGenerator<Buffer> {
  const copy = new CopyOut(sql)
  client.query(copy)
  return copy.pieceStream()
}
