import { describe, expect, it } from 'vitest'
import { AUDIT_ACTION_CHOICES, actionLabel, auditEntityHref, auditHref, storedActionNames, storedDetailFields } from './events'

describe('actionLabel', () => {
  it('labels every action the app records', () => {
    expect(actionLabel('auth.sign_in', null)).toEqual({ key: 'signIn', refused: false })
    expect(actionLabel('auth.sign_in_failed', { reason: 'wrong_password' })).toEqual({ key: 'signInFailed', refused: false })
    expect(actionLabel('export.create', { format: 'csv' })).toEqual({ key: 'export', refused: false })
  })

  it('tells a confirmation from a return by what the review stored', () => {
    expect(actionLabel('statusUpdate.review', { reviewState: 'CONFIRMED' })).toEqual({ key: 'reviewConfirm', refused: false })
    expect(actionLabel('statusUpdate.review', { reviewState: 'RETURNED', reviewNote: 'Thiếu số liệu' })).toEqual({ key: 'reviewReturn', refused: false })
    expect(actionLabel('statusUpdate.review.refused', null)).toEqual({ key: 'review', refused: true })
  })

  it('labels a refusal by the action refused, and knows no other action', () => {
    expect(actionLabel('comment.create.refused', null)).toEqual({ key: 'comment', refused: true })
    expect(actionLabel('unit.create', {})).toEqual({ key: 'unitCreate', refused: false })
    expect(actionLabel('user.unlock.refused', null)).toEqual({ key: 'unlock', refused: true })
    expect(actionLabel('unit.split', {})).toEqual({ key: 'unitSplit', refused: false })
    expect(actionLabel('unit.dissolve', {})).toBeNull()
    expect(actionLabel('.refused', null)).toBeNull()
    expect(actionLabel('toString', null)).toBeNull()
  })

  it('offers in the filter only actions it can label', () => {
    for (const action of AUDIT_ACTION_CHOICES) expect(actionLabel(action, null)).not.toBeNull()
  })

  it('offers each action once: no two choices carry the same label', () => {
    const labels = AUDIT_ACTION_CHOICES.map((action) => JSON.stringify(actionLabel(action, null)))
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('labels rows stored under a former name as the action it stands for', () => {
    expect(actionLabel('user.reset_password.refused', null)).toEqual({ key: 'passwordReset', refused: true })
    expect(actionLabel('user.reset_two_factor.refused', null)).toEqual({ key: 'twoFactorReset', refused: true })
    expect(AUDIT_ACTION_CHOICES).not.toContain('user.reset_password.refused')
  })
})

describe('storedActionNames', () => {
  it('finds the rows of a filter choice under its name and its former names, refusals with refusals', () => {
    expect(storedActionNames('user.password_reset.refused')).toEqual(['user.password_reset.refused', 'user.reset_password.refused'])
    expect(storedActionNames('user.unlocked')).toEqual(['user.unlocked', 'user.unlock'])
    expect(storedActionNames('export.create')).toEqual(['export.create'])
    expect(storedActionNames('unit.merge')).toEqual(['unit.merge'])
  })
})

describe('storedDetailFields', () => {
  it("names the detail fields of every name an event is stored under, refusals and former names with their action's", () => {
    const fields = storedDetailFields()
    for (const action of AUDIT_ACTION_CHOICES) expect(fields[action]).toBeDefined()
    expect(fields['statusUpdate.review']).toEqual(['reviewNote'])
    expect(fields['statusUpdate.create']).toEqual(['attachments', 'onBehalfVia'])
    expect(fields['statusUpdate.review.refused']).toEqual(['reviewNote'])
    expect(fields['user.reset_password.refused']).toEqual([])
    expect(fields['unit.dissolve']).toBeUndefined()
  })
})

describe('auditEntityHref', () => {
  it('leads to the assignment, at the report for a status update', () => {
    expect(auditEntityHref('Assignment', 'x', { unitCode: 'minh-cam', taskCode: 'sap-xep', updateId: null })).toBe('/units/minh-cam/tasks/sap-xep')
    expect(auditEntityHref('StatusUpdate', 'u1', { unitCode: 'minh-cam', taskCode: 'sap-xep', updateId: 'u1' })).toBe('/units/minh-cam/tasks/sap-xep#update-u1')
  })

  it('leads to the page an export was made of', () => {
    expect(auditEntityHref('overview', null, null)).toBe('/')
    expect(auditEntityHref('communes', 'minh-cam', null)).toBe('/communes/minh-cam')
    expect(auditEntityHref('members', 'bi-thu', null)).toBe('/members/bi-thu')
    expect(auditEntityHref('tasks', 'sap-xep', null)).toBe('/tasks/sap-xep')
    expect(auditEntityHref('units', 'phong-gd-dt', null)).toBe('/units/phong-gd-dt')
  })

  it('has no page for an account, a period, a record it did not find or a missing id', () => {
    expect(auditEntityHref('User', 'x', null)).toBeNull()
    expect(auditEntityHref('ReportingPeriod', 'tong-ket', null)).toBeNull()
    expect(auditEntityHref('Assignment', 'không-phải-uuid', null)).toBeNull()
    expect(auditEntityHref('communes', null, null)).toBeNull()
  })
})

describe('auditHref', () => {
  it('keeps the filters in force, days as dd/mm/yyyy, and the page after the first', () => {
    expect(auditHref({})).toBe('/audit')
    expect(auditHref({ user: 'bi-thu', action: 'export.create', entity: undefined, from: '2026-11-01', to: '2026-11-30' }, 2)).toBe(
      '/audit?user=bi-thu&action=export.create&from=01%2F11%2F2026&to=30%2F11%2F2026&page=2',
    )
    expect(auditHref({ entity: 'Assignment' }, 1)).toBe('/audit?entity=Assignment')
  })
})
