// Test fixture shared by the review report's tests (lib/queries/review-report.test.ts and
// lib/reports/review-report*.test.ts): a period ending 30/06/2026 whose numbers as of that day
// differ from today's, worked out by hand in the tests.
import type { PrismaClient } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'

/** 09:00 in Ba Chẽ on that day. */
export const at = (day: CalendarDay, time = '09:00') => new Date(`${day}T${time}:00+07:00`)

/** "Now" in the tests: two weeks after the period ended. */
export const NOW = at('2026-07-15')
export const PERIOD_END: CalendarDay = '2026-06-30'

export async function reviewFixture(d: PrismaClient) {
  // The province above names the report's issuing body (lib/queries/organisation.ts).
  const province = await d.unit.create({ data: { code: 'quang-ninh', name: 'Tỉnh Quảng Ninh', kind: 'PROVINCE' } })
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT', parentId: province.id } })
  const an = await d.member.create({ data: { code: 'uv-an', name: 'Hoàng Văn An', title: 'Phó Bí thư' } })
  const town = await d.unit.create({ data: { code: 'thi-tran', name: 'Thị trấn Ba Chẽ', kind: 'TOWNSHIP', parentId: district.id, sortOrder: 1 } })
  const dapThanh = await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE', parentId: district.id, sortOrder: 2, inChargeMemberId: an.id } })
  const group = await d.taskGroup.create({ data: { code: 'truong-lop', name: 'Sắp xếp trường, lớp', sortOrder: 1 } })
  const task = (code: string, title: string, dueDate: string, indicator?: { unit: string; target: number }) =>
    d.task.create({
      data: { code, groupId: group.id, title, dueDate: new Date(dueDate), scope: 'COMMUNE', indicatorUnit: indicator?.unit, indicatorBaseline: indicator ? 0 : undefined, indicatorTarget: indicator?.target },
    })
  const merge = await task('sap-nhap-diem-truong', 'Sáp nhập điểm trường lẻ', '2026-06-20', { unit: 'điểm trường', target: 10 })
  const posts = await task('kiem-nhiem', 'Bố trí bí thư chi bộ kiêm trưởng thôn', '2026-06-25')
  const later = await task('tu-chu', 'Giao quyền tự chủ cho đơn vị sự nghiệp', '2026-12-31')
  const staff = await d.user.create({ data: { username: 'can-bo', displayName: 'Cán bộ', passwordHash: 'x', role: 'STAFF', unitId: dapThanh.id } })
  const reviewer = await d.user.create({ data: { username: 'bi-thu', displayName: 'Bí thư', passwordHash: 'x', role: 'LEADER', unitId: district.id, memberId: an.id } })
  await d.reportingPeriod.create({ data: { code: 'so-ket-dot-1', name: 'Sơ kết đợt 1 thực hiện Đề án 25', kind: 'INTERIM', startDate: new Date('2026-05-01'), endDate: new Date(PERIOD_END) } })

  // Today's state is what the assignments hold; the report reads the history below.
  const assign = (taskId: string, unitId: string, state: { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress: number; indicatorActual?: number; completedAt?: Date }, createdAt = at('2026-05-02')) =>
    d.assignment.create({ data: { taskId, unitId, createdAt, ...state } })
  const report = (
    assignmentId: string,
    day: CalendarDay,
    update: { status: 'IN_PROGRESS' | 'DONE' | 'BLOCKED'; progress: number; indicatorActual?: number; note: string },
    returnedOn?: Date,
  ) =>
    d.statusUpdate.create({
      data: {
        assignmentId, authorId: staff.id, createdAt: at(day), ...update,
        ...(returnedOn ? { reviewState: 'RETURNED' as const, reviewedById: reviewer.id, reviewedAt: returnedOn, reviewNote: 'Chưa đủ hồ sơ' } : {}),
      },
    })

  // Đạp Thanh, school sites (due 20/06): 4 of 10 by 10/06, done with 10 on 05/07, after the period.
  const mergeDapThanh = await assign(merge.id, dapThanh.id, { status: 'DONE', progress: 100, indicatorActual: 10, completedAt: at('2026-07-05') })
  await report(mergeDapThanh.id, '2026-06-10', { status: 'IN_PROGRESS', progress: 50, indicatorActual: 4, note: 'Đang rà soát các điểm trường thôn Khe Tâm' })
  await report(mergeDapThanh.id, '2026-07-05', { status: 'DONE', progress: 100, indicatorActual: 10, note: 'Đã hoàn thành' })
  // Đạp Thanh, posts (due 25/06): done on 20/06, returned on 02/07, after the period.
  const postsDapThanh = await assign(posts.id, dapThanh.id, { status: 'NOT_STARTED', progress: 0 })
  await report(postsDapThanh.id, '2026-06-20', { status: 'DONE', progress: 100, note: 'Đủ 6/6 thôn' }, at('2026-07-02'))
  // The township, posts: blocked on 15/06; a later report was returned on the period's last day.
  const postsTown = await assign(posts.id, town.id, { status: 'IN_PROGRESS', progress: 60 })
  await report(postsTown.id, '2026-06-15', { status: 'BLOCKED', progress: 20, note: 'Thiếu nhân sự đủ tiêu chuẩn' })
  await report(postsTown.id, '2026-06-29', { status: 'IN_PROGRESS', progress: 60, note: 'Đã có phương án nhân sự' }, at(PERIOD_END, '10:00'))
  // Assigned after the period: absent from its report.
  await assign(later.id, dapThanh.id, { status: 'NOT_STARTED', progress: 0 }, at('2026-07-10'))

  return { town, dapThanh, mergeDapThanh, postsTown, staff, reviewer, province, district, an }
}
