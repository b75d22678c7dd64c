// The Ba Chẽ demo: the district, its standing committee and the tasks of Resolution 19-NQ/TU
// ("Đề án 25"), after the article of 24/06/2020 (shared/domain/). Places are real; every person is
// invented so that the demo impersonates no one. Dates are whole days relative to the day the
// demo is seeded (0 = today in Ba Chẽ, -30 = thirty days ago), so the demo always looks current.
//
// Indicators ("chỉ tiêu") count as the article counts them (schema.prisma, IndicatorKind): most are
// district-wide sums (a task's target is the district figure and each assignment's actual is that
// unit's share); "4/8 đơn vị cấp xã" are units meeting a condition (each answers 1 or 0); the
// semi-professional posts are each commune's own target ("Minh Cầm: 5/12 chức danh").
import type { PeriodKind, UnitKind } from '../lib/db/generated/enums.ts'

// ---------------------------------------------------------------------------------------------
// Standing-committee members (Ban Thường vụ Huyện ủy): invented names, real-sounding titles.

export type MemberSeed = { code: string; name: string; title: string }

export const MEMBERS = [
  { code: 'bi-thu', name: 'Nguyễn Đình Khải', title: 'Bí thư Huyện ủy, Trưởng Ban Chỉ đạo Đề án 25' },
  { code: 'pho-bi-thu-tt', name: 'Lê Thị Thanh Hương', title: 'Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện' },
  { code: 'chu-tich-ubnd', name: 'Phạm Quốc Bảo', title: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện' },
  { code: 'pho-chu-tich-ubnd', name: 'Lý Minh Tuấn', title: 'Ủy viên Ban Thường vụ Huyện ủy, Phó Chủ tịch Thường trực UBND huyện' },
  { code: 'truong-ban-to-chuc', name: 'Vũ Mạnh Cường', title: 'Trưởng Ban Tổ chức Huyện ủy, Trưởng phòng Nội vụ huyện' },
  { code: 'chu-nhiem-ubkt', name: 'Đặng Thị Hải Yến', title: 'Chủ nhiệm Ủy ban Kiểm tra Huyện ủy' },
  { code: 'truong-ban-tuyen-giao', name: 'Triệu Văn Lâm', title: 'Trưởng Ban Tuyên giáo Huyện ủy' },
  { code: 'truong-ban-dan-van', name: 'Hoàng Thị Phương Thảo', title: 'Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện' },
] as const satisfies readonly MemberSeed[]

export type MemberCode = (typeof MEMBERS)[number]['code']

// ---------------------------------------------------------------------------------------------
// Units: the province above the district (it names the review report's issuing body, "ĐẢNG BỘ TỈNH
// QUẢNG NINH"), the district, its 8 commune-level units (each in the charge of a member), the
// district agencies the article names, and the villages of Minh Cầm (6 villages, one Party cell each).

export type UnitSeed = { code: string; name: string; kind: UnitKind }

export const PROVINCE = { code: 'quang-ninh', name: 'Tỉnh Quảng Ninh', kind: 'PROVINCE' } as const satisfies UnitSeed

export const DISTRICT = { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } as const satisfies UnitSeed

export type CommuneSeed = UnitSeed & { inCharge: MemberCode }

export const COMMUNES = [
  { code: 'thi-tran-ba-che', name: 'Thị trấn Ba Chẽ', kind: 'TOWNSHIP', inCharge: 'chu-tich-ubnd' },
  { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE', inCharge: 'truong-ban-dan-van' },
  { code: 'thanh-lam', name: 'Xã Thanh Lâm', kind: 'COMMUNE', inCharge: 'chu-nhiem-ubkt' },
  { code: 'thanh-son', name: 'Xã Thanh Sơn', kind: 'COMMUNE', inCharge: 'truong-ban-tuyen-giao' },
  { code: 'don-dac', name: 'Xã Đồn Đạc', kind: 'COMMUNE', inCharge: 'pho-chu-tich-ubnd' },
  { code: 'nam-son', name: 'Xã Nam Sơn', kind: 'COMMUNE', inCharge: 'truong-ban-to-chuc' },
  { code: 'luong-mong', name: 'Xã Lương Mông', kind: 'COMMUNE', inCharge: 'pho-bi-thu-tt' },
  { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', inCharge: 'bi-thu' },
] as const satisfies readonly CommuneSeed[]

export type CommuneCode = (typeof COMMUNES)[number]['code']

export const AGENCIES = [
  // Ban Tổ chức Huyện ủy and Phòng Nội vụ merged into one agency in March 2018 (the article).
  { code: 'to-chuc-noi-vu', name: 'Cơ quan Tổ chức - Nội vụ huyện', kind: 'AGENCY' },
  { code: 'van-phong-huyen-uy', name: 'Văn phòng Huyện ủy', kind: 'AGENCY' },
  { code: 'ban-tuyen-giao', name: 'Ban Tuyên giáo Huyện ủy', kind: 'AGENCY' },
  { code: 'phong-gd-dt', name: 'Phòng Giáo dục và Đào tạo', kind: 'AGENCY' },
  { code: 'phong-tc-kh', name: 'Phòng Tài chính - Kế hoạch', kind: 'AGENCY' },
  // Runs the district web portal that carries the Q&A column on Đề án 25.
  { code: 'trung-tam-truyen-thong', name: 'Trung tâm Truyền thông và Văn hóa huyện', kind: 'AGENCY' },
] as const satisfies readonly UnitSeed[]

export type AgencyCode = (typeof AGENCIES)[number]['code']

/**
 * The demo's one past merge, so that the history of a merge shows from the first start: the article
 * tells of the decision merging the district Party Committee's Organisation Board and the Home
 * Affairs Office into "Cơ quan Tổ chức - Nội vụ huyện", handed over in March 2018 (its exact day
 * is not given: the 1st is assumed). The two units stand, inactive, with the pages of their own.
 */
export const PAST_MERGE = {
  effectiveDate: '2018-03-01',
  reason: 'Quyết định hợp nhất Cơ quan Tổ chức - Nội vụ huyện Ba Chẽ (trao tháng 3/2018)',
  merged: [
    { code: 'ban-to-chuc-huyen-uy', name: 'Ban Tổ chức Huyện ủy', kind: 'AGENCY' },
    { code: 'phong-noi-vu', name: 'Phòng Nội vụ huyện', kind: 'AGENCY' },
  ],
  successor: 'to-chuc-noi-vu',
} as const satisfies { effectiveDate: string; reason: string; merged: readonly UnitSeed[]; successor: AgencyCode }

export const VILLAGES = [1, 2, 3, 4, 5, 6].map(
  (n) => ({ code: `minh-cam-thon-${n}`, name: `Thôn ${n}`, kind: 'VILLAGE', parent: 'minh-cam' }) as const,
) satisfies readonly (UnitSeed & { parent: CommuneCode })[]

// ---------------------------------------------------------------------------------------------
// Units' key figures, on the day the article gave them (24/06/2020): "Đảng bộ xã Minh Cầm có 74
// đảng viên, sinh hoạt tại 6 chi bộ", one cell in each of its 6 villages.

export type UnitFigureSeed = { unit: CommuneCode; kind: 'PARTY_MEMBERS' | 'PARTY_CELLS' | 'VILLAGES' | 'POPULATION'; value: number; asOf: string }

export const UNIT_FIGURES = [
  { unit: 'minh-cam', kind: 'PARTY_MEMBERS', value: 74, asOf: '2020-06-24' },
  { unit: 'minh-cam', kind: 'PARTY_CELLS', value: 6, asOf: '2020-06-24' },
  { unit: 'minh-cam', kind: 'VILLAGES', value: VILLAGES.length, asOf: '2020-06-24' },
] as const satisfies readonly UnitFigureSeed[]

// ---------------------------------------------------------------------------------------------
// Accounts: the administrator; every member signs in with their code, every commune-level unit
// and agency with its unit code (STAFF of that unit; the Party Office's account is OFFICE, the
// standing body that writes the review reports and runs the reporting calendar).

export const ADMIN = { username: 'admin', displayName: 'Quản trị hệ thống' } as const
export const OFFICE_UNIT: AgencyCode = 'van-phong-huyen-uy'

// ---------------------------------------------------------------------------------------------
// Reporting periods: two interim reviews ("sơ kết") and the final review ("tổng kết").

export type PeriodSeed = {
  code: string
  name: string
  kind: PeriodKind
  startDay: number
  endDay: number
  /** The day the period was locked after its review; absent while it is open. */
  lockedDay?: number
}

/** The day the plan was issued; no history is older. */
export const PROGRAMME_START_DAY = -200

export const PERIODS: readonly PeriodSeed[] = [
  { code: 'so-ket-dot-1', name: 'Sơ kết đợt 1 thực hiện Đề án 25', kind: 'INTERIM', startDay: -200, endDay: -111, lockedDay: -100 },
  { code: 'so-ket-dot-2', name: 'Sơ kết đợt 2 thực hiện Đề án 25', kind: 'INTERIM', startDay: -110, endDay: 20 },
  { code: 'tong-ket', name: 'Tổng kết thực hiện Đề án 25', kind: 'FINAL', startDay: -200, endDay: 90 },
]

// ---------------------------------------------------------------------------------------------
// Task groups ("nhóm nhiệm vụ trọng tâm"), each led by a member.

export type GroupSeed = { code: string; name: string; description: string; lead: MemberCode }

export const GROUPS = [
  {
    code: 'sap-xep-bo-may',
    name: 'Sắp xếp tổ chức bộ máy, hợp nhất cơ quan',
    description: 'Sáp nhập, hợp nhất cơ quan, đơn vị có chức năng, nhiệm vụ tương đồng; giảm đầu mối.',
    lead: 'truong-ban-to-chuc',
  },
  {
    code: 'nhat-the-hoa-kiem-nhiem',
    name: 'Nhất thể hóa chức danh, tăng cường kiêm nhiệm',
    description: 'Nhất thể hóa chức danh chủ chốt, kiêm nhiệm chức danh từ cấp huyện đến thôn, bản.',
    lead: 'bi-thu',
  },
  {
    code: 'giam-cap-truong-pho',
    name: 'Giảm cấp trưởng, cấp phó',
    description: 'Rà soát, bố trí số lượng cấp trưởng, cấp phó theo quy định sau sắp xếp.',
    lead: 'chu-nhiem-ubkt',
  },
  {
    code: 'mang-luoi-truong-lop',
    name: 'Sắp xếp mạng lưới trường, lớp',
    description: 'Giảm điểm trường lẻ, lớp quy mô nhỏ; sáp nhập trường; bố trí lại giáo viên.',
    lead: 'pho-chu-tich-ubnd',
  },
  {
    code: 'tu-chu-don-vi-su-nghiep',
    name: 'Tự chủ đơn vị sự nghiệp công lập',
    description: 'Đổi mới cơ chế, tăng cường tự chủ, tự chịu trách nhiệm, mở rộng xã hội hóa.',
    lead: 'chu-tich-ubnd',
  },
  {
    code: 'cong-tac-can-bo',
    name: 'Công tác cán bộ, tuyển dụng và thi tuyển',
    description: 'Vị trí việc làm, tiêu chuẩn chức danh, tiêu chí đánh giá; thi tuyển công khai, minh bạch.',
    lead: 'pho-bi-thu-tt',
  },
  {
    code: 'tuyen-truyen-so-tong-ket',
    name: 'Tuyên truyền, quán triệt và sơ kết, tổng kết',
    description: 'Quán triệt nghị quyết, chuyên mục hỏi - đáp trên Cổng TTĐT huyện, đối thoại, sơ kết, tổng kết.',
    lead: 'truong-ban-tuyen-giao',
  },
] as const satisfies readonly GroupSeed[]

export type GroupCode = (typeof GROUPS)[number]['code']

// ---------------------------------------------------------------------------------------------
// What each assignment has come to, from which the seed lays out its history of updates.

/**
 * How the member in charge has reviewed the latest update. Left out, the seed decides by age:
 * updates a week old or older are confirmed, newer ones are pending. Earlier updates are confirmed.
 */
export type Review = 'CONFIRMED' | 'PENDING' | { returned: string }

export type Outcome =
  | { status: 'NOT_STARTED' }
  | { status: 'IN_PROGRESS'; on: number; progress: number; note?: string; review?: Review }
  | { status: 'BLOCKED'; on: number; progress: number; note: string; review?: Review }
  | {
      status: 'DONE'
      on: number
      actual?: number
      note?: string
      review?: Review
      /** A report of completion the member in charge sent back before the one that stands. */
      returnedBefore?: { on: number; actual?: number; reviewNote: string }
    }

const notStarted = (): Outcome => ({ status: 'NOT_STARTED' })
const inProgress = (on: number, progress: number, note?: string): Outcome => ({ status: 'IN_PROGRESS', on, progress, note })
const blocked = (on: number, progress: number, note: string): Outcome => ({ status: 'BLOCKED', on, progress, note })
const done = (on: number, more: { actual?: number; note?: string; review?: Review; returnedBefore?: { on: number; actual?: number; reviewNote: string } } = {}): Outcome => ({
  status: 'DONE',
  on,
  ...more,
})

// ---------------------------------------------------------------------------------------------
// Tasks: DISTRICT scope goes to one agency; COMMUNE scope to each of the 8 commune-level units.

export type Indicator = { kind?: 'SUM' | 'PER_UNIT'; unit: string; baseline: number; target: number } | { kind: 'CONDITION'; unit: string }

type TaskCommon = {
  code: string
  group: GroupCode
  title: string
  description: string
  dueDay: number
  indicator?: Indicator
  /** Reported monthly or quarterly by this day (lib/domain/report-cycle.ts) besides the reviews. */
  cadence?: { kind: 'MONTHLY' | 'QUARTERLY'; day: number }
}

/**
 * The commune that sent no report for the last closed cycle of the tasks reported monthly, so the
 * demo shows a missing cycle from its first start; every other unit not done reported in each of the
 * last two cycles (the seed adds a report restating its state where its history has none).
 */
export const MISSED_LAST_CYCLE: CommuneCode = 'nam-son'

export type DistrictTaskSeed = TaskCommon & { scope: 'DISTRICT'; unit: AgencyCode; outcome: Outcome }
export type CommuneTaskSeed = TaskCommon & {
  scope: 'COMMUNE'
  outcomes: Record<CommuneCode, Outcome>
  /** Each commune's own target, for a PER_UNIT indicator. */
  unitTargets?: Record<CommuneCode, number>
}
export type TaskSeed = DistrictTaskSeed | CommuneTaskSeed

export const TASKS: readonly TaskSeed[] = [
  // Sắp xếp tổ chức bộ máy, hợp nhất cơ quan
  {
    code: 'thanh-lap-ban-chi-dao',
    group: 'sap-xep-bo-may',
    title: 'Thành lập Ban Chỉ đạo thực hiện Đề án 25',
    description: 'Tham mưu quyết định thành lập Ban Chỉ đạo, ban hành quy chế hoạt động và phân công nhiệm vụ thành viên.',
    dueDay: -180,
    scope: 'DISTRICT',
    unit: 'van-phong-huyen-uy',
    outcome: done(-185),
  },
  {
    code: 'hop-nhat-to-chuc-noi-vu',
    group: 'sap-xep-bo-may',
    title: 'Hợp nhất Ban Tổ chức Huyện ủy và Phòng Nội vụ huyện',
    description:
      'Hoàn thiện đề án hợp nhất; kiện toàn lãnh đạo, bố trí công chức và ban hành quy chế làm việc của Cơ quan Tổ chức - Nội vụ huyện.',
    dueDay: -120,
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-125),
  },
  {
    code: 'hop-nhat-trung-tam-truyen-thong',
    group: 'sap-xep-bo-may',
    title: 'Hợp nhất Đài Truyền thanh - Truyền hình và Trung tâm Văn hóa - Thể thao huyện',
    description: 'Thành lập Trung tâm Truyền thông và Văn hóa huyện; sắp xếp viên chức theo vị trí việc làm.',
    dueDay: -90,
    scope: 'DISTRICT',
    unit: 'trung-tam-truyen-thong',
    outcome: done(-84, { note: 'Đã hoàn thành; chậm 6 ngày do chờ thẩm định phương án sắp xếp viên chức.' }),
  },
  {
    code: 'giam-dau-moi',
    group: 'sap-xep-bo-may',
    title: 'Giảm cơ quan, đơn vị, đầu mối',
    description: 'Rà soát chức năng, nhiệm vụ trùng lặp để sáp nhập, giải thể cơ quan, đơn vị, đầu mối trong hệ thống chính trị huyện.',
    dueDay: -30,
    indicator: { unit: 'cơ quan, đơn vị, đầu mối', baseline: 0, target: 8 },
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-35, { actual: 8 }),
  },
  {
    code: 'quy-che-lam-viec-sau-sap-xep',
    group: 'sap-xep-bo-may',
    title: 'Ban hành quy chế làm việc của cấp ủy, chính quyền cấp xã sau sắp xếp',
    description: 'Sửa đổi quy chế làm việc, phân công nhiệm vụ phù hợp với việc nhất thể hóa, kiêm nhiệm chức danh.',
    dueDay: 10,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-12),
      'dap-thanh': done(-4),
      'thanh-lam': inProgress(-6, 70),
      'thanh-son': inProgress(-9, 50),
      'don-dac': notStarted(),
      'nam-son': inProgress(-2, 80, 'Đã xin ý kiến các đoàn thể, đang hoàn thiện dự thảo quy chế.'),
      'luong-mong': done(-20),
      'minh-cam': done(-15),
    },
  },
  {
    code: 'sap-xep-thon-ban',
    group: 'sap-xep-bo-may',
    title: 'Rà soát, sáp nhập thôn, bản, khu phố chưa đủ tiêu chuẩn',
    description: 'Rà soát quy mô số hộ, lập phương án sáp nhập thôn, bản, khu phố theo tiêu chí của tỉnh; lấy ý kiến cử tri.',
    dueDay: -10,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-25),
      'dap-thanh': done(-14),
      'thanh-lam': blocked(-12, 60, 'Một số hộ dân chưa đồng thuận với phương án sáp nhập; đề nghị huyện hỗ trợ tuyên truyền, đối thoại.'),
      'thanh-son': done(-3),
      'don-dac': inProgress(-8, 80),
      'nam-son': done(-18),
      'luong-mong': done(-11),
      'minh-cam': done(-30),
    },
  },

  // Nhất thể hóa chức danh, tăng cường kiêm nhiệm
  {
    code: 'bi-thu-kiem-chu-tich-ubnd',
    group: 'nhat-the-hoa-kiem-nhiem',
    title: 'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch UBND cấp xã',
    description: 'Rà soát điều kiện, giới thiệu nhân sự ở những đơn vị đủ điều kiện; báo cáo đạt nếu đã thực hiện, chưa đạt nếu chưa.',
    dueDay: -60,
    indicator: { kind: 'CONDITION', unit: 'đơn vị cấp xã' },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-66, { actual: 0, note: 'Chưa đủ điều kiện về nhân sự; giữ mô hình Bí thư và Chủ tịch UBND riêng.' }),
      'dap-thanh': done(-72, { actual: 1 }),
      'thanh-lam': done(-68, { actual: 1 }),
      'thanh-son': done(-64, { actual: 0, note: 'Chưa đủ điều kiện về nhân sự; tiếp tục chuẩn bị nguồn cán bộ.' }),
      'don-dac': done(-70, {
        actual: 1,
        returnedBefore: {
          on: -75,
          actual: 0,
          reviewNote: 'Xã đã thực hiện nhất thể hóa từ đầu nhiệm kỳ; đề nghị báo cáo lại số liệu.',
        },
      }),
      'nam-son': done(-55, { actual: 0, note: 'Chưa đủ điều kiện về nhân sự; báo cáo chậm do chờ kết quả kiện toàn cấp ủy.' }),
      'luong-mong': done(-74, { actual: 1 }),
      'minh-cam': done(-62, { actual: 0, note: 'Bí thư Đảng ủy xã đồng thời là Chủ tịch HĐND xã; Chủ tịch UBND xã bố trí riêng.' }),
    },
  },
  {
    code: 'bi-thu-kiem-chu-tich-hdnd',
    group: 'nhat-the-hoa-kiem-nhiem',
    title: 'Nhất thể hóa chức danh Bí thư cấp ủy đồng thời là Chủ tịch HĐND cấp xã',
    description: 'Rà soát điều kiện, thực hiện ở những đơn vị phù hợp; báo cáo đạt nếu đã thực hiện, chưa đạt nếu chưa.',
    dueDay: -60,
    indicator: { kind: 'CONDITION', unit: 'đơn vị cấp xã' },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-67, { actual: 0 }),
      'dap-thanh': done(-71, { actual: 0, note: 'Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã.' }),
      'thanh-lam': done(-69, { actual: 0, note: 'Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã.' }),
      'thanh-son': done(-65, { actual: 0 }),
      'don-dac': done(-70, { actual: 0, note: 'Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã.' }),
      'nam-son': done(-63, { actual: 0 }),
      'luong-mong': done(-73, { actual: 0, note: 'Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã.' }),
      'minh-cam': done(-78, { actual: 1, note: 'Bí thư Đảng ủy xã đồng thời là Chủ tịch HĐND xã.' }),
    },
  },
  {
    code: 'kiem-nhiem-ban-chuyen-trach',
    group: 'nhat-the-hoa-kiem-nhiem',
    title: 'Bố trí kiêm nhiệm các chức danh bán chuyên trách cấp xã',
    description: 'Rà soát các chức danh bán chuyên trách cấp xã, bố trí kiêm nhiệm những chức danh có nhiệm vụ gần nhau.',
    dueDay: -45,
    // Each commune's own plan: Minh Cầm reviews all 12 of its posts and has merged 5 (the article).
    // The district target is the sum of the communes' own.
    indicator: { kind: 'PER_UNIT', unit: 'chức danh', baseline: 0, target: 38 },
    scope: 'COMMUNE',
    unitTargets: {
      'thi-tran-ba-che': 4,
      'dap-thanh': 3,
      'thanh-lam': 5,
      'thanh-son': 3,
      'don-dac': 4,
      'nam-son': 3,
      'luong-mong': 4,
      'minh-cam': 12,
    },
    outcomes: {
      'thi-tran-ba-che': done(-50, { actual: 4 }),
      'dap-thanh': done(-48, { actual: 3 }),
      'thanh-lam': done(-52, { actual: 4 }),
      'thanh-son': done(-46, { actual: 3 }),
      'don-dac': done(-49, { actual: 4 }),
      'nam-son': done(-47, { actual: 3 }),
      'luong-mong': done(-51, { actual: 4 }),
      'minh-cam': done(-58, { actual: 5, note: 'Đã bố trí kiêm nhiệm 5/12 chức danh bán chuyên trách cấp xã.' }),
    },
  },
  {
    code: 'bi-thu-chi-bo-kiem-truong-thon',
    group: 'nhat-the-hoa-kiem-nhiem',
    title: 'Bố trí bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố',
    description: 'Giới thiệu bí thư chi bộ ứng cử trưởng thôn, bản, khu phố; báo cáo số chi bộ đã thực hiện trên tổng số chi bộ.',
    dueDay: -40,
    // 43 is every Party cell of a village or town quarter in the district: the target is 100%.
    indicator: { unit: 'chi bộ thôn, bản, khu phố', baseline: 0, target: 43 },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-44, { actual: 7, note: '7/7 chi bộ khu phố có bí thư chi bộ đồng thời là trưởng khu.' }),
      'dap-thanh': done(-42, { actual: 5 }),
      'thanh-lam': done(-45, { actual: 5 }),
      'thanh-son': done(-35, { actual: 4, note: 'Đã hoàn thành; chậm do bầu bổ sung trưởng thôn tại 1 thôn.' }),
      'don-dac': done(-41, { actual: 6 }),
      'nam-son': done(-43, { actual: 5 }),
      'luong-mong': done(-47, { actual: 5 }),
      'minh-cam': done(-53, { actual: 6, note: '6/6 chi bộ thôn, bản có bí thư chi bộ đồng thời là trưởng thôn (100%).' }),
    },
  },

  // Giảm cấp trưởng, cấp phó
  {
    code: 'giam-cap-truong',
    group: 'giam-cap-truong-pho',
    title: 'Giảm số lượng cấp trưởng sau sắp xếp',
    description: 'Bố trí, sắp xếp cấp trưởng của các cơ quan, đơn vị sau hợp nhất, sáp nhập.',
    dueDay: -30,
    indicator: { unit: 'người', baseline: 0, target: 9 },
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-33, { actual: 9 }),
  },
  {
    code: 'giam-cap-pho',
    group: 'giam-cap-truong-pho',
    title: 'Giảm số lượng cấp phó sau sắp xếp',
    description: 'Bố trí, sắp xếp cấp phó của các cơ quan, đơn vị sau hợp nhất, sáp nhập; không bổ nhiệm mới vượt quy định.',
    dueDay: -30,
    indicator: { unit: 'người', baseline: 0, target: 12 },
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-24, {
      actual: 12,
      note: 'Đã rà soát lại, bổ sung 1 cấp phó của đơn vị sự nghiệp sau hợp nhất.',
      returnedBefore: {
        on: -28,
        actual: 11,
        reviewNote: 'Số liệu chưa khớp biểu tổng hợp của Ban Chỉ đạo (12 cấp phó); đề nghị rà soát lại.',
      },
    }),
  },
  {
    code: 'quy-dinh-so-luong-cap-pho',
    group: 'giam-cap-truong-pho',
    title: 'Ban hành quy định số lượng cấp phó của các cơ quan, đơn vị cấp huyện',
    description: 'Quy định số lượng cấp phó tối đa theo quy mô biên chế của từng cơ quan, đơn vị.',
    dueDay: -100,
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-104),
  },
  {
    code: 'ra-soat-cap-pho-cap-xa',
    group: 'giam-cap-truong-pho',
    title: 'Rà soát số lượng cấp phó của các tổ chức cấp xã',
    description: 'Rà soát số lượng cấp phó của cấp ủy, chính quyền, Mặt trận và các đoàn thể cấp xã theo quy định.',
    dueDay: -7,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-20),
      'dap-thanh': done(-9),
      'thanh-lam': inProgress(-5, 60),
      'thanh-son': done(-10),
      'don-dac': done(-12),
      'nam-son': notStarted(),
      'luong-mong': done(-2),
      'minh-cam': blocked(-6, 40, 'Chờ hướng dẫn của tỉnh về số lượng cấp phó của Hội Cựu chiến binh cấp xã.'),
    },
  },

  // Sắp xếp mạng lưới trường, lớp
  {
    code: 'de-an-mang-luoi-truong-lop',
    group: 'mang-luoi-truong-lop',
    title: 'Xây dựng đề án sắp xếp mạng lưới trường, lớp học',
    description: 'Khảo sát hiện trạng, xây dựng đề án sắp xếp điểm trường lẻ, lớp ghép trình UBND huyện phê duyệt.',
    dueDay: -150,
    scope: 'DISTRICT',
    unit: 'phong-gd-dt',
    outcome: done(-155),
  },
  {
    code: 'sap-nhap-truong-lien-cap',
    group: 'mang-luoi-truong-lop',
    title: 'Sáp nhập trường tiểu học và trường trung học cơ sở thành trường liên cấp',
    description: 'Giảm trường THCS độc lập ở nơi quy mô nhỏ; kiện toàn bộ máy quản lý trường sau sáp nhập.',
    dueDay: -90,
    scope: 'DISTRICT',
    unit: 'phong-gd-dt',
    outcome: done(-80, { note: 'Đã hoàn thành; chậm do chờ ý kiến thẩm định của Sở Giáo dục và Đào tạo.' }),
  },
  {
    code: 'giam-diem-truong',
    group: 'mang-luoi-truong-lop',
    title: 'Sắp xếp, giảm điểm trường lẻ',
    description: 'Dồn điểm trường lẻ về điểm trường chính ở nơi có điều kiện đi lại; bảo đảm quyền lợi học tập của học sinh.',
    dueDay: -50,
    indicator: { unit: 'điểm trường', baseline: 0, target: 18 },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-60, { actual: 1 }),
      'dap-thanh': done(-58, { actual: 2 }),
      'thanh-lam': done(-55, { actual: 3 }),
      'thanh-son': done(-62, { actual: 2 }),
      'don-dac': done(-53, { actual: 3 }),
      'nam-son': done(-57, { actual: 2 }),
      'luong-mong': done(-47, { actual: 2, note: 'Đã hoàn thành; chậm do chờ sửa chữa phòng học tại điểm trường chính.' }),
      'minh-cam': done(-52, { actual: 3 }),
    },
  },
  {
    code: 'giam-lop-hoc',
    group: 'mang-luoi-truong-lop',
    title: 'Sắp xếp, giảm lớp ghép và lớp quy mô nhỏ',
    description: 'Ghép lớp quy mô nhỏ theo quy định, gắn với việc dồn điểm trường lẻ.',
    dueDay: -50,
    indicator: { unit: 'lớp', baseline: 0, target: 33 },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-59, { actual: 3 }),
      'dap-thanh': done(-57, { actual: 4 }),
      'thanh-lam': done(-54, { actual: 5 }),
      'thanh-son': done(-61, { actual: 4 }),
      'don-dac': done(-52, { actual: 5 }),
      'nam-son': done(-56, { actual: 3 }),
      'luong-mong': done(-51, { actual: 4 }),
      'minh-cam': done(-44, { actual: 5, note: 'Đã hoàn thành; chậm do học sinh bản xa phải bố trí bán trú trước khi ghép lớp.' }),
    },
  },
  {
    code: 'bo-tri-giao-vien',
    group: 'mang-luoi-truong-lop',
    title: 'Bố trí, điều chuyển giáo viên, nhân viên sau sắp xếp trường, lớp',
    description: 'Điều chuyển giáo viên dôi dư sang nơi thiếu; bảo đảm định mức giáo viên trên lớp.',
    dueDay: 30,
    scope: 'DISTRICT',
    unit: 'phong-gd-dt',
    outcome: inProgress(-5, 65),
  },
  {
    code: 'dua-don-hoc-sinh',
    group: 'mang-luoi-truong-lop',
    title: 'Bảo đảm điều kiện đi học cho học sinh sau sáp nhập điểm trường',
    description: 'Vận động phụ huynh, phối hợp tổ chức đưa đón, bố trí bán trú cho học sinh ở xa điểm trường chính.',
    dueDay: 45,
    cadence: { kind: 'MONTHLY', day: 25 },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-10),
      'dap-thanh': inProgress(-8, 60),
      'thanh-lam': inProgress(-12, 40),
      'thanh-son': inProgress(-3, 70),
      'don-dac': done(-6),
      'nam-son': notStarted(),
      'luong-mong': inProgress(-9, 50),
      'minh-cam': blocked(
        -4,
        30,
        'Đường đến điểm trường chính xa, mùa mưa ngầm tràn bị chia cắt; đề nghị huyện hỗ trợ kinh phí bán trú cho học sinh.',
      ),
    },
  },

  // Tự chủ đơn vị sự nghiệp công lập
  {
    code: 'danh-muc-dich-vu-su-nghiep',
    group: 'tu-chu-don-vi-su-nghiep',
    title: 'Ban hành danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước',
    description: 'Làm căn cứ giao nhiệm vụ, đặt hàng và giao quyền tự chủ cho các đơn vị sự nghiệp công lập.',
    dueDay: -5,
    scope: 'DISTRICT',
    unit: 'phong-tc-kh',
    outcome: inProgress(-8, 70, 'Đã có dự thảo; đang lấy ý kiến các phòng chuyên môn.'),
  },
  {
    code: 'phuong-an-tu-chu',
    group: 'tu-chu-don-vi-su-nghiep',
    title: 'Thẩm định phương án tự chủ tài chính của các đơn vị sự nghiệp công lập',
    description: 'Xác định mức tự bảo đảm chi thường xuyên, lộ trình giảm hỗ trợ từ ngân sách.',
    dueDay: 20,
    scope: 'DISTRICT',
    unit: 'phong-tc-kh',
    outcome: inProgress(-6, 40),
  },
  {
    code: 'tu-chu-trung-tam-truyen-thong',
    group: 'tu-chu-don-vi-su-nghiep',
    title: 'Xây dựng phương án tự chủ một phần chi thường xuyên của Trung tâm Truyền thông và Văn hóa',
    description: 'Xác định nguồn thu dịch vụ, sắp xếp viên chức theo vị trí việc làm, lộ trình tự chủ.',
    dueDay: 15,
    scope: 'DISTRICT',
    unit: 'trung-tam-truyen-thong',
    outcome: blocked(-7, 30, 'Chờ tỉnh ban hành định mức kinh tế - kỹ thuật dịch vụ truyền thông để xây dựng giá dịch vụ.'),
  },
  {
    code: 'xa-hoi-hoa-dich-vu',
    group: 'tu-chu-don-vi-su-nghiep',
    title: 'Kêu gọi xã hội hóa một số dịch vụ sự nghiệp công',
    description: 'Lựa chọn dịch vụ văn hóa, thể thao, vệ sinh môi trường có thể xã hội hóa; xây dựng cơ chế khuyến khích.',
    dueDay: 60,
    scope: 'DISTRICT',
    unit: 'phong-tc-kh',
    outcome: notStarted(),
  },

  // Công tác cán bộ, tuyển dụng và thi tuyển
  {
    code: 'de-an-vi-tri-viec-lam',
    group: 'cong-tac-can-bo',
    title: 'Xây dựng đề án vị trí việc làm của các cơ quan, đơn vị cấp huyện',
    description: 'Xác định vị trí việc làm, cơ cấu ngạch và biên chế làm căn cứ tuyển dụng, sử dụng cán bộ, công chức, viên chức.',
    dueDay: -140,
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-146),
  },
  {
    code: 'tieu-chuan-chuc-danh',
    group: 'cong-tac-can-bo',
    title: 'Quy định tiêu chuẩn chức danh, tiêu chí đánh giá cán bộ, công chức, viên chức',
    description: 'Làm căn cứ tuyển dụng, sử dụng, xếp loại chất lượng cán bộ, công chức, viên chức và đảng viên.',
    dueDay: -80,
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: done(-66, { note: 'Đã ban hành; chậm do phải xin ý kiến Ban Tổ chức Tỉnh ủy về tiêu chí đánh giá.' }),
  },
  {
    code: 'quy-che-thi-tuyen',
    group: 'cong-tac-can-bo',
    title: 'Ban hành quy chế thi tuyển và tổ chức thi tuyển công khai, minh bạch',
    description: 'Thi tuyển chức danh lãnh đạo cấp phòng; tuyển dụng công chức, viên chức theo vị trí việc làm.',
    dueDay: 12,
    scope: 'DISTRICT',
    unit: 'to-chuc-noi-vu',
    outcome: inProgress(-3, 75, 'Đã ban hành quy chế; đang thông báo công khai danh sách thí sinh đủ điều kiện.'),
  },
  {
    code: 'vi-tri-viec-lam-cap-xa',
    group: 'cong-tac-can-bo',
    title: 'Rà soát vị trí việc làm và bản mô tả công việc của cán bộ, công chức cấp xã',
    description: 'Cập nhật bản mô tả công việc theo các chức danh đã nhất thể hóa, kiêm nhiệm.',
    dueDay: -20,
    cadence: { kind: 'MONTHLY', day: 25 },
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-22),
      'dap-thanh': done(-25),
      'thanh-lam': inProgress(-10, 80),
      'thanh-son': done(-6, { review: { returned: 'Bản mô tả công việc còn thiếu 2 chức danh kiêm nhiệm; đề nghị bổ sung.' } }),
      'don-dac': done(-21),
      'nam-son': inProgress(-15, 50),
      'luong-mong': done(-30),
      'minh-cam': done(-19),
    },
  },
  {
    code: 'danh-gia-xep-loai',
    group: 'cong-tac-can-bo',
    title: 'Đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã theo tiêu chí mới',
    description: 'Áp dụng bộ tiêu chí đánh giá mới; công khai kết quả xếp loại.',
    dueDay: 40,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': inProgress(-5, 30),
      'dap-thanh': notStarted(),
      'thanh-lam': notStarted(),
      'thanh-son': inProgress(-2, 20),
      'don-dac': notStarted(),
      'nam-son': notStarted(),
      'luong-mong': inProgress(-4, 25),
      'minh-cam': notStarted(),
    },
  },

  // Tuyên truyền, quán triệt và sơ kết, tổng kết
  {
    code: 'quan-triet-nghi-quyet',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Quán triệt Nghị quyết 19-NQ/TU đến chi bộ và đảng viên',
    description: 'Tổ chức hội nghị quán triệt; bảo đảm 100% chi bộ, đảng viên được học tập, nắm vững nội dung Đề án 25.',
    dueDay: -170,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-184),
      'dap-thanh': done(-180),
      'thanh-lam': done(-178),
      'thanh-son': done(-176),
      'don-dac': done(-181),
      'nam-son': done(-174),
      'luong-mong': done(-177),
      'minh-cam': done(-172, { note: 'Đã quán triệt đến 74 đảng viên tại 6 chi bộ.' }),
    },
  },
  {
    code: 'chuyen-muc-hoi-dap',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Mở chuyên mục hỏi - đáp về Đề án 25 trên Cổng thông tin điện tử huyện',
    description: 'Để cán bộ và nhân dân chủ động tìm hiểu, gửi câu hỏi và nhận giải đáp thắc mắc về Đề án 25.',
    dueDay: -160,
    scope: 'DISTRICT',
    unit: 'trung-tam-truyen-thong',
    outcome: done(-165),
  },
  {
    code: 'tuyen-truyen-dai-chung',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Tuyên truyền Đề án 25 trên các phương tiện thông tin đại chúng',
    description: 'Xây dựng chuyên trang, chuyên mục; phản ánh kết quả, mô hình hay trong thực hiện Đề án 25.',
    dueDay: 80,
    cadence: { kind: 'QUARTERLY', day: 20 },
    scope: 'DISTRICT',
    unit: 'ban-tuyen-giao',
    outcome: inProgress(-9, 60),
  },
  {
    code: 'doi-thoai-nhan-dan',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Đối thoại trực tiếp với cán bộ, đảng viên và nhân dân về sắp xếp tổ chức bộ máy',
    description: 'Lắng nghe ý kiến, giải quyết thấu đáo kiến nghị của cán bộ, đảng viên, nhân dân và doanh nghiệp.',
    dueDay: 8,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': done(-7),
      'dap-thanh': inProgress(-5, 50),
      'thanh-lam': done(-3),
      'thanh-son': notStarted(),
      'don-dac': inProgress(-6, 50),
      'nam-son': done(-10),
      'luong-mong': inProgress(-4, 60),
      'minh-cam': done(-12, { note: 'Đã tổ chức đối thoại tại 6 thôn, bản.' }),
    },
  },
  {
    code: 'bao-cao-so-ket',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Xây dựng báo cáo sơ kết đợt 2 thực hiện Đề án 25',
    description: 'Đánh giá kết quả; chỉ ra tồn tại, khó khăn, vướng mắc; đề xuất mô hình mới, cách làm hay để nhân rộng.',
    dueDay: 13,
    scope: 'COMMUNE',
    outcomes: {
      'thi-tran-ba-che': inProgress(-2, 40),
      'dap-thanh': notStarted(),
      'thanh-lam': inProgress(-3, 30),
      'thanh-son': notStarted(),
      'don-dac': inProgress(-1, 50),
      'nam-son': inProgress(-4, 20),
      'luong-mong': notStarted(),
      'minh-cam': inProgress(-2, 60),
    },
  },
  {
    code: 'nhan-rong-mo-hinh',
    group: 'tuyen-truyen-so-tong-ket',
    title: 'Phát hiện, nhân rộng mô hình mới, cách làm hay trong thực hiện Đề án 25',
    description: 'Tổng hợp mô hình từ báo cáo sơ kết của các đơn vị; giới thiệu trên Cổng thông tin điện tử huyện.',
    dueDay: 70,
    scope: 'DISTRICT',
    unit: 'ban-tuyen-giao',
    outcome: notStarted(),
  },
]
