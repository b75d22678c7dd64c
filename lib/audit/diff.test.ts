import { describe, expect, it } from 'vitest'
import { auditDiff, auditValue, PREVIEW_LENGTH } from './diff'

const text = (value: string) => ({ kind: 'text', text: value, preview: null })
const absent = { kind: 'absent' }

describe('auditDiff', () => {
  it('lists only the keys whose values changed, in the before side’s order', () => {
    const before = { status: 'IN_PROGRESS', progress: 40, indicatorActual: '2.5', version: 3 }
    const after = { version: 4, status: 'IN_PROGRESS', progress: 60, indicatorActual: '2.5' }
    expect(auditDiff(before, after)).toEqual([
      { field: 'progress', before: text('40'), after: text('60') },
      { field: 'version', before: text('3'), after: text('4') },
    ])
  })

  it('shows a key added or removed as absent on the other side', () => {
    expect(auditDiff({ reviewState: 'PENDING', note: 'cũ' }, { reviewState: 'RETURNED', reviewNote: 'Thiếu biên bản' })).toEqual([
      { field: 'reviewState', before: text('PENDING'), after: text('RETURNED') },
      { field: 'note', before: text('cũ'), after: absent },
      { field: 'reviewNote', before: absent, after: text('Thiếu biên bản') },
    ])
  })

  it('lists every field of a side when the other is missing', () => {
    expect(auditDiff(null, { format: 'xlsx', rows: 12 })).toEqual([
      { field: 'format', before: absent, after: text('xlsx') },
      { field: 'rows', before: absent, after: text('12') },
    ])
    expect(auditDiff({ active: true }, undefined)).toEqual([{ field: 'active', before: text('true'), after: absent }])
  })

  it('has nothing to show for an event without before and after, or with equal ones', () => {
    expect(auditDiff(null, null)).toEqual([])
    expect(auditDiff({ a: 1, b: { x: [1, 2] } }, { b: { x: [1, 2] }, a: 1 })).toEqual([])
  })

  it('compares nested values whole, whatever their key order, and shows them as compact JSON', () => {
    expect(auditDiff({ unit: { code: 'minh-cam', name: 'Xã Minh Cầm' } }, { unit: { name: 'Xã Minh Cầm', code: 'minh-cam' } })).toEqual([])
    expect(auditDiff({ attachments: [] }, { attachments: [{ fileName: 'biên bản.pdf' }] })).toEqual([
      { field: 'attachments', before: text('[]'), after: text('[{"fileName":"biên bản.pdf"}]') },
    ])
  })

  it('tells JSON null from a missing key', () => {
    expect(auditDiff({ note: null }, { note: 'Đã xong' })).toEqual([{ field: 'note', before: { kind: 'null' }, after: text('Đã xong') }])
  })

  it('compares values that are not objects as one whole value', () => {
    expect(auditDiff([1, 2], [1, 3])).toEqual([{ field: null, before: text('[1,2]'), after: text('[1,3]') }])
    expect(auditDiff(null, 'xuất')).toEqual([{ field: null, before: absent, after: text('xuất') }])
    expect(auditDiff({ a: 1 }, [1])).toEqual([{ field: null, before: text('{"a":1}'), after: text('[1]') }])
    expect(auditDiff(5, 5)).toEqual([])
  })
})

describe('auditValue', () => {
  it('previews a long value by its first characters, keeping the whole text', () => {
    const long = 'Ghi chú rất dài '.repeat(10)
    const value = auditValue(long)
    expect(value).toEqual({ kind: 'text', text: long, preview: `${Array.from(long).slice(0, PREVIEW_LENGTH).join('')}…` })
  })

  it('does not preview a value of exactly the preview length, and never cuts a character in two', () => {
    expect(auditValue('a'.repeat(PREVIEW_LENGTH))).toEqual(text('a'.repeat(PREVIEW_LENGTH)))
    const emoji = '😀'.repeat(PREVIEW_LENGTH + 1)
    expect(auditValue(emoji)).toMatchObject({ preview: `${'😀'.repeat(PREVIEW_LENGTH)}…` })
  })
})
