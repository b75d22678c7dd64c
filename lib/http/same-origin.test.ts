import { expect, test } from 'vitest'
import { sentFromThisSite } from './same-origin'

test('a POST from a page of this site passes; one from another site, or with a broken Origin, does not', () => {
  expect(sentFromThisSite(new Headers({ origin: 'https://nq19.bache.gov.vn', host: 'nq19.bache.gov.vn' }))).toBe(true)
  expect(sentFromThisSite(new Headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true)
  expect(sentFromThisSite(new Headers({ origin: 'https://evil.example', host: 'nq19.bache.gov.vn' }))).toBe(false)
  expect(sentFromThisSite(new Headers({ origin: 'https://nq19.bache.gov.vn.evil.example', host: 'nq19.bache.gov.vn' }))).toBe(false)
  expect(sentFromThisSite(new Headers({ origin: 'null', host: 'nq19.bache.gov.vn' }))).toBe(false)
  expect(sentFromThisSite(new Headers({ origin: 'https://nq19.bache.gov.vn' }))).toBe(false)
})

test('behind a proxy, the host the proxy was asked for counts', () => {
  expect(sentFromThisSite(new Headers({ origin: 'https://nq19.bache.gov.vn', host: '10.0.0.5:3000', 'x-forwarded-host': 'nq19.bache.gov.vn' }))).toBe(true)
  expect(sentFromThisSite(new Headers({ origin: 'https://evil.example', host: 'nq19.bache.gov.vn', 'x-forwarded-host': 'evil.example.org' }))).toBe(false)
})

test('a request that is not from a browser page (no Origin) is left to its session', () => {
  expect(sentFromThisSite(new Headers({ host: 'nq19.bache.gov.vn' }))).toBe(true)
})
