import { describe, expect, test } from 'vitest'
import { onTimeShare, type StatusCounts } from './status-counts'

const counts = (c: Partial<StatusCounts>): StatusCounts => ({
  assigned: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, blocked: 0, notStarted: 0, overdue: 0, dueSoon: 0, progress: 0, ...c,
})

describe('the share done on time', () => {
  test('is done on time out of all work whose deadline was met or missed', () => {
    // 6 on time, 1 late, 1 overdue: 6 of 8.
    expect(onTimeShare(counts({ assigned: 12, doneOnTime: 6, doneLate: 1, overdue: 1, inProgress: 4 }))).toBe(0.75)
  })

  test('is unknown while nothing has been done or missed', () => {
    expect(onTimeShare(counts({ assigned: 3, inProgress: 3 }))).toBeNull()
  })
})
