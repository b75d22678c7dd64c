// Passwords are stored as argon2id hashes (OWASP's first choice), with the library's defaults:
// 19 MiB memory, 2 iterations, 1 lane.
import { Algorithm, hash, verify } from '@node-rs/argon2'

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash is a refusal, not a crash.
    return false
  }
}
