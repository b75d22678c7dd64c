// Record ids made by the app for rows it writes with SQL rather than through Prisma's create:
// UUID version 7 (RFC 9562), the same kind as the schema's @default(uuid(7)), so ids stay ordered
// by creation time (compact, append-mostly indexes).
import { randomBytes } from 'node:crypto'

/** A new UUIDv7: 48 bits of Unix milliseconds, the version and variant bits, 74 random bits. */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
