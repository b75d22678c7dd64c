// The forms of a review report written in the app (lib/actions/review-drafts.ts): opening a draft,
// saving one section as the clerk types, and the issue fields saved or issued with.
import { z } from 'zod'
import { REVIEW_SECTIONS, type ReviewSection } from '@/lib/reports/review-writing'
import type { CalendarDay } from '@/lib/domain/calendar'
import { parseDay } from './admin'
import { parseReportRange, type ReportRangeInput } from './report-range'

/** A section's text: room for pages of writing, not for a file pasted by mistake. */
export const SECTION_MAX = 30_000
export const NUMBER_MAX = 20
export const SIGNER_MAX = 120
export const RECIPIENT_MAX = 200
export const RECIPIENTS_MAX = 30

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** What a draft is opened for: a reporting period by its code, a range of days, or an issued report to start again from. */
export type DraftSource = { kind: 'period'; code: string } | { kind: 'range'; input: ReportRangeInput } | { kind: 'copy'; reportId: string }

export function readDraftSource(form: FormData): DraftSource | null {
  const copy = z.uuid().safeParse(text(form, 'from-report'))
  if (copy.success) return { kind: 'copy', reportId: copy.data }
  const code = z.string().trim().min(1).max(64).safeParse(text(form, 'period'))
  if (code.success) return { kind: 'period', code: code.data }
  const range = parseReportRange(new URLSearchParams({ from: text(form, 'from'), to: text(form, 'to'), kind: text(form, 'kind') }))
  return range.kind === 'valid' ? { kind: 'range', input: range.input } : null
}

export type SectionSave = { reportId: string; section: ReviewSection; baseVersion: number; text: string }

const sectionSchema = z.object({
  reportId: z.uuid(),
  section: z.enum(REVIEW_SECTIONS),
  baseVersion: z.coerce.number().int().min(0).max(1_000_000),
  // Line ends as typed in any browser, stored as one kind.
  text: z.string().max(SECTION_MAX).transform((v) => v.replace(/\r\n?/g, '\n')),
})

/** A section's save; 'tooLong' when the text is over SECTION_MAX, null when the request names nothing the app knows. */
export function readSectionSave(input: { reportId: unknown; section: unknown; baseVersion: unknown; text: unknown }): SectionSave | 'tooLong' | null {
  if (typeof input.text === 'string' && input.text.length > SECTION_MAX) return 'tooLong'
  const parsed = sectionSchema.safeParse(input)
  return parsed.success ? parsed.data : null
}

export const ISSUE_FIELDS = ['number', 'issuedOn', 'signerOnBehalfOf', 'signerTitle', 'signerName', 'recipients'] as const
export type IssueField = (typeof ISSUE_FIELDS)[number]
export type IssueValues = Record<IssueField, string>

export type IssueProblem = 'required' | 'dayInvalid' | 'tooLong' | 'tooMany'
export type IssueProblems = Partial<Record<IssueField, IssueProblem>>

/** The issue fields as kept on the draft: blanks are null or empty until the report is issued. */
export type IssueFieldsInput = {
  number: string | null
  issuedOn: CalendarDay | null
  signerOnBehalfOf: string
  signerTitle: string
  signerName: string
  recipients: string[]
}

export function issueValues(form: FormData): IssueValues {
  return Object.fromEntries(ISSUE_FIELDS.map((field) => [field, text(form, field)])) as IssueValues
}

/**
 * The issue fields read from what was typed. Saving the draft takes them as far as they are filled;
 * issuing needs a number, a day, a signer's name and a recipient (on behalf of whom and the title
 * may stay empty: a signer may sign in their own name).
 */
export function parseIssueFields(values: IssueValues, toIssue: boolean): { kind: 'valid'; input: IssueFieldsInput } | { kind: 'invalid'; problems: IssueProblems } {
  const problems: IssueProblems = {}
  const number = values.number.trim()
  const issuedOnText = values.issuedOn.trim()
  const issuedOn = issuedOnText === '' ? null : parseDay(issuedOnText)
  const recipients = values.recipients
    .split(/\r\n?|\n/)
    // The dash before and the comma or full stop after each line are the layout's (review-report-text.ts), typed or not.
    .map((line) => line.trim().replace(/^[-–•]\s*/, '').replace(/[\s,;.]+$/, ''))
    .filter((line) => line !== '')
  const line = (field: 'signerOnBehalfOf' | 'signerTitle' | 'signerName') => {
    const value = values[field].trim().replace(/\s+/g, ' ')
    if (value.length > SIGNER_MAX) problems[field] = 'tooLong'
    return value
  }
  const signer = { signerOnBehalfOf: line('signerOnBehalfOf'), signerTitle: line('signerTitle'), signerName: line('signerName') }
  if (number.length > NUMBER_MAX) problems.number = 'tooLong'
  if (issuedOnText !== '' && issuedOn === null) problems.issuedOn = 'dayInvalid'
  if (recipients.length > RECIPIENTS_MAX) problems.recipients = 'tooMany'
  else if (recipients.some((r) => r.length > RECIPIENT_MAX)) problems.recipients = 'tooLong'
  if (toIssue) {
    if (number === '') problems.number = 'required'
    if (issuedOnText === '') problems.issuedOn = 'required'
    if (signer.signerName === '') problems.signerName = 'required'
    if (recipients.length === 0) problems.recipients = 'required'
  }
  if (Object.keys(problems).length > 0) return { kind: 'invalid', problems }
  return { kind: 'valid', input: { number: number === '' ? null : number, issuedOn, ...signer, recipients } }
}
