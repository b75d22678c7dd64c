import { chromium } from '@playwright/test'
const base = process.argv[2]!
const shots = process.argv.slice(3)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
for (const [i, spec] of shots.entries()) {
  const [user, path, width] = spec.split('|')
  const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  const page = await ctx.newPage()
  await page.goto(base + '/login')
  await page.getByLabel('Tên đăng nhập').fill(user!)
  await page.getByLabel('Mật khẩu').fill('bache-demo-2026')
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.goto(base + path)
  await page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: false })
  console.log(i, spec, await page.evaluate(() => document.documentElement.scrollWidth))
  await ctx.close()
}
await browser.close()
