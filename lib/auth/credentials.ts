// Checking a username and password: the Credentials provider's `authorize`.
import 'server-only'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { db } from '@/lib/db'
import { recordSignIn, recordSignInFailed } from './auth-events'
import { hashPassword, verifyPassword } from './password'

export const credentialsSchema = z.object({
  // Usernames are stored lower-case.
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(1000),
})

// Hashing against a throwaway hash when the name is unknown keeps the answer time the same, so
// timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword(randomUUID()))

export type VerifiedUser = { id: string; name: string }

/** The user for these credentials, or null (audited) when they are wrong or the account is inactive. */
export async function verifyCredentials(raw: unknown, ip: string | null): Promise<VerifiedUser | null> {
  const input = credentialsSchema.safeParse(raw)
  if (!input.success) return null
  const { username, password } = input.data
  const user = await db().user.findUnique({
    where: { username },
    select: { id: true, displayName: true, passwordHash: true, active: true },
  })
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), password)
  if (!user) {
    await recordSignInFailed(null, 'unknown_user', ip)
    return null
  }
  if (!passwordMatches || !user.active) {
    await recordSignInFailed(user.id, passwordMatches ? 'inactive' : 'wrong_password', ip)
    return null
  }
  await recordSignIn(user.id, ip)
  return { id: user.id, name: user.displayName }
}
