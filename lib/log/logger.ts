// The app's structured log: one JSON line per event on stdout (pino), for whatever collects the
// process output (journald, Docker, a log shipper). What goes in is chosen where it is logged
// (ids, names of actions, outcomes, durations); secrets and file contents are never handed to it,
// and the redaction below is the second line of defence should a field of that name slip in.
// Level: LOG_LEVEL (trace, debug, info, warn, error, fatal, silent); info by default, silent
// under Vitest unless LOG_LEVEL says otherwise.
import { pino, type DestinationStream, type Level, type Logger } from 'pino'

const LEVELS: readonly (Level | 'silent')[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']

export function logLevel(env: Record<string, string | undefined> = process.env): Level | 'silent' {
  const asked = env.LOG_LEVEL?.trim().toLowerCase()
  if (asked && (LEVELS as readonly string[]).includes(asked)) return asked as Level | 'silent'
  return env.VITEST ? 'silent' : 'info'
}

/** Field names whose values never reach a log line: at the top of a line's object and two levels down. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'temporaryPassword',
  'passwordHash',
  'token',
  'challenge',
  'secret',
  'totpSecret',
  'totpCode',
  'recoveryCode',
  'recoveryCodes',
  'cookie',
  'authorization',
  'content',
  'bytes',
]
export const REDACTED_PATHS = SECRET_KEYS.flatMap((name) => [name, `*.${name}`, `*.*.${name}`])

const LINE_MAX = 300

type LoggedError = { type: string; message: string; stack?: string; code?: unknown; digest?: unknown; cause?: LoggedError }

/**
 * An error as logged: its type, its message's first and last lines and the stack's frames. Not the
 * lines between, because some messages quote the failed call's arguments there (Prisma's "Invalid
 * `prisma.x.update()` invocation:" prints the data it was given: a password hash, a file) and end
 * with the reason ("Argument `id` is missing.", "Can't reach database server").
 */
export function loggedError(error: unknown, depth = 0): LoggedError {
  const summary = (message: string) => {
    const lines = message.split('\n').map((line) => line.trim()).filter(Boolean)
    const [first = '', last] = [lines[0], lines.length > 1 ? lines.at(-1) : undefined].map((line) => line?.slice(0, LINE_MAX))
    return last ? `${first} … ${last}` : first
  }
  if (!(error instanceof Error)) return { type: typeof error, message: summary(String(error)) }
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line))
  const { code, digest } = error as { code?: unknown; digest?: unknown }
  return {
    type: error.name,
    message: summary(error.message),
    stack: frames?.length ? frames.join('\n') : undefined,
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    digest: typeof digest === 'string' ? digest : undefined,
    cause: error.cause !== undefined && depth < 2 ? loggedError(error.cause, depth + 1) : undefined,
  }
}

function createLogger(destination?: DestinationStream, level: Level | 'silent' = logLevel()): Logger {
  return pino(
    {
      level,
      base: { service: 'nq19-tracker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Levels by name ("level":"info"), which log tools read without a table of numbers.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: loggedError, error: loggedError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

// A mark on errors logged with their action or route, so instrumentation.ts does not log them again.
// Symbol.for: the instrumentation hook is bundled apart from the app's server code.
const LOGGED = Symbol.for('nq19.log.errorLogged')

export function markLogged(error: unknown): void {
  if (error instanceof Error && Object.isExtensible(error)) Object.defineProperty(error, LOGGED, { value: true })
}

export const alreadyLogged = (error: unknown): boolean => error instanceof Error && LOGGED in error

let root: Logger | undefined

/** The process's logger (created on first use, so LOG_LEVEL is read at run time). */
export function rootLogger(): Logger {
  return (root ??= createLogger())
}

/** Tests: every following line goes to this stream, at this level. */
export function writeLogsTo(destination: DestinationStream, level: Level | 'silent' = 'debug'): void {
  root = createLogger(destination, level)
}
