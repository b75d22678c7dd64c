// Importing tasks and assignments from XLSX or CSV. The check reads the file and says
// what each row would do, writing nothing. The answer carries the file back (base64 in a hidden
// field: a browser never refills a file input, and this works without JavaScript); applying reads
// it again, plans again inside one transaction, and writes every row or none.
import 'server-only'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { db } from '@/lib/db'
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/columns'
import { countOutcomes, planImport, type ImportPlan } from '@/lib/import/plan'
import { MAX_IMPORT_BYTES, readTable, type TableRow } from '@/lib/import/read'
import { adminProblem, type AdminProblems } from '@/lib/validation/admin'
import { recordAudit } from '@/lib/audit/record'
import type { ActionContext } from '../context'
import { adminAllowed } from './core'
import { writeTask } from './tasks'

export type ImportUpload = { fileName: string; content: string }

export type ImportResult =
  | { kind: 'notFound' }
  | { kind: 'invalid'; problems: AdminProblems }
  | { kind: 'checked'; plan: ImportPlan; upload: ImportUpload }
  /** Applying found rows in error (the data changed since the check): nothing was written. */
  | { kind: 'rejected'; plan: ImportPlan; upload: ImportUpload }
  | { kind: 'applied'; plan: ImportPlan }

const kindSchema = z.enum(IMPORT_KINDS)

/**
 * The file: freshly chosen (`file`), or carried back from the check (`content`, `fileName`);
 * `bytes` is null when it is too large to read.
 */
async function uploaded(form: FormData): Promise<{ fileName: string; bytes: Uint8Array | null } | null> {
  const file = form.get('file')
  if (file instanceof File && file.size > 0) return { fileName: file.name.slice(0, 200), bytes: file.size > MAX_IMPORT_BYTES ? null : new Uint8Array(await file.arrayBuffer()) }
  const content = form.get('content')
  if (typeof content !== 'string' || content === '') return null
  const bytes = content.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 ? null : new Uint8Array(Buffer.from(content, 'base64'))
  return { fileName: String(form.get('fileName') ?? '').slice(0, 200), bytes }
}

type Read = { kind: 'read'; importKind: ImportKind; rows: TableRow[]; upload: ImportUpload; sha256: string } | { kind: 'invalid'; problems: AdminProblems }

async function readForm(form: FormData): Promise<Read> {
  const importKind = kindSchema.safeParse(form.get('kind'))
  const upload = await uploaded(form)
  const problems: AdminProblems = {}
  if (!importKind.success) problems.kind = adminProblem('importKindRequired')
  if (!upload) problems.file = adminProblem('fileRequired')
  else if (!upload.bytes) problems.file = adminProblem('fileTooLarge')
  if (!importKind.success || !upload?.bytes) return { kind: 'invalid', problems }
  const table = await readTable(importKind.data, upload.bytes)
  if (table.kind === 'problem') return { kind: 'invalid', problems: { file: adminProblem(table.code, table.params) } }
  return {
    kind: 'read',
    importKind: importKind.data,
    rows: table.rows,
    upload: { fileName: upload.fileName, content: Buffer.from(upload.bytes).toString('base64') },
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
  }
}

export async function checkImport(context: ActionContext, form: FormData): Promise<ImportResult> {
  if (!(await adminAllowed(context, 'import.check', 'Import', null))) return { kind: 'notFound' }
  const read = await readForm(form)
  if (read.kind === 'invalid') return read
  return { kind: 'checked', plan: await planImport(db(), context.actor, read.importKind, read.rows), upload: read.upload }
}

class Rejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super('import rejected')
  }
}

export async function applyImport(context: ActionContext, form: FormData): Promise<ImportResult> {
  if (!(await adminAllowed(context, 'import.apply', 'Import', null))) return { kind: 'notFound' }
  const read = await readForm(form)
  if (read.kind === 'invalid') return read
  try {
    const plan = await db().$transaction(
      async (tx) => {
        const plan = await planImport(tx, context.actor, read.importKind, read.rows)
        if (plan.rows.some((r) => r.outcome === 'error')) throw new Rejected(plan)
        if (plan.kind === 'tasks') {
          for (const r of plan.rows) if (r.write) await writeTask(tx, context, r.write.input, r.write.before)
        } else {
          const created = await tx.assignment.createManyAndReturn({
            data: plan.rows.flatMap((r) => (r.outcome === 'create' && r.write ? [{ ...r.write, createdAt: context.now }] : [])),
            skipDuplicates: true,
            select: { id: true, taskId: true, unitId: true },
          })
          for (const a of created) await recordAudit(tx, context, { action: 'assignment.create', entity: 'Assignment', entityId: a.id, after: { taskId: a.taskId, unitId: a.unitId } })
          for (const r of plan.rows) {
            if (r.outcome !== 'update' || !r.write) continue
            const { taskId, unitId, indicatorTarget, indicatorBaseline } = r.write
            const before = await tx.assignment.findUniqueOrThrow({ where: { taskId_unitId: { taskId, unitId } }, select: { id: true, indicatorTarget: true, indicatorBaseline: true } })
            // An empty cell leaves the assignment's figure as it is.
            const saved = await tx.assignment.update({
              where: { id: before.id },
              data: { indicatorTarget: indicatorTarget ?? before.indicatorTarget, indicatorBaseline: indicatorBaseline ?? before.indicatorBaseline },
              select: { indicatorTarget: true, indicatorBaseline: true },
            })
            await recordAudit(tx, context, {
              action: 'assignment.target',
              entity: 'Assignment',
              entityId: before.id,
              before: { indicatorTarget: before.indicatorTarget?.toString() ?? null, indicatorBaseline: before.indicatorBaseline?.toString() ?? null },
              after: { indicatorTarget: saved.indicatorTarget?.toString() ?? null, indicatorBaseline: saved.indicatorBaseline?.toString() ?? null },
            })
          }
        }
        await recordAudit(tx, context, {
          action: 'import.apply',
          entity: 'Import',
          entityId: read.sha256,
          after: { kind: read.importKind, fileName: read.upload.fileName, sha256: read.sha256, ...countOutcomes(plan) },
        })
        return plan
      },
      { timeout: 60_000 },
    )
    return { kind: 'applied', plan }
  } catch (error) {
    if (error instanceof Rejected) return { kind: 'rejected', plan: error.plan, upload: read.upload }
    throw error
  }
}
