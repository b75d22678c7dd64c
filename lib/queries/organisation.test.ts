// The organisation the app serves comes from the unit tree, not from constants: the header's subtitle and the
// review report's issuing body follow a rename of the district, and a report of a period before the
// rename keeps the old name.
import JSZip from 'jszip'
import { createTranslator } from 'next-intl'
import { PDFParse } from 'pdf-parse'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { adminValues } from '@/lib/actions/admin/test-form'
import { changeUnit } from '@/lib/actions/admin/units'
import { nameValues } from '@/lib/domain/organisation'
import { customRange, reviewReportData } from '@/lib/reports/review-report'
import { reviewReportDocx } from '@/lib/reports/review-report-docx'
import { reviewReportPdf } from '@/lib/reports/review-report-pdf'
import { reviewReportText } from '@/lib/reports/review-report-text'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { vi } from '@/messages'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { fullReader } from '@/test/helpers/reader'
import { NOW, PERIOD_END, reviewFixture } from '@/test/helpers/review-report-fixture'
import { organisationOn } from './organisation'

const database = testDatabase()
const make = factories(() => database.db)
const tApp = createTranslator({ locale: 'vi', messages: vi, namespace: 'app' })
/** The district becomes a town (thị xã) from 10/07/2026, after the period that ended 30/06. */
const RENAMED_ON = '2026-07-10'

let fixture: Awaited<ReturnType<typeof reviewFixture>>
let admin: Actor

beforeAll(async () => {
  fixture = await reviewFixture(database.db)
  admin = await make.user({ role: 'ADMIN', unitId: fixture.district.id })
})

/** The header's subtitle on `day`, as app/(app)/layout.tsx makes it. */
const subtitleOn = async (day: string) => {
  const organisation = await organisationOn(day)
  return organisation && tApp('committee', nameValues(organisation.home))
}

const issuerOf = async (range: Parameters<typeof reviewReportData>[1]) => reviewReportText(await reviewReportData(fullReader, range, NOW))

describe('the organisation the app serves', () => {
  test('is the district, under its province', async () => {
    expect(await organisationOn(PERIOD_END)).toEqual({
      home: { id: fixture.district.id, code: 'ba-che', kind: 'DISTRICT', name: 'Huyện Ba Chẽ', level: 'district', place: 'Ba Chẽ' },
      above: [{ id: fixture.province.id, code: 'quang-ninh', kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh', level: 'province', place: 'Quảng Ninh' }],
    })
    expect(await subtitleOn(PERIOD_END)).toBe('Huyện ủy Ba Chẽ')
  })

  test('renamed, the header and the report name the new committee from the rename\'s day; a report of a period before it keeps the old name', async () => {
    const renamed = await changeUnit(
      { actor: admin, now: NOW, ip: null },
      adminValues({ intent: 'apply', id: fixture.district.id, kind: 'RENAME', newName: 'Thị xã Ba Chẽ', effectiveDate: RENAMED_ON, reason: 'Nghị quyết số 999/NQ-UBTVQH15' }),
    )
    expect(renamed).toMatchObject({ kind: 'saved', applied: true })
    expect(await subtitleOn('2026-07-09')).toBe('Huyện ủy Ba Chẽ')
    expect(await subtitleOn(RENAMED_ON)).toBe('Thị ủy Ba Chẽ')

    const [period] = await reportingPeriods(fullReader)
    if (!period) throw new Error('the fixture has a period')
    const before = await issuerOf(period)
    expect(before.issuer.map((entry) => entry.line)).toEqual(['ĐẢNG BỘ TỈNH QUẢNG NINH', 'HUYỆN ỦY BA CHẼ', '*', 'Số       -BC/HU'])
    expect(before.author).toBe('Huyện ủy Ba Chẽ')

    const after = await issuerOf(customRange({ from: '2026-07-01', to: '2026-07-15', kind: 'INTERIM' }))
    expect(after.issuer.map((entry) => entry.line)).toEqual(['ĐẢNG BỘ TỈNH QUẢNG NINH', 'THỊ ỦY BA CHẼ', '*', 'Số       -BC/TU'])
    expect(after.placeAndDate).toBe('Ba Chẽ, ngày 15 tháng 7 năm 2026')
    expect(after.body[0]).toMatchObject({ text: expect.stringContaining('Ban Thường vụ Thị ủy Ba Chẽ báo cáo') })
    expect(after.body).toContainEqual({ kind: 'paragraph', text: expect.stringContaining('Ban Thường vụ Thị ủy xác định') })
    expect(after.annexes[0]?.reference).toBe('(Kèm theo Báo cáo số       -BC/TU, ngày\u00a015/7/2026 của Ban Thường vụ Thị ủy Ba Chẽ)')
    expect(after.recipients.lines).toEqual(['- Ban Thường vụ Tỉnh ủy (b/c),', '- Các đồng chí Thị ủy viên,', '- Lưu Văn phòng Thị ủy.'])
  })

  test('the Word and PDF files of a report after the rename carry the new issuing body', async () => {
    const data = await reviewReportData(fullReader, customRange({ from: '2026-07-01', to: '2026-07-15', kind: 'INTERIM' }), NOW)
    const zip = await JSZip.loadAsync(await reviewReportDocx(data))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('THỊ ỦY BA CHẼ')
    expect(xml).not.toContain('HUYỆN ỦY BA CHẼ')
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('<dc:creator>Thị ủy Ba Chẽ</dc:creator>')

    const chunks: Buffer[] = []
    for await (const chunk of reviewReportPdf(data)) chunks.push(chunk as Buffer)
    const parser = new PDFParse({ data: Buffer.concat(chunks) })
    const [{ text }, { info }] = [await parser.getText(), await parser.getInfo()]
    await parser.destroy()
    expect(text.replace(/\s+/g, ' ')).toContain('THỊ ỦY BA CHẼ')
    expect(info).toMatchObject({ Author: 'Thị ủy Ba Chẽ' })
  })

  test('with two districts under the province it is the province, whose committee issues the report', async () => {
    const other = await database.db.unit.create({ data: { code: 'tien-yen', name: 'Huyện Tiên Yên', kind: 'DISTRICT', parentId: fixture.province.id, sortOrder: 2 } })
    expect(await organisationOn(RENAMED_ON)).toMatchObject({ home: { code: 'quang-ninh', name: 'Tỉnh Quảng Ninh' }, above: [] })
    expect(await subtitleOn(RENAMED_ON)).toBe('Tỉnh ủy Quảng Ninh')
    const report = await issuerOf(customRange({ from: '2026-07-01', to: '2026-07-15', kind: 'INTERIM' }))
    expect(report.issuer.map((entry) => entry.line)).toEqual(['ĐẢNG BỘ TỈNH QUẢNG NINH', 'TỈNH ỦY', '*', 'Số       -BC/TU'])
    expect(report.recipients.lines).toEqual(['- Các đồng chí Tỉnh ủy viên,', '- Lưu Văn phòng Tỉnh ủy.'])

    // Deactivated, the second district no longer counts.
    await database.db.unit.update({ where: { id: other.id }, data: { active: false } })
    expect(await organisationOn(RENAMED_ON)).toMatchObject({ home: { code: 'ba-che' } })
  })
})
