// The review report written in the app, against a real database: sections saved and read back,
// two clerks on one section, issuing refused without its fields, the issued files frozen whatever
// the figures become, an issued report closed to edits, and another district that sees nothing.
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { actorOf, type Actor } from '@/lib/auth/permissions'
import { issuedReportFile, reviewDraft, reviewReports, sectionHistory, unitNotes } from '@/lib/queries/review-drafts'
import type { CurrentUser } from '@/lib/auth/session'
import { issuedReportResponse } from '@/lib/reports/issued-report-response'
import { reviewReportData } from '@/lib/reports/review-report'
import { readDraftSource, readSectionSave, type IssueValues } from '@/lib/validation/review-draft'
import { at, NOW, PERIOD_END, reviewFixture } from '@/test/helpers/review-report-fixture'
import { testDatabase } from '@/test/helpers/database'
import type { ActionContext } from './context'
import { createReviewDraft, issueReviewReport, saveIssueFields, saveReviewSection } from './review-drafts'

const database = testDatabase()
let fixture: Awaited<ReturnType<typeof reviewFixture>>
let clerk: Actor
let otherClerk: Actor
let leader: Actor
let foreignOffice: Actor

const context = (actor: Actor, now = NOW): ActionContext => ({ actor, now, ip: '10.0.0.7' })
const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}
const save = (actor: Actor, reportId: string, section: string, baseVersion: number, text: string) =>
  saveReviewSection(context(actor), readSectionSave({ reportId, section, baseVersion, text }), reportId)

const FULL: IssueValues = {
  number: '125',
  issuedOn: '2026-07-14',
  signerOnBehalfOf: 'T/M BAN THƯỜNG VỤ',
  signerTitle: 'BÍ THƯ',
  signerName: 'Nguyễn Văn Bình',
  recipients: 'Ban Thường vụ Tỉnh ủy (b/c),\nCác đồng chí Huyện ủy viên,\n',
}

async function newDraft(actor = clerk): Promise<string> {
  const result = await createReviewDraft(context(actor), readDraftSource(form({ period: 'so-ket-dot-1' })))
  if (result.kind !== 'saved') throw new Error('the draft was not opened')
  return result.id
}

beforeAll(async () => {
  fixture = await reviewFixture(database.db)
  const d = database.db
  const user = (username: string, role: 'OFFICE' | 'LEADER', unitId: string) => d.user.create({ data: { username, displayName: username, passwordHash: 'x', role, unitId } })
  clerk = await actorOf((await user('van-phong', 'OFFICE', fixture.district.id)).id)
  otherClerk = await actorOf((await user('van-phong-2', 'OFFICE', fixture.district.id)).id)
  leader = await actorOf((await user('lanh-dao', 'LEADER', fixture.district.id)).id)
  const tienYen = await d.unit.create({ data: { code: 'tien-yen', name: 'Huyện Tiên Yên', kind: 'DISTRICT', parentId: fixture.province.id } })
  foreignOffice = await actorOf((await user('van-phong-tien-yen', 'OFFICE', tienYen.id)).id)
})

describe('a draft', () => {
  test('opened for a period, its sections survive a reload, each save a version with its author', async () => {
    const id = await newDraft()
    expect(await save(clerk, id, 'leadership', 0, 'Ban Thường vụ Huyện ủy ban hành kế hoạch')).toMatchObject({ kind: 'saved', version: 1 })
    expect(await save(clerk, id, 'leadership', 1, 'Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện.\r\nThành lập Ban Chỉ đạo.')).toMatchObject({ kind: 'saved', version: 2 })
    expect(await save(clerk, id, 'lessons', 0, 'Phát huy vai trò người đứng đầu.')).toMatchObject({ kind: 'saved', version: 1 })

    const read = await reviewDraft(clerk, id)
    expect(read?.state).toBe('DRAFT')
    expect(read?.range).toMatchObject({ code: 'so-ket-dot-1', kind: 'INTERIM', startDay: '2026-05-01', endDay: PERIOD_END })
    expect(read?.sections.leadership).toMatchObject({ text: 'Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện.\nThành lập Ban Chỉ đạo.', version: 2, authorName: 'van-phong', versions: 2 })
    expect(read?.sections.lessons.text).toBe('Phát huy vai trò người đứng đầu.')
    expect(read?.sections.directions).toMatchObject({ text: '', version: 0 })
    expect(read?.writing.sections.leadership).toContain('Thành lập Ban Chỉ đạo.')
    const history = await sectionHistory(id)
    expect(history.get('leadership')?.map((h) => [h.version, h.authorName, h.text])).toEqual([
      [2, 'van-phong', 'Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện.\nThành lập Ban Chỉ đạo.'],
      [1, 'van-phong', 'Ban Thường vụ Huyện ủy ban hành kế hoạch'],
    ])
    expect(history.get('directions')).toBeUndefined()
    const audit = await database.db.auditEvent.findMany({ where: { entity: 'ReviewReport', entityId: id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['reviewReport.create', 'reviewReport.section', 'reviewReport.section', 'reviewReport.section'])
  })

  test('two clerks saving one section: the later save is refused with the other\'s text, and nothing of it is written', async () => {
    const id = await newDraft()
    await save(clerk, id, 'shortcomings', 0, 'Một số xã còn chậm.')
    expect(await save(clerk, id, 'shortcomings', 1, 'Một số xã còn chậm sáp nhập điểm trường.')).toMatchObject({ kind: 'saved', version: 2 })
    const refused = await save(otherClerk, id, 'shortcomings', 1, 'Nguyên nhân chủ quan là chính.')
    expect(refused).toMatchObject({ kind: 'conflict', current: { text: 'Một số xã còn chậm sáp nhập điểm trường.', version: 2, authorName: 'van-phong' } })
    expect((await reviewDraft(clerk, id))?.sections.shortcomings.text).toBe('Một số xã còn chậm sáp nhập điểm trường.')
    expect(await database.db.reviewSectionText.count({ where: { reportId: id, section: 'shortcomings' } })).toBe(2)

    // At the same instant, on the same version: one is saved, the other shown the first one's text.
    const both = await Promise.all([save(clerk, id, 'shortcomings', 2, 'Bản của văn phòng 1'), save(otherClerk, id, 'shortcomings', 2, 'Bản của văn phòng 2')])
    const saved = both.filter((r) => r.kind === 'saved')
    const conflict = both.find((r) => r.kind === 'conflict')
    expect(saved).toHaveLength(1)
    expect(conflict).toMatchObject({ current: { version: 3 } })
    const stood = (await reviewDraft(clerk, id))?.sections.shortcomings.text
    expect(conflict?.kind === 'conflict' && conflict.current.text).toBe(stood)
    expect(await database.db.reviewSectionText.count({ where: { reportId: id, section: 'shortcomings' } })).toBe(3)
  })

  test('a section too long, or not one of the report\'s, is refused and nothing is written', async () => {
    const id = await newDraft()
    expect(await save(clerk, id, 'leadership', 0, 'x'.repeat(30_001))).toEqual({ kind: 'tooLong' })
    expect(await save(clerk, id, 'annex', 0, 'x')).toEqual({ kind: 'notFound' })
    expect(await database.db.reviewSectionText.count({ where: { reportId: id } })).toBe(0)
  })

  test('the issue fields are kept on the draft as far as they are filled', async () => {
    const id = await newDraft()
    expect(await saveIssueFields(context(clerk), id, { ...FULL, number: '', recipients: '- Ban Thường vụ Tỉnh ủy (b/c),\n\n- Lưu Văn phòng Huyện ủy.' })).toEqual({ kind: 'saved' })
    const read = await reviewDraft(clerk, id)
    expect(read?.fields).toEqual({ number: '', issuedOn: '2026-07-14', signerOnBehalfOf: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: 'Nguyễn Văn Bình', recipients: 'Ban Thường vụ Tỉnh ủy (b/c)\nLưu Văn phòng Huyện ủy' })
    // Printed each after a dash, with a comma, the last with a full stop: typed ones are not doubled.
    expect(read?.writing).toMatchObject({ number: null, issuedOn: '2026-07-14', signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn Bình' }, recipients: ['Ban Thường vụ Tỉnh ủy (b/c)', 'Lưu Văn phòng Huyện ủy'] })
  })

  test('the units\' own notes of the period: the latest of each assignment then, a report returned by the end left out', async () => {
    const notes = await unitNotes(clerk, { startDay: '2026-05-01', endDay: PERIOD_END }, NOW)
    expect(notes.map((n) => [n.unitName, n.note])).toEqual([
      ['Thị trấn Ba Chẽ', 'Thiếu nhân sự đủ tiêu chuẩn'],
      ['Xã Đạp Thanh', 'Đủ 6/6 thôn'],
      ['Xã Đạp Thanh', 'Đang rà soát các điểm trường thôn Khe Tâm'],
    ])
    expect(await unitNotes(foreignOffice, { startDay: '2026-05-01', endDay: PERIOD_END }, NOW)).toEqual([])
  })
})

describe('issuing', () => {
  test('without a number, a day, a signer or a recipient it is refused with each missing field named, and nothing is written', async () => {
    const id = await newDraft()
    const auditBefore = await database.db.auditEvent.count()
    const empty: IssueValues = { number: ' ', issuedOn: '', signerOnBehalfOf: '', signerTitle: '', signerName: '', recipients: '\n \n' }
    expect(await issueReviewReport(context(clerk), id, empty)).toEqual({
      kind: 'invalid',
      problems: { number: 'required', issuedOn: 'required', signerName: 'required', recipients: 'required' },
    })
    expect(await issueReviewReport(context(clerk), id, { ...FULL, recipients: '' })).toEqual({ kind: 'invalid', problems: { recipients: 'required' } })
    expect(await issueReviewReport(context(clerk), id, { ...FULL, issuedOn: '31/02/2026' })).toEqual({ kind: 'invalid', problems: { issuedOn: 'dayInvalid' } })
    const report = await database.db.reviewReport.findUniqueOrThrow({ where: { id } })
    expect(report).toMatchObject({ state: 'DRAFT', number: null, issuedOn: null, signerName: '', recipients: [], issuedAt: null })
    expect(await database.db.reviewReportFile.count({ where: { reportId: id } })).toBe(0)
    expect(await database.db.auditEvent.count()).toBe(auditBefore)
  })

  test('the issued DOCX and PDF are served byte for byte the same after new reports change the figures', async () => {
    const id = await newDraft()
    await save(clerk, id, 'directions', 0, 'Hoàn thành sáp nhập các điểm trường còn lại trong quý III.')
    expect(await issueReviewReport(context(clerk), id, FULL)).toEqual({ kind: 'issuedNow' })
    const issued = await reviewDraft(clerk, id)
    expect(issued).toMatchObject({ state: 'ISSUED', issuedByName: 'van-phong', writing: { number: '125', issuedOn: '2026-07-14', recipients: ['Ban Thường vụ Tỉnh ủy (b/c)', 'Các đồng chí Huyện ủy viên'] } })
    const docx = await issuedReportFile(clerk, id, 'docx')
    const pdf = await issuedReportFile(clerk, id, 'pdf')
    expect(docx?.fileName).toBe('bao-cao-so-ket-dot-1-2026-07-14.docx')
    expect(Buffer.from(docx?.content ?? []).subarray(0, 2).toString()).toBe('PK')
    expect(Buffer.from(pdf?.content ?? []).subarray(0, 5).toString()).toBe('%PDF-')
    expect(docx?.sha256).toBe(createHash('sha256').update(docx?.content ?? new Uint8Array()).digest('hex'))
    const audit = await database.db.auditEvent.findFirst({ where: { entityId: id, action: 'reviewReport.issue' } })
    expect(audit?.after).toMatchObject({ number: '125', asOfDay: PERIOD_END })

    // A report dated inside the period, sent late: the township's posts done on the period's last day.
    const before = await reviewReportData(clerk, issued!.range, NOW)
    await database.db.statusUpdate.create({ data: { assignmentId: fixture.postsTown.id, authorId: fixture.staff.id, createdAt: at(PERIOD_END, '16:00'), status: 'DONE', progress: 100, note: 'Đã bố trí đủ' } })
    const after = await reviewReportData(clerk, issued!.range, NOW)
    expect(after.totals.doneOnTime + after.totals.doneLate).toBe(before.totals.doneOnTime + before.totals.doneLate + 1)

    const docxLater = await issuedReportFile(clerk, id, 'docx')
    const pdfLater = await issuedReportFile(clerk, id, 'pdf')
    expect(Buffer.from(docxLater!.content).equals(Buffer.from(docx!.content))).toBe(true)
    expect(Buffer.from(pdfLater!.content).equals(Buffer.from(pdf!.content))).toBe(true)
    expect(docxLater?.sha256).toBe(docx?.sha256)
  })

  test('an issued report cannot be edited: every write is refused and audited, the database refuses it too; a new draft starts from it', async () => {
    const id = await newDraft()
    await save(clerk, id, 'goodPractices', 0, 'Mô hình bí thư chi bộ kiêm trưởng thôn.')
    expect(await issueReviewReport(context(clerk), id, FULL)).toEqual({ kind: 'issuedNow' })
    const texts = await database.db.reviewSectionText.count({ where: { reportId: id } })

    expect(await save(clerk, id, 'goodPractices', 1, 'Sửa sau khi ban hành')).toEqual({ kind: 'issued' })
    expect(await saveIssueFields(context(clerk), id, { ...FULL, number: '999' })).toEqual({ kind: 'issued' })
    expect(await issueReviewReport(context(clerk), id, { ...FULL, number: '999' })).toEqual({ kind: 'issued' })
    expect(await database.db.reviewSectionText.count({ where: { reportId: id } })).toBe(texts)
    expect((await database.db.reviewReport.findUniqueOrThrow({ where: { id } })).number).toBe('125')
    const refusals = await database.db.auditEvent.findMany({ where: { entityId: id, action: { endsWith: '.refused' } }, orderBy: { id: 'asc' } })
    expect(refusals.map((r) => r.action)).toEqual(['reviewReport.section.refused', 'reviewReport.fields.refused', 'reviewReport.issue.refused'])
    await expect(database.db.reviewReport.update({ where: { id }, data: { number: '999' } })).rejects.toThrow(/issued/)
    await expect(database.db.reviewSectionText.create({ data: { reportId: id, section: 'lessons', version: 1, text: 'x', authorId: clerk.id } })).rejects.toThrow(/issued/)

    const copy = await createReviewDraft(context(otherClerk), readDraftSource(form({ 'from-report': id })))
    expect(copy.kind).toBe('saved')
    const draft = copy.kind === 'saved' ? await reviewDraft(otherClerk, copy.id) : null
    expect(draft).toMatchObject({ state: 'DRAFT', sourceId: id, fields: { number: '', issuedOn: '', signerName: 'Nguyễn Văn Bình' }, range: { code: 'so-ket-dot-1' } })
    expect(draft?.sections.goodPractices).toMatchObject({ text: 'Mô hình bí thư chi bộ kiêm trưởng thôn.', version: 1, authorName: 'van-phong-2' })
    // Only an issued report is started from.
    const fromDraft = await createReviewDraft(context(clerk), readDraftSource(form({ 'from-report': copy.kind === 'saved' ? copy.id : '' })))
    expect(fromDraft).toEqual({ kind: 'notFound' })
  })
})

describe('who sees and writes', () => {
  test('another district\'s office finds nothing: not listed, not read, not written, not downloaded; each refusal audited', async () => {
    const id = await newDraft()
    await save(clerk, id, 'results', 0, 'Kết quả nổi bật')
    const issuedId = await newDraft()
    await issueReviewReport(context(clerk), issuedId, FULL)

    expect((await reviewReports(foreignOffice)).map((r) => r.id)).toEqual([])
    expect(await reviewDraft(foreignOffice, id)).toBeNull()
    expect(await issuedReportFile(foreignOffice, issuedId, 'docx')).toBeNull()
    expect(await save(foreignOffice, id, 'results', 1, 'Ghi đè')).toEqual({ kind: 'notFound' })
    expect(await saveIssueFields(context(foreignOffice), id, FULL)).toEqual({ kind: 'notFound' })
    expect(await issueReviewReport(context(foreignOffice), id, FULL)).toEqual({ kind: 'notFound' })
    expect(await createReviewDraft(context(foreignOffice), readDraftSource(form({ 'from-report': issuedId })))).toEqual({ kind: 'notFound' })
    expect((await reviewDraft(clerk, id))?.sections.results).toMatchObject({ text: 'Kết quả nổi bật', version: 1 })
    expect((await database.db.reviewReport.findUniqueOrThrow({ where: { id } })).state).toBe('DRAFT')
    const refusals = await database.db.auditEvent.findMany({ where: { actorId: foreignOffice.id }, orderBy: { id: 'asc' } })
    expect(refusals.map((r) => r.action)).toEqual([
      'reviewReport.section.refused',
      'reviewReport.fields.refused',
      'reviewReport.issue.refused',
      'reviewReport.create.refused',
    ])
    // Their own district's list is theirs alone.
    expect((await reviewReports(clerk)).map((r) => r.id)).toEqual(expect.arrayContaining([id, issuedId]))
  })

  test('a leader reads the issued reports only, and writes nothing', async () => {
    const id = await newDraft()
    const issuedId = await newDraft()
    await issueReviewReport(context(clerk), issuedId, FULL)
    const listed = (await reviewReports(leader)).map((r) => r.id)
    expect(listed).toContain(issuedId)
    expect(listed).not.toContain(id)
    expect(await reviewDraft(leader, id)).toBeNull()
    expect(await issuedReportFile(leader, issuedId, 'pdf')).not.toBeNull()
    expect(await save(leader, id, 'results', 0, 'x')).toEqual({ kind: 'notFound' })
    expect(await createReviewDraft(context(leader), readDraftSource(form({ period: 'so-ket-dot-1' })))).toEqual({ kind: 'notFound' })
  })
})

describe('downloading an issued report', () => {
  const userOf = (actor: Actor): CurrentUser => ({ ...actor, username: 'u', displayName: 'u', unit: { code: 'u', name: 'u' } })
  const download = (actor: Actor, id: string, format: string) => issuedReportResponse(userOf(actor), id, format, { now: NOW, ip: '10.0.0.8' })

  test('serves the stored bytes under their name, audited; a draft, another district, or an unknown format is a 404, its refusal audited', async () => {
    const id = await newDraft()
    const draftId = await newDraft()
    await issueReviewReport(context(clerk), id, FULL)
    const stored = await database.db.reviewReportFile.findUniqueOrThrow({ where: { reportId_format: { reportId: id, format: 'pdf' } } })

    const response = await download(leader, id, 'pdf')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="bao-cao-so-ket-dot-1-2026-07-14.pdf"')
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(stored.content))).toBe(true)
    expect(await database.db.auditEvent.findFirst({ where: { action: 'reviewReport.download', entityId: id }, orderBy: { id: 'desc' } })).toMatchObject({ actorId: leader.id, after: { format: 'pdf', sha256: stored.sha256 } })

    for (const [actor, reportId, format] of [[foreignOffice, id, 'docx'], [clerk, draftId, 'docx'], [clerk, id, 'odt'], [clerk, 'khong-phai-ma', 'pdf']] as const) {
      expect((await download(actor, reportId, format)).status).toBe(404)
      expect(await database.db.auditEvent.findFirst({ where: { action: 'reviewReport.download.refused', actorId: actor.id, entityId: reportId }, orderBy: { id: 'desc' } })).not.toBeNull()
    }
  })
})
