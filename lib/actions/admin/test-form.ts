// For the administration tests: a form as the browser sends it, checkbox lists included.
export function adminForm(fields: Record<string, string | string[] | undefined>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of value === undefined ? [] : [value].flat()) form.append(name, v)
  return form
}
