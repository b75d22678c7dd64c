// The words of the review report, shared by the DOCX and PDF builders. The report is a Vietnamese
// Party document that officials edit, sign and file, so its strings are Vietnamese constants here
// rather than interface messages: it reads the same whatever language the reader's screen is in.
import { createTranslator } from 'next-intl'
import { dateColumnDay, type CalendarDay } from '@/lib/domain/calendar'
import { committeeInitials, committeeName, committeeWord, partyOrganisation, type PlaceName } from '@/lib/domain/organisation'
import type { Organisation } from '@/lib/queries/organisation'
import { vi } from '@/messages'
import type { ReviewReportData } from './review-report'
import type { ReviewWriting } from './review-writing'

/** The app's one wording of a report entered on a unit's behalf ("nhập thay cho …, theo …"), in Vietnamese like the rest. */
const assignmentWords = createTranslator({ locale: 'vi', messages: vi, namespace: 'assignment' })

export type TableColumn = { title: string; /** share of the text width */ width: number; align: 'left' | 'center' | 'right' }

/** The body between the title and the signature, in reading order. */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }

/** An annex ("Phụ lục"), printed after the signature from a page of its own. */
export type ReportAnnex = { label: string; title: string; reference: string; table: { columns: TableColumn[]; rows: string[][] }; empty: string }

export type ReviewReportText = {
  /** The issuing committee, "Huyện ủy Ba Chẽ": the files' author. */
  author: string
  /** Top left: the issuing body, then "*", then the document number left for the clerk. */
  issuer: { line: string; bold: boolean }[]
  /** Top right: the Party's name (bold, with a rule below), then the place and date (italic). */
  motto: string
  placeAndDate: string
  title: string
  subject: string
  periodLine: string
  body: ReportBlock[]
  recipients: { title: string; lines: string[] }
  signature: { lines: string[]; name: string }
  annexes: ReportAnnex[]
}

const KIND_WORD = { INTERIM: 'Sơ kết', FINAL: 'Tổng kết' } as const

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

/** 12,5 (Vietnamese decimals), from a number or a DECIMAL string such as "12.50". */
export const formatNumber = (value: number | string) => decimal.format(Number(value))
/** Share of a whole as a percentage, "62,5%"; "–" when there is no whole. */
export const formatPercent = (part: number, whole: number) => (whole === 0 ? '–' : `${percent.format((100 * part) / whole)}%`)

/** The day, month and year of a day as Party documents write them: days below 10 and the months 1 and 2 take a leading zero. */
function dateParts(day: CalendarDay): { date: string; month: string; year: string } {
  const [year, month, date] = day.split('-').map(Number)
  const pad = (n: number) => String(n).padStart(2, '0')
  return { date: pad(date ?? 0), month: month !== undefined && month <= 2 ? pad(month) : String(month), year: String(year) }
}

/** "ngày 05 tháng 02 năm 2027", the date line's words. */
export function longDate(day: CalendarDay): string {
  const { date, month, year } = dateParts(day)
  return `ngày ${date} tháng ${month} năm ${year}`
}

/** "30/6/2026", "05/02/2027": the same rule in figures, as the report cites "ngày 03/3/2015". */
export function shortDate(day: CalendarDay): string {
  const { date, month, year } = dateParts(day)
  return `${date}/${month}/${year}`
}

/** The resolution as the province's article names it: the Provincial Committee's, not its Standing Committee's. */
const RESOLUTION = `Nghị quyết số 19-NQ/TU, ngày ${shortDate('2015-03-03')} của Tỉnh ủy (Đề án 25)`

/** A section as written: one paragraph per line of the text, blank lines dropped. */
function written(text: string | undefined): ReportBlock[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line }))
}

/** The written section, else the clerk's bracket. */
function writtenOr(text: string | undefined, placeholder: string): ReportBlock[] {
  const blocks = written(text)
  return blocks.length > 0 ? blocks : [{ kind: 'placeholder', text: placeholder }]
}

const INDICATOR_COLUMNS: TableColumn[] = [
  { title: 'TT', width: 0.07, align: 'center' },
  { title: 'Chỉ tiêu', width: 0.43, align: 'left' },
  { title: 'Đơn vị tính', width: 0.14, align: 'center' },
  { title: 'Mục tiêu', width: 0.12, align: 'right' },
  { title: 'Kết quả', width: 0.12, align: 'right' },
  { title: 'Đạt (%)', width: 0.12, align: 'right' },
]

/** Each kind as the article frames it: a sum against the target; "4/8" units that meet a condition; the units' own targets summed. */
function indicatorRow(row: ReviewReportData['indicators'][number], index: string): string[] {
  return [
    index,
    row.title,
    row.unit,
    row.kind === 'CONDITION' ? '–' : formatNumber((row.kind === 'PER_UNIT' ? row.targetSum : row.target) ?? 0),
    row.kind === 'CONDITION' ? `${integer.format(row.met)}/${integer.format(row.assigned)}` : formatNumber(row.actual),
    row.share === null ? '–' : `${percent.format(100 * row.share)}%`,
  ]
}

function leadershipSection(data: ReviewReportData, writing: ReviewWriting | null, word: string): ReportBlock[] {
  const heading: ReportBlock = { kind: 'heading', text: 'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO' }
  const own = written(writing?.sections.leadership)
  if (own.length > 0) return [heading, ...own]
  // What the tree says of the division of work: who leads each group of tasks, who is in charge of each commune.
  const leadOf = new Map(data.tasks.map((task) => [task.group.id, task.lead?.name]))
  const leads = data.groups.flatMap((g) => {
    const lead = leadOf.get(g.groupId)
    return lead ? [`đồng chí ${lead} phụ trách nhóm nhiệm vụ “${g.name}”`] : []
  })
  const byMember = new Map<string, string[]>()
  for (const c of data.communes) if (c.memberName) byMember.set(c.memberName, [...(byMember.get(c.memberName) ?? []), c.name])
  const communes = [...byMember].map(([member, names]) => `đồng chí ${member} phụ trách ${names.join(', ')}`)
  const division = [
    `Ban Thường vụ ${word} xác định ${integer.format(data.groups.length)} nhóm nhiệm vụ trọng tâm, phân công các đồng chí Ủy viên Ban Thường vụ phụ trách từng nhóm nhiệm vụ và từng cơ sở`,
    leads.length > 0 ? `; trong đó ${leads.join('; ')}` : '',
    communes.length > 0 ? `. Phụ trách các xã, thị trấn: ${communes.join('; ')}` : '',
    '.',
  ].join('')
  return [
    heading,
    // With nothing assigned yet there is no division of work to tell.
    ...(data.groups.length > 0 ? [{ kind: 'paragraph', text: division } as const] : []),
    { kind: 'placeholder', text: `[Văn phòng ${word} bổ sung việc quán triệt, tuyên truyền Nghị quyết; thành lập Ban Chỉ đạo; các văn bản lãnh đạo, chỉ đạo đã ban hành.]` },
  ]
}

function resultsSection(data: ReviewReportData, writing: ReviewWriting | null, word: string): ReportBlock[] {
  const t = data.totals
  const done = t.doneOnTime + t.doneLate
  const asOf = shortDate(data.asOfDay)
  const groupLines = data.groups.map(
    (g): ReportBlock => ({
      kind: 'bullet',
      text: `${g.name}: hoàn thành ${integer.format(g.doneOnTime + g.doneLate)}/${integer.format(g.assigned)} nhiệm vụ được giao; quá hạn ${integer.format(g.overdue)}; tiến độ bình quân ${integer.format(g.progress)}%.`,
    }),
  )
  const indicatorLines = data.indicators.flatMap((row): ReportBlock[] => {
    const share = row.share === null ? '' : ` (${percent.format(100 * row.share)}%)`
    if (row.kind === 'CONDITION')
      return [{ kind: 'bullet', text: `${row.title}: đã có ${integer.format(row.met)}/${integer.format(row.assigned)} ${row.unit} thực hiện${share}.` }]
    if (row.kind !== 'PER_UNIT') return []
    return [{ kind: 'bullet', text: `${row.title}: ${integer.format(row.met)}/${integer.format(row.assigned)} đơn vị đạt mục tiêu của đơn vị${share} (chi tiết tại Phụ lục 3).` }]
  })
  const communesDone = data.communes.filter((c) => c.assigned > 0 && c.doneOnTime + c.doneLate === c.assigned).length
  const communesOverdue = data.communes.filter((c) => c.overdue > 0).length
  return [
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
    { kind: 'subheading', text: '1. Kết quả chung' },
    {
      kind: 'paragraph',
      text: `Tính đến hết ngày ${asOf}, toàn huyện có ${integer.format(t.assigned)} nhiệm vụ được giao cho các cơ sở, đơn vị; đã hoàn thành ${integer.format(done)} nhiệm vụ (đạt ${formatPercent(done, t.assigned)}), trong đó ${integer.format(t.doneOnTime)} nhiệm vụ hoàn thành đúng thời hạn, ${integer.format(t.doneLate)} nhiệm vụ hoàn thành chậm so với thời hạn.`,
    },
    {
      kind: 'paragraph',
      text: `Đang thực hiện ${integer.format(t.inProgress)} nhiệm vụ; chưa triển khai ${integer.format(t.notStarted)} nhiệm vụ; có ${integer.format(t.blocked)} nhiệm vụ gặp vướng mắc. Số nhiệm vụ quá hạn chưa hoàn thành là ${integer.format(t.overdue)}. Tiến độ bình quân chung đạt ${integer.format(t.progress)}%.`,
    },
    ...(groupLines.length > 0 ? [{ kind: 'paragraph', text: 'Kết quả theo từng nhóm nhiệm vụ trọng tâm (chi tiết từng nhiệm vụ tại Phụ lục 2):' } as const, ...groupLines] : []),
    { kind: 'subheading', text: '2. Kết quả thực hiện các chỉ tiêu' },
    data.indicators.length > 0
      ? { kind: 'table', columns: INDICATOR_COLUMNS, rows: data.indicators.map((row, index) => indicatorRow(row, String(index + 1))) }
      : { kind: 'paragraph', text: 'Chưa có chỉ tiêu nào được giao.' },
    ...indicatorLines,
    { kind: 'subheading', text: '3. Kết quả thực hiện tại các xã, thị trấn' },
    data.communes.length > 0
      ? {
          kind: 'paragraph',
          text: `Có ${integer.format(communesDone)}/${integer.format(data.communes.length)} xã, thị trấn hoàn thành toàn bộ nhiệm vụ được giao; ${integer.format(communesOverdue)} xã, thị trấn còn nhiệm vụ quá hạn (chi tiết tại Phụ lục 1).`,
        }
      : { kind: 'paragraph', text: 'Chưa có xã, thị trấn nào được giao nhiệm vụ.' },
    { kind: 'subheading', text: '4. Đánh giá chung' },
    ...writtenOr(writing?.sections.results, `[Văn phòng ${word} bổ sung nhận xét, đánh giá kết quả đạt được.]`),
    { kind: 'subheading', text: '5. Mô hình mới, cách làm hay' },
    ...writtenOr(writing?.sections.goodPractices, `[Văn phòng ${word} bổ sung các mô hình mới, cách làm hay trong quá trình thực hiện.]`),
  ]
}

function shortcomingsSection(data: ReviewReportData, writing: ReviewWriting | null, word: string): ReportBlock[] {
  const late = data.totals.late
  const items = data.late.map((item): ReportBlock => {
    const state = item.status === 'BLOCKED' ? 'đang vướng mắc' : 'quá hạn, chưa hoàn thành'
    const who = item.memberName ? `; đồng chí ${item.memberName} phụ trách` : ''
    // The quoted note closes the sentence: its own final full stop moves outside the quotes.
    const enteredBy = item.note?.onBehalf
      ? ` (${item.note.onBehalf.authorName}, ${assignmentWords('onBehalf', { unit: item.unitName, via: item.note.onBehalf.via })})`
      : ''
    const note = item.note ? ` Ý kiến của cơ sở${enteredBy}: “${item.note.text.replace(/\.+$/, '')}”.` : ''
    return { kind: 'bullet', text: `${item.unitName} – ${item.title} (thời hạn ${shortDate(dateColumnDay(item.dueDate))}${who}): ${state}.${note}` }
  })
  const more = late - data.late.length
  return [
    { kind: 'heading', text: 'III. HẠN CHẾ, NGUYÊN NHÂN' },
    { kind: 'subheading', text: '1. Hạn chế' },
    late === 0
      ? { kind: 'paragraph', text: `Tính đến hết ngày ${shortDate(data.asOfDay)}, không có nhiệm vụ quá hạn hoặc vướng mắc.` }
      : { kind: 'paragraph', text: `Tính đến hết ngày ${shortDate(data.asOfDay)}, còn ${integer.format(late)} nhiệm vụ quá hạn chưa hoàn thành hoặc đang gặp vướng mắc, cụ thể:` },
    ...items,
    ...(more > 0 ? [{ kind: 'paragraph', text: `Và ${integer.format(more)} nhiệm vụ khác (xem danh sách chi tiết trên hệ thống theo dõi).` } as const] : []),
    { kind: 'subheading', text: '2. Nguyên nhân' },
    ...writtenOr(writing?.sections.shortcomings, `[Văn phòng ${word} bổ sung nguyên nhân khách quan, chủ quan của những hạn chế.]`),
  ]
}

/** The annexes: every commune, every task, every indicator with the units' own figures. */
function annexes(data: ReviewReportData, reference: string): ReportAnnex[] {
  const communeRows = data.communes.map((c, index) => [
    String(index + 1),
    c.name,
    c.memberName ?? '–',
    integer.format(c.assigned),
    integer.format(c.doneOnTime + c.doneLate),
    integer.format(c.overdue),
    integer.format(c.blocked),
    `${integer.format(c.progress)}%`,
  ])
  const taskRows = data.tasks.map((task, index) => [
    String(index + 1),
    task.title,
    shortDate(dateColumnDay(task.dueDate)),
    integer.format(task.assigned),
    integer.format(task.doneOnTime + task.doneLate),
    integer.format(task.overdue),
    `${integer.format(task.progress)}%`,
  ])
  const indicatorRows = data.indicators.flatMap((row, index) => [
    indicatorRow(row, String(index + 1)),
    ...data.unitFigures
      .filter((f) => f.taskId === row.taskId)
      .map((f) => ['', `- ${f.unitName}`, row.unit, formatNumber(f.target), f.actual === null ? '–' : formatNumber(f.actual), f.met ? 'Đạt' : 'Chưa đạt']),
  ])
  const count: TableColumn = { title: '', width: 0.102, align: 'right' }
  return [
    {
      label: 'Phụ lục 1',
      title: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI CÁC XÃ, THỊ TRẤN',
      reference,
      table: {
        columns: [
          { title: 'TT', width: 0.06, align: 'center' },
          { title: 'Xã, thị trấn', width: 0.197, align: 'left' },
          { title: 'Ủy viên BTV phụ trách', width: 0.25, align: 'left' },
          { ...count, title: 'Được giao' },
          { ...count, title: 'Hoàn thành' },
          { ...count, title: 'Quá hạn' },
          { ...count, title: 'Vướng mắc' },
          { ...count, title: 'Tiến độ', width: 0.085 },
        ],
        rows: communeRows,
      },
      empty: 'Chưa có xã, thị trấn nào được giao nhiệm vụ.',
    },
    {
      label: 'Phụ lục 2',
      title: 'KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ',
      reference,
      table: {
        columns: [
          { title: 'TT', width: 0.06, align: 'center' },
          { title: 'Nhiệm vụ', width: 0.43, align: 'left' },
          { title: 'Thời hạn', width: 0.14, align: 'center' },
          { title: 'Được giao', width: 0.09, align: 'right' },
          { title: 'Hoàn thành', width: 0.09, align: 'right' },
          { title: 'Quá hạn', width: 0.09, align: 'right' },
          { title: 'Tiến độ', width: 0.1, align: 'right' },
        ],
        rows: taskRows,
      },
      empty: 'Chưa có nhiệm vụ nào được giao.',
    },
    {
      label: 'Phụ lục 3',
      title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      reference,
      table: { columns: INDICATOR_COLUMNS, rows: indicatorRows },
      empty: 'Chưa có chỉ tiêu nào được giao.',
    },
  ]
}

/** Stands for the home unit when the tree names none: the clerk writes the committee in. */
const UNNAMED: PlaceName = { name: '[Tên cấp ủy]', level: null, place: '[Địa danh]' }

/**
 * The letterhead's issuing body from the tree, with the names in force on the report's day: the
 * Party organisation above (the province's) over the committee ("ĐẢNG BỘ TỈNH QUẢNG NINH / HUYỆN
 * ỦY BA CHẼ"); a committee with nothing above it under its own organisation ("ĐẢNG BỘ TỈNH QUẢNG
 * NINH / TỈNH ỦY").
 */
function issuerLines(organisation: Organisation | null): ReviewReportText['issuer'] {
  const home = organisation?.home ?? UNNAMED
  const parent = organisation?.above[0]
  const upper = (text: string) => text.toLocaleUpperCase('vi')
  return parent
    ? [
        { line: partyOrganisation(parent), bold: false },
        { line: upper(committeeName(home)), bold: true },
      ]
    : [
        { line: partyOrganisation(home), bold: false },
        { line: upper(committeeWord(home)), bold: true },
      ]
}

export function reviewReportText(data: ReviewReportData, writing: ReviewWriting | null = null): ReviewReportText {
  const kindWord = KIND_WORD[data.period.kind]
  const home = data.organisation?.home ?? UNNAMED
  const parent = data.organisation?.above[0]
  // "Huyện ủy Ba Chẽ", then "Huyện ủy" in the sentences that name it again.
  const committee = committeeName(home)
  const word = committeeWord(home)
  const number = `${writing?.number ?? '      '}-BC/${committeeInitials(home)}`
  const signedOn = writing?.issuedOn ?? data.asOfDay
  return {
    author: committee,
    issuer: [...issuerLines(data.organisation), { line: '*', bold: false }, { line: `Số ${number}`, bold: false }],
    motto: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    placeAndDate: `${home.place}, ${longDate(signedOn)}`,
    title: 'BÁO CÁO',
    subject: `${kindWord} thực hiện ${RESOLUTION}`,
    periodLine: `(${data.period.name ? `${data.period.name}, từ` : 'Từ'} ngày ${shortDate(data.period.startDay)} đến ngày ${shortDate(data.period.endDay)})`,
    body: [
      {
        kind: 'paragraph',
        text: `Thực hiện ${RESOLUTION}, căn cứ kết quả các cơ sở, đơn vị cập nhật đến hết ngày ${shortDate(data.asOfDay)}, Ban Thường vụ ${committee} báo cáo kết quả ${kindWord.toLowerCase()} như sau:`,
      },
      ...leadershipSection(data, writing, word),
      ...resultsSection(data, writing, word),
      ...shortcomingsSection(data, writing, word),
      { kind: 'heading', text: 'IV. BÀI HỌC KINH NGHIỆM' },
      ...writtenOr(writing?.sections.lessons, `[Văn phòng ${word} bổ sung những bài học kinh nghiệm rút ra.]`),
      { kind: 'heading', text: 'V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI' },
      ...writtenOr(writing?.sections.directions, `[Văn phòng ${word} bổ sung phương hướng, nhiệm vụ trọng tâm thời gian tới và các đề xuất, kiến nghị.]`),
    ],
    recipients: {
      title: 'Nơi nhận:',
      lines:
        writing && writing.recipients.length > 0
          ? writing.recipients.map((entry, index) => `- ${entry}${index === writing.recipients.length - 1 ? '.' : ','}`)
          : [...(parent ? [`- Ban Thường vụ ${committeeWord(parent)} (b/c),`] : []), `- Các đồng chí ${word} viên,`, `- Lưu Văn phòng ${word}.`],
    },
    signature: writing?.signer
      ? { lines: [writing.signer.onBehalfOf, writing.signer.title].filter((entry) => entry !== ''), name: writing.signer.name }
      : { lines: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], name: '[Họ và tên]' },
    // A no-break space keeps "ngày" with its date when the line wraps.
    annexes: annexes(data, `(Kèm theo Báo cáo số ${number}, ngày\u00a0${shortDate(signedOn)} của Ban Thường vụ ${committee})`),
  }
}
