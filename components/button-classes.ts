// The two button styles, apart from the form pieces so that the error pages (bundled into every
// page) take only these strings.
export const primaryButtonClass =
  'rounded bg-red-800 px-4 py-2.5 font-semibold text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-70'

export const secondaryButtonClass =
  'rounded border border-slate-400 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-70'
