import { describe, expect, it } from 'vitest'
import { landingPath } from './landing'

describe('landingPath', () => {
  it('sends staff of Minh Cầm to their unit page', () => {
    expect(landingPath({ role: 'STAFF', unit: { code: 'minh-cam' } })).toBe('/units/minh-cam')
  })

  it('sends leaders and administrators to the district overview', () => {
    expect(landingPath({ role: 'LEADER', unit: { code: 'huyen-uy' } })).toBe('/')
    expect(landingPath({ role: 'ADMIN', unit: { code: 'huyen-uy' } })).toBe('/')
  })
})
