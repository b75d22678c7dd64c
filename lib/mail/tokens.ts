// The tokens of links in mail (verifying an address, stopping a notice kind): random, sent once in
// the mail, stored only as their SHA-256 (lib/auth/sign-in.ts keeps its challenges so too).
import { createHash, randomBytes } from 'node:crypto'

export const newMailToken = (): string => randomBytes(32).toString('base64url')
export const mailTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A verification link is good for two days; an unsubscribe link for 90 (mail is read late). */
export const VERIFY_TOKEN_TTL_MS = 2 * 24 * 60 * 60 * 1000
export const UNSUBSCRIBE_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000
