// Time-based one-time passwords (RFC 6238), as authenticator apps compute them: HMAC-SHA1, 6
// digits, 30-second steps, base32 secrets. The computing is otplib's; this module fixes the
// settings the app uses and the rule that a code is good once.
import { generateSecret as otpSecret, generateSync, generateURI, verifySync, type HashAlgorithm } from 'otplib'

export const STEP_SECONDS = 30
export const DIGITS = 6
/** Codes of the step before and after are accepted too: phone clocks drift. */
const DRIFT_SECONDS = STEP_SECONDS

const seconds = (at: Date) => Math.floor(at.getTime() / 1000)

/** A new secret: 160 random bits in base32, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateSecret(): string {
  return otpSecret({ length: 20 })
}

/** The 30-second step a moment falls in (T in RFC 6238). */
export function timeStep(at: Date): bigint {
  return BigInt(Math.floor(seconds(at) / STEP_SECONDS))
}

/** The code an authenticator app shows at that moment. */
export function totp(secret: string | Uint8Array, at: Date, digits: 6 | 8 = DIGITS, algorithm: HashAlgorithm = 'sha1'): string {
  return generateSync({ secret, epoch: seconds(at), digits, algorithm, period: STEP_SECONDS })
}

/**
 * The step the code belongs to when it is right now (allowing one step of drift either way) and
 * newer than the last step accepted for the account, so each code is good only once; else null.
 */
export function matchingStep(secret: string, code: string, now: Date, lastStep: bigint | null): bigint | null {
  const token = code.replace(/\s/g, '')
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return null
  try {
    const result = verifySync({
      secret,
      token,
      epoch: seconds(now),
      period: STEP_SECONDS,
      epochTolerance: DRIFT_SECONDS,
      ...(lastStep === null ? {} : { afterTimeStep: Number(lastStep) }),
    })
    return result.valid && 'timeStep' in result ? BigInt(result.timeStep) : null
  } catch {
    // A secret that is not base32 (a damaged row) matches nothing.
    return null
  }
}

/** The otpauth:// address authenticator apps read (Key Uri Format), for a QR code or a link. */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret, algorithm: 'sha1', digits: DIGITS, period: STEP_SECONDS })
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}
