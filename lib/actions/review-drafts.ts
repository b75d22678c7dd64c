// The review report written in the app, by the Party Office and administrators ('report.write'):
// a draft opened for a period or a range of days (or from an issued report), its sections saved as
// the clerk types, its issue fields, and issuing, which freezes it with its DOCX and PDF. Each write
// is validate -> authorize -> one transaction with its history and audit rows. A report outside
// the actor's subtree answers as missing, and the refusal is audited.
import 'server-only'
import { createHash } from 'node:crypto'
import { allows, unitInScopeSql, unitsWhere } from '@/lib/auth/permissions'
import { recordAudit, recordRefusal } from '@/lib/audit/record'
import type { RefusableAction } from '@/lib/audit/events'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/db/client'
import type { PeriodKind } from '@/lib/db/generated/enums'
import { dateColumnDay, districtDay, type CalendarDay } from '@/lib/domain/calendar'
import { reportingPeriods } from '@/lib/queries/reporting-rate'
import { latestSections, reportRangeOf, writingOf } from '@/lib/queries/review-drafts'
import { reviewReportData } from '@/lib/reports/review-report'
import { reportFileName } from '@/lib/reports/review-report-response'
import { reviewReportDocx } from '@/lib/reports/review-report-docx'
import { reviewReportPdf } from '@/lib/reports/review-report-pdf'
import { REVIEW_SECTIONS, type ReviewSection } from '@/lib/reports/review-writing'
import { parseIssueFields, type DraftSource, type IssueFieldsInput, type IssueProblems, type IssueValues, type SectionSave } from '@/lib/validation/review-draft'
import type { ActionContext } from './context'
import { newOwnerId } from './admin/core'

const ENTITY = 'ReviewReport'

type NotFound = { kind: 'notFound' }

/** Refused: audited as such, answered like a missing record. */
async function refused(context: ActionContext, action: RefusableAction, id: string | null): Promise<NotFound> {
  await recordRefusal(context, action, ENTITY, id)
  return { kind: 'notFound' }
}

/** The report row, locked for the rest of the transaction (FOR SHARE by a section's save, FOR UPDATE by issuing), if it is in the actor's subtree. */
async function lockedReport(tx: Prisma.TransactionClient, context: ActionContext, id: string, lock: 'share' | 'update') {
  const [row] = await tx.$queryRaw<{ id: string; state: 'DRAFT' | 'ISSUED' }[]>`
    SELECT r.id::text, r.state::text AS state FROM "ReviewReport" r
     WHERE r.id = ${id}::uuid AND ${unitInScopeSql(context.actor, Prisma.sql`r."ownerUnitId"`)}
       FOR ${lock === 'share' ? Prisma.sql`SHARE` : Prisma.sql`UPDATE`}`
  return row ?? null
}

// ---- Opening a draft ----

export type CreateDraftResult = NotFound | { kind: 'saved'; id: string }

/** A new draft for a reporting period that applies to the actor, a range of days, or from an issued report (its sections and signer copied). */
export async function createReviewDraft(context: ActionContext, source: DraftSource | null): Promise<CreateDraftResult> {
  const action = 'reviewReport.create'
  if (!allows(context.actor, 'report.write') || source === null) return refused(context, action, source?.kind === 'copy' ? source.reportId : null)
  let periodId: string | null = null
  let range: { kind: PeriodKind; startDay: CalendarDay; endDay: CalendarDay }
  let copy: { id: string; signerOnBehalfOf: string; signerTitle: string; signerName: string; recipients: string[] } | null = null
  if (source.kind === 'period') {
    const period = (await reportingPeriods(context.actor)).find((p) => p.code === source.code)
    const row = period && (await db().reportingPeriod.findUnique({ where: { code: period.code }, select: { id: true } }))
    if (!period || !row) return refused(context, action, null)
    periodId = row.id
    range = period
  } else if (source.kind === 'range') {
    range = { kind: source.input.kind, startDay: source.input.from, endDay: source.input.to }
  } else {
    const issued = await db().reviewReport.findFirst({
      where: { id: source.reportId, state: 'ISSUED', owner: unitsWhere(context.actor) },
      select: { id: true, periodId: true, kind: true, startDate: true, endDate: true, signerOnBehalfOf: true, signerTitle: true, signerName: true, recipients: true },
    })
    if (!issued) return refused(context, action, source.reportId)
    periodId = issued.periodId
    range = { kind: issued.kind, startDay: dateColumnDay(issued.startDate), endDay: dateColumnDay(issued.endDate) }
    copy = issued
  }
  const id = await db().$transaction(async (tx) => {
    const report = await tx.reviewReport.create({
      data: {
        ownerUnitId: await newOwnerId(tx, context.actor),
        periodId,
        kind: range.kind,
        startDate: new Date(`${range.startDay}T00:00:00Z`),
        endDate: new Date(`${range.endDay}T00:00:00Z`),
        createdById: context.actor.id,
        createdAt: context.now,
        ...(copy && { sourceId: copy.id, signerOnBehalfOf: copy.signerOnBehalfOf, signerTitle: copy.signerTitle, signerName: copy.signerName, recipients: copy.recipients }),
      },
      select: { id: true },
    })
    // The issued report's words are the new draft's first version of each section written.
    if (copy) {
      const sections = await latestSections(copy.id, tx)
      const texts = REVIEW_SECTIONS.filter((s) => sections[s].text !== '').map((section) => ({ reportId: report.id, section, version: 1, text: sections[section].text, authorId: context.actor.id, createdAt: context.now }))
      if (texts.length > 0) await tx.reviewSectionText.createMany({ data: texts })
    }
    await recordAudit(tx, context, {
      action,
      entity: ENTITY,
      entityId: report.id,
      after: { kind: range.kind, startDay: range.startDay, endDay: range.endDay, period: source.kind === 'period' ? source.code : null, sourceId: copy?.id ?? null },
    })
    return report.id
  })
  return { kind: 'saved', id }
}

// ---- A section saved as the clerk types ----

/** What a section holds now: shown beside the refused text when another save came first. */
export type SectionNow = { text: string; version: number; authorName: string | null; savedAt: Date | null }

export type SectionSaveResult =
  | NotFound
  | { kind: 'tooLong' }
  | { kind: 'issued' }
  | { kind: 'conflict'; current: SectionNow }
  | { kind: 'saved'; version: number; savedAt: Date }

/**
 * Writes the section's next version, only from the version the clerk typed on: a save made on an
 * older one (another clerk saved in between) is refused with what they saved, and nothing is
 * written. The unique (report, section, version) decides between two saves at once.
 */
export async function saveReviewSection(context: ActionContext, save: SectionSave | 'tooLong' | null, reportId: string | null): Promise<SectionSaveResult> {
  const action = 'reviewReport.section'
  if (!allows(context.actor, 'report.write') || save === null) return refused(context, action, reportId)
  if (save === 'tooLong') return { kind: 'tooLong' }
  const outcome = await db().$transaction(async (tx): Promise<SectionSaveResult | 'missing'> => {
    const report = await lockedReport(tx, context, save.reportId, 'share')
    if (!report) return 'missing'
    if (report.state === 'ISSUED') return { kind: 'issued' }
    const current = await sectionNow(tx, save.reportId, save.section)
    if (current.version !== save.baseVersion) return { kind: 'conflict', current }
    // The same text again (a save repeated after a lost answer) is no new version.
    if (current.text === save.text) return { kind: 'saved', version: current.version, savedAt: current.savedAt ?? context.now }
    const version = save.baseVersion + 1
    const inserted = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "ReviewSectionText" ("reportId", "section", "version", "text", "authorId", "createdAt")
      VALUES (${save.reportId}::uuid, ${save.section}, ${version}, ${save.text}, ${context.actor.id}::uuid, ${context.now}::timestamptz)
      ON CONFLICT ("reportId", "section", "version") DO NOTHING
      RETURNING id`
    if (inserted.length === 0) return { kind: 'conflict', current: await sectionNow(tx, save.reportId, save.section) }
    await recordAudit(tx, context, { action, entity: ENTITY, entityId: save.reportId, after: { section: save.section, version, characters: save.text.length } })
    return { kind: 'saved', version, savedAt: context.now }
  })
  if (outcome === 'missing') return refused(context, action, save.reportId)
  if (outcome.kind === 'issued') await recordRefusal(context, action, ENTITY, save.reportId)
  return outcome
}

async function sectionNow(tx: Prisma.TransactionClient, reportId: string, section: ReviewSection): Promise<SectionNow> {
  const [row] = await tx.$queryRaw<SectionNow[]>`
    SELECT t.text, t.version, u."displayName" AS "authorName", t."createdAt" AS "savedAt"
      FROM "ReviewSectionText" t JOIN "User" u ON u.id = t."authorId"
     WHERE t."reportId" = ${reportId}::uuid AND t.section = ${section}
     ORDER BY t.version DESC LIMIT 1`
  return row ?? { text: '', version: 0, authorName: null, savedAt: null }
}

// ---- The issue fields, and issuing ----

export type IssueResult = NotFound | { kind: 'invalid'; problems: IssueProblems } | { kind: 'issued' } | { kind: 'saved' } | { kind: 'issuedNow' }

const FIELD_COLUMNS = (input: IssueFieldsInput) => ({
  number: input.number,
  issuedOn: input.issuedOn === null ? null : new Date(`${input.issuedOn}T00:00:00Z`),
  signerOnBehalfOf: input.signerOnBehalfOf,
  signerTitle: input.signerTitle,
  signerName: input.signerName,
  recipients: input.recipients,
})

/** Keeps the issue fields on the draft as far as they are filled. */
export async function saveIssueFields(context: ActionContext, reportId: string | null, values: IssueValues): Promise<IssueResult> {
  return issueStep(context, reportId, values, false)
}

/**
 * Issues the draft: refused, with nothing written, without a number, a day, a signer and a
 * recipient. The DOCX and PDF are made from the figures as of the range's end and the sections as
 * they stand under the lock (no section is saved meanwhile), and kept with their SHA-256.
 */
export async function issueReviewReport(context: ActionContext, reportId: string | null, values: IssueValues): Promise<IssueResult> {
  return issueStep(context, reportId, values, true)
}

async function issueStep(context: ActionContext, reportId: string | null, values: IssueValues, toIssue: boolean): Promise<IssueResult> {
  const action = toIssue ? 'reviewReport.issue' : 'reviewReport.fields'
  if (!allows(context.actor, 'report.write') || reportId === null || !/^[0-9a-f-]{36}$/i.test(reportId)) return refused(context, action, reportId)
  const parsed = parseIssueFields(values, toIssue)
  const outcome = await db().$transaction(
    async (tx): Promise<IssueResult | 'missing'> => {
      const report = await lockedReport(tx, context, reportId, 'update')
      if (!report) return 'missing'
      if (report.state === 'ISSUED') return { kind: 'issued' }
      if (parsed.kind === 'invalid') return parsed
      const fields = FIELD_COLUMNS(parsed.input)
      if (!toIssue) {
        await tx.reviewReport.update({ where: { id: reportId }, data: fields })
        await recordAudit(tx, context, { action, entity: ENTITY, entityId: reportId, after: JSON.parse(JSON.stringify(fields)) as Prisma.InputJsonValue })
        return { kind: 'saved' }
      }
      const stored = await tx.reviewReport.findUniqueOrThrow({ where: { id: reportId }, select: { kind: true, startDate: true, endDate: true, period: { select: { code: true, name: true } } } })
      const range = reportRangeOf(stored)
      const writing = writingOf(fields, await latestSections(reportId, tx))
      const data = await reviewReportData(context.actor, range, context.now)
      const [docx, pdf] = await Promise.all([reviewReportDocx(data, writing), pdfBytes(reviewReportPdf(data, writing))])
      const day = parsed.input.issuedOn ?? districtDay(context.now)
      const files = [
        { format: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx },
        { format: 'pdf', mediaType: 'application/pdf', content: pdf },
      ].map((f) => ({
        reportId,
        format: f.format,
        fileName: reportFileName(range.code, day, f.format as 'docx' | 'pdf'),
        mediaType: f.mediaType,
        byteSize: f.content.byteLength,
        sha256: createHash('sha256').update(f.content).digest('hex'),
        content: new Uint8Array(f.content),
        createdAt: context.now,
      }))
      await tx.reviewReportFile.createMany({ data: files })
      await tx.reviewReport.update({ where: { id: reportId }, data: { ...fields, state: 'ISSUED', issuedById: context.actor.id, issuedAt: context.now } })
      await recordAudit(tx, context, {
        action,
        entity: ENTITY,
        entityId: reportId,
        after: { ...(JSON.parse(JSON.stringify(fields)) as Record<string, Prisma.InputJsonValue>), asOfDay: data.asOfDay, files: files.map((f) => ({ format: f.format, byteSize: f.byteSize, sha256: f.sha256 })) },
      })
      return { kind: 'issuedNow' }
    },
    // Making the two files takes seconds on a busy server; the lock holds the sections still meanwhile.
    { timeout: 120_000, maxWait: 10_000 },
  )
  if (outcome === 'missing') return refused(context, action, reportId)
  if (outcome.kind === 'issued') await recordRefusal(context, action, ENTITY, reportId)
  return outcome
}

/** The PDF stream's bytes, once it has ended. */
function pdfBytes(pdf: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
}
