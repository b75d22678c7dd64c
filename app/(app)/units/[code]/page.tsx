import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AssignmentFilters } from '@/components/assignment-filters'
import { AssignmentList, type AssignmentGroupView } from '@/components/assignment-list'
import { AsOfPicker } from '@/components/progress/as-of-picker'
import { DownloadLinks } from '@/components/exports/download-links'
import { RemindersNotice } from '@/components/reminders'
import { allows, mayReadView } from '@/lib/auth/permissions'
import { requireUser, type CurrentUser } from '@/lib/auth/session'
import { reminderCounts } from '@/lib/queries/reminders'
import { dateColumnDay, districtDay, formatDay } from '@/lib/domain/calendar'
import { requestSource, type ProgressSource } from '@/lib/queries/progress-source'
import { redirectFormerCode } from '@/lib/http/former-code'
import { unitHistory } from '@/lib/queries/unit-history'
import { UnitChangeNote } from '@/components/unit-change-note'
import { UnitProfile } from '@/components/unit-profile'
import { unitFiguresOn } from '@/lib/queries/unit-figures'
import { unitAssignmentCycles } from '@/lib/queries/report-cycles'
import { asOfParam } from '@/lib/validation/as-of'
import { statusLabelsOf } from '@/lib/domain/status'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { assignmentHref, unitPageHref } from '@/lib/domain/paths'
import { PageDataTime } from '@/components/page-data-time'
import {
  applicableFilter,
  filterAssignments,
  isFiltered,
  returnedCount,
  unitAssignments,
  unitFilterSchema,
  type UnitAssignments,
} from '@/lib/queries/unit-assignments'

type Props = {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

async function load(user: CurrentUser, { params, searchParams }: Props, source: ProgressSource): Promise<UnitAssignments> {
  if (!mayReadView(user, 'units')) notFound()
  const code = unitCodeSchema.safeParse((await params).code)
  const found = code.success ? await unitAssignments(source, code.data, user) : null
  if (code.success && !found) await redirectFormerCode(user, code.data, unitPageHref, await searchParams)
  if (!found) notFound()
  return found
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const user = await requireUser()
  return { title: (await load(user, props, requestSource(null, user))).unit.name }
}

export default async function UnitPage(props: Props) {
  const user = await requireUser()
  const now = new Date()
  const query = await props.searchParams
  const source = requestSource(asOfParam(query.asOf), user)
  const { at } = source
  const [{ unit, groups }, t] = await Promise.all([load(user, props, source), getTranslations('unit')])
  // Staff arrive on their own unit's page: what needs attention comes first. Read beside the rest,
  // not after it: this page is the staff's landing page, waited for on a weak signal.
  const [history, figures, cycles, reminders] = await Promise.all([
    unitHistory(unit.id, source.day),
    unitFiguresOn(unit.id, source.day),
    unitAssignmentCycles(source, unit.id),
    allows(user, 'reminders.read') && user.unitId === unit.id ? reminderCounts(user, districtDay(now)) : null,
  ])
  const filter = applicableFilter(groups, unitFilterSchema.parse(query))
  const unitPath = unitPageHref(unit.code)
  const shown = filterAssignments(groups, filter, at)
  const views: AssignmentGroupView[] = shown.map((group) => ({
    id: group.id,
    name: group.name,
    assignments: group.assignments.map((a) => ({
      id: a.id,
      href: assignmentHref(unit.code, a.taskCode),
      title: a.title,
      labels: statusLabelsOf(a, at),
      progress: a.progress,
      indicator: a.indicator,
      latestReview: a.latestReview,
      latestReviewComment: a.latestReviewComment,
      due: formatDay(dateColumnDay(a.dueDate)),
      cycles: cycles.get(a.id),
    })),
  }))
  const count = (list: typeof groups) => list.reduce((sum, group) => sum + group.assignments.length, 0)
  const total = count(groups)
  const filtered = isFiltered(filter)
  return (
    <>
      <PageDataTime />
      {reminders && (
        <div className="mb-4">
          <RemindersNotice counts={reminders} pendingReviews={null} />
        </div>
      )}
      <h1 className="text-2xl font-bold">{history?.name ?? unit.name}</h1>
      <UnitChangeNote history={history} />
      <UnitProfile figures={figures} />
      <p className="mt-1 text-sm text-slate-700">
        {unit.member ? t('memberInCharge', { name: `${unit.member.name} (${unit.member.title})` }) : t('noMember')}
      </p>
      <p className="text-sm text-slate-600">{t('summary', { count: total })}</p>
      <div className="mb-4">
        <AsOfPicker path={unitPath} day={source.day} past={source.asOfDay !== undefined} today={districtDay(now)} keep={filter} />
      </div>
      {total > 0 && <DownloadLinks view="units" code={unit.code} table="assignments" filters={{ ...filter, asOf: source.asOfDay }} />}
      {total > 0 && <AssignmentFilters action={unitPath} groups={groups} current={filter} returned={returnedCount(groups)} asOf={source.asOfDay} />}
      {filtered && (
        <p role="status" className="mb-4 text-sm text-slate-700">
          {t('filter.showing', { shown: count(shown), total })}
        </p>
      )}
      <AssignmentList groups={views} emptyMessage={total === 0 ? t('empty') : t('filter.noMatch')} />
    </>
  )
}
