// A review report of several pages, built in memory with the shape of the Ba Chẽ demo (eight
// commune-level units, four groups of tasks, indicators of each kind, late work with the units'
// notes, every section written): what the layout tests and the page comparison with LibreOffice read.
import { placeName } from '@/lib/domain/organisation'
import type { ProgressCounts, StatusCounts } from '@/lib/domain/status-counts'
import type { ReviewReportData } from '@/lib/reports/review-report'
import type { ReviewWriting } from '@/lib/reports/review-writing'

const COMMUNES = ['Thị trấn Ba Chẽ', 'Xã Thanh Sơn', 'Xã Thanh Lâm', 'Xã Đạp Thanh', 'Xã Nam Sơn', 'Xã Lương Mông', 'Xã Đồn Đạc', 'Xã Minh Cầm']
const MEMBERS = ['Hoàng Văn An', 'Lê Thị Bình', 'Nguyễn Văn Cường', 'Trần Thị Dung']
const GROUPS = ['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế', 'Sắp xếp trường, lớp', 'Đổi mới đơn vị sự nghiệp công lập']
const TASKS = [
  'Hợp nhất Văn phòng Huyện ủy, Văn phòng HĐND và UBND huyện',
  'Hợp nhất Ban Tuyên giáo và Trung tâm Bồi dưỡng chính trị',
  'Hợp nhất Ủy ban Kiểm tra và Thanh tra huyện',
  'Bố trí bí thư chi bộ kiêm trưởng thôn',
  'Bố trí bí thư đảng ủy kiêm chủ tịch UBND xã',
  'Giảm số lượng cán bộ không chuyên trách cấp xã',
  'Tinh giản biên chế hằng năm theo lộ trình',
  'Sáp nhập điểm trường lẻ',
  'Sáp nhập trường mầm non và trường tiểu học',
  'Giao quyền tự chủ cho đơn vị sự nghiệp',
  'Hợp nhất Trung tâm Y tế và Bệnh viện Đa khoa huyện',
  'Thành lập Trung tâm Dịch vụ nông nghiệp',
]

function counts(seed: number, assigned: number): StatusCounts {
  const doneOnTime = Math.floor(assigned * (0.3 + (seed % 4) / 10))
  const doneLate = seed % 3 === 0 ? 1 : 0
  const blocked = seed % 5 === 0 ? 1 : 0
  const inProgress = Math.max(0, assigned - doneOnTime - doneLate - blocked - 1)
  const notStarted = assigned - doneOnTime - doneLate - blocked - inProgress
  return { assigned, doneOnTime, doneLate, inProgress, blocked, notStarted, overdue: 1 + (seed % 2), dueSoon: seed % 3, progress: 40 + ((seed * 7) % 55) }
}

function progressCounts(seed: number, assigned: number): ProgressCounts {
  const base = counts(seed, assigned)
  return { ...base, due: assigned - 1, late: base.overdue + base.blocked }
}

/** The data of a long interim review as of 30/6/2026: `lateItems` late items, most with a note; `taskCount` tasks (the annex of tasks runs onto more pages). */
export function longReviewData(lateItems = 24, taskCount = TASKS.length): ReviewReportData {
  const province = { id: 'p', code: 'quang-ninh', kind: 'PROVINCE' as const, ...placeName('Tỉnh Quảng Ninh') }
  const district = { id: 'd', code: 'ba-che', kind: 'DISTRICT' as const, ...placeName('Huyện Ba Chẽ') }
  const groups = GROUPS.map((name, index) => ({ ...progressCounts(index + 1, 8 * (index + 2)), groupId: `g${index}`, code: `g${index}`, name }))
  const titles = Array.from({ length: taskCount }, (_, index) => `${TASKS[index % TASKS.length] ?? ''}${index < TASKS.length ? '' : ` (đợt ${Math.floor(index / TASKS.length) + 1})`}`)
  const tasks = titles.map((title, index) => ({
    ...counts(index, 8),
    id: `t${index}`,
    code: `t${index}`,
    title,
    description: null,
    dueDate: new Date(Date.UTC(2026, 2 + (index % 6), 5 + index)),
    scope: 'COMMUNE' as const,
    group: { id: `g${index % GROUPS.length}`, code: `g${index % GROUPS.length}`, name: GROUPS[index % GROUPS.length] ?? '' },
    lead: { code: `m${index % MEMBERS.length}`, name: MEMBERS[index % MEMBERS.length] ?? '' },
    indicator: null,
  }))
  const late = Array.from({ length: lateItems }, (_, index) => ({
    id: `a${index}`,
    unitCode: `u${index % COMMUNES.length}`,
    unitName: COMMUNES[index % COMMUNES.length] ?? '',
    taskCode: `t${index % TASKS.length}`,
    title: TASKS[index % TASKS.length] ?? '',
    status: index % 4 === 0 ? ('BLOCKED' as const) : ('IN_PROGRESS' as const),
    dueDate: new Date(Date.UTC(2026, 3 + (index % 3), 1 + index)),
    completedAt: null,
    memberName: MEMBERS[index % MEMBERS.length] ?? null,
    note:
      index % 3 === 2
        ? null
        : { text: index % 2 === 0 ? 'Đang rà soát phương án nhân sự, chờ ý kiến của Ban Tổ chức Huyện ủy' : 'Thiếu kinh phí sửa chữa cơ sở vật chất.', onBehalf: null },
  }))
  return {
    period: { code: 'so-ket-dot-1', name: 'Sơ kết đợt 1 thực hiện Đề án 25', kind: 'INTERIM', startDay: '2026-01-01', endDay: '2026-06-30' },
    asOfDay: '2026-06-30',
    organisation: { home: district, above: [province] },
    totals: { ...progressCounts(7, 96), late: lateItems },
    groups,
    indicators: [
      { taskId: 't7', taskCode: 't7', title: 'Sáp nhập điểm trường lẻ', kind: 'SUM', unit: 'điểm trường', baseline: '0', target: '40', actual: '26', share: 0.65, assigned: 8, reported: 8, met: 0, targetSum: null, withTarget: 0 },
      { taskId: 't3', taskCode: 't3', title: 'Bố trí bí thư chi bộ kiêm trưởng thôn', kind: 'PER_UNIT', unit: 'thôn', baseline: null, target: null, actual: '61', share: 0.625, assigned: 8, reported: 8, met: 5, targetSum: '76', withTarget: 8 },
      { taskId: 't4', taskCode: 't4', title: 'Bố trí bí thư đảng ủy kiêm chủ tịch UBND xã', kind: 'CONDITION', unit: 'đơn vị cấp xã', baseline: null, target: null, actual: '0', share: 0.5, assigned: 8, reported: 8, met: 4, targetSum: null, withTarget: 0 },
      { taskId: 't5', taskCode: 't5', title: 'Giảm số lượng cán bộ không chuyên trách cấp xã', kind: 'SUM', unit: 'người', baseline: '0', target: '120', actual: '87', share: 0.725, assigned: 8, reported: 7, met: 0, targetSum: null, withTarget: 0 },
    ],
    unitFigures: COMMUNES.map((unitName, index) => ({ taskId: 't3', unitName, actual: index === 7 ? null : String(5 + index), target: String(8 + (index % 4)), met: index % 2 === 0 })),
    communes: COMMUNES.map((name, index) => ({
      ...counts(index, 12),
      unitId: `u${index}`,
      code: `u${index}`,
      name,
      sortOrder: index,
      memberName: MEMBERS[index % MEMBERS.length] ?? null,
      memberTitle: 'Ủy viên Ban Thường vụ',
    })),
    late,
    tasks,
  }
}

const paragraph = (topic: string) =>
  `Ban Thường vụ Huyện ủy đã ${topic}; các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội từ huyện đến cơ sở đã vào cuộc quyết liệt, đồng bộ, bảo đảm đúng lộ trình, đúng quy định, không để ảnh hưởng đến hoạt động bình thường của cơ quan, đơn vị và đời sống của Nhân dân.`

/** Every section written, two or three paragraphs each; signed and addressed. */
export const LONG_WRITING: ReviewWriting = {
  sections: {
    leadership: [paragraph('tổ chức quán triệt Nghị quyết tới toàn thể cán bộ chủ chốt, đảng viên và Nhân dân'), paragraph('thành lập Ban Chỉ đạo thực hiện Đề án 25, phân công các đồng chí Ủy viên Ban Thường vụ phụ trách từng nhóm nhiệm vụ và từng cơ sở')].join('\n'),
    results: [paragraph('đánh giá việc sắp xếp tổ chức bộ máy cơ bản hoàn thành theo kế hoạch'), paragraph('chỉ đạo rà soát, sắp xếp các điểm trường lẻ phù hợp với điều kiện của từng xã')].join('\n'),
    goodPractices: paragraph('nhân rộng mô hình bí thư chi bộ đồng thời là trưởng thôn tại các thôn vùng cao'),
    shortcomings: [paragraph('chỉ ra nguyên nhân chủ quan là một số cấp ủy chưa quyết liệt'), 'Nguyên nhân khách quan: địa bàn rộng, giao thông đi lại khó khăn, nguồn lực còn hạn chế.'].join('\n'),
    lessons: [paragraph('rút ra bài học về vai trò người đứng đầu'), paragraph('rút ra bài học về công tác tuyên truyền, vận động')].join('\n'),
    directions: [paragraph('xác định tiếp tục thực hiện các nhiệm vụ còn lại của Đề án 25'), 'Đề nghị Ban Thường vụ Tỉnh ủy quan tâm hỗ trợ kinh phí sửa chữa cơ sở vật chất các trường sau sáp nhập.'].join('\n'),
  },
  number: '125',
  issuedOn: '2026-07-03',
  signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Lê Văn Hùng' },
  recipients: ['Ban Thường vụ Tỉnh ủy (b/c)', 'Ban Tổ chức Tỉnh ủy (b/c)', 'Các đồng chí Huyện ủy viên', 'Các chi, đảng bộ trực thuộc', 'Lưu Văn phòng Huyện ủy'],
}
