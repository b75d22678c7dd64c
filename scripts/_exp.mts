process.env.DATABASE_URL = process.argv[2]
const { registerExport } = await import('../lib/reports/exports/register')
const { translatorFor } = await import('../lib/reports/exports/table')
const { csvStream } = await import('../lib/reports/csv')
const { xlsxStream } = await import('../lib/reports/xlsx')
const { db } = await import('../lib/db')
const t = translatorFor('vi')
for (const format of (process.argv[3] ?? 'csv,xlsx').split(',')) {
  const doc = await registerExport(t, new Date(), new URLSearchParams())
  const t0 = performance.now()
  let bytes = 0; let peak = 0
  const body = format === 'csv' ? csvStream(doc.sheets[0]!, t) : xlsxStream(doc, t)
  const reader = body.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) { bytes += r.value.byteLength; peak = Math.max(peak, process.memoryUsage().rss) }
  const s = (performance.now() - t0) / 1000
  console.log(format, doc.sheets[0]!.rowCount, 'rows', s.toFixed(1), 's', Math.round(doc.sheets[0]!.rowCount / s), 'rows/s', (bytes / 2 ** 20).toFixed(1), 'MB', 'rss', Math.round(peak / 2 ** 20), 'MB')
}
await db().$disconnect()
