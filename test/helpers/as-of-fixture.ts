// One assignment with a history worked out by hand, for the "as of a past day" tests
// (lib/queries/progress-source.test.ts, as-of-views.test.ts): a commune whose member in charge also leads
// the task's group, and a task due 04/06/2026 with an indicator (target 6 sites).
// 01/06 assigned; 02/06 in progress 30%, 1 site (confirmed that day); 03/06 done, 4 sites
// (returned on 05/06); 06/06 done again, 5 sites (waiting for confirmation).
import type { PrismaClient } from '@/lib/db/client'
import type { CalendarDay } from '@/lib/domain/calendar'

/** 09:00 in Ba Chẽ on that day. */
export const at = (day: CalendarDay) => new Date(`${day}T09:00:00+07:00`)

export async function asOfFixture(d: PrismaClient) {
  const member = await d.member.create({ data: { code: 'uv-lan', name: 'Nguyễn Thị Lan', title: 'Ủy viên Ban Thường vụ' } })
  const unit = await d.unit.create({ data: { code: 'xa-thu', name: 'Xã Thử', kind: 'COMMUNE', inChargeMemberId: member.id } })
  const staff = await d.user.create({ data: { username: 'xa-thu', displayName: 'Cán bộ xã Thử', passwordHash: 'x', role: 'STAFF', unitId: unit.id } })
  const leader = await d.user.create({ data: { username: 'uv-lan', displayName: 'Nguyễn Thị Lan', passwordHash: 'x', role: 'LEADER', unitId: unit.id, memberId: member.id } })
  const group = await d.taskGroup.create({ data: { code: 'nhom', name: 'Sắp xếp tổ chức bộ máy', leadMemberId: member.id } })
  const task = await d.task.create({
    data: { code: 'diem-truong', groupId: group.id, title: 'Sáp nhập điểm trường', dueDate: new Date('2026-06-04'), scope: 'COMMUNE', indicatorUnit: 'điểm trường', indicatorTarget: 6 },
  })
  const assignment = await d.assignment.create({
    data: { taskId: task.id, unitId: unit.id, createdAt: at('2026-06-01'), status: 'DONE', progress: 100, indicatorActual: 5, completedAt: at('2026-06-06'), lastUpdateAt: at('2026-06-06') },
  })
  const report = (day: CalendarDay, status: 'IN_PROGRESS' | 'DONE', progress: number, actual: number, review?: { state: 'CONFIRMED' | 'RETURNED'; day: CalendarDay }) =>
    d.statusUpdate.create({
      data: {
        assignmentId: assignment.id, authorId: staff.id, status, progress, indicatorActual: actual, createdAt: at(day),
        ...(review ? { reviewState: review.state, reviewedById: leader.id, reviewedAt: at(review.day), reviewNote: review.state === 'RETURNED' ? 'Chưa đủ hồ sơ' : null } : {}),
      },
    })
  await report('2026-06-02', 'IN_PROGRESS', 30, 1, { state: 'CONFIRMED', day: '2026-06-02' })
  await report('2026-06-03', 'DONE', 100, 4, { state: 'RETURNED', day: '2026-06-05' })
  await report('2026-06-06', 'DONE', 100, 5)
  return { member, unit, leader, task, assignment }
}
