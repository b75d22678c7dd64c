import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-policy'

describe('passwordProblem', () => {
  it('accepts a long password that is on no list', () => {
    expect(passwordProblem('suối Ba Chẽ mùa nước lên', 'minh-cam')).toBeNull()
    expect(passwordProblem('k7-Thanh-Lam-92', 'minh-cam')).toBeNull()
  })

  it('refuses fewer than 10 characters, counting Vietnamese letters as one each', () => {
    expect(passwordProblem('ngắn-quá', 'minh-cam')).toBe('passwordTooShort')
    // 9 characters, 12 bytes in UTF-8.
    expect(passwordProblem('đường-ễễễ', 'minh-cam')).toBe('passwordTooShort')
    expect(passwordProblem('đường-ễễễễ', 'minh-cam')).toBeNull()
  })

  it('refuses more than 200 characters', () => {
    expect(passwordProblem('a1'.repeat(101), 'minh-cam')).toBe('passwordTooLong')
  })

  it('refuses common passwords from the shipped list, whatever their case', () => {
    expect(passwordProblem('1234567890', 'minh-cam')).toBe('passwordCommon')
    expect(passwordProblem('QwertyUIOP', 'minh-cam')).toBe('passwordCommon')
    expect(passwordProblem('matkhau123', 'minh-cam')).toBe('passwordCommon')
    // From the Openwall part of the list.
    expect(passwordProblem('basketball', 'minh-cam')).toBe('passwordCommon')
    // The demo password is published in the README.
    expect(passwordProblem('bache-demo-2026', 'minh-cam')).toBe('passwordCommon')
  })

  it('refuses the username as the password', () => {
    expect(passwordProblem('Van-Phong-Huyen', 'van-phong-huyen')).toBe('passwordIsUsername')
  })

  it('refuses a password that contains the username, whatever its case', () => {
    expect(passwordProblem('luong-mong-2026', 'luong-mong')).toBe('passwordIsUsername')
    expect(passwordProblem('2026-Luong-Mong!', 'luong-mong')).toBe('passwordIsUsername')
    // Another commune's name is no part of this account's username.
    expect(passwordProblem('luong-mong-2026', 'minh-cam')).toBeNull()
  })
})
