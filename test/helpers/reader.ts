// A reader of everything, for the tests of read models whose subject is not who may read them: an
// administrator reads every assignment's details (READ_RULES 'all') without the database being
// asked who they are, and at the top of the tree (scopeUnitId null) so that every unit is theirs.
import type { Actor } from '@/lib/auth/permissions'

export const fullReader: Actor = { id: '01930000-0000-7000-8000-0000000000ad', role: 'ADMIN', unitId: '01930000-0000-7000-8000-0000000000d1', memberId: null, scopeUnitId: null }
