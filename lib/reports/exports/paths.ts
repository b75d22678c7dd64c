// Where each view's downloads live: /exports/overview.xlsx, /exports/communes/minh-cam.csv, …
// Pure, so the pages' download links and the route handler agree on one shape.

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The views with a code in their path; the district overview has none. */
export const CODED_VIEWS = ['communes', 'members', 'tasks', 'units'] as const
export type CodedView = (typeof CODED_VIEWS)[number]
/** The district-wide views, with no code: the overview's figures and the whole register of assignments. */
export const DISTRICT_VIEWS = ['overview', 'assignments'] as const
export type DistrictView = (typeof DISTRICT_VIEWS)[number]
export type ExportView = DistrictView | CodedView

/** `search`: the page's filters, carried over as they are. */
export function exportPath(view: ExportView, code: string | null, format: ExportFormat, search = ''): string {
  const path = code === null ? `/exports/${view}.${format}` : `/exports/${view}/${encodeURIComponent(code)}.${format}`
  return search === '' ? path : `${path}?${search}`
}
