// A line over time drawn on the server as SVG, with its numbers in a table beside it.
import { useTranslations } from 'next-intl'

export type TrendPoint = { label: string; value: number }

const WIDTH = 320
const HEIGHT = 120
const PAD = 8
/** Beyond this many points (two years of months) their dots touch: the line alone is drawn. */
const MARKED_POINTS = 24

export function TrendLine({ title, points, valueHeading, dateHeading }: { title: string; points: TrendPoint[]; valueHeading: string; dateHeading: string }) {
  const t = useTranslations('charts')
  const max = Math.max(1, ...points.map((p) => p.value))
  const x = (i: number) => PAD + (points.length > 1 ? (i / (points.length - 1)) * (WIDTH - 2 * PAD) : (WIDTH - 2 * PAD) / 2)
  const y = (v: number) => HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD)
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
  const last = points.at(-1)
  return (
    <figure>
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-32 w-full max-w-md" role="img" aria-label={title}>
        <title>{title}</title>
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="stroke-slate-300" />
        <polyline points={line} fill="none" strokeWidth="2.5" className="stroke-blue-700" />
        {points.length <= MARKED_POINTS &&
          points.map((p, i) => <circle key={p.label} cx={x(i)} cy={y(p.value)} r="2.5" className="fill-blue-700" />)}
      </svg>
      {last && (
        <p className="text-sm text-slate-700">
          {last.label}: <span className="font-semibold tabular-nums">{last.value}</span>
        </p>
      )}
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-blue-800">{t('showNumbers')}</summary>
        {/* Styled from the table, not on each of its cells: a trend can have sixty rows. */}
        <table className="mt-1 [&_td:first-child]:pr-4 [&_td:last-child]:text-right [&_td:last-child]:tabular-nums">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left font-medium">{dateHeading}</th>
              <th scope="col" className="text-right font-medium">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <td>{p.label}</td>
                <td>{p.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
