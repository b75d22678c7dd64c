// The merges of the national bench data set: communes merged pairwise through the app's own merge
// (lib/actions/admin/unit-merge.ts mergeUnits, as an administrator applies it from the form), so
// the rows are exactly the app's: the change and its parts, the stretches of name ended, the
// successor's assignments and their carrying reports, the accounts moved or deactivated, the
// notifications and the audit. Every other pair goes into a new commune, the others into the
// first of the pair. Needs the react-server condition (the app's server modules) and the app's
// client on the same database (DATABASE_URL).
import { mergeUnits } from '../../lib/actions/admin/unit-merge'
import { db } from '../../lib/db'
import { districtDay } from '../../lib/domain/calendar'
import { adminFormValues } from '../../lib/validation/admin'

/** The decision the bench's merges follow. */
export const BENCH_MERGE_REASON = 'Nghị quyết số 1656/NQ-UBTVQH15 (thử tải)'

/** The pairs of commune numbers merged, spread over the country; commune 1 (the bench's staff) is never one. */
export function mergedPairs(units: number, merged: number): [number, number][] {
  const pairs = Math.floor(merged / 2)
  if (pairs === 0) return []
  const step = Math.floor((units - 1) / pairs)
  if (step < 2) throw new RangeError(`cannot merge ${merged} of ${units} communes pairwise (commune 1 stays as it is)`)
  return Array.from({ length: pairs }, (_, k): [number, number] => [2 + k * step, 3 + k * step])
}

const communeCode = (n: number) => `xa-${String(n).padStart(5, '0')}`
const placeOf = (name: string) => name.replace(/^(Xã|Thị trấn) /, '')

/** Merges the pairs of communes, one merge (one transaction) after the other, as the bench administrator. */
export async function applyBenchMerges(url: string, options: { units: number; merged: number; adminUsername: string; log: (line: string) => void }): Promise<number> {
  const pairs = mergedPairs(options.units, options.merged)
  if (pairs.length === 0) return 0
  if (process.env.DATABASE_URL !== url) throw new Error('the merges go through the app, whose client is on DATABASE_URL: set it to the bench database')
  // The bench's administrator sits at the top of the tree: its scope is the whole country.
  const admin = { ...(await db().user.findUniqueOrThrow({ where: { username: options.adminUsername }, select: { id: true, role: true, unitId: true, memberId: true } })), scopeUnitId: null }
  const units = await db().unit.findMany({
    where: { code: { in: pairs.flat().map(communeCode) } },
    select: { id: true, code: true, name: true, inChargeMemberId: true, users: { select: { id: true } } },
  })
  const byCode = new Map(units.map((u) => [u.code, u]))
  const began = performance.now()
  for (const [k, [first, second]] of pairs.entries()) {
    const a = byCode.get(communeCode(first))
    const b = byCode.get(communeCode(second))
    if (!a || !b) throw new Error(`communes ${first} and ${second} are missing`)
    const now = new Date()
    const intoNew = k % 2 === 0
    const form = new FormData()
    const fields: [string, string][] = [
      ['kind', 'MERGE'],
      ['intent', 'apply'],
      ['id', a.id],
      ['otherIds', b.id],
      ['effectiveDate', districtDay(now)],
      ['reason', BENCH_MERGE_REASON],
      ['inChargeMemberId', a.inChargeMemberId ?? ''],
      // Into a new commune every account moves; into the first, the second's are deactivated.
      ...(intoNew
        ? ([['newName', `Xã ${placeOf(a.name)} ${placeOf(b.name)}`], ['newCode', `xa-gop-${String(k + 1).padStart(4, '0')}`], ...[...a.users, ...b.users].map((u) => ['moveUserIds', u.id])] as [string, string][])
        : ([['successorId', a.id]] as [string, string][])),
    ]
    for (const [name, value] of fields) form.append(name, value)
    const result = await mergeUnits({ actor: admin, now, ip: null }, adminFormValues(form))
    if (result.kind !== 'saved') throw new Error(`the merge of ${a.code} and ${b.code} was refused: ${JSON.stringify(result)}`)
    if ((k + 1) % 100 === 0) options.log(`  merges: ${k + 1} of ${pairs.length} in ${((performance.now() - began) / 1000).toFixed(1)} s`)
  }
  options.log(`  merges: ${pairs.length} (${pairs.length * 2} communes) in ${((performance.now() - began) / 1000).toFixed(1)} s`)
  return pairs.length
}
