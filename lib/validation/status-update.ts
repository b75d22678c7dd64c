// The status report form: field formats here, rules that depend on the assignment in
// lib/domain/status-update-rules.ts. Answers are message keys (lib/validation/messages.ts).
import { z } from 'zod'
import { REPORT_CHANNELS, type ReportChannel } from '@/lib/domain/notifications'
import { TASK_STATUSES, type TaskStatus } from '@/lib/domain/status'
import { decimalPlaces, parseDecimal } from './decimal'
import { chosenFiles } from './evidence'
import { NOTE_MAX_LENGTH, typedValues, type StatusUpdateValues } from './status-update-values'
import { problem, type FieldProblem } from './messages'

const INDICATOR_MAX = 999_999_999_999 // DECIMAL(14, 2)

/** The hidden fields: a form that lacks them was not rendered by us, and is answered as not found. */
const formIdentity = z.object({
  assignmentId: z.uuid(),
  baseVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  submissionKey: z.uuid(),
})

export type StatusUpdateInput = z.infer<typeof formIdentity> & {
  status: TaskStatus
  progress: number
  /** A plain decimal string, or null when left empty. */
  indicatorActual: string | null
  note: string | null
  /** How the unit sent the report, when the office enters it on the unit's behalf; whether one is needed the core decides. */
  onBehalfVia: ReportChannel | null
}

export type StatusUpdateProblems = Partial<Record<keyof StatusUpdateValues | 'files', FieldProblem>>

const statusSchema = z.enum(TASK_STATUSES)
const channelSchema = z.enum(REPORT_CHANNELS)

export type ParsedStatusUpdate =
  | { kind: 'foreign' }
  | { kind: 'invalid'; problems: StatusUpdateProblems }
  | { kind: 'valid'; input: StatusUpdateInput }

/**
 * The posted form, read once: the assignment it names (a checked id; null when the form is not
 * ours), its fields parsed, the files chosen. The core judges the rest against the assignment.
 */
export type StatusUpdateForm = { assignmentId: string | null; parsed: ParsedStatusUpdate; files: File[] }

/** Reads the form once: the values as typed (sent back with any answer) and what the core is given. */
export function readStatusUpdateForm(form: FormData): { values: StatusUpdateValues; input: StatusUpdateForm } {
  const values = typedValues(form)
  const identity = formIdentity.safeParse({
    assignmentId: form.get('assignmentId'),
    baseVersion: form.get('baseVersion'),
    submissionKey: form.get('submissionKey'),
  })
  const parsed: ParsedStatusUpdate = identity.success ? parseFields(identity.data, values) : { kind: 'foreign' }
  return { values, input: { assignmentId: identity.success ? identity.data.assignmentId : null, parsed, files: chosenFiles(form.getAll('files')) } }
}

function parseFields(identity: z.infer<typeof formIdentity>, typed: StatusUpdateValues): ParsedStatusUpdate {
  const problems: StatusUpdateProblems = {}
  const status = statusSchema.safeParse(typed.status)
  if (!status.success) problems.status = problem('statusRequired')

  const progressText = typed.progress.trim()
  let progress = 0
  if (status.success && status.data === 'DONE' && progressText === '') progress = 100 // done needs no number
  else if (progressText === '') problems.progress = problem('progressRequired')
  else if (!/^\d{1,3}$/.test(progressText) || Number(progressText) > 100) problems.progress = problem('progressRange')
  else progress = Number(progressText)

  let indicatorActual: string | null = null
  if (typed.indicatorActual.trim() !== '') {
    indicatorActual = parseDecimal(typed.indicatorActual)
    if (indicatorActual === null) problems.indicatorActual = problem('indicatorNumber')
    else if (decimalPlaces(indicatorActual) > 2) problems.indicatorActual = problem('indicatorDecimals')
    else if (Number(indicatorActual) > INDICATOR_MAX) problems.indicatorActual = problem('indicatorTooLarge')
  }

  const note = typed.note.trim()
  if (note.length > NOTE_MAX_LENGTH) problems.note = problem('noteTooLong', { max: NOTE_MAX_LENGTH })

  if (status.success && status.data === 'NOT_STARTED' && progress > 0 && !problems.progress)
    problems.progress = problem('progressNotStarted')

  const channel = typed.onBehalfVia === '' ? null : channelSchema.safeParse(typed.onBehalfVia)
  if (channel && !channel.success) problems.onBehalfVia = problem('onBehalfViaRequired')

  if (Object.keys(problems).length > 0 || !status.success) return { kind: 'invalid', problems }
  return { kind: 'valid', input: { ...identity, status: status.data, progress, indicatorActual, note: note || null, onBehalfVia: channel?.data ?? null } }
}
