// Hostile input for the property-based tests ("Bad input"): what a broken client, a
// script or an attacker may send instead of what our forms send. Text of every kind (control
// characters, lone surrogates, SQL and HTML, huge), numbers and days out of range, ids that name
// nothing, files that are not what they claim, and forms with fields missing, repeated, of the
// wrong type or added.
import fc from 'fast-check'

/** Inputs each action and route handler gets: the issue asks for at least a thousand. */
export const FUZZ_RUNS = 1000

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  `'; DROP TABLE "User"; --`,
  `" OR ""="`,
  "1; SELECT pg_sleep(5)",
  "') UNION SELECT \"passwordHash\" FROM \"User\" --",
  "%' --",
  '$1',
  '\\',
  "E'\\x00'",
  'NULL',
  "00000000-0000-0000-0000-000000000000'::uuid; --",
] as const

export const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</textarea><script>alert(1)</script>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '{{7*7}}${7*7}',
  '&lt;b&gt;&amp;',
  '<!--',
  ']]><x/>',
  '=HYPERLINK("http://example.invalid","x")',
] as const

const fromCodes = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c))

/** C0 and C1 controls, DEL, NUL, zero-width and bidirectional overrides, BOM, line separators. */
export const controlText = fc
  .array(fc.oneof(fromCodes(0x00, 0x1f), fromCodes(0x7f, 0x9f), fc.constantFrom('\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\u2028', '\u2029', '\r\n')), {
    minLength: 1,
    maxLength: 20,
  })
  .map((chars) => chars.join(''))

/** Invalid UTF-16: surrogates without their pair (a FormData turns them into U+FFFD, as a browser's bytes would be). */
export const loneSurrogates = fc
  .array(fc.oneof(fromCodes(0xd800, 0xdbff), fromCodes(0xdc00, 0xdfff), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))

/** Far past every limit of the forms (their longest is 4,000 characters). */
export const hugeText = fc
  .tuple(fc.integer({ min: 4_200, max: 120_000 }), fc.constantFrom('x', '<', "'", 'Đ', '\u0000', ' x', '😀'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)))

/** Numbers as text: negative, enormous, not finite, in other notations and scripts. */
export const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom('-1', '-0', '101', '1e3', '1e309', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '١٢', '１２', '12.345', '1,2,3', '9'.repeat(40), '2147483648', ' 5 5'),
)

/** Days that are not days, or far out of the district's range. */
export const dayText = fc.oneof(
  fc.constantFrom(
    '0000-00-00',
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '2026-13-01',
    '31/02/2026',
    '32/01/2026',
    '1999-12-31',
    '2101-01-01',
    '-000001-01-01',
    '+275760-09-13',
    '2026/01/01',
    '1970-01-01T00:00:00Z',
  ),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
)

/** What may sit where an id belongs: well-formed ids of nothing, and ill-formed ones. */
export const idText = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => u.replaceAll('-', '')),
  fc.uuid().map((u) => `${u}' OR '1'='1`),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'undefined', 'null', '[object Object]', '1'),
)

/** Any text a request may carry in a field, a path segment or a query parameter. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS), weight: 3 },
  { arbitrary: controlText, weight: 2 },
  { arbitrary: loneSurrogates, weight: 2 },
  { arbitrary: numberText, weight: 2 },
  { arbitrary: dayText, weight: 1 },
  { arbitrary: idText, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\t\n', '\u00a0'), weight: 1 },
  { arbitrary: hugeText, weight: 1 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS), controlText, loneSurrogates), { minLength: 2, maxLength: 5 })
      .map((parts) => parts.join('')),
    weight: 2,
  },
)

/** Text of at most `max` characters that is not blank (for fields where such text is allowed). */
export const nonBlankText = (max: number) =>
  hostileText.map((t) => (t.trim() ? t.slice(0, max) : `${t}x`.slice(-max))).filter((t) => t.trim().length > 0 && t.trim().length <= max && t.length <= max)

/** Text longer than `min` characters once trimmed. */
export const tooLongText = (min: number) => fc.tuple(hostileText, fc.integer({ min: min + 1, max: min * 3 + 10 })).map(([t, n]) => `${'ĐX<'.repeat(Math.ceil(n / 3))}${t}`)

/** A file as an attacker names and fills it: whatever bytes, whatever claimed type. */
export const hostileFile: fc.Arbitrary<File> = fc
  .record({
    name: fc.oneof(hostileText.map((t) => t.slice(0, 300)), fc.constantFrom('<img src=x onerror=alert(1)>.pdf', '../../etc/passwd', 'a\r\nSet-Cookie: x=1.pdf', '"; filename=x.exe', 'C:\\Windows\\x.pdf')),
    content: fc.oneof(
      fc.uint8Array({ maxLength: 256 }),
      fc.constantFrom(...HTML_FRAGMENTS).map((t) => new TextEncoder().encode(t)),
      fc.constant(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')),
    ),
    type: fc.constantFrom('', 'application/pdf', 'text/html', 'image/png', 'application/x-msdownload', 'text/html; charset=utf-7'),
  })
  .map(({ name, content, type }) => new File([content], name, { type }))

export type FieldValue = string | File | (string | File)[] | undefined

/** A field's value of the wrong kind: a file, a list where one value belongs, or a value of any text. */
export const wrongTypeValue: fc.Arbitrary<FieldValue> = fc.oneof(
  hostileFile,
  fc.array(fc.oneof(hostileText, hostileFile), { minLength: 2, maxLength: 4 }),
  hostileText,
)

/** Names of fields a form does not have (including the names frameworks and prototypes treat specially). */
export const extraFieldName = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$ACTION_ID_0', '$ACTION_REF_1', '$ACTION_1:0', 'role', 'actorId', 'authorId', 'createdAt', 'version', 'reviewState', 'active', 'id', 'passwordHash'),
)

/** Fields nobody asked for, added to a form. */
export const extraFields = fc.dictionary(extraFieldName, wrongTypeValue, { maxKeys: 3 })

/**
 * Text as it reaches the server through a form or a URL: decoding makes it well-formed (a lone
 * surrogate becomes U+FFFD). Prisma refuses lone surrogates in any query parameter, so text that
 * reaches it by another way must be made well-formed first.
 */
export function asSent(text: string): string {
  return toFormData({ text }).get('text') as string
}

export function toFormData(fields: Record<string, FieldValue>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of value === undefined ? [] : [value].flat()) form.append(name, v)
  return form
}

/** A field of a form: values the form accepts, and values that make the form be refused whatever the rest. */
export type FieldSpec = { good: fc.Arbitrary<FieldValue>; bad: fc.Arbitrary<FieldValue> }

/**
 * A form with at least one field broken (so it must be refused) and the others as the form would
 * accept them (hostile text where text is allowed), plus fields nobody asked for.
 */
export function brokenForm(spec: Record<string, FieldSpec>): fc.Arbitrary<{ fields: Record<string, FieldValue>; broken: string[] }> {
  const names = Object.keys(spec)
  return fc
    .tuple(
      fc.subarray(names, { minLength: 1 }),
      fc.record(Object.fromEntries(names.map((n) => [n, fc.tuple(spec[n]!.good, spec[n]!.bad)])) as Record<string, fc.Arbitrary<[FieldValue, FieldValue]>>),
      extraFields,
    )
    .map(([broken, values, extra]) => {
      const fields: Record<string, FieldValue> = { ...extra }
      for (const name of names) fields[name] = values[name]![broken.includes(name) ? 1 : 0]
      return { fields, broken }
    })
}

/** A form of any fields at all, named as the real ones or not, of any values. */
export function garbageForm(names: readonly string[]): fc.Arbitrary<{ fields: Record<string, FieldValue>; broken: string[] }> {
  return fc
    .dictionary(fc.oneof(fc.constantFrom(...names), extraFieldName), fc.oneof(hostileText, wrongTypeValue, fc.constant(undefined)), { maxKeys: names.length + 2 })
    .map((fields) => ({ fields, broken: ['*'] }))
}

/**
 * A form for one action: mostly broken real forms, some pure garbage (which a form with few
 * required fields may happen to accept: leave it out, `garbage: false`, where the actor may write).
 */
export function hostileForm(spec: Record<string, FieldSpec>, { garbage = true } = {}): fc.Arbitrary<{ form: FormData; broken: string[] }> {
  const forms = garbage ? fc.oneof({ arbitrary: brokenForm(spec), weight: 4 }, { arbitrary: garbageForm(Object.keys(spec)), weight: 1 }) : brokenForm(spec)
  return forms.map(({ fields, broken }) => shownAs({ form: toFormData(fields), broken }))
}

/** A value that fast-check's counterexamples show in short (huge strings cut, files by name and size). */
export function shownAs<T extends object>(value: T): T {
  return Object.assign(value, { [fc.toStringMethod]: () => describe(value) })
}


/** Search parameters of a request: the real names with hostile values, repeated, and names nobody reads. */
export function hostileSearch(names: readonly string[]): fc.Arbitrary<URLSearchParams> {
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names), extraFieldName), hostileText), { maxLength: 5 })
    .map((pairs) => {
      const search = new URLSearchParams()
      for (const [name, value] of pairs) search.append(name, value)
      return search
    })
}

/** An input as a failure message shows it (forms by their entries, files by name and size, long text cut). */
export function describe(input: unknown): string {
  const seen = (value: unknown): unknown => {
    if (value instanceof FormData) return [...value.entries()].map(([k, v]) => [k, seen(v)])
    if (value instanceof File) return `File(${JSON.stringify(value.name)}, ${value.size} B, ${value.type})`
    if (value instanceof URLSearchParams) return value.toString()
    if (Array.isArray(value)) return value.map(seen)
    if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 200)}…(${value.length})`
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, seen(v)]))
    return value
  }
  return JSON.stringify(seen(input)) ?? String(input)
}
