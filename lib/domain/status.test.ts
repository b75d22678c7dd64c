import { describe, expect, it } from 'vitest'
import { displayStatus, isDueSoon, isOverdue, statusLabelsOf, type AssignmentTiming } from './status'

// 10:00 in Ba Chẽ on 28/11/2026.
const now = new Date('2026-11-28T03:00:00Z')
const due = (day: string) => new Date(`${day}T00:00:00Z`)

function assignment(overrides: Partial<AssignmentTiming>): AssignmentTiming {
  return { status: 'NOT_STARTED', dueDate: due('2026-12-31'), completedAt: null, ...overrides }
}

describe('displayStatus', () => {
  it('calls a task done on its due day (late evening in Ba Chẽ) done on time', () => {
    const a = assignment({ status: 'DONE', dueDate: due('2026-11-20'), completedAt: new Date('2026-11-20T16:30:00Z') })
    expect(displayStatus(a, now)).toBe('doneOnTime')
  })

  it('calls a task done the day after its due date (just after midnight in Ba Chẽ) done late', () => {
    const a = assignment({ status: 'DONE', dueDate: due('2026-11-20'), completedAt: new Date('2026-11-20T17:05:00Z') })
    expect(displayStatus(a, now)).toBe('doneLate')
  })

  it('does not call a done task late when its completion time is unknown', () => {
    expect(displayStatus(assignment({ status: 'DONE', dueDate: due('2026-01-01') }), now)).toBe('doneOnTime')
  })

  it('calls an unfinished task whose due date was yesterday overdue', () => {
    expect(displayStatus(assignment({ status: 'IN_PROGRESS', dueDate: due('2026-11-27') }), now)).toBe('overdue')
  })

  it('does not call a task due today overdue', () => {
    expect(displayStatus(assignment({ status: 'IN_PROGRESS', dueDate: due('2026-11-28') }), now)).toBe('inProgress')
  })

  it('calls a blocked task past its deadline overdue, and blocked within it', () => {
    expect(displayStatus(assignment({ status: 'BLOCKED', dueDate: due('2026-11-01') }), now)).toBe('overdue')
    expect(displayStatus(assignment({ status: 'BLOCKED' }), now)).toBe('blocked')
  })

  it('keeps not started apart from in progress', () => {
    expect(displayStatus(assignment({ status: 'NOT_STARTED' }), now)).toBe('notStarted')
    expect(displayStatus(assignment({ status: 'IN_PROGRESS' }), now)).toBe('inProgress')
  })

  it('uses the day in Ba Chẽ, not in UTC, to decide overdue', () => {
    // 23:30 on 28/11 in Ba Chẽ is still 28/11 in UTC: a task due 28/11 is not overdue yet…
    expect(isOverdue(assignment({ dueDate: due('2026-11-28') }), new Date('2026-11-28T16:30:00Z'))).toBe(false)
    // …but 00:30 on 29/11 in Ba Chẽ is 28/11 in UTC, and the task is overdue.
    expect(isOverdue(assignment({ dueDate: due('2026-11-28') }), new Date('2026-11-28T17:30:00Z'))).toBe(true)
  })
})

describe('isDueSoon', () => {
  it('flags an unfinished task due today and one due in 14 days', () => {
    expect(isDueSoon(assignment({ dueDate: due('2026-11-28') }), now)).toBe(true)
    expect(isDueSoon(assignment({ dueDate: due('2026-12-12') }), now)).toBe(true)
  })

  it('does not flag a task due in 15 days', () => {
    expect(isDueSoon(assignment({ dueDate: due('2026-12-13') }), now)).toBe(false)
  })

  it('does not flag an overdue task or a done one', () => {
    expect(isDueSoon(assignment({ dueDate: due('2026-11-27') }), now)).toBe(false)
    expect(isDueSoon(assignment({ status: 'DONE', dueDate: due('2026-12-01'), completedAt: now }), now)).toBe(false)
  })
})

describe('statusLabelsOf', () => {
  it('labels blocked work past its deadline both overdue and blocked', () => {
    expect(statusLabelsOf({ status: 'BLOCKED', dueDate: new Date('2026-11-20'), completedAt: null }, now)).toEqual(['overdue', 'blocked'])
  })
  it('adds "due soon" to unfinished work due within 14 days', () => {
    expect(statusLabelsOf({ status: 'IN_PROGRESS', dueDate: new Date('2026-12-12'), completedAt: null }, now)).toEqual(['inProgress', 'dueSoon'])
    expect(statusLabelsOf({ status: 'IN_PROGRESS', dueDate: new Date('2026-12-13'), completedAt: null }, now)).toEqual(['inProgress'])
  })
  it('gives finished work its one label', () => {
    expect(statusLabelsOf({ status: 'DONE', dueDate: new Date('2026-12-01'), completedAt: now }, now)).toEqual(['doneOnTime'])
  })
})
