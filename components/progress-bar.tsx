/** The bar is decoration; the percentage beside it is what is read. */
export function ProgressBar({ value }: { value: number }) {
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden className="h-2 w-28 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full rounded-full bg-slate-700" style={{ width: `${value}%` }} />
      </span>
      <span className="tabular-nums">{value}%</span>
    </span>
  )
}
