// The demo's review reports: the first interim review issued with its files, the second a draft
// being written; made once.
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { addDays } from '@/lib/domain/calendar'
import { testDatabase } from '@/test/helpers/database'
import { PERIODS } from './demo-data'
import { seedDemoData } from './seed-demo'
import { seedDemoReports } from './seed-demo-reports'

const TODAY = new Date('2026-12-07T03:00:00Z')
const database = testDatabase()
let made = 0

beforeAll(async () => {
  await seedDemoData(database.db, { password: 'mat-khau-demo-2026', today: TODAY })
  made = await seedDemoReports(database.db, { today: TODAY })
})

it('issues the first interim review with its Word and PDF files, and leaves the second a draft', async () => {
  expect(made).toBe(2)
  const reports = await database.db.reviewReport.findMany({
    orderBy: { createdAt: 'asc' },
    include: { period: { select: { code: true } }, files: true, texts: true, createdBy: { select: { username: true } } },
  })
  expect(reports.map((r) => [r.period?.code, r.state, r.createdBy.username])).toEqual([
    ['so-ket-dot-1', 'ISSUED', 'van-phong-huyen-uy'],
    ['so-ket-dot-2', 'DRAFT', 'van-phong-huyen-uy'],
  ])
  const [issued, draft] = reports
  expect(issued?.number).toBe('98')
  expect(issued?.issuedOn?.toISOString().slice(0, 10)).toBe(addDays('2026-12-07', PERIODS[0]!.endDay + 10))
  expect(issued?.files.map((f) => [f.format, f.sha256 === createHash('sha256').update(f.content).digest('hex')])).toEqual([
    ['docx', true],
    ['pdf', true],
  ])
  expect(issued?.texts).toHaveLength(6)
  expect(draft?.texts.map((t) => t.section).sort()).toEqual(['leadership', 'results'])
  expect(draft).toMatchObject({ number: null, signerName: 'Nguyễn Đình Khải' })
  expect(draft?.recipients).toContain('Ban Thường vụ Tỉnh ủy (b/c)')
})

it('is made once: a database that has reports is left as it is', async () => {
  expect(await seedDemoReports(database.db, { today: TODAY })).toBe(0)
  expect(await database.db.reviewReport.count()).toBe(2)
})
