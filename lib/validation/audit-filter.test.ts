import { describe, expect, it } from 'vitest'
import { parseAuditSearch } from './audit-filter'

describe('parseAuditSearch', () => {
  it('reads every filter and the page', () => {
    expect(parseAuditSearch({ user: ' Bi-Thu ', entity: 'Assignment', action: 'statusUpdate.create.refused', from: '01/11/2026', to: '2026-11-30', page: '3' })).toEqual({
      filter: { user: 'bi-thu', entity: 'Assignment', action: 'statusUpdate.create.refused', from: '2026-11-01', to: '2026-11-30' },
      page: 3,
      unreadDays: { from: undefined, to: undefined },
    })
  })

  it('takes a day typed without leading zeros', () => {
    expect(parseAuditSearch({ from: '1/2/2026', to: ' 9/12/2026 ' }).filter).toMatchObject({ from: '2026-02-01', to: '2026-12-09' })
  })

  it('drops what is missing, empty, repeated or malformed, and keeps the rest', () => {
    const { filter, page } = parseAuditSearch({
      user: '',
      entity: ['Assignment', 'User'],
      action: "x'; DROP TABLE \"AuditEvent\"; --",
      from: '31/02/2026',
      to: '2026-13-01',
      page: '-2',
    })
    expect(Object.values(filter).filter((value) => value !== undefined)).toEqual([])
    expect(page).toBe(1)
    expect(parseAuditSearch({ user: 'a\u0000b', from: 'hôm qua', to: '12/11/2026', page: '1.5' })).toEqual({
      filter: { user: undefined, entity: undefined, action: undefined, from: undefined, to: '2026-11-12' },
      page: 1,
      unreadDays: { from: 'hôm qua', to: undefined },
    })
    expect(parseAuditSearch({}).page).toBe(1)
    expect(parseAuditSearch({ from: ' ', to: '2026-02-30 khá dài hơn hai mươi ký tự' }).unreadDays).toEqual({ from: undefined, to: '2026-02-30 khá dài h' })
    expect(parseAuditSearch({ page: '2000000' }).page).toBe(1)
  })
})
