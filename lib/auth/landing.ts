import type { Role } from './roles'

/** Where a user starts: staff on their own unit's page, leaders and administrators on the district overview. */
export function landingPath(user: { role: Role; unit: { code: string } }): string {
  return user.role === 'STAFF' ? `/units/${encodeURIComponent(user.unit.code)}` : '/'
}
