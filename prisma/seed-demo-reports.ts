// The demo's review reports written in the app, after the Ba Chẽ demo data (./seed-demo.ts): the
// first interim review issued by the Party Office ten days after its period ended, its DOCX and PDF
// kept; and the second interim review as a draft being written. Made through the app's own actions,
// so they are exactly what a clerk would have made: import it after allowServerModules()
// (./server-modules.ts), with DATABASE_URL set. Once only: a database with reports is left as is.
import { actorOf } from '@/lib/auth/permissions'
import type { PrismaClient } from '@/lib/db/client'
import { addDays, districtDay } from '@/lib/domain/calendar'
import { createReviewDraft, issueReviewReport, saveIssueFields, saveReviewSection } from '@/lib/actions/review-drafts'
import type { ActionContext } from '@/lib/actions/context'
import type { ReviewSection } from '@/lib/reports/review-writing'
import { readDraftSource, readSectionSave } from '@/lib/validation/review-draft'
import { OFFICE_UNIT, PERIODS } from './demo-data'

const ISSUED: Partial<Record<ReviewSection, string>> = {
  leadership:
    'Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện Đề án 25, thành lập Ban Chỉ đạo do đồng chí Bí thư Huyện ủy làm Trưởng ban; phân công các đồng chí Ủy viên Ban Thường vụ phụ trách từng nhóm nhiệm vụ và từng xã, thị trấn. 100% chi bộ, đảng bộ cơ sở tổ chức quán triệt Nghị quyết số 19-NQ/TU đến cán bộ, đảng viên.',
  results: 'Các nhiệm vụ sắp xếp tổ chức bộ máy cơ bản đúng tiến độ; việc sáp nhập điểm trường lẻ và bố trí bí thư chi bộ kiêm trưởng thôn đạt kết quả bước đầu (số liệu chi tiết tại các biểu kèm theo).',
  goodPractices: 'Mô hình bí thư chi bộ đồng thời là trưởng thôn ở xã Minh Cầm, xã Đạp Thanh phát huy hiệu quả, giảm đầu mối, nâng cao trách nhiệm người đứng đầu.',
  shortcomings:
    'Một số nhiệm vụ còn chậm so với kế hoạch, nhất là việc sáp nhập các điểm trường ở vùng sâu. Nguyên nhân chủ yếu: địa bàn rộng, giao thông khó khăn; một số cấp ủy cơ sở chưa quyết liệt trong chỉ đạo.',
  lessons: 'Phát huy vai trò người đứng đầu cấp ủy; kiểm tra, đôn đốc thường xuyên; kịp thời tháo gỡ vướng mắc cho cơ sở.',
  directions: 'Tập trung hoàn thành các nhiệm vụ còn chậm trong đợt 2; tiếp tục rà soát, sắp xếp tổ chức bộ máy theo lộ trình của Đề án 25.',
}

const DRAFT: Partial<Record<ReviewSection, string>> = {
  leadership: 'Ban Thường vụ Huyện ủy tiếp tục chỉ đạo quyết liệt việc thực hiện Đề án 25; Ban Chỉ đạo họp định kỳ hằng quý để đánh giá tiến độ.',
  results: 'Đến nay, các xã, thị trấn đã triển khai hầu hết các nhiệm vụ được giao. (Văn phòng tiếp tục bổ sung nhận xét theo số liệu.)',
}

const RECIPIENTS = 'Ban Thường vụ Tỉnh ủy (b/c)\nBan Tổ chức Tỉnh ủy (b/c)\nCác đồng chí Huyện ủy viên\nCác chi bộ, đảng bộ cơ sở\nLưu Văn phòng Huyện ủy'

/** The instant `minutes` past midnight in Ba Chẽ, `offset` days from `today`. */
const at = (today: string, offset: number, minutes: number) => new Date(`${addDays(today, offset)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`)

export async function seedDemoReports(db: PrismaClient, options: { today?: Date } = {}): Promise<number> {
  if ((await db.reviewReport.count()) > 0) return 0
  const office = await db.user.findUniqueOrThrow({ where: { username: OFFICE_UNIT }, select: { id: true } })
  const actor = await actorOf(office.id)
  const today = districtDay(options.today ?? new Date())
  const [first, second] = PERIODS
  if (!first || !second) throw new Error('the demo has no two interim periods')
  const acting = (offset: number, minutes: number): ActionContext => ({ actor, now: at(today, offset, minutes), ip: null })
  const form = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [k, v] of Object.entries(fields)) data.set(k, v)
    return data
  }
  const write = async (reportId: string, texts: Partial<Record<ReviewSection, string>>, offset: number) => {
    let minutes = 8 * 60
    for (const [section, text] of Object.entries(texts)) {
      minutes += 7
      const saved = await saveReviewSection(acting(offset, minutes), readSectionSave({ reportId, section, baseVersion: 0, text }), reportId)
      if (saved.kind !== 'saved') throw new Error(`demo report: section ${section} not saved (${saved.kind})`)
    }
  }

  // The first interim review, issued ten days after its period ended.
  const issuedDay = first.endDay + 10
  const issued = await createReviewDraft(acting(issuedDay - 3, 8 * 60), readDraftSource(form({ period: first.code })))
  if (issued.kind !== 'saved') throw new Error('demo report: the first review was not opened')
  await write(issued.id, ISSUED, issuedDay - 2)
  const outcome = await issueReviewReport(acting(issuedDay, 16 * 60), issued.id, {
    number: '98',
    issuedOn: addDays(today, issuedDay),
    signerOnBehalfOf: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    signerName: 'Nguyễn Đình Khải',
    recipients: RECIPIENTS,
  })
  if (outcome.kind !== 'issuedNow') throw new Error(`demo report: the first review was not issued (${outcome.kind})`)

  // The second interim review, being written.
  const draft = await createReviewDraft(acting(-3, 9 * 60), readDraftSource(form({ period: second.code })))
  if (draft.kind !== 'saved') throw new Error('demo report: the second review was not opened')
  await write(draft.id, DRAFT, -2)
  await saveIssueFields(acting(-2, 10 * 60), draft.id, { number: '', issuedOn: '', signerOnBehalfOf: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: 'Nguyễn Đình Khải', recipients: RECIPIENTS })
  return 2
}
