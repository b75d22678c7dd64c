// Two-factor recovery codes: for the day the phone is lost. Ten per enrolment, shown once, stored
// as argon2id hashes like passwords, each good for one sign-in.
import { randomInt } from 'node:crypto'
import type { Prisma } from '@/lib/db/client'
import { hashPassword, verifyPassword } from './password'

export const RECOVERY_CODE_COUNT = 10
// No 0/o, 1/l/i: read off paper and typed by hand. 31 letters, 10 of them: about 49 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const LENGTH = 10

/** A code as shown: two groups of five, e.g. "7kq2m-xr4tz". */
export function generateRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

/** The form a typed code is hashed and compared in: case, spaces and the dash do not matter. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '')
}

export function looksLikeRecoveryCode(typed: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normalizeRecoveryCode(typed))
}

/** Replaces the user's codes with ten new ones; the plain codes are returned to be shown once. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode)
  const hashes = await Promise.all(codes.map((code) => hashPassword(normalizeRecoveryCode(code))))
  await tx.recoveryCode.deleteMany({ where: { userId } })
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })) })
  return codes
}

/** Uses up the matching unused code; false when none matches. Safe against two uses at once. */
export async function useRecoveryCode(client: Prisma.TransactionClient, userId: string, typed: string, now: Date): Promise<boolean> {
  if (!looksLikeRecoveryCode(typed)) return false
  const normalized = normalizeRecoveryCode(typed)
  const unused = await client.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } })
  for (const code of unused) {
    if (!(await verifyPassword(code.codeHash, normalized))) continue
    const used = await client.recoveryCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: now } })
    return used.count === 1
  }
  return false
}
