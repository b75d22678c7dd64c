// What the Party Office writes into a review report, beside the figures the app fills in: the text
// of each section, and the number, day, signer and recipients a report is issued with. A download
// of a period has none of it (null), and prints a bracket for the clerk where each would stand.
import type { CalendarDay } from '@/lib/domain/calendar'

/** The written sections, in the order of an interim or final review. */
export const REVIEW_SECTIONS = ['leadership', 'results', 'goodPractices', 'shortcomings', 'lessons', 'directions'] as const
export type ReviewSection = (typeof REVIEW_SECTIONS)[number]

export type ReviewSigner = {
  /** "T/M BAN THƯỜNG VỤ", or empty when the signer signs in their own name. */
  onBehalfOf: string
  /** "BÍ THƯ", "PHÓ BÍ THƯ". */
  title: string
  name: string
}

export type ReviewWriting = {
  /** Each section's text as written; an empty string is a section not written yet. */
  sections: Record<ReviewSection, string>
  /** The number before "-BC/HU"; null until the office gives one. */
  number: string | null
  /** The day the report is signed, printed in the place-date line. */
  issuedOn: CalendarDay | null
  signer: ReviewSigner | null
  /** "Ban Thường vụ Tỉnh ủy (b/c)": one line each, printed after a dash. */
  recipients: string[]
}
