// Horizontal bars drawn on the server: a table whose rows carry the label, the bar and the number,
// so the numbers are text (read aloud, copied, printed) and the bar is decoration.
import Link from '@/components/link'
import type { ReactNode } from 'react'

export type Bar = { key: string; label: ReactNode; value: number; display: string; href?: string }

export function BarChart({ title, bars, max, valueHeading, labelHeading }: { title: string; bars: Bar[]; max: number; valueHeading: string; labelHeading: string }) {
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left font-semibold">{title}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeading}</th>
          <td />
          <th scope="col">{valueHeading}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key} className="align-middle">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {bar.href ? (
                <Link href={bar.href} className="text-blue-800 underline-offset-2 hover:underline">
                  {bar.label}
                </Link>
              ) : (
                bar.label
              )}
            </th>
            <td className="w-1/3 py-1 sm:w-1/2" aria-hidden>
              <svg viewBox="0 0 100 8" preserveAspectRatio="none" className="block h-3 w-full">
                <rect width="100" height="8" rx="2" className="fill-slate-200" />
                <rect width={max > 0 ? Math.min(100, (bar.value / max) * 100) : 0} height="8" rx="2" className="fill-blue-700" />
              </svg>
            </td>
            <td className="py-1 pl-3 text-right tabular-nums">{bar.display}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
