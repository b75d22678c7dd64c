// Passwords are stored as argon2id hashes (OWASP's first choice). @node-rs/argon2's defaults are
// argon2id, 19 MiB memory, 2 iterations, 1 lane; the stored hash records them (`$argon2id$...`).
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
