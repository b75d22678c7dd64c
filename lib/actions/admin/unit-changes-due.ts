// Merges and splits dated ahead, applied on their day by the queue's midnight job (./unit-changes-job.ts)
// or, before it has run, by the first request of the day (lib/queries/unit-history.ts unitChangesDue):
// each through the code that applies one at once, with the data as it stands then.
import 'server-only'
import { db } from '@/lib/db'
import type { CalendarDay } from '@/lib/domain/calendar'
import { rootLogger } from '@/lib/log/logger'
import { InvalidInput, MissingRecord } from './core'
import { applyScheduledMerge } from './unit-merge'
import { applyScheduledSplit } from './unit-split'

/** Changes dated ahead that could not be applied on their day (logged), tried once a day per process rather than at every request. */
const stuck = new Map<string, CalendarDay>()

/**
 * Applies the merges and splits dated ahead whose day has come, in the order of their days, each in
 * a transaction of its own, as the administrator who decided it. Each change is applied once: its
 * row is locked, and a second request on the day waits, then finds it applied. Returns how many it applied.
 */
export async function applyDueUnitChanges(today: CalendarDay, now: Date): Promise<number> {
  const due = await db().unitChange.findMany({
    where: { kind: { in: ['MERGE', 'SPLIT'] }, appliedAt: null, effectiveDate: { lte: new Date(today) } },
    orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, kind: true },
  })
  let applied = 0
  for (const { id, kind } of due) {
    if (stuck.get(id) === today) continue
    try {
      if (await db().$transaction((tx) => (kind === 'SPLIT' ? applyScheduledSplit(tx, id, now) : applyScheduledMerge(tx, id, now)))) applied++
    } catch (error) {
      // Refused: the data changed since it was decided (a unit or a member gone), and stays so until an administrator acts.
      // Anything else (a deadlock, a lost connection) is tried again by the next request.
      if (error instanceof InvalidInput || error instanceof MissingRecord) stuck.set(id, today)
      const event = kind === 'SPLIT' ? 'unit.split_due_failed' : 'unit.merge_due_failed'
      rootLogger().error({ event, changeId: id, problems: error instanceof InvalidInput ? error.problems : String(error) }, 'a change of units dated ahead could not be applied on its day')
    }
  }
  return applied
}
