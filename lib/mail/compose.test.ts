// Every notice kind reads in both languages: its own subject and sentence, the detail it carries,
// the link straight to its page and its unsubscribe link, in the plain text and the HTML alike.
import { describe, expect, test } from 'vitest'
import { MAIL_NOTICES } from '@/lib/domain/mail'
import { composeNotice, composeWeekly, type NoticeItem } from './compose'

const LINK = 'https://nq19.example.vn/units/minh-cam/tasks/nv-01'
const UNSUBSCRIBE = 'https://nq19.example.vn/unsubscribe/abc'

const items: NoticeItem[] = [
  { kind: 'REPORT_RETURNED', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: 'Nguyễn Văn A', text: 'Thiếu biên bản.', link: LINK },
  { kind: 'QUESTION_ANSWERED', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: 'Nguyễn Văn A', text: 'Tính theo năm.', link: LINK },
  { kind: 'DUE_SOON', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: '', text: null, link: LINK, deadline: '10/01/2027', cycle: null },
  { kind: 'OVERDUE', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: '', text: null, link: LINK, deadline: '28/01/2027', cycle: { kind: 'MONTHLY', year: 2027, number: 1 } },
  { kind: 'REPORT_AWAITING_CONFIRMATION', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: 'Lê Thị B', text: 'Đã họp.', link: LINK },
  { kind: 'QUESTION_AWAITING_ANSWER', unitName: 'Xã Minh Cầm', taskTitle: 'Kiện toàn chi bộ', actorName: 'Lê Thị B', text: 'Tính thế nào?', link: LINK },
  { kind: 'UNITS_NOT_REPORTED', unitName: '', taskTitle: '', actorName: '', text: null, link: LINK, deadline: '31/03/2027', cycle: { kind: 'QUARTERLY', year: 2027, number: 1 }, units: ['Xã Minh Cầm', 'Xã Đạp Thanh'] },
  { kind: 'UNITS_LATE', unitName: '', taskTitle: '', actorName: '', text: null, link: LINK, deadline: '28/02/2027', cycle: { kind: 'MONTHLY', year: 2027, number: 2 }, units: ['Xã Minh Cầm'] },
]

describe('the notices in both languages', () => {
  test('each kind of notice the calendar and the events make has an item here', () => {
    expect(items.map((item) => item.kind).sort()).toEqual(MAIL_NOTICES.filter((kind) => kind !== 'WEEKLY_DIGEST').sort())
  })

  for (const locale of ['vi', 'en'])
    test(`in ${locale}: a subject, the page's link and the unsubscribe link, in the text and the HTML, no message key left`, () => {
      const subjects = new Set<string>()
      for (const item of items) {
        const mail = composeNotice({ ...item, locale, recipientName: 'Người nhận', unsubscribeLink: UNSUBSCRIBE })
        subjects.add(mail.subject)
        for (const body of [mail.text, mail.html]) {
          expect(body).toContain(LINK)
          expect(body).toContain(UNSUBSCRIBE)
          expect(body).not.toMatch(/mail\.|notice\.|\{\w+\}/)
        }
        for (const unit of item.units ?? []) expect(mail.text).toContain(`- ${unit}`)
        if (item.text) expect(mail.text).toContain(item.text)
      }
      expect(subjects.size).toBe(items.length)
    })

  test('the weekly digest lists the units in the order given, in English too', () => {
    const mail = composeWeekly({
      locale: 'en',
      recipientName: 'Member',
      day: '11/01/2027',
      hour: 7,
      units: [
        { name: 'Xã A', overdue: 2, dueSoon: 1, progress: 30 },
        { name: 'Xã B', overdue: 0, dueSoon: 0, progress: 80 },
      ],
      link: 'https://nq19.example.vn/members/uv-01',
      unsubscribeLink: UNSUBSCRIBE,
    })
    expect(mail.subject).toBe('Weekly digest of 11/01/2027: the units in your charge')
    expect(mail.text).toContain('1. Xã A: 2 overdue, 1 due soon, progress 30%.\n2. Xã B: 0 overdue, 0 due soon, progress 80%.')
    expect(mail.html).toContain('https://nq19.example.vn/members/uv-01')
  })
})
