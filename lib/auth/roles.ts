// The roles of DESIGN.md ("Roles"); the database enum has the same values.
export const ROLES = ['STAFF', 'LEADER', 'OFFICE', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]
