import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { Badge } from '@/components/badge'
import { ClientMessages } from '@/components/client-messages'
import { FileSize } from '@/components/file-size'
import { secondaryButtonClass } from '@/components/form-parts'
import Link from '@/components/link'
import { ReportAuthor } from '@/components/report-author'
import { IssueForm } from '@/components/reports/issue-form'
import { previewBlocks, ReportPreview } from '@/components/reports/report-preview'
import { SectionEditor } from '@/components/reports/section-editor'
import { SectionHistory } from '@/components/reports/section-history'
import { createReviewDraftAction, issueFormAction, saveReviewSectionAction } from '@/lib/actions/review-drafts-action'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { formatDay, formatInstant } from '@/lib/domain/calendar'
import { reviewReportFileHref, reviewReportHref } from '@/lib/domain/paths'
import { reviewDraft, sectionHistory, unitNotes, UNIT_NOTES_LIMIT, type ReviewDraft } from '@/lib/queries/review-drafts'
import { reviewReportData } from '@/lib/reports/review-report'
import { reviewReportText } from '@/lib/reports/review-report-text'
import { REVIEW_SECTIONS } from '@/lib/reports/review-writing'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const linkClass = 'font-medium text-blue-800 underline-offset-2 hover:underline'

async function titleOf(report: ReviewDraft): Promise<string> {
  const t = await getTranslations('reports')
  const kind = t(`kind.${report.range.kind}`).toLowerCase()
  const name = report.range.name ?? t('drafts.customName', { kind: t(`kind.${report.range.kind}`), start: formatDay(report.range.startDay), end: formatDay(report.range.endDay) })
  return t(report.state === 'ISSUED' ? 'drafts.issuedPageTitle' : 'drafts.draftTitle', { kind, name })
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser()
  const report = await reviewDraft(user, (await params).id)
  return { title: report ? await titleOf(report) : undefined }
}

/** A review report written in the app: its draft to write and issue, or the report as issued. Outside the reader's district it does not exist. */
export default async function ReviewDraftPage({ params, searchParams }: Props) {
  const user = await requireUser()
  const [{ id }, query] = await Promise.all([params, searchParams])
  const report = await reviewDraft(user, id)
  if (!report) notFound()
  const now = new Date()
  const writes = allows(user, 'report.write')
  const [t, title, history, data, notes] = await Promise.all([
    getTranslations('reports.drafts'),
    titleOf(report),
    sectionHistory(report.id),
    report.state === 'DRAFT' ? reviewReportData(user, report.range, now) : null,
    report.state === 'DRAFT' ? unitNotes(user, report.range, now) : [],
  ])
  const sectionLabel = (section: (typeof REVIEW_SECTIONS)[number]) => t(`section.${section}`)

  return (
    <>
      <p className="text-sm">
        <Link href={writes ? '/reports/drafts' : '/reports'} className={linkClass}>
          {writes ? t('backToList') : t('backToReports')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <Badge tone={report.state === 'ISSUED' ? 'green' : 'blue'}>{t(`state.${report.state}`)}</Badge>
        <span>{t('createdBy', { time: formatInstant(report.createdAt), name: report.createdByName })}</span>
        {report.issuedAt && <span>{t('issuedBy', { time: formatInstant(report.issuedAt), name: report.issuedByName ?? '' })}</span>}
      </p>
      {report.sourceId && (
        <p className="mt-1 text-sm">
          {t('fromSource')}{' '}
          <Link href={reviewReportHref(report.sourceId)} className={linkClass}>
            {t('fromSourceLink')}
          </Link>
        </p>
      )}

      {report.state === 'ISSUED' ? (
        <>
          {query.issued === '1' && (
            <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm font-medium text-green-900">
              {t('issuedNotice')}
            </p>
          )}
          <section aria-labelledby="files-title" className="mt-6">
            <h2 id="files-title" className="text-lg font-semibold">
              {t('files')}
            </h2>
            <ul className="mt-2 space-y-2">
              {report.files.map((file) => (
                <li key={file.format}>
                  <a href={reviewReportFileHref(report.id, file.format === 'pdf' ? 'pdf' : 'docx')} download className={linkClass}>
                    {t(file.format === 'pdf' ? 'pdf' : 'word')}
                  </a>
                  <span className="block break-all text-xs text-slate-600">
                    <FileSize bytes={file.byteSize} /> · {t('sha', { sha: file.sha256 })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="issue-fields-title" className="mt-6">
            <h2 id="issue-fields-title" className="text-lg font-semibold">
              {t('issueFieldsTitle')}
            </h2>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t('field.number')}</dt>
              <dd>{report.writing.number && report.writing.issuedOn ? t('numberLine', { number: report.writing.number, day: formatDay(report.writing.issuedOn) }) : t('none')}</dd>
              <dt className="font-medium">{t('signer')}</dt>
              <dd>{[report.writing.signer?.onBehalfOf, report.writing.signer?.title, report.writing.signer?.name].filter(Boolean).join(' · ') || t('none')}</dd>
              <dt className="font-medium">{t('field.recipients')}</dt>
              <dd>
                <ul>
                  {report.writing.recipients.map((r, i) => (
                    <li key={i}>- {r}</li>
                  ))}
                </ul>
              </dd>
            </dl>
          </section>
          <section aria-labelledby="written-title" className="mt-6">
            <h2 id="written-title" className="text-lg font-semibold">
              {t('writtenTitle')}
            </h2>
            {REVIEW_SECTIONS.map((section) => (
              <div key={section} className="mt-3">
                <h3 className="font-semibold">{sectionLabel(section)}</h3>
                <p className="whitespace-pre-wrap text-sm">{report.sections[section].text || t('save.notWritten')}</p>
                <SectionHistory versions={history.get(section) ?? []} total={report.sections[section].versions} />
              </div>
            ))}
          </section>
          {writes && (
            <form action={createReviewDraftAction} className="mt-6 space-y-2">
              <input type="hidden" name="from-report" value={report.id} />
              <p className="text-sm text-slate-700">{t('newDraftHint')}</p>
              <button type="submit" className={secondaryButtonClass}>
                {t('newDraft')}
              </button>
            </form>
          )}
        </>
      ) : (
        <>
          {data && <p className="mt-1 text-sm text-slate-700">{t('asOf', { day: formatDay(data.asOfDay) })}</p>}
          <ClientMessages namespaces={['reports']}>
            <section aria-labelledby="sections-title" className="mt-6 space-y-5">
              <h2 id="sections-title" className="text-lg font-semibold">
                {t('sectionsTitle')}
              </h2>
              <p className="text-sm text-slate-700">{t('sectionsIntro')}</p>
              {REVIEW_SECTIONS.map((section) => {
                const s = report.sections[section]
                return (
                  <div key={section}>
                    <SectionEditor
                      reportId={report.id}
                      section={section}
                      label={sectionLabel(section)}
                      initial={{ text: s.text, version: s.version, savedAt: s.savedAt?.toISOString() ?? null, authorName: s.authorName }}
                      save={saveReviewSectionAction}
                    />
                    <SectionHistory versions={history.get(section) ?? []} total={s.versions} />
                  </div>
                )
              })}
            </section>

            <section aria-labelledby="notes-title" className="mt-8">
              <h2 id="notes-title" className="text-lg font-semibold">
                {t('notesTitle')}
              </h2>
              <p className="text-sm text-slate-700">{t('notesIntro')}</p>
              {notes.length === 0 ? (
                <p className="mt-2 text-sm">{t('notesEmpty')}</p>
              ) : (
                <ul className="mt-2 max-h-[32rem] space-y-3 overflow-y-auto rounded border border-slate-200 bg-white p-3" tabIndex={0} aria-labelledby="notes-title">
                  {notes.map((note, index) => (
                    <li key={index} className="text-sm">
                      <span className="font-semibold">{note.unitName}</span>
                      <blockquote className="whitespace-pre-wrap border-l-4 border-slate-300 pl-3">{note.note}</blockquote>
                      <span className="text-xs text-slate-600">
                        {note.taskTitle} · {formatInstant(note.reportedAt)} · <ReportAuthor name={note.authorName} onBehalfVia={note.onBehalfVia} unitName={note.unitName} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {notes.length >= UNIT_NOTES_LIMIT && <p className="mt-1 text-sm text-slate-700">{t('notesMore', { count: UNIT_NOTES_LIMIT })}</p>}
            </section>

            <section aria-labelledby="issue-title" className="mt-8 max-w-3xl">
              <h2 id="issue-title" className="text-lg font-semibold">
                {t('issueTitle')}
              </h2>
              <p className="mb-3 text-sm text-slate-700">{t('issueIntro')}</p>
              <IssueForm action={issueFormAction} reportId={report.id} initial={report.fields} />
            </section>
          </ClientMessages>

          {data && (
            <section aria-labelledby="preview-title" className="mt-8">
              <h2 id="preview-title" className="text-lg font-semibold">
                {t('previewTitle')}
              </h2>
              <p className="mb-3 text-sm text-slate-700">{t('previewIntro')}</p>
              <div className="rounded border border-slate-300 bg-white p-4 sm:p-8">
                <ReportPreview blocks={previewBlocks(reviewReportText(data, report.writing))} tableName={(n) => t('previewTable', { n })} />
              </div>
            </section>
          )}
        </>
      )}
    </>
  )
}
