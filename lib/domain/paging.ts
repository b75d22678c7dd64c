// The arithmetic of a list shown a page at a time.

/** One page of a list, and how many rows the whole list holds. */
export type Paged<T> = { rows: T[]; total: number }

/** How many pages `total` rows fill; an empty list is still one page. */
export const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize))

/** The rows before `page`, for OFFSET. */
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize

/** A page's address: the list's own parameters kept (those without a value dropped), `page` only past the first. */
export function pagedHref(path: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value)
  if (page > 1) search.set('page', String(page))
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

/**
 * A page read with its list's size in a `total` column (COUNT(*) OVER () beside LIMIT/OFFSET), as
 * Paged (the column taken off the rows, fresh from the driver). Past the last page no row carries
 * the total: 0, and the page answers not found.
 */
export function pagedRows<T extends object>(rows: (T & { total: number })[]): Paged<T> {
  const total = rows[0]?.total ?? 0
  for (const row of rows) Reflect.deleteProperty(row, 'total')
  return { rows, total }
}
