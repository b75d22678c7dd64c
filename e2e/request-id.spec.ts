// Structured logs: every response names its request (X-Request-Id), the id its log lines
// carry. One given by the proxy in front is kept when well formed; a forged malformed one is not
// echoed.
import { expect, test } from '@playwright/test'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

test('pages and route handlers answer with a new request id each time', async ({ request }) => {
  const ids = []
  for (const path of ['/login', '/login', '/api/health', '/attachments/00000000-0000-4000-8000-000000000000']) {
    const response = await request.get(path, { maxRedirects: 0 })
    const id = response.headers()['x-request-id']
    expect(id, path).toMatch(UUID)
    ids.push(id)
  }
  expect(new Set(ids).size).toBe(ids.length)
})

test('a well-formed id from the proxy in front is kept', async ({ request }) => {
  const id = 'lb-5f0e1a2b3c4d5e6f7a8b9c0d1e2f3a4b'
  const response = await request.get('/login', { headers: { 'x-request-id': id } })
  expect(response.headers()['x-request-id']).toBe(id)
})

test('a forged malformed id is replaced, not echoed', async ({ request }) => {
  for (const forged of ['<script>alert(1)</script>', '{"level":"fatal","msg":"forged"}', 'x'.repeat(500), 'short']) {
    const response = await request.get('/login', { headers: { 'x-request-id': forged } })
    const id = response.headers()['x-request-id']
    expect(id, forged).toMatch(UUID)
    expect(id).not.toContain(forged)
  }
})
