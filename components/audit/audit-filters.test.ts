import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { renderInVietnamese } from '@/test/helpers/render'
import { AuditFilters } from './audit-filters'

const render = (users: { username: string; displayName: string }[] | null, user?: string) =>
  renderInVietnamese(createElement(AuditFilters, { current: { user }, unreadDays: {}, users, entities: [] }))

describe('the audit filter by user', () => {
  it('lists the accounts to choose from when there are few', () => {
    const html = render([{ username: 'bi-thu', displayName: 'Nguyễn Văn A' }])
    expect(html).toMatch(/<select id="audit-user" name="user"/)
    expect(html).toContain('<option value="bi-thu">Nguyễn Văn A (bi-thu)</option>')
  })

  it('takes a typed username, keeping the one in force, when there are too many accounts to list', () => {
    const html = render(null, 'minh-cam')
    expect(html).not.toContain('<select id="audit-user"')
    const input = /<input id="audit-user"[^>]*>/.exec(html)?.[0]
    expect(input).toContain('type="text"')
    expect(input).toContain('name="user"')
    expect(input).toContain('value="minh-cam"')
    expect(input).toContain('aria-describedby="audit-user-hint"')
    expect(html).toContain('Tên đăng nhập của người thực hiện, ví dụ minh-cam')
  })
})
