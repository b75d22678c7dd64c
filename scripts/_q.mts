// dev-only timing of the pages' queries on a bench database (not committed)
import { performance } from 'node:perf_hooks'
process.env.DATABASE_URL = process.argv[2]
const { db } = await import('../lib/db')
const { districtDay } = await import('../lib/domain/calendar')
const o = await import('../lib/queries/district-overview')
const c = await import('../lib/queries/communes')
const cd = await import('../lib/queries/commune-detail')
const m = await import('../lib/queries/member-progress')
const tp = await import('../lib/queries/task-progress')
const rr = await import('../lib/queries/reporting-rate')
const pr = await import('../lib/queries/pending-reviews')
const sr = await import('../lib/queries/search-results')
const today = districtDay(new Date())
const leader = await db().user.findUniqueOrThrow({ where: { username: 'bench-leader' }, include: { unit: true } })
const staff = await db().user.findUniqueOrThrow({ where: { username: 'bench-staff' } })
const member = await db().member.findFirstOrThrow({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] })
const task = await db().task.findFirstOrThrow({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] })
const unit = await db().unit.findUniqueOrThrow({ where: { id: staff.unitId } })
const periods = await rr.reportingPeriods()
const period = rr.choosePeriod(periods, undefined, today).period!
const jobs: Record<string, () => Promise<unknown>> = {
  ready: () => (import('../lib/queries/progress-counts')).then((p) => p.progressCountsReady(today)),
  groups: () => o.progressByGroup(today, null),
  indicators: () => o.indicatorResults(today),
  ranking: () => c.communeRankingEnds(today, 10),
  late: () => o.lateAssignments(today, null, 50),
  rate: () => rr.reportingRate(period.startDay, period.endDay, 30),
  pendingCount: () => pr.pendingReviewCount(leader as never),
  'commune groups': () => o.progressByGroup(today, unit.id),
  'commune late': () => o.lateAssignments(today, unit.id, 50),
  'commune trend': () => cd.doneTrend(unit.id, today),
  'commune list': () => cd.communeAssignments(unit.id, null),
  'commune byCode': () => cd.communeByCode(unit.code),
  'member summary': () => m.memberSummaries(today, member.id),
  'member groups': () => m.ledGroupProgress(today, member.id),
  'member units': () => m.inChargeUnitProgress(today, member.id, null),
  'member pending': () => m.memberPendingUpdates(member.id, 20),
  'member overdue': () => m.memberOverdueAssignments(today, member.id, 20),
  'task byCode': () => tp.taskProgressByCode(today, task.code),
  'task units': () => tp.taskUnits(task.id, 50, 0),
  'task history': () => tp.taskHistory(task.id, 20),
  search: () => sr.searchResults(unit.name),
}
for (const [name, job] of Object.entries(jobs)) {
  await job()
  const times: number[] = []
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await job(); times.push(performance.now() - t0) }
  times.sort((a, b) => a - b)
  console.log(name.padEnd(16), times[2]!.toFixed(1), 'ms')
}
await db().$disconnect()
