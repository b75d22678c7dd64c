// `?page=n` on a paged list: the page asked for, or the first for anything missing or malformed
// (a repeated parameter, a word, zero), never an error.
import { z } from 'zod'

export const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1)

export const pageParam = (value: unknown): number => pageNumber.parse(value)
