// The figures of `npm run bench` beside their targets: an aligned table and the JSON rows.

export type Target = { at: 'most' | 'least'; value: number }

export type Figure = { measure: string; value: number; unit: string; target?: Target }

export type FigureRow = Figure & { pass: boolean | null }

export function figureRows(figures: readonly Figure[]): FigureRow[] {
  return figures.map((figure) => ({
    ...figure,
    pass: figure.target ? (figure.target.at === 'most' ? figure.value <= figure.target.value : figure.value >= figure.target.value) : null,
  }))
}

const formatNumber = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : value < 1000 ? 1 : 0 })

export function printTable(figures: readonly Figure[]): void {
  const rows = figureRows(figures).map((row) => [
    row.measure,
    `${formatNumber(row.value)} ${row.unit}`,
    row.target ? `${row.target.at === 'most' ? '≤' : '≥'} ${formatNumber(row.target.value)} ${row.unit}` : '',
    row.pass === null ? '' : row.pass ? 'pass' : 'FAIL',
  ])
  const header = ['measure', 'value', 'target', 'result']
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()
  console.info(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const row of rows) console.info(line(row))
}
