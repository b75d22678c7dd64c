import { describe, expect, it } from 'vitest'
import { afterSignInPath, landingPath, pendingStep } from './landing'

const secure = { mustChangePassword: false, totpEnabledAt: new Date('2026-11-01') }

describe('landingPath', () => {
  it('sends staff of Minh Cầm to their unit page', () => {
    expect(landingPath({ role: 'STAFF', unit: { code: 'minh-cam' } })).toBe('/units/minh-cam')
  })

  it('sends leaders, the Party Office and administrators to the district overview', () => {
    expect(landingPath({ role: 'LEADER', unit: { code: 'huyen-uy' } })).toBe('/')
    expect(landingPath({ role: 'OFFICE', unit: { code: 'van-phong-huyen-uy' } })).toBe('/')
    expect(landingPath({ role: 'ADMIN', unit: { code: 'huyen-uy' } })).toBe('/')
  })
})

describe('pendingStep', () => {
  it('asks for a new password after an administrator reset it, before anything else', () => {
    expect(pendingStep({ role: 'STAFF', mustChangePassword: true, totpEnabledAt: null })).toBe('changePassword')
    expect(pendingStep({ role: 'ADMIN', mustChangePassword: true, totpEnabledAt: null })).toBe('changePassword')
    expect(afterSignInPath({ role: 'STAFF', mustChangePassword: true, totpEnabledAt: null, unit: { code: 'minh-cam' } })).toBe('/account/password')
  })

  it('sends an administrator without two-factor authentication to enrolment; leaders, the office and staff may go without', () => {
    expect(pendingStep({ role: 'ADMIN', mustChangePassword: false, totpEnabledAt: null })).toBe('enrolTwoFactor')
    expect(afterSignInPath({ role: 'ADMIN', mustChangePassword: false, totpEnabledAt: null, unit: { code: 'huyen-uy' } })).toBe('/account/two-factor')
    expect(pendingStep({ role: 'LEADER', mustChangePassword: false, totpEnabledAt: null })).toBeNull()
    expect(pendingStep({ role: 'OFFICE', mustChangePassword: false, totpEnabledAt: null })).toBeNull()
    expect(pendingStep({ role: 'STAFF', mustChangePassword: false, totpEnabledAt: null })).toBeNull()
  })

  it('lets an enrolled administrator straight through', () => {
    expect(pendingStep({ role: 'ADMIN', ...secure })).toBeNull()
    expect(afterSignInPath({ role: 'ADMIN', ...secure, unit: { code: 'huyen-uy' } })).toBe('/')
  })
})
