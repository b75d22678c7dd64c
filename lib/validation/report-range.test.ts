import { describe, expect, test } from 'vitest'
import { parseReportRange } from './report-range'

const parse = (query: string) => parseReportRange(new URLSearchParams(query))

describe('the days of a report of the clerk\'s choosing', () => {
  test('none given: no range asked for', () => {
    expect(parse('')).toEqual({ kind: 'absent' })
    expect(parse('from=&to=&kind=FINAL')).toEqual({ kind: 'absent' })
  })

  test('both days, in order, with the kind (an interim report unless a final one is asked for)', () => {
    expect(parse('from=2026-05-01&to=2026-06-30&kind=FINAL')).toEqual({ kind: 'valid', input: { from: '2026-05-01', to: '2026-06-30', kind: 'FINAL' } })
    expect(parse('from=2026-06-30&to=2026-06-30&kind=weekly')).toEqual({ kind: 'valid', input: { from: '2026-06-30', to: '2026-06-30', kind: 'INTERIM' } })
  })

  test('a missing, impossible or reversed day is named beside its field, with what was typed kept', () => {
    expect(parse('from=2026-05-01')).toMatchObject({ kind: 'invalid', problems: { to: { code: 'dayRequired' } }, typed: { from: '2026-05-01' } })
    expect(parse('from=2026-02-30&to=2026-03-01')).toMatchObject({ kind: 'invalid', problems: { from: { code: 'dayInvalid' } } })
    expect(parse('from=2026-06-30&to=2026-05-01')).toMatchObject({ kind: 'invalid', problems: { to: { code: 'rangeOrder' } } })
    expect(parse('from=0000-01-01&to=0000-01-01')).toMatchObject({ kind: 'invalid', problems: { from: { code: 'dayInvalid' }, to: { code: 'dayInvalid' } } })
    expect(parse('from=2026-01-01&to=9999-12-31')).toMatchObject({ kind: 'invalid', problems: { to: { code: 'dayInvalid' } } })
  })
})
