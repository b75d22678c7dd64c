// Configuration comes from environment variables only, validated here with one clear message
// per wrong variable. The start script validates before anything runs; the app validates the
// variables it needs at first use.
import { isIP } from 'node:net'
import { z } from 'zod'

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(v).protocol)
    } catch {
      return false
    }
  }, 'must be a PostgreSQL connection URL such as postgresql://user:password@host:5432/database')

export const DEFAULT_DEMO_PASSWORD = 'bache-demo-2026'

const shared = {
  PORT: z.coerce.number().int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(3000),
  DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').default(DEFAULT_DEMO_PASSWORD),
}
const authSecret = z.string().min(32, 'must be at least 32 characters (for example: openssl rand -base64 33)')

/**
 * Which peers may say, in X-Forwarded-For and X-Forwarded-Proto, where a request came from: a
 * number of proxies in front of the app (each appends the address it saw), or the proxies'
 * addresses and address ranges (`10.0.0.2, 10.0.1.0/24`). None by default: the socket's address
 * is the client's.
 */
export type TrustedProxies = { hops: number } | { addresses: readonly { address: string; prefix?: number }[] }

const trustedProxies = z
  .string()
  .trim()
  .transform((value, ctx): TrustedProxies => {
    if (/^\d+$/.test(value)) return { hops: Number(value) }
    const addresses = value
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((item) => {
        const [address = '', prefix] = item.split('/')
        const family = isIP(address)
        const bits = family === 4 ? 32 : 128
        if (family === 0 || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits)))
          ctx.addIssue({ code: 'custom', message: `must be a number of proxies, or their addresses and ranges (10.0.0.2, 10.0.1.0/24): "${item}" is neither` })
        return prefix === undefined ? { address } : { address, prefix: Number(prefix) }
      })
    return { addresses }
  })
  .default({ hops: 0 })

/** What the server needs to know who its clients are (read by lib/auth/client-ip.ts). */
export const forwardingEnvSchema = z.object({ TRUSTED_PROXIES: trustedProxies })

/** What the server (scripts/serve.ts) needs: where to listen, and whose forwarded headers count. */
export const serveEnvSchema = z.object({
  // Loopback unless a container or a proxy on another machine must reach the app.
  HOST: z.string().trim().default('127.0.0.1'),
  PORT: shared.PORT,
  ...forwardingEnvSchema.shape,
})

/** Which database the app uses: DATABASE_URL, or without it the embedded server's data in DATA_DIR. */
const appDatabase = {
  DATABASE_URL: postgresUrl.optional(),
  // Where the embedded server keeps its data and the generated secret.
  DATA_DIR: z.string().trim().default('.data'),
}

/** What `npm start` accepts: without DATABASE_URL it runs the embedded server and makes a secret. */
export const startEnvSchema = z
  .object({
    ...appDatabase,
    AUTH_SECRET: authSecret.optional(),
    ...serveEnvSchema.shape,
    ...shared,
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.AUTH_SECRET)
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required when DATABASE_URL is set' })
  })

/** What the app's database client needs; `npm start` provides it in the embedded case. */
export const databaseEnvSchema = z.object({ DATABASE_URL: postgresUrl })

/** The key of the session cookies (scripts/serve.ts reads them before Next.js does). */
export const authEnvSchema = z.object({ AUTH_SECRET: authSecret })

/** What `npm run db:seed` needs: the database to load the demo into and the demo accounts' password. */
export const seedEnvSchema = z.object({
  DATABASE_URL: z.string({ error: 'is required: the PostgreSQL database to load the demo into' }).pipe(postgresUrl),
  DEMO_PASSWORD: shared.DEMO_PASSWORD,
})

/** What `npm run db:backup` and `db:restore` need: the app's database, as `npm start` finds it. */
export const backupEnvSchema = z.object({
  ...appDatabase,
  // Where backups go when no file is named (relative to the project).
  BACKUP_DIR: z.string().trim().default('backups'),
})

/**
 * Mail (lib/mail): the SMTP server, always over TLS (smtps://, or smtp:// with STARTTLS required);
 * without it mail is kept in the outbox only. Links in mail start with the app's public address:
 * AUTH_URL (Auth.js's own setting), else this computer's at PORT.
 */
export const mailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => {
      try {
        return ['smtp:', 'smtps:'].includes(new URL(v).protocol)
      } catch {
        return false
      }
    }, 'must be an SMTP URL such as smtps://user:password@mail.example.vn:465 or smtp://mail.example.vn:587 (STARTTLS)')
    .optional(),
  MAIL_FROM: z.string().trim().default('Theo dõi Nghị quyết 19 <no-reply@localhost>'),
  AUTH_URL: z.url('must be the app\'s public address, such as https://nq19.example.vn').optional(),
  PORT: shared.PORT,
})

export type StartEnv = z.infer<typeof startEnvSchema>

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError listing one line per wrong variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // An empty variable counts as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = schema.safeParse(present)
  if (result.success) return result.data
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`).join('\n'))
}
