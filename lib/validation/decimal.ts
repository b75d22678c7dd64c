// Numbers as commune staff type them: Vietnamese style "1.234,5" and "12,5", or "12.5".

const VIETNAMESE = /^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ // dots group thousands, the comma marks decimals
const PLAIN = /^\d+(\.\d+)?$/

/**
 * The decimal typed, as a plain string for a DECIMAL column ("1234.5"), or null when the text is
 * not a non-negative number. Spaces are ignored.
 */
export function parseDecimal(text: string): string | null {
  const compact = text.replace(/\s/g, '')
  let plain: string
  if (compact.includes(',')) {
    if (!VIETNAMESE.test(compact)) return null
    plain = compact.replaceAll('.', '').replace(',', '.')
  } else if (PLAIN.test(compact)) {
    plain = compact
  } else if (VIETNAMESE.test(compact)) {
    plain = compact.replaceAll('.', '') // "1.234.567": thousands only
  } else {
    return null
  }
  const [whole = '0', fraction] = plain.split('.')
  const trimmed = whole.replace(/^0+(?=\d)/, '')
  return fraction ? `${trimmed}.${fraction}` : trimmed
}

/** Digits after the decimal point. */
export function decimalPlaces(plain: string): number {
  return plain.split('.')[1]?.length ?? 0
}
