// Who is asking. Every page and action calls requireUser(): the session cookie names a user,
// and the database says whether that user still exists and is active.
import 'server-only'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { z } from 'zod'
import { db } from '@/lib/db'
import { auth } from './auth'
import { landingPath } from './landing'
import type { Role } from './roles'

export type CurrentUser = {
  id: string
  username: string
  displayName: string
  role: Role
  unitId: string
  /** The standing-committee member this account belongs to (leaders). */
  memberId: string | null
  unit: { code: string; name: string }
}

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  unitId: true,
  memberId: true,
  active: true,
  unit: { select: { code: true, name: true } },
} as const

/** The signed-in, active user, or null. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth()
  const id = z.uuid().safeParse(session?.user?.id)
  if (!id.success) return null
  const user = await db().user.findUnique({ where: { id: id.data }, select: userSelect })
  if (!user?.active) return null
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    memberId: user.memberId,
    unit: user.unit,
  }
})

/** The signed-in, active user; anyone else is sent to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser()
  if (!user) redirect('/login')
  return user
}

/** The start page of a user who has just signed in (the new session cookie is not readable yet). */
export async function landingPathFor(username: string): Promise<string> {
  const user = await db().user.findUnique({ where: { username }, select: { role: true, unit: { select: { code: true } } } })
  return user ? landingPath(user) : '/login'
}
