// One unit's page: the unit and its assignments, grouped by task group in the agreed order.
import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import type { TaskStatus } from '@/lib/domain/status'

export type UnitAssignment = {
  id: string
  title: string
  status: TaskStatus
  progress: number
  dueDate: Date
  completedAt: Date | null
}

export type UnitTaskGroup = { id: string; name: string; assignments: UnitAssignment[] }

export type UnitAssignments = {
  unit: { id: string; code: string; name: string; member: { name: string; title: string } | null }
  groups: UnitTaskGroup[]
}

/** null when no active unit has this code. */
export const unitAssignments = cache(async (code: string): Promise<UnitAssignments | null> => {
  const unit = await db().unit.findFirst({
    where: { code, active: true },
    select: {
      id: true,
      code: true,
      name: true,
      inChargeMember: { select: { name: true, title: true } },
      assignments: {
        where: { task: { active: true } },
        orderBy: [
          { task: { group: { sortOrder: 'asc' } } },
          { task: { group: { code: 'asc' } } },
          { task: { sortOrder: 'asc' } },
          { task: { code: 'asc' } },
        ],
        select: {
          id: true,
          status: true,
          progress: true,
          completedAt: true,
          task: { select: { title: true, dueDate: true, group: { select: { id: true, name: true } } } },
        },
      },
    },
  })
  if (!unit) return null
  const groups = new Map<string, UnitTaskGroup>()
  for (const a of unit.assignments) {
    const { group } = a.task
    const entry = groups.get(group.id) ?? { id: group.id, name: group.name, assignments: [] }
    entry.assignments.push({
      id: a.id,
      title: a.task.title,
      status: a.status,
      progress: a.progress,
      dueDate: a.task.dueDate,
      completedAt: a.completedAt,
    })
    groups.set(group.id, entry)
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, member: unit.inChargeMember },
    groups: [...groups.values()],
  }
})
