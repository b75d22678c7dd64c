// End-to-end tests drive the production build (`next build` first) in Debian's Chromium.
// The test runner (scripts/test.ts) provides DATABASE_URL (a seeded database), AUTH_SECRET,
// DEMO_PASSWORD and E2E_PORT.
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${port}`

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`playwright.config.ts: ${name} is not set (npm test sets it)`)
  return value
}

export default defineConfig({
  testDir: 'e2e',
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
            // Chromium still looks up Google hosts otherwise; the machines are offline.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
          ],
        },
      },
    },
  ],
  webServer: {
    // As `npm start` serves it (scripts/serve.ts, bundled by the build). The specs play the reverse
    // proxy: their X-Forwarded-For and X-Forwarded-Proto count, from loopback only.
    command: 'node .next/serve.mjs',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: required('DATABASE_URL'),
      AUTH_SECRET: required('AUTH_SECRET'),
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      TRUSTED_PROXIES: '127.0.0.1',
    },
  },
})
