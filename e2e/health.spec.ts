// /api/health for load balancers, asked without a session as a balancer does. It carries
// the security headers like every response, and the sign-in throttle does not apply to it.
import { expect, test } from '@playwright/test'
import { database } from './helpers'

// A documentation address (RFC 5737) no other spec signs in from.
const LOCKED_ADDRESS = '192.0.2.88'

test('answers 200 {"status":"ok"} without a session, with the security headers, never cached', async ({ request }) => {
  const response = await request.get('/api/health', { maxRedirects: 0 })
  expect(response.status()).toBe(200)
  expect(await response.json()).toEqual({ status: 'ok' })
  const headers = response.headers()
  expect(headers['cache-control']).toBe('no-store')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['set-cookie']).toBeUndefined()
})

test('keeps answering from an address the sign-in throttle has locked', async ({ request }) => {
  await database().query(
    `INSERT INTO "SignInLock" (ip, "createdAt", until) VALUES ($1, now(), now() + interval '15 minutes')`,
    [LOCKED_ADDRESS],
  )
  for (let i = 0; i < 10; i++) {
    const response = await request.get('/api/health', { headers: { 'X-Forwarded-For': LOCKED_ADDRESS } })
    expect(response.status()).toBe(200)
  }
})
