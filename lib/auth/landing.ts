import type { Role } from './roles'
import { unitPageHref } from '@/lib/domain/paths'

/** Where a user starts: staff on their own unit's page, leaders and administrators on the district overview. */
export function landingPath(user: { role: Role; unit: { code: string } }): string {
  return user.role === 'STAFF' ? unitPageHref(user.unit.code) : '/'
}
