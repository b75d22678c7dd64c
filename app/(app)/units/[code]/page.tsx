import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { AssignmentList, type AssignmentGroupView } from '@/components/assignment-list'
import { requireUser } from '@/lib/auth/session'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { displayStatus, isDueSoon } from '@/lib/domain/status'
import { unitCodeSchema } from '@/lib/domain/unit-code'
import { unitAssignments, type UnitAssignments } from '@/lib/queries/unit-assignments'

type Props = { params: Promise<{ code: string }> }

async function load(params: Props['params']): Promise<UnitAssignments> {
  const code = unitCodeSchema.safeParse((await params).code)
  const found = code.success ? await unitAssignments(code.data) : null
  if (!found) notFound()
  return found
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser()
  return { title: (await load(params)).unit.name }
}

export default async function UnitPage({ params }: Props) {
  await requireUser()
  const [{ unit, groups }, t] = await Promise.all([load(params), getTranslations('unit')])
  const now = new Date()
  const views: AssignmentGroupView[] = groups.map((group) => ({
    id: group.id,
    name: group.name,
    assignments: group.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      display: displayStatus(a, now),
      blocked: a.status === 'BLOCKED',
      dueSoon: isDueSoon(a, now),
      progress: a.progress,
      due: formatDay(dateColumnDay(a.dueDate)),
    })),
  }))
  const count = groups.reduce((sum, group) => sum + group.assignments.length, 0)
  return (
    <>
      <h1 className="text-2xl font-bold">{unit.name}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {unit.member ? t('memberInCharge', { name: `${unit.member.name} (${unit.member.title})` }) : t('noMember')}
      </p>
      <p className="mb-6 text-sm text-slate-600">{t('summary', { count })}</p>
      <AssignmentList groups={views} />
    </>
  )
}
