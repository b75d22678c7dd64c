import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, generateSecret, groupedSecret, hotp, matchingStep, otpauthUri, timeStep, totp } from './totp'

const ascii = (text: string) => Buffer.from(text, 'ascii')
const at = (seconds: number) => new Date(seconds * 1000)

describe('HOTP (RFC 4226 Appendix D)', () => {
  it('gives the published codes for counters 0 to 9', () => {
    const key = ascii('12345678901234567890')
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']
    expect(expected.map((_, counter) => hotp(key, BigInt(counter)))).toEqual(expected)
  })
})

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
      const secret = base32Encode(ascii(seed))
      expect(times.map((t) => totp(secret, at(t), 8, algorithm))).toEqual(codes)
    })
  }

  it('counts 30-second steps from the Unix epoch', () => {
    expect(timeStep(at(59))).toBe(1n)
    expect(timeStep(at(1111111109))).toBe(0x23523ecn)
  })
})

describe('base32', () => {
  it('round-trips bytes and reads what people type (lower case, spaces, padding)', () => {
    expect(base32Encode(ascii('foobar'))).toBe('MZXW6YTBOI')
    expect(base32Decode('mzxw 6ytb oi======')?.toString('ascii')).toBe('foobar')
    expect(base32Decode('not base32!')).toBeNull()
  })

  it('makes 160-bit secrets of 32 characters, different each time', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(base32Decode(secret)).toHaveLength(20)
    expect(generateSecret()).not.toBe(secret)
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })
})

describe('matchingStep', () => {
  const secret = base32Encode(ascii('12345678901234567890'))
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
    expect(query.get('digits')).toBe('6')
    expect(query.get('period')).toBe('30')
  })
})
