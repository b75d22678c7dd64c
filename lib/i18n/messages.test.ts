import { describe, expect, it } from 'vitest'
import { en, vi } from '@/messages'

function leaves(messages: object, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  )
}
const keys = (messages: object) => leaves(messages).map(([key]) => key).sort()
const blank = (messages: object) =>
  leaves(messages).filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)

describe('message files', () => {
  it('give English readers every string Vietnamese readers get, and no other', () => {
    expect(keys(en)).toEqual(keys(vi))
  })

  it('leave no message blank', () => {
    expect(blank(vi)).toEqual([])
    expect(blank(en)).toEqual([])
  })
})
