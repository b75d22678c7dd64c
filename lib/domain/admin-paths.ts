// Where the administration pages are; record pages are addressed by code or username.
import type { DistrictAction } from '@/lib/auth/rules'

const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`

export const ADMIN_SECTIONS = ['units', 'members', 'groups', 'tasks', 'periods', 'users', 'import', 'outbox'] as const
export type AdminSection = (typeof ADMIN_SECTIONS)[number]

export const adminHref = '/admin'

/** What a section's pages take: the administration, but the reporting periods are the office's too. */
export const adminSectionAction = (section: AdminSection): DistrictAction => (section === 'periods' ? 'period.manage' : 'admin.manage')

/** A section's list (and create form), or one record's edit page. */
export const adminSectionHref = (section: AdminSection, code?: string) => (code === undefined ? path('admin', section) : path('admin', section, code))

/** The import template of one kind of data, as CSV or XLSX. */
export const importTemplateHref = (kind: string, format: 'csv' | 'xlsx') => `${path('admin', 'import', 'template')}?kind=${kind}&format=${format}`
