// Unit codes are the slugs in URLs (`/units/minh-cam`) and the staff usernames.
import { z } from 'zod'

export const unitCodeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
