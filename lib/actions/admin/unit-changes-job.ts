// The merges, splits, renames and re-codes dated ahead, applied at the district's midnight by a job of
// the queue (pg-boss, lib/mail/queue.ts), whichever instance takes it: their day's pages no longer
// wait on the first request of the day to apply them. That request still checks (unitChangesDue, one
// probe of an index when nothing is due), so the day is right even when the job has not run yet.
import 'server-only'
import type PgBoss from 'pg-boss'
import { DISTRICT_TIME_ZONE, districtDay } from '@/lib/domain/calendar'
import { unitChangesDue } from '@/lib/queries/unit-history'

export const UNIT_CHANGES_QUEUE = 'unit-changes-due'
/** Each night at 00:00 in the district; a failed run is tried again twice, ten minutes apart. */
export const UNIT_CHANGES_CRON = '0 0 * * *'

/** The job: the changes whose day has come at `now` (the district's day), each applied once. */
export function applyUnitChangesDue(now = new Date()): Promise<void> {
  return unitChangesDue(districtDay(now))
}

/** Makes the queue (one run at a time) and its schedule, without working it (idempotent: every instance does it). */
export async function scheduleUnitChanges(boss: PgBoss): Promise<void> {
  await boss.createQueue(UNIT_CHANGES_QUEUE, { name: UNIT_CHANGES_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 600 })
  await boss.schedule(UNIT_CHANGES_QUEUE, UNIT_CHANGES_CRON, {}, { tz: DISTRICT_TIME_ZONE })
}

/** Schedules the job and works its queue in this process. */
export async function workUnitChangesQueue(boss: PgBoss): Promise<void> {
  await scheduleUnitChanges(boss)
  await boss.work(UNIT_CHANGES_QUEUE, { pollingIntervalSeconds: 30 }, () => applyUnitChangesDue())
}
