// The filters of the questions page (/questions), read from the URL: anything malformed is no filter.
import { z } from 'zod'
import { unitCodeSchema } from '@/lib/domain/unit-code'

export const QUESTION_STATES = ['waiting', 'answered'] as const
export type QuestionState = (typeof QUESTION_STATES)[number]

export type QuestionFilter = { state: QuestionState | null; unit: string | null; group: string | null }

const one = (value: unknown) => (Array.isArray(value) ? undefined : value === '' ? undefined : value)

export function questionFilterOf(params: Record<string, string | string[] | undefined>): QuestionFilter {
  return {
    state: z.enum(QUESTION_STATES).nullable().catch(null).parse(one(params.state) ?? null),
    unit: unitCodeSchema.nullable().catch(null).parse(one(params.unit) ?? null),
    group: z.string().min(1).max(100).nullable().catch(null).parse(one(params.group) ?? null),
  }
}
