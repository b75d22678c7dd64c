// Recording status reports against a real PostgreSQL: the happy path, every validation rule, the
// files, stale versions, double submits, concurrency and locked periods.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { testDatabase } from '@/test/helpers/database'
import { factories, formData, pdfFile, pngFile } from '@/test/helpers/factories'
import type { ActionContext } from './context'
import { recordStatusUpdate } from './status-update'
import { readStatusUpdateForm } from '@/lib/validation/status-update'

const database = testDatabase()
const make = factories(() => database.db)
const NOW = new Date('2026-11-28T03:00:00Z') // 10:00 in Ba Chẽ

let minhCamStaff: Actor & { displayName: string }
let inProgress: { id: string }
let overdueTask: { id: string }
let withIndicator: { id: string }

const at = (actor: Actor, now = NOW): ActionContext => ({ actor, now, ip: '203.0.113.7' })

async function freshAssignment(options: { dueDate?: Date; indicatorUnit?: string } = {}) {
  const group = await make.group()
  const task = await make.task({ groupId: group.id, ...options })
  return make.assignment({ taskId: task.id, unitId: minhCamStaff.unitId })
}

function report(assignmentId: string, fields: Record<string, string | File | File[] | undefined>, baseVersion = 0) {
  return formData({ assignmentId, baseVersion: String(baseVersion), submissionKey: randomUUID(), ...fields })
}

async function historyOf(assignmentId: string) {
  return database.db.statusUpdate.findMany({ where: { assignmentId }, orderBy: { createdAt: 'asc' }, include: { attachments: true } })
}

async function nothingWritten(assignmentId: string) {
  const [assignment, updates, audits] = await Promise.all([
    database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } }),
    database.db.statusUpdate.count({ where: { assignmentId } }),
    database.db.auditEvent.count({ where: { entityId: assignmentId, action: 'statusUpdate.create' } }),
  ])
  return assignment.version === 0 && assignment.status === 'NOT_STARTED' && updates === 0 && audits === 0
}

beforeAll(async () => {
  const minhCam = await make.unit({ name: 'Xã Minh Cầm' })
  minhCamStaff = await make.user({ role: 'STAFF', unitId: minhCam.id, name: 'Cán bộ xã Minh Cầm' })
  inProgress = await freshAssignment()
  overdueTask = await freshAssignment({ dueDate: new Date('2026-11-20') })
  withIndicator = await freshAssignment({ indicatorUnit: 'điểm trường' })
})

describe('a staff member reporting on their own unit', () => {
  test('records the status, progress and note in one update, moves the assignment on and audits it', async () => {
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(inProgress.id, { status: 'IN_PROGRESS', progress: '40', note: 'Đã họp chi bộ' })).input)
    expect(result.kind).toBe('saved')
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: inProgress.id } })
    expect(assignment).toMatchObject({ status: 'IN_PROGRESS', progress: 40, version: 1, lastUpdateById: minhCamStaff.id, lastUpdateAt: NOW, completedAt: null })
    const history = await historyOf(inProgress.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ status: 'IN_PROGRESS', progress: 40, note: 'Đã họp chi bộ', authorId: minhCamStaff.id, reviewState: 'PENDING' })
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: inProgress.id, action: 'statusUpdate.create' } })
    expect(audit).toMatchObject({ actorId: minhCamStaff.id, ip: '203.0.113.7', before: { status: 'NOT_STARTED', progress: 0, version: 0 } })
    expect(audit.after).toMatchObject({ status: 'IN_PROGRESS', progress: 40, version: 1, statusUpdateId: history[0]!.id, attachments: [] })
    expect(result).toMatchObject({ updateId: history[0]!.id })
    expect(z.uuid({ version: 'v7' }).safeParse(history[0]!.id).success).toBe(true)
  })

  test('marking done sets progress to 100 and the completion time', async () => {
    const a = await freshAssignment()
    expect((await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'DONE', progress: '60' })).input)).kind).toBe('saved')
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'DONE', progress: 100, completedAt: NOW })
  })

  test('reads an indicator typed with a Vietnamese decimal comma', async () => {
    expect((await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(withIndicator.id, { status: 'IN_PROGRESS', progress: '50', indicatorActual: '1.234,5' })).input)).kind).toBe('saved')
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: withIndicator.id } })
    expect(assignment.indicatorActual?.toString()).toBe('1234.5')
  })

  test('ignores an indicator sent for a task that has none', async () => {
    const a = await freshAssignment()
    await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '10', indicatorActual: '7' })).input)
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).indicatorActual).toBeNull()
  })
})

describe('bad input is refused beside its field, and nothing is written', () => {
  test.each([
    ['no status', { progress: '10' }, 'status', 'statusRequired'],
    ['an unknown status', { status: 'FINISHED', progress: '10' }, 'status', 'statusRequired'],
    ['no progress', { status: 'IN_PROGRESS', progress: '' }, 'progress', 'progressRequired'],
    ['progress above 100', { status: 'IN_PROGRESS', progress: '150' }, 'progress', 'progressRange'],
    ['progress that is not a whole number', { status: 'IN_PROGRESS', progress: '12.5' }, 'progress', 'progressRange'],
    ['negative progress', { status: 'IN_PROGRESS', progress: '-5' }, 'progress', 'progressRange'],
    ['progress on a task not started', { status: 'NOT_STARTED', progress: '30' }, 'progress', 'progressNotStarted'],
    ['an indicator that is not a number', { status: 'IN_PROGRESS', progress: '10', indicatorActual: 'mười' }, 'indicatorActual', 'indicatorNumber'],
    ['an indicator with three decimals', { status: 'IN_PROGRESS', progress: '10', indicatorActual: '1,255' }, 'indicatorActual', 'indicatorDecimals'],
    ['blocked without a note', { status: 'BLOCKED', progress: '10', note: '   ' }, 'note', 'noteRequiredBlocked'],
    ['a note over 2,000 characters', { status: 'IN_PROGRESS', progress: '10', note: 'x'.repeat(2001) }, 'note', 'noteTooLong'],
  ])('%s', async (_name, fields, field, code) => {
    const a = await freshAssignment({ indicatorUnit: 'người' })
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, fields)).input)
    expect(result).toMatchObject({ kind: 'invalid', problems: { [field]: { code } } })
    expect(await nothingWritten(a.id)).toBe(true)
  })

  test('lower progress than last reported needs a note saying why', async () => {
    const a = await freshAssignment()
    await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '60' })).input)
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '40' }, 1)).input)
    expect(result).toMatchObject({ kind: 'invalid', problems: { note: { code: 'noteRequiredProgressDown', params: { previous: 60 } } } })
    expect(await historyOf(a.id)).toHaveLength(1)
    const explained = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '40', note: 'Phải làm lại hồ sơ' }, 1)).input)
    expect(explained.kind).toBe('saved')
  })

  test('marking done after the due date needs a note saying why', async () => {
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(overdueTask.id, { status: 'DONE', progress: '100' })).input)
    expect(result).toMatchObject({ kind: 'invalid', problems: { note: { code: 'noteRequiredLate', params: { due: '20/11/2026' } } } })
    expect(await nothingWritten(overdueTask.id)).toBe(true)
  })
})

describe('evidence files', () => {
  test('a PDF and an image are stored with the update, typed by their content', async () => {
    const a = await freshAssignment()
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '20', files: [pdfFile('Biên bản họp.pdf'), pngFile('ảnh hiện trường.png')] })).input)
    expect(result.kind).toBe('saved')
    const [update] = await historyOf(a.id)
    expect(update?.attachments.map((f) => [f.fileName, f.mediaType]).sort()).toEqual([
      ['Biên bản họp.pdf', 'application/pdf'],
      ['ảnh hiện trường.png', 'image/png'],
    ])
    expect(update?.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  test.each([
    ['the empty part a browser sends', ''],
    ['the empty file React sends', 'undefined'],
  ])('no file chosen (%s) is no attachment', async (_name, fileName) => {
    const a = await freshAssignment()
    expect((await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '20', files: new File([], fileName) })).input)).kind).toBe('saved')
    expect((await historyOf(a.id))[0]?.attachments).toEqual([])
  })

  test.each([
    ['a file over 10 MB', () => [pdfFile('lon.pdf', 10 * 1024 * 1024)], { code: 'fileTooLarge', params: { name: 'lon.pdf' } }],
    ['six files', () => Array.from({ length: 6 }, (_, i) => pdfFile(`tep-${i}.pdf`)), { code: 'tooManyFiles', params: { max: 5 } }],
    ['an image named .pdf', () => [pngFile('gia-mao.pdf')], { code: 'fileType', params: { name: 'gia-mao.pdf' } }],
    ['a program named .pdf', () => [new File([Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])], 'chuong-trinh.pdf')], { code: 'fileType', params: { name: 'chuong-trinh.pdf' } }],
    ['a text file', () => [new File(['chỉ là chữ'], 'ghi-chu.txt', { type: 'text/plain' })], { code: 'fileType', params: { name: 'ghi-chu.txt' } }],
  ])('%s is refused and nothing is written', async (_name, files, files_problem) => {
    const a = await freshAssignment()
    const result = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '20', files: files() })).input)
    expect(result).toMatchObject({ kind: 'invalid', problems: { files: files_problem } })
    expect(await nothingWritten(a.id)).toBe(true)
    expect(await database.db.attachment.count({ where: { statusUpdate: { assignmentId: a.id } } })).toBe(0)
  })
})

describe('nobody loses work to someone else', () => {
  test('a report made on an old version is refused with what was saved in between, and overwrites nothing', async () => {
    const a = await freshAssignment()
    const colleague = await make.user({ role: 'STAFF', unitId: minhCamStaff.unitId, name: 'Đồng nghiệp' })
    expect((await recordStatusUpdate(at(colleague), readStatusUpdateForm(report(a.id, { status: 'BLOCKED', progress: '30', note: 'Thiếu kinh phí' })).input)).kind).toBe('saved')
    const stale = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '50' }, 0)).input)
    expect(stale).toMatchObject({ kind: 'conflict', path: { taskCode: expect.any(String) }, current: { status: 'BLOCKED', progress: 30, note: 'Thiếu kinh phí', authorName: 'Đồng nghiệp', version: 1, savedAt: NOW } })
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'BLOCKED', progress: 30, version: 1 })
    expect(await historyOf(a.id)).toHaveLength(1)
  })

  test('the same form submitted twice makes one update', async () => {
    const a = await freshAssignment()
    const form = report(a.id, { status: 'IN_PROGRESS', progress: '25' })
    const first = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form).input)
    const second = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form).input)
    expect(first.kind).toBe('saved')
    expect(second).toEqual(first)
    expect(await historyOf(a.id)).toHaveLength(1)
  })

  test('the same form submitted twice at once makes one update', async () => {
    const a = await freshAssignment()
    const form = report(a.id, { status: 'IN_PROGRESS', progress: '25' })
    const results = await Promise.all([recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form).input), recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form).input)])
    expect(results.map((r) => r.kind)).toEqual(['saved', 'saved'])
    expect(await historyOf(a.id)).toHaveLength(1)
  })

  test('a form key raced onto another assignment is refused by the unique key: the first save stands, the second writes nothing', async () => {
    const [first, second] = [await freshAssignment(), await freshAssignment()]
    const submissionKey = randomUUID()
    const form = (assignmentId: string) => formData({ assignmentId, baseVersion: '0', submissionKey, status: 'IN_PROGRESS', progress: '30' })
    // Hold the second assignment's row so its save waits after its snapshot is taken (the key is
    // not yet there), then save the first with the same key: the second's insert meets the key.
    const racing = await database.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Assignment" WHERE id = ${second.id}::uuid FOR UPDATE`
      const waiting = recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form(second.id)).input)
      while ((await database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n === 0);
      const saved = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(form(first.id)).input)
      return { saved, waiting }
    })
    expect(racing.saved.kind).toBe('saved')
    expect(await racing.waiting).toMatchObject({ kind: 'saved', updateId: racing.saved.kind === 'saved' ? racing.saved.updateId : '' })
    expect(await historyOf(first.id)).toHaveLength(1)
    expect(await nothingWritten(second.id)).toBe(true)
  })

  test('a form made before another report is answered with that report, not judged against it', async () => {
    const a = await freshAssignment()
    expect((await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '60' })).input)).kind).toBe('saved')
    // Made on version 0 and lower than the 60 % saved since: no note is asked for, the conflict is shown.
    expect(await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '20' })).input)).toMatchObject({ kind: 'conflict', current: { progress: 60 } })
  })

  test('20 concurrent reports on one assignment: each is saved once or cleanly refused, never lost', async () => {
    const a = await freshAssignment()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: String(i + 1) })).input)),
    )
    const saved = results.filter((r) => r.kind === 'saved')
    expect(saved.length + results.filter((r) => r.kind === 'conflict').length).toBe(20)
    const history = await historyOf(a.id)
    expect(history.map((u) => u.id).sort()).toEqual(saved.map((r) => (r.kind === 'saved' ? r.updateId : '')).sort())
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })
    expect(assignment.version).toBe(saved.length)
    expect(assignment.progress).toBe(history.at(-1)?.progress)
  })

  test('20 concurrent reports that each retry on conflict all end in the history, in order of their versions', async () => {
    const a = await freshAssignment()
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        let version = 0
        for (;;) {
          const r = await recordStatusUpdate(at(minhCamStaff), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '50', note: `lần ${i}` }, version)).input)
          if (r.kind !== 'conflict') return expect(r.kind).toBe('saved')
          version = r.current.version
        }
      }),
    )
    expect(await historyOf(a.id)).toHaveLength(20)
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(20)
  })
})

describe('locked reporting periods', () => {
  test('nothing can be reported while the period it falls in is locked', async () => {
    const a = await freshAssignment()
    await database.db.reportingPeriod.create({
      data: { code: 'khoa-so', name: 'Sơ kết đã khóa', kind: 'INTERIM', startDate: new Date('2030-01-01'), endDate: new Date('2030-01-31'), lockedAt: NOW },
    })
    const inLocked = new Date('2030-01-15T03:00:00Z')
    expect(await recordStatusUpdate(at(minhCamStaff, inLocked), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '10' })).input)).toEqual({ kind: 'locked', period: 'Sơ kết đã khóa' })
    expect(await nothingWritten(a.id)).toBe(true)
    const afterwards = new Date('2030-02-01T03:00:00Z')
    expect((await recordStatusUpdate(at(minhCamStaff, afterwards), readStatusUpdateForm(report(a.id, { status: 'IN_PROGRESS', progress: '10' })).input)).kind).toBe('saved')
  })
})
