import { describe, expect, it } from 'vitest'
import { createTranslator } from 'next-intl'
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

describe('English counts', () => {
  /** "{n} tasks" with no plural choice reads "1 tasks"; words that end in s but count nothing are not nouns. */
  const uncounted = (messages: object) =>
    leaves(messages).flatMap(([key, value]) =>
      [...String(value).matchAll(/\{(\w+)\} ([a-z]+s)\b/g)].filter(([, , word]) => !['as', 'is', 'has', 'was', 'this'].includes(word!)).map(([text]) => `${key}: ${text}`),
    )

  it('put every number before a counted noun through a plural choice', () => {
    expect(uncounted({ sample: 'Wait {minutes} minutes; download {table} as CSV' })).toEqual(['sample: {minutes} minutes'])
    expect(uncounted(en)).toEqual([])
  })

  it('read right for one and for several', () => {
    const t = createTranslator({ locale: 'en', messages: en })
    expect(t('login.locked', { minutes: 1 })).toContain('wait 1 minute and')
    expect(t('login.locked', { minutes: 15 })).toContain('wait 15 minutes and')
    expect(t('tasks.detail.reported', { reported: 1, assigned: 1 })).toBe('1 of 1 unit has reported a figure')
    expect(t('tasks.detail.reported', { reported: 2, assigned: 8 })).toBe('2 of 8 units have reported a figure')
    const vietnamese = createTranslator({ locale: 'vi', messages: vi })
    expect(vietnamese('login.locked', { minutes: 1 })).toContain('1 phút')
  })
})
