import { NextIntlClientProvider } from 'next-intl'
import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { vi } from '@/messages'
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

// The provider's props type wants the children inside them; they go in createElement's third argument.
const intl = { locale: 'vi', messages: vi, timeZone: 'Asia/Ho_Chi_Minh' } as ComponentProps<typeof NextIntlClientProvider>

const render = (rows: LateAssignmentView[], total: number) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      intl,
      createElement(LateAssignmentList, { rows, total, labelledBy: 'late-title', showUnit: false, rest: { href: '#assignments-title', label: 'Xem các nhiệm vụ còn lại' } }),
    ),
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
