// Indicator figures as a form shows them for editing, in the reader's language.

/** A stored DECIMAL ("12.50") as typed in this language ("12,5"), without thousands separators. */
export function decimalForInput(value: string | null, locale: string): string {
  if (value === null) return ''
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(Number(value))
}
