/**
 * A text field of a submitted form: '' when absent or a file, capped so that an answer never
 * echoes megabytes, and without NUL characters, which PostgreSQL text cannot hold.
 */
export function formText(form: FormData, name: string, maxLength: number): string {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, maxLength).replaceAll('\u0000', '') : ''
}
