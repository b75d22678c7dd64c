import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { renderInVietnamese } from '@/test/helpers/render'
import { LateAssignmentList, type LateAssignmentView } from './late-assignment-list'

const row = (n: number): LateAssignmentView => ({
  id: `id-${n}`,
  unitCode: 'minh-cam',
  unitName: 'Xã Minh Cầm',
  taskCode: `task-${n}`,
  title: `Nhiệm vụ ${n}`,
  status: 'IN_PROGRESS',
  dueDate: new Date(Date.UTC(2026, 0, n)),
  completedAt: null,
  memberName: 'Bùi Thu Thảo',
  labels: ['overdue'],
})

const render = (rows: LateAssignmentView[], total: number) =>
  renderInVietnamese(
    createElement(LateAssignmentList, { rows, total, labelledBy: 'late-title', showUnit: false, rest: { href: '#assignments-title', label: 'Xem các nhiệm vụ còn lại' } }),
  )

describe('the list of late work', () => {
  it('says how many it leaves out and links to where they are all listed', () => {
    const html = render([row(1), row(2)], 12)
    expect(html).toContain('Đang hiển thị 2/12 nhiệm vụ có hạn hoàn thành sớm nhất.')
    expect(html).toContain('<a href="#assignments-title"')
    expect(html).toContain('Xem các nhiệm vụ còn lại</a>')
  })

  it('has no such line when every late assignment is shown', () => {
    const html = render([row(1), row(2)], 2)
    expect(html).not.toContain('Đang hiển thị')
    expect(html).not.toContain('#assignments-title')
  })
})
