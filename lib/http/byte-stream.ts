// A download's body from an async source of byte pieces: a web ReadableStream that asks the source
// for the next piece only when the response has taken the last one (pull), so a slow reader holds
// back the source (and, through it, the database) instead of filling memory.
import 'server-only'

/** A failure of the source errors the stream, so the download ends in an error, not a short file. */
export function byteStream(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const source = pieces[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await source.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      async cancel() {
        await source.return?.()
      },
    },
    { highWaterMark: 1 },
  )
}
