// For the administration tests: a form as the browser sends it, checkbox lists included; and the
// same form read as the forms' actions read it for the cores (adminFormValues).
import { adminFormValues, type AdminValues } from '@/lib/validation/admin'

export function adminForm(fields: Record<string, string | string[] | undefined>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of value === undefined ? [] : [value].flat()) form.append(name, v)
  return form
}

export const adminValues = (fields: Record<string, string | string[] | undefined>): AdminValues => adminFormValues(adminForm(fields))
