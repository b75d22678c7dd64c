import { describe, expect, it } from 'vitest'
import { generateSecret, groupedSecret, matchingStep, otpauthUri, timeStep, totp } from './totp'

const ascii = (text: string) => Buffer.from(text, 'ascii')
const at = (seconds: number) => new Date(seconds * 1000)

describe('TOTP (RFC 6238 Appendix B)', () => {
  const times = [59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000]
  const cases = [
    { algorithm: 'sha1', seed: '12345678901234567890', codes: ['94287082', '07081804', '14050471', '89005924', '69279037', '65353130'] },
    { algorithm: 'sha256', seed: '12345678901234567890123456789012', codes: ['46119246', '68084774', '67062674', '91819424', '90698825', '77737706'] },
    {
      algorithm: 'sha512',
      seed: '1234567890123456789012345678901234567890123456789012345678901234',
      codes: ['90693936', '25091201', '99943326', '93441116', '38618901', '47863826'],
    },
  ] as const

  for (const { algorithm, seed, codes } of cases) {
    it(`gives the published 8-digit codes with HMAC-${algorithm.toUpperCase()}`, () => {
      expect(times.map((t) => totp(new Uint8Array(ascii(seed)), at(t), 8, algorithm))).toEqual(codes)
    })
  }

  it('counts 30-second steps from the Unix epoch', () => {
    expect(timeStep(at(59))).toBe(1n)
    expect(timeStep(at(1111111109))).toBe(0x23523ecn)
  })
})

describe('secrets', () => {
  it('are 160-bit, 32 base32 characters, different each time, shown in groups of four', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(generateSecret()).not.toBe(secret)
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })
})

describe('matchingStep', () => {
  // The RFC's seed "12345678901234567890" in base32.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
  const now = at(1111111111)
  const step = timeStep(now)

  it('accepts the code of now, and of one step before or after, typed with spaces', () => {
    expect(matchingStep(secret, totp(secret, now), now, null)).toBe(step)
    expect(matchingStep(secret, totp(secret, at(1111111111 - 30)), now, null)).toBe(step - 1n)
    expect(matchingStep(secret, totp(secret, at(1111111111 + 30)).replace(/^(\d{3})/, '$1 '), now, null)).toBe(step + 1n)
  })

  it('refuses a code two steps away, a wrong code and anything not six digits', () => {
    expect(matchingStep(secret, totp(secret, at(1111111111 - 60)), now, null)).toBeNull()
    expect(matchingStep(secret, '000000', now, null)).toBeNull()
    expect(matchingStep(secret, '12345', now, null)).toBeNull()
  })

  it('refuses a code already used: its step is not after the last step accepted', () => {
    expect(matchingStep(secret, totp(secret, now), now, step)).toBeNull()
    expect(matchingStep(secret, totp(secret, at(1111111111 + 30)), now, step)).toBe(step + 1n)
  })
})

describe('otpauthUri', () => {
  it('names the app and the account and carries the secret', () => {
    const uri = otpauthUri('NQ19 Ba Chẽ', 'minh-cam', 'JBSWY3DPEHPK3PXP')
    expect(uri).toMatch(/^otpauth:\/\/totp\/NQ19%20Ba%20Ch%E1%BA%BD:minh-cam\?/)
    const query = new URL(uri).searchParams
    expect(query.get('secret')).toBe('JBSWY3DPEHPK3PXP')
    expect(query.get('issuer')).toBe('NQ19 Ba Chẽ')
    // Absent means the Key Uri Format's defaults, which are the app's: 6 digits, 30 seconds, SHA-1.
    expect(query.get('digits') ?? '6').toBe('6')
    expect(query.get('period') ?? '30').toBe('30')
    expect(query.get('algorithm') ?? 'SHA1').toBe('SHA1')
  })
})
