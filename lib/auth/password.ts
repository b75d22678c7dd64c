// Passwords are stored as argon2id hashes (OWASP's first choice). @node-rs/argon2's defaults are
// argon2id, 19 MiB memory, 2 iterations, 1 lane; the stored hash records them (`$argon2id$...`).
import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash is a refusal, not a crash.
    return false
  }
}

// No 0/o, 1/l/i: read out over the phone and typed by hand. 31 letters, 12 of them: about 59 bits.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A password an administrator hands over after a reset, e.g. "k7qm-2xrt-hp4z"; changed at first sign-in. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 12 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)])
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-')
}
