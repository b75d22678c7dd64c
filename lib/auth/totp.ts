// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), as authenticator apps compute
// them: HMAC-SHA1, 6 digits, 30-second steps, secrets in base32 (RFC 4648). Written on node:crypto
// because no TOTP library is installed; the RFC test vectors prove it (totp.test.ts).
import { createHmac, randomBytes } from 'node:crypto'

export const STEP_SECONDS = 30
export const DIGITS = 6
/** Codes of the step before and after are accepted too: phone clocks drift. */
const DRIFT_STEPS = 1
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512'

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

/** Decodes base32 as people type it: any case, spaces and padding ignored. Null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const char of clean) {
    const digit = BASE32.indexOf(char)
    if (digit < 0) return null
    value = ((value << 5) | digit) & 0xffff
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** A new secret: 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateSecret(): string {
  return base32Encode(randomBytes(20))
}

/** RFC 4226 HOTP: the code for one counter value. */
export function hotp(key: Uint8Array, counter: bigint, digits = DIGITS, algorithm: HmacAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(counter)
  const mac = createHmac(algorithm, key).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The 30-second step a moment falls in (T in RFC 6238). */
export function timeStep(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / STEP_SECONDS))
}

/** The code an authenticator app shows at that moment. */
export function totp(secret: string, at: Date, digits = DIGITS, algorithm: HmacAlgorithm = 'sha1'): string {
  const key = base32Decode(secret)
  if (!key) throw new Error('totp: the secret is not base32')
  return hotp(key, timeStep(at), digits, algorithm)
}

/**
 * The step the code belongs to when it is right now (allowing one step of drift either way) and
 * newer than the last step accepted for the account, so each code is good only once; else null.
 */
export function matchingStep(secret: string, code: string, now: Date, lastStep: bigint | null): bigint | null {
  const key = base32Decode(secret)
  const typed = code.replace(/\s/g, '')
  if (!key || !new RegExp(`^\\d{${DIGITS}}$`).test(typed)) return null
  const current = timeStep(now)
  for (let drift = -DRIFT_STEPS; drift <= DRIFT_STEPS; drift++) {
    const step = current + BigInt(drift)
    if (lastStep !== null && step <= lastStep) continue
    if (hotp(key, step) === typed) return step
  }
  return null
}

/** The otpauth:// address authenticator apps read (Key Uri Format), for a QR code or a link. */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) })
  return `otpauth://totp/${label}?${query.toString()}`
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}
