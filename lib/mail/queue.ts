// The job queue on PostgreSQL (pg-boss, its tables in the schema `pgboss`, made at its first start):
// every instance of the app starts it (instrumentation.ts), and whichever instance fetches a job
// runs it, once. Three queues:
// - mail-sweep, every minute (a cron schedule pg-boss fires once for all instances, and a queue
//   that runs one at a time): makes the mail of new notification rows and the daily digests
//   (./outbox.ts) and gives each queued mail its send job;
// - mail-calendar, each hour on the hour (district time; a queue that runs one at a time): the
//   calendar's notices at once and the members' weekly digests (./calendar.ts), whose hour is an
//   account's choice;
// - mail-send, one job per mail, its id the mail's (a second send of the same id is ignored):
//   retried with a growing delay, and marked FAILED with its error after the last try.
import 'server-only'
import PgBoss from 'pg-boss'
import { DISTRICT_TIME_ZONE } from '@/lib/domain/calendar'
import { rootLogger } from '@/lib/log/logger'
import { makeCalendarMails, makeWeeklyDigests } from './calendar'
import { deliverMail, makeDigestMails, makeNoticeMails, markQueued, unqueuedMail } from './outbox'
import { configuredTransport, type MailTransport } from './transport'

export const SEND_QUEUE = 'mail-send'
export const SWEEP_QUEUE = 'mail-sweep'
export const CALENDAR_QUEUE = 'mail-calendar'
/** Five more tries after the first, the delay doubling from a minute (about an hour in all). */
export const SEND_RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const

export type SendJobData = { id: string }

export function createMailQueue(connectionString: string): PgBoss {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3, application_name: 'nq19-mail-queue' })
  // A lost connection is reported here and retried by pg-boss: logged, never thrown at the app.
  boss.on('error', (err) => rootLogger().error({ err }, 'mail queue error'))
  return boss
}

/** Starts pg-boss (making or upgrading its schema) and its queues, without working them. */
export async function startMailQueue(boss: PgBoss): Promise<void> {
  await boss.start()
  await boss.createQueue(SEND_QUEUE, { name: SEND_QUEUE, policy: 'standard', ...SEND_RETRY })
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: 'singleton', retryLimit: 0 })
  await boss.createQueue(CALENDAR_QUEUE, { name: CALENDAR_QUEUE, policy: 'singleton', retryLimit: 0 })
}

/** One pass of the sweep: the new notices' mail and the digests due, then a send job for each queued mail without one. */
export async function sweepMail(boss: PgBoss, now = new Date()): Promise<void> {
  await makeNoticeMails(now)
  await makeDigestMails(now)
  await queueSends(boss)
}

/** One pass of the calendar: its notices at once and the weekly digests due, then their send jobs. */
export async function sweepCalendar(boss: PgBoss, now = new Date()): Promise<void> {
  await makeCalendarMails(now)
  await makeWeeklyDigests(now)
  await queueSends(boss)
}

/** A send job for each queued mail without one. */
async function queueSends(boss: PgBoss): Promise<void> {
  for (const id of await unqueuedMail()) {
    const jobId = await boss.send(SEND_QUEUE, { id } satisfies SendJobData, { id, singletonKey: id })
    // null: the job exists already (another instance sent it first).
    await markQueued(id, jobId ?? id)
  }
}

/** The send queue's handler: each job's mail, the last try marking it FAILED. */
export function sendJobHandler(transport: MailTransport | null, from: string) {
  return async (jobs: PgBoss.JobWithMetadata<SendJobData>[]): Promise<void> => {
    for (const job of jobs) await deliverMail(job.data.id, { transport, from, lastTry: job.retryCount >= job.retryLimit })
  }
}

/** Works the queues in this process and schedules the sweeps (idempotent: every instance does it). */
export async function workMailQueue(boss: PgBoss): Promise<void> {
  const { transport, from } = configuredTransport()
  await boss.work<SendJobData>(SEND_QUEUE, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 5 }, sendJobHandler(transport, from))
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, () => sweepMail(boss))
  await boss.work(CALENDAR_QUEUE, { pollingIntervalSeconds: 30 }, () => sweepCalendar(boss))
  await boss.schedule(SWEEP_QUEUE, '* * * * *', {}, { tz: DISTRICT_TIME_ZONE })
  await boss.schedule(CALENDAR_QUEUE, '0 * * * *', {}, { tz: DISTRICT_TIME_ZONE })
}

const running = globalThis as unknown as { mailQueue?: Promise<PgBoss | null> }

/**
 * The queue of this server process, started once (instrumentation.ts). A database out of reach at
 * start leaves mail waiting in the outbox; the app serves on.
 */
export function runMailQueue(connectionString: string): Promise<PgBoss | null> {
  return (running.mailQueue ??= (async () => {
    const boss = createMailQueue(connectionString)
    try {
      await startMailQueue(boss)
      await workMailQueue(boss)
      return boss
    } catch (err) {
      rootLogger().error({ err }, 'mail queue did not start')
      await boss.stop({ graceful: false }).catch(() => undefined)
      return null
    }
  })())
}

/**
 * Asks for a sweep now (after a save that made mail, such as a verification): best effort, the
 * minute's sweep does it anyway. Nothing happens in a process without the queue (tests, scripts).
 */
export async function nudgeMailQueue(): Promise<void> {
  const boss = await running.mailQueue
  await boss?.send(SWEEP_QUEUE, {}).catch((err: unknown) => rootLogger().warn({ err }, 'mail sweep not requested'))
}
