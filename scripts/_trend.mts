process.env.DATABASE_URL = 'postgresql://postgres:dev@127.0.0.1:55432/bench2k'
const { doneTrend } = await import('../lib/queries/commune-detail')
const { db } = await import('../lib/db')
const { writeFileSync } = await import('node:fs')
const units = await db().unit.findMany({ where: { kind: 'COMMUNE' }, take: 20, orderBy: { code: 'asc' }, select: { id: true } })
const out = []
const t0 = performance.now()
for (const u of units) out.push(await doneTrend(u.id, '2026-11-28'))
console.log('ms per unit', ((performance.now() - t0) / units.length).toFixed(1))
writeFileSync(process.argv[2]!, JSON.stringify(out))
await db().$disconnect()
