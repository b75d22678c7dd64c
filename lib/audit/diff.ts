// An audit event's before and after as a reader compares them: for two JSON objects, one row per
// key whose value changed; for anything else, one row for the whole value. Pure, so the audit page
// only lays the rows out.

/** How one side of a row reads: the key is missing on that side, JSON null, or a value as text. */
export type AuditValue =
  | { kind: 'absent' }
  | { kind: 'null' }
  /** `preview`: the start of a long text, shown with the whole text behind a disclosure; null when short. */
  | { kind: 'text'; text: string; preview: string | null }

/** `field` is null when the whole value is compared (it is not an object). */
export type AuditDiffRow = { field: string | null; before: AuditValue; after: AuditValue }

/** Values longer than this (in characters) are previewed; the full text stays one click away. */
export const PREVIEW_LENGTH = 80

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/** Strings as they are; numbers and booleans as written; nested objects and arrays as compact JSON. */
export function auditValue(value: unknown, present = true): AuditValue {
  if (!present || value === undefined) return { kind: 'absent' }
  if (value === null) return { kind: 'null' }
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const characters = Array.from(text)
  return { kind: 'text', text, preview: characters.length > PREVIEW_LENGTH ? `${characters.slice(0, PREVIEW_LENGTH).join('')}…` : null }
}

/**
 * The changed keys, in the order the before side lists them, then the keys only the after side
 * has. A side that is missing (SQL NULL) counts as an object with no keys when the other side is
 * an object, so a creation lists every field it set.
 */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  const missing = (value: unknown) => value === null || value === undefined
  if (missing(before) && missing(after)) return []
  if ((isObject(before) || missing(before)) && (isObject(after) || missing(after))) {
    const from: JsonObject = isObject(before) ? before : {}
    const to: JsonObject = isObject(after) ? after : {}
    const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])]
    return fields
      .filter((field) => !(Object.hasOwn(from, field) && Object.hasOwn(to, field) && canonical(from[field]) === canonical(to[field])))
      .map((field) => ({ field, before: auditValue(from[field], Object.hasOwn(from, field)), after: auditValue(to[field], Object.hasOwn(to, field)) }))
  }
  if (canonical(before) === canonical(after)) return []
  return [{ field: null, before: auditValue(before, !missing(before)), after: auditValue(after, !missing(after)) }]
}
