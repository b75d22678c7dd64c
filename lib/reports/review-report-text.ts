// The words of the review report, shared by the DOCX and PDF builders. The report is a Vietnamese
// Party document that officials edit, sign and file, so its strings are Vietnamese constants here
// rather than interface messages: it reads the same whatever language the reader's screen is in.
import { createTranslator } from 'next-intl'
import { dateColumnDay, formatDay, type CalendarDay } from '@/lib/domain/calendar'
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

export type ReviewReportText = {
  /** The issuing committee, "Huyện ủy Ba Chẽ": the files' author. */
  author: string
  /** Top left: the issuing body, then "*", then the document number left for the clerk. */
  issuer: { line: string; bold: boolean }[]
  /** Top right: the Party's name (bold, underlined), then the place and date (italic). */
  motto: string
  placeAndDate: string
  title: string
  subject: string
  periodLine: string
  body: ReportBlock[]
  recipients: { title: string; lines: string[] }
  signature: { lines: string[]; name: string }
}

const KIND_WORD = { INTERIM: 'Sơ kết', FINAL: 'Tổng kết' } as const
const RESOLUTION = 'Nghị quyết số 19-NQ/TU, ngày 03/3/2015 của Ban Thường vụ Tỉnh ủy (Đề án 25)'

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

/** 12,5 (Vietnamese decimals), from a number or a DECIMAL string such as "12.50". */
export const formatNumber = (value: number | string) => decimal.format(Number(value))
/** Share of a whole as a percentage, "62,5%"; "–" when there is no whole. */
export const formatPercent = (part: number, whole: number) => (whole === 0 ? '–' : `${percent.format((100 * part) / whole)}%`)

/** "ngày 05 tháng 02 năm 2027": days below 10 and the months 1 and 2 take a leading zero. */
export function longDate(day: CalendarDay): string {
  const [year, month, date] = day.split('-').map(Number)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `ngày ${pad(date ?? 0)} tháng ${month !== undefined && month <= 2 ? pad(month) : String(month)} năm ${year}`
}

function resultsSection(data: ReviewReportData): ReportBlock[] {
  const t = data.totals
  const done = t.doneOnTime + t.doneLate
  const asOf = formatDay(data.asOfDay)
  const groupLines = data.groups.map(
    (g): ReportBlock => ({
      kind: 'bullet',
      text: `${g.name}: hoàn thành ${integer.format(g.doneOnTime + g.doneLate)}/${integer.format(g.assigned)} nhiệm vụ được giao; quá hạn ${integer.format(g.overdue)}; tiến độ bình quân ${integer.format(g.progress)}%.`,
    }),
  )
  // Each kind as the article frames it: a sum against the target; "4/8" units that meet a
  // condition; the units' own targets summed, the units that reached theirs named below the table.
  const indicatorRows = data.indicators.map((row, index) => [
    String(index + 1),
    row.title,
    row.unit,
    row.kind === 'CONDITION' ? '–' : formatNumber((row.kind === 'PER_UNIT' ? row.targetSum : row.target) ?? 0),
    row.kind === 'CONDITION' ? `${integer.format(row.met)}/${integer.format(row.assigned)}` : formatNumber(row.actual),
    row.share === null ? '–' : `${percent.format(100 * row.share)}%`,
  ])
  const indicatorLines = data.indicators.flatMap((row): ReportBlock[] => {
    const share = row.share === null ? '' : ` (${percent.format(100 * row.share)}%)`
    if (row.kind === 'CONDITION')
      return [{ kind: 'bullet', text: `${row.title}: đã có ${integer.format(row.met)}/${integer.format(row.assigned)} ${row.unit} thực hiện${share}.` }]
    if (row.kind !== 'PER_UNIT') return []
    const units = data.unitFigures.filter((f) => f.taskId === row.taskId).map((f) => `${f.unitName} ${f.actual === null ? '–' : formatNumber(f.actual)}/${formatNumber(f.target)}`)
    return [
      {
        kind: 'bullet',
        text: `${row.title}: ${integer.format(row.met)}/${integer.format(row.assigned)} đơn vị đạt mục tiêu của đơn vị${share}${units.length > 0 ? `; ${units.join('; ')} ${row.unit}` : ''}.`,
      },
    ]
  })
  const communeRows = data.communes.map((c, index) => [
    String(index + 1),
    c.name,
    c.memberName ?? '–',
    integer.format(c.assigned),
    integer.format(c.doneOnTime + c.doneLate),
    integer.format(c.overdue),
    `${integer.format(c.progress)}%`,
  ])
  return [
    { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' },
    { kind: 'subheading', text: '1. Kết quả chung' },
    {
      kind: 'paragraph',
      text: `Tính đến hết ngày ${asOf}, toàn huyện có ${integer.format(t.assigned)} nhiệm vụ được giao cho các cơ sở, đơn vị; đã hoàn thành ${integer.format(done)} nhiệm vụ (đạt ${formatPercent(done, t.assigned)}), trong đó ${integer.format(t.doneOnTime)} nhiệm vụ hoàn thành đúng thời hạn, ${integer.format(t.doneLate)} nhiệm vụ hoàn thành chậm so với thời hạn.`,
    },
    {
      kind: 'paragraph',
      text: `Đang thực hiện ${integer.format(t.inProgress)} nhiệm vụ; chưa triển khai ${integer.format(t.notStarted)} nhiệm vụ; có ${integer.format(t.blocked)} nhiệm vụ gặp vướng mắc. Số nhiệm vụ quá hạn chưa hoàn thành là ${integer.format(t.overdue)}. Tiến độ bình quân chung đạt ${integer.format(t.progress)}%.`,
    },
    ...(groupLines.length > 0 ? [{ kind: 'paragraph', text: 'Kết quả theo từng nhóm nhiệm vụ trọng tâm:' } as const, ...groupLines] : []),
    { kind: 'subheading', text: '2. Kết quả thực hiện các chỉ tiêu' },
    indicatorRows.length > 0
      ? {
          kind: 'table',
          columns: [
            { title: 'TT', width: 0.07, align: 'center' },
            { title: 'Chỉ tiêu', width: 0.43, align: 'left' },
            { title: 'Đơn vị tính', width: 0.14, align: 'center' },
            { title: 'Mục tiêu', width: 0.12, align: 'right' },
            { title: 'Kết quả', width: 0.12, align: 'right' },
            { title: 'Đạt (%)', width: 0.12, align: 'right' },
          ],
          rows: indicatorRows,
        }
      : { kind: 'paragraph', text: 'Chưa có chỉ tiêu nào được giao.' },
    ...indicatorLines,
    { kind: 'subheading', text: '3. Kết quả thực hiện tại các xã, thị trấn' },
    communeRows.length > 0
      ? {
          kind: 'table',
          columns: [
            { title: 'TT', width: 0.07, align: 'center' },
            { title: 'Xã, thị trấn', width: 0.2, align: 'left' },
            { title: 'Ủy viên BTV phụ trách', width: 0.25, align: 'left' },
            { title: 'Được giao', width: 0.12, align: 'right' },
            { title: 'Hoàn thành', width: 0.12, align: 'right' },
            { title: 'Quá hạn', width: 0.1, align: 'right' },
            { title: 'Tiến độ (%)', width: 0.14, align: 'right' },
          ],
          rows: communeRows,
        }
      : { kind: 'paragraph', text: 'Chưa có xã, thị trấn nào được giao nhiệm vụ.' },
  ]
}

function shortcomingsSection(data: ReviewReportData): ReportBlock[] {
  const late = data.totals.late
  const items = data.late.map((item): ReportBlock => {
    const state = item.status === 'BLOCKED' ? 'đang vướng mắc' : 'quá hạn, chưa hoàn thành'
    const who = item.memberName ? `; đồng chí ${item.memberName} phụ trách` : ''
    // The quoted note closes the sentence: its own final full stop moves outside the quotes.
    const enteredBy = item.note?.onBehalf
      ? ` (${item.note.onBehalf.authorName}, ${assignmentWords('onBehalf', { unit: item.unitName, via: item.note.onBehalf.via })})`
      : ''
    const note = item.note ? ` Ý kiến của cơ sở${enteredBy}: “${item.note.text.replace(/\.+$/, '')}”.` : ''
    return { kind: 'bullet', text: `${item.unitName} – ${item.title} (thời hạn ${formatDay(dateColumnDay(item.dueDate))}${who}): ${state}.${note}` }
  })
  const more = late - data.late.length
  return [
    { kind: 'heading', text: 'II. TỒN TẠI, HẠN CHẾ' },
    late === 0
      ? { kind: 'paragraph', text: `Tính đến hết ngày ${formatDay(data.asOfDay)}, không có nhiệm vụ quá hạn hoặc vướng mắc.` }
      : { kind: 'paragraph', text: `Tính đến hết ngày ${formatDay(data.asOfDay)}, còn ${integer.format(late)} nhiệm vụ quá hạn chưa hoàn thành hoặc đang gặp vướng mắc, cụ thể:` },
    ...items,
    ...(more > 0 ? [{ kind: 'paragraph', text: `Và ${integer.format(more)} nhiệm vụ khác (xem danh sách chi tiết trên hệ thống theo dõi).` } as const] : []),
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
  return {
    author: committee,
    issuer: [...issuerLines(data.organisation), { line: '*', bold: false }, { line: `Số ${writing?.number ?? '      '}-BC/${committeeInitials(home)}`, bold: false }],
    motto: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    placeAndDate: `${home.place}, ${longDate(writing?.issuedOn ?? data.asOfDay)}`,
    title: 'BÁO CÁO',
    subject: `${kindWord} thực hiện ${RESOLUTION}`,
    periodLine: `(${data.period.name ? `${data.period.name}, từ` : 'Từ'} ngày ${formatDay(data.period.startDay)} đến ngày ${formatDay(data.period.endDay)})`,
    body: [
      {
        kind: 'paragraph',
        text: `Thực hiện ${RESOLUTION}, Ban Thường vụ ${committee} đã xác định các nhóm nhiệm vụ trọng tâm, phân công các đồng chí Ủy viên Ban Thường vụ phụ trách từng nhóm nhiệm vụ và từng cơ sở. Căn cứ kết quả các cơ sở, đơn vị cập nhật đến hết ngày ${formatDay(data.asOfDay)}, Ban Thường vụ ${word} báo cáo kết quả ${kindWord.toLowerCase()} như sau:`,
      },
      ...resultsSection(data),
      ...shortcomingsSection(data),
      { kind: 'heading', text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI' },
      writing?.sections.directions
        ? { kind: 'paragraph', text: writing.sections.directions }
        : { kind: 'placeholder', text: `[Văn phòng ${word} bổ sung phương hướng, nhiệm vụ trọng tâm thời gian tới và các đề xuất, kiến nghị.]` },
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
  }
}

/** The page both formats print on: A4, with the margins of Party documents. */
export const A4_MM = { width: 210, height: 297 } as const
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const
