// Splits of units: one unit ends and several parts, existing units or new ones, carry its work on,
// from a dated decision: the reverse of a merge (./unit-merge.ts). The split unit keeps its history:
// every report stays its own, and it stands (for pages read as of a day) until the split's day, when
// its stretches of name end and it becomes inactive. Each assignment goes to the part the
// administrator chose (a done one, to the first part unless chosen: the district's done work does
// not shrink because a unit split), which carries it on by a first report of
// the administrator quoting the split unit's state (combined with the part's own assignment of the
// task, when it has one, as a merge combines them). Its page, /units/<old> and /communes/<old>,
// stays and links to the parts: with several successors no address redirects.
import 'server-only'
import { membersWhere, unitRowInScopeSql, type Actor } from '@/lib/auth/permissions'
import { Prisma } from '@/lib/db/client'
import type { UnitKind } from '@/lib/db/generated/enums'
import { formatDay, type CalendarDay } from '@/lib/domain/calendar'
import { adminProblem, parseAdmin, SPLIT_CHOICES, SPLIT_DEACTIVATE, unitSplitSchema, type AdminProblems, type AdminValues, type UnitSplitInput } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { unitChangeNoticeSql } from '../notify'
import { adminWrite, formId, InvalidInput, MissingRecord, snapshot } from './core'
import { carryNote, carryOverMany, carrySource, carryTime, checkChangeDay, checkNotBeforeReports, combined, sourceRows, type Carried, type CarrySource } from './unit-carry'
import { isWithin } from './units'

type Label = { id: string; name: string; code: string }

/** A unit after the split: an existing one (its id is its key) or a new one (key `new<n>`, id empty until made). */
export type SplitPart = Label & { key: string; isNew: boolean; inChargeMemberId: string | null; inChargeName: string | null }

/** An assignment of the split unit, the part chosen to take it (null: not chosen yet), and what that part carries on. */
export type SplitAssignment = Carried & {
  taskId: string
  taskCode: string
  title: string
  source: CarrySource
  responsibleMemberId: string | null
  partKey: string | null
  /** The chosen part's own assignment of the task, combined with the source. */
  existing: CarrySource | null
}

/** What a split would do, shown before it is applied and applied as shown. */
export type UnitSplitPlan = {
  kind: 'SPLIT'
  effectiveDate: CalendarDay
  reason: string
  /** The unit split: inactive from the day; new parts take its kind and place in the tree. */
  unit: Label & { kind: UnitKind; parentId: string | null; sortOrder: number; inChargeMemberId: string | null }
  parts: SplitPart[]
  assignments: SplitAssignment[]
  /** Its active accounts, each to a part (its key) or deactivated (null). */
  accounts: { id: string; username: string; displayName: string; partKey: string | null }[]
  /** Its active units below, each placed under a part (null: not chosen yet). */
  children: { id: string; name: string; partKey: string | null }[]
  /** The members who may be put in charge of a part. */
  members: { id: string; name: string }[]
}

export type UnitSplitResult = { plan: UnitSplitPlan; applied: boolean }

/**
 * Splits a unit (`intent` "apply"), or only says what that would do (nothing written; the choices
 * the preview asks for may still be missing). Refused before anything is written: fewer than two
 * parts; a part that is the unit itself, a unit below or above it, or inactive; an inactive unit; a
 * day more than a year ahead or after today, before a report on the work that moves, or on which
 * one of the units already changes; a new code any unit ever had; and when applied, an open
 * assignment or a child unit left without a part.
 */
export function splitUnit(context: ActionContext, values: AdminValues) {
  const id = formId(values)
  const apply = values.intent === 'apply'
  return adminWrite<UnitSplitInput, UnitSplitResult>(context, {
    action: 'unit.split',
    entity: 'Unit',
    entityId: id,
    parsed: () => parseAdmin(unitSplitSchema, values),
    // Two administrators giving one code at once: the key of UnitCode decides.
    unique: { field: 'form', code: 'codeEverUsed' },
    write: async (tx, input) => {
      const plan = await planSplit(tx, context.actor, context.now, input)
      if (apply) {
        checkChosen(plan)
        await applySplit(tx, context, plan)
      }
      return { plan, applied: apply }
    },
  })
}

/** Every open assignment and every child unit has its part: the parts account for all the work that moves. */
function checkChosen(plan: UnitSplitPlan): void {
  const problems: AdminProblems = {}
  for (const a of plan.assignments) if (a.partKey === null) problems[`${SPLIT_CHOICES.take}${a.source.assignmentId}`] = adminProblem('splitUnassigned')
  for (const c of plan.children) if (c.partKey === null) problems[`${SPLIT_CHOICES.child}${c.id}`] = adminProblem('splitChildUnplaced')
  if (Object.keys(problems).length > 0) throw new InvalidInput(problems)
}

async function planSplit(tx: Prisma.TransactionClient, actor: Actor, now: Date, input: UnitSplitInput): Promise<UnitSplitPlan> {
  const all = [...new Set([input.id, ...input.partIds])]
  // Locked: a change of one of these units at the same time waits, and then sees this one.
  const units = await tx.$queryRaw<{ id: string; name: string; code: string; kind: UnitKind; parentId: string | null; sortOrder: number; active: boolean; inChargeMemberId: string | null }[]>`
    SELECT id::text AS id, name, code, kind::text AS kind, "parentId"::text AS "parentId", "sortOrder", active, "inChargeMemberId"::text AS "inChargeMemberId"
      FROM "Unit" WHERE id = ANY(${all}::uuid[]) AND ${unitRowInScopeSql(actor, '"Unit"')} ORDER BY id FOR UPDATE`
  const byId = new Map(units.map((u) => [u.id, u]))
  const unit = byId.get(input.id)
  if (!unit) throw new MissingRecord()
  if (!unit.active) throw InvalidInput.of('form', 'splitUnitInactive')
  // The root of the administrator's own scope is not split: its parts could stand outside it.
  if (actor.scopeUnitId === unit.id) throw InvalidInput.of('form', 'scopeRootFixed')
  if (input.partIds.includes(unit.id)) throw InvalidInput.of('partIds', 'splitIntoItself')
  if (input.partIds.length + input.newParts.length < 2) throw InvalidInput.of('partIds', 'splitTooFew')
  const existing = input.partIds.map((p) => byId.get(p))
  if (existing.some((p) => !p?.active)) throw InvalidInput.of('partIds', 'splitPartInactive')
  for (const p of input.partIds) {
    // A unit below ends with the split unit's end; a unit above would take its own unit's work.
    if (await isWithin(tx, p, unit.id)) throw InvalidInput.of('partIds', 'splitIntoDescendant')
    if (await isWithin(tx, unit.id, p)) throw InvalidInput.of('partIds', 'splitIntoAncestor')
  }

  const day = input.effectiveDate
  await checkChangeDay(tx, now, day, all, { notAhead: 'splitNotAhead' })
  for (const p of input.newParts) if (await tx.unitCode.findUnique({ where: { code: p.code }, select: { code: true } })) throw InvalidInput.of(`newCode${p.n}`, 'codeEverUsed')

  const [rows, accounts, children, members] = await Promise.all([
    sourceRows(tx, Prisma.sql`a."unitId" = ${unit.id}::uuid`),
    tx.user.findMany({ where: { unitId: unit.id, active: true }, orderBy: { username: 'asc' }, select: { id: true, username: true, displayName: true } }),
    tx.unit.findMany({ where: { parentId: unit.id, active: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    tx.member.findMany({ where: { active: true, ...membersWhere(actor) }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
  ])
  const memberName = new Map(members.map((m) => [m.id, m.name]))
  const inCharge = (key: string, current: string | null): string | null => {
    const chosen = input.inCharge.get(key)
    if (chosen === undefined) return current
    if (chosen === '') return null
    if (!memberName.has(chosen)) throw InvalidInput.of(`${SPLIT_CHOICES.inCharge}${key}`, 'choiceMissing')
    return chosen
  }
  const parts: SplitPart[] = [
    ...existing.flatMap((p) => (p ? [{ key: p.id, id: p.id, name: p.name, code: p.code, isNew: false, inChargeMemberId: inCharge(p.id, p.inChargeMemberId) }] : [])),
    ...input.newParts.map((p) => ({ key: p.key, id: '', name: p.name, code: p.code, isNew: true, inChargeMemberId: inCharge(p.key, unit.inChargeMemberId) })),
  ].map((p) => ({ ...p, inChargeName: p.inChargeMemberId ? (memberName.get(p.inChargeMemberId) ?? null) : null }))
  if (parts.some((p) => p.inChargeMemberId && !p.inChargeName)) {
    // A member in charge kept from before: named too.
    const kept = await tx.member.findMany({ where: { id: { in: parts.flatMap((p) => (p.inChargeMemberId ? [p.inChargeMemberId] : [])) } }, select: { id: true, name: true } })
    for (const p of parts) p.inChargeName ??= kept.find((m) => m.id === p.inChargeMemberId)?.name ?? null
  }
  const partKeys = new Set(parts.map((p) => p.key))
  const partOf = (choice: string | undefined): string | null => (choice !== undefined && partKeys.has(choice) ? choice : null)
  // Open work waits for the administrator's choice; done work goes to the first part unless chosen.
  const takenBy = (r: { id: string; status: string }): string | null => partOf(input.take.get(r.id)) ?? (r.status === 'DONE' ? (parts[0]?.key ?? null) : null)

  // The existing parts' own assignments of the tasks they take: combined with the source.
  const taken = rows.flatMap((r) => {
    const key = takenBy(r)
    return key && byId.has(key) ? [{ unitId: key, taskId: r.taskId }] : []
  })
  const own =
    taken.length > 0
      ? await sourceRows(tx, Prisma.sql`(a."unitId", a."taskId") IN (SELECT * FROM unnest(${taken.map((t) => t.unitId)}::uuid[], ${taken.map((t) => t.taskId)}::uuid[]))`)
      : []
  const label = (u: { id: string; name: string; code: string }): Label => ({ id: u.id, name: u.name, code: u.code })
  const assignments = rows.map((r): SplitAssignment => {
    const partKey = takenBy(r)
    const source = carrySource(r, label(unit))
    const mine = own.find((o) => o.unitId === partKey && o.taskId === r.taskId)
    const part = byId.get(mine?.unitId ?? '')
    const existingSource = mine && part ? carrySource(mine, label(part)) : null
    return { taskId: r.taskId, taskCode: r.taskCode, title: r.title, source, responsibleMemberId: r.responsibleMemberId, partKey, existing: existingSource, ...combined([...(existingSource ? [existingSource] : []), source]) }
  })
  // The work that moves, and the parts' assignments it is combined with: the split may not be dated before their latest report.
  await checkNotBeforeReports(tx, day, touchedBy(assignments), 'splitBeforeReport')

  return {
    kind: 'SPLIT',
    effectiveDate: day,
    reason: input.reason,
    unit: { ...label(unit), kind: unit.kind, parentId: unit.parentId, sortOrder: unit.sortOrder, inChargeMemberId: unit.inChargeMemberId },
    parts,
    assignments,
    accounts: accounts.map((a) => {
      const choice = input.account.get(a.id)
      return { ...a, partKey: choice === SPLIT_DEACTIVATE ? null : partOf(choice) }
    }),
    children: children.map((c) => ({ ...c, partKey: partOf(input.child.get(c.id)) })),
    members,
  }
}

const touchedBy = (assignments: SplitAssignment[]): string[] => assignments.flatMap((a) => [a.source.assignmentId, ...(a.existing ? [a.existing.assignmentId] : [])])

/** The report that carries the split unit's work over to a part: the decision, then its state and latest note. */
function splitNote(plan: UnitSplitPlan, a: SplitAssignment): string {
  const names = plan.parts.map((p) => p.name).join(', ')
  return carryNote(`Chia tách ${plan.unit.name} thành ${names} từ ngày ${formatDay(plan.effectiveDate)} (${plan.reason}). Tình hình trước chia tách:`, [a.source])
}

/**
 * The split as planned (its choices all made): the new parts made and every part given its member
 * in charge, the change and its parts, the split unit's stretch of name ended on the day and the
 * unit deactivated, its units below placed under their parts, each assignment carried on by
 * its part, the accounts moved or deactivated, the notifications (to the active staff of every unit
 * on either side, and to the members in charge of them before and after), and the audit row. Written
 * as one step of the caller's transaction, so a split dated ahead can be applied on its day by the
 * same function.
 */
export async function applySplit(tx: Prisma.TransactionClient, context: ActionContext, plan: UnitSplitPlan): Promise<void> {
  const day = new Date(plan.effectiveDate)
  const formerInCharge = new Set<string>()
  const made = new Map<string, Label>()
  for (const p of plan.parts) {
    if (p.isNew) {
      const unit = await tx.unit.create({
        data: { name: p.name, code: p.code, kind: plan.unit.kind, parentId: plan.unit.parentId, sortOrder: plan.unit.sortOrder, inChargeMemberId: p.inChargeMemberId },
        select: { id: true, name: true, code: true },
      })
      // A unit made by the split stands from its day on: pages of earlier days do not show it.
      await tx.unitName.updateMany({ where: { unitId: unit.id }, data: { validFrom: day } })
      made.set(p.key, unit)
    } else {
      const before = await tx.unit.findUniqueOrThrow({ where: { id: p.id }, select: { inChargeMemberId: true } })
      if (before.inChargeMemberId && before.inChargeMemberId !== p.inChargeMemberId) formerInCharge.add(before.inChargeMemberId)
      await tx.unit.update({ where: { id: p.id }, data: { inChargeMemberId: p.inChargeMemberId } })
      made.set(p.key, { id: p.id, name: p.name, code: p.code })
    }
  }
  const partId = (key: string | null): string => {
    const part = key === null ? undefined : made.get(key)
    if (!part) throw new Error('a split applied with a choice not made')
    return part.id
  }
  // The split unit's member in charge is told too: it had the unit until now.
  if (plan.unit.inChargeMemberId) formerInCharge.add(plan.unit.inChargeMemberId)

  const parts = [...made.values()]
  const change = await tx.unitChange.create({
    data: {
      kind: 'SPLIT',
      effectiveDate: day,
      reason: plan.reason,
      createdById: context.actor.id,
      createdAt: context.now,
      appliedAt: context.now,
      parts: {
        create: [
          { unitId: plan.unit.id, side: 'BEFORE', name: plan.unit.name, code: plan.unit.code },
          // An existing part is on both sides, as a merge's existing successor is.
          ...plan.parts.filter((p) => !p.isNew).map((p) => ({ unitId: p.id, side: 'BEFORE' as const, name: p.name, code: p.code })),
          ...parts.map((p) => ({ unitId: p.id, side: 'AFTER' as const, name: p.name, code: p.code })),
        ],
      },
    },
    select: { id: true },
  })
  await tx.unitName.updateMany({ where: { unitId: plan.unit.id, validTo: null }, data: { validTo: day } })
  await tx.unit.update({ where: { id: plan.unit.id }, data: { active: false } })
  for (const c of plan.children) await tx.unit.update({ where: { id: c.id }, data: { parentId: partId(c.partKey) } })

  const at = await carryTime(tx, context, plan.effectiveDate, touchedBy(plan.assignments))
  const ids = await carryOverMany(
    tx,
    context,
    at,
    plan.assignments.map((a) => ({
      target: a.existing ? { assignmentId: a.existing.assignmentId } : { taskId: a.taskId, unitId: partId(a.partKey), responsibleMemberId: a.responsibleMemberId },
      figures: { status: a.status, progress: a.progress, indicatorActual: a.indicatorActual },
      note: splitNote(plan, a),
    })),
  )
  const carried = plan.assignments.map((a, i) => ({ taskCode: a.taskCode, from: a.source.assignmentId, assignmentId: ids[i] }))

  const moved = plan.accounts.filter((a) => a.partKey !== null)
  const deactivated = plan.accounts.filter((a) => a.partKey === null).map((a) => a.id)
  for (const a of moved) await tx.user.update({ where: { id: a.id }, data: { unitId: partId(a.partKey) } })
  if (deactivated.length > 0) await tx.user.updateMany({ where: { id: { in: deactivated } }, data: { active: false } })
  // After the accounts moved: those deactivated could not read it.
  await tx.$executeRaw(unitChangeNoticeSql(context, change.id, [...formerInCharge]))

  await recordAudit(tx, context, {
    action: 'unit.split',
    entity: 'Unit',
    entityId: plan.unit.id,
    before: snapshot({ unit: { id: plan.unit.id, name: plan.unit.name, code: plan.unit.code, inChargeMemberId: plan.unit.inChargeMemberId } }),
    after: snapshot({
      parts: plan.parts.map((p) => ({ ...(made.get(p.key) ?? p), created: p.isNew, inChargeMemberId: p.inChargeMemberId })),
      effectiveDate: plan.effectiveDate,
      reason: plan.reason,
      changeId: change.id,
      assignments: carried,
      movedUsers: moved.map((a) => ({ id: a.id, unitId: partId(a.partKey) })),
      deactivatedUsers: deactivated,
      children: plan.children.map((c) => ({ id: c.id, parentId: partId(c.partKey) })),
    }),
  })
}
