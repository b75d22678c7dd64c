// Assigning a task to every commune in one step, or to chosen units.
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { assignTask } from './assignments'
import { adminValues } from './test-form'

const database = testDatabase()
const make = factories(() => database.db)
const as = (actor: Actor) => ({ actor, now: new Date('2026-11-28T03:00:00Z'), ip: null })

let admin: Actor
let leader: Actor
let groupId: string
let communes: string[]
let agencyId: string

beforeAll(async () => {
  const district = await make.unit({ kind: 'DISTRICT' })
  admin = await make.user({ role: 'ADMIN', unitId: district.id })
  leader = await make.user({ role: 'LEADER', unitId: district.id, memberId: (await make.member()).id })
  groupId = (await make.group()).id
  communes = [(await make.unit({ kind: 'TOWNSHIP' })).id, (await make.unit()).id, (await make.unit()).id]
  await database.db.unit.update({ where: { id: (await make.unit()).id }, data: { active: false } }) // a commune no longer in use
  agencyId = (await make.unit({ kind: 'AGENCY' })).id
})

const assignments = (taskId: string) => database.db.assignment.findMany({ where: { taskId }, select: { unitId: true } }).then((rows) => rows.map((r) => r.unitId).sort())

describe('assigning to every commune', () => {
  test('gives the task to each active commune and the township, skipping those that have it, with an audit row per new assignment', async () => {
    const task = await make.task({ groupId })
    await make.assignment({ taskId: task.id, unitId: communes[0]! })
    const result = await assignTask(as(admin), adminValues({ taskId: task.id, target: 'communes' }))
    expect(result).toEqual({ kind: 'saved', taskCode: task.code, created: 2, skipped: 1 })
    expect(await assignments(task.id)).toEqual([...communes].sort())
    const audits = await database.db.auditEvent.findMany({ where: { action: 'assignment.create', actorId: admin.id, after: { path: ['taskId'], equals: task.id } } })
    expect(audits.map((a) => (a.after as { unitId: string }).unitId).sort()).toEqual([communes[1]!, communes[2]!].sort())

    // Again: nothing new.
    expect(await assignTask(as(admin), adminValues({ taskId: task.id, target: 'communes' }))).toMatchObject({ created: 0, skipped: 3 })
  })
})

describe('assigning to chosen units', () => {
  test('gives the task to the units ticked only', async () => {
    const task = await make.task({ groupId })
    expect(await assignTask(as(admin), adminValues({ taskId: task.id, target: 'chosen', unitIds: [agencyId, communes[1]!] }))).toMatchObject({ kind: 'saved', created: 2, skipped: 0 })
    expect(await assignments(task.id)).toEqual([agencyId, communes[1]!].sort())
  })

  test('no unit ticked, or a unit no longer in use, writes nothing', async () => {
    const task = await make.task({ groupId })
    const inactive = await database.db.unit.findFirstOrThrow({ where: { active: false } })
    expect(await assignTask(as(admin), adminValues({ taskId: task.id, target: 'chosen' }))).toEqual({ kind: 'invalid', problems: { unitIds: { code: 'unitsRequired' } } })
    expect(await assignTask(as(admin), adminValues({ taskId: task.id, target: 'chosen', unitIds: [communes[1]!, inactive.id] }))).toEqual({ kind: 'invalid', problems: { unitIds: { code: 'choiceMissing' } } })
    expect(await assignments(task.id)).toEqual([])
  })

  test('a deactivated task is not assigned', async () => {
    const task = await make.task({ groupId })
    await database.db.task.update({ where: { id: task.id }, data: { active: false } })
    expect(await assignTask(as(admin), adminValues({ taskId: task.id, target: 'communes' }))).toEqual({ kind: 'invalid', problems: { target: { code: 'taskInactive' } } })
    expect(await assignments(task.id)).toEqual([])
  })
})

test('a leader cannot assign: nothing is written and the refusal is audited', async () => {
  const task = await make.task({ groupId })
  expect(await assignTask(as(leader), adminValues({ taskId: task.id, target: 'communes' }))).toEqual({ kind: 'notFound' })
  expect(await assignments(task.id)).toEqual([])
  expect(await database.db.auditEvent.count({ where: { action: 'assignment.create.refused', actorId: leader.id, entityId: task.id } })).toBe(1)
})
