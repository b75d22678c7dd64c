// The production build served on HOST:PORT (`npm start` and the end-to-end tests run it instead of
// `next start`). Each request is stamped with its socket's address, under a header name made up
// here and shared with the app through the environment, overwriting anything a client sent: that
// address, and X-Forwarded-* only from the proxies TRUSTED_PROXIES names, tell the app who the
// client is (lib/auth/client-ip.ts). Next.js alone offers the app no socket address.
// A request body is admitted here before Next.js reads any of it (lib/http/body-limit.ts): Next.js
// reads a body whole before the proxy or an action could refuse it.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { SOCKET_ADDRESS_HEADER_ENV } from '../lib/auth/client-ip'
import { SELF_ORIGIN_ENV, SELF_TOKEN_ENV, selfOrigin } from '../lib/http/self-request'
import { authEnvSchema, databaseEnvSchema, parseEnv, serveEnvSchema } from '../lib/config/env'
import { createPrismaClient } from '../lib/db/client'
import { admitBody } from '../lib/http/body-limit'

const env = parseEnv(serveEnvSchema, process.env)
const header = `x-socket-address-${randomBytes(12).toString('hex')}`
// Set before Next.js loads: the app reads both at each request.
Object.assign(process.env, {
  NODE_ENV: 'production',
  [SOCKET_ADDRESS_HEADER_ENV]: header,
  [SELF_ORIGIN_ENV]: selfOrigin(env.HOST, env.PORT),
  [SELF_TOKEN_ENV]: randomBytes(32).toString('base64url'),
})
const { default: next } = await import('next')

// Run as the bundle `npm run build` makes of this file (scripts/lib/build.ts), from the project's folder.
const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT })
const handle = app.getRequestHandler()
await app.prepare()

const { DATABASE_URL, AUTH_SECRET } = parseEnv(databaseEnvSchema.extend(authEnvSchema.shape), process.env)
const gate = { secret: AUTH_SECRET, db: createPrismaClient(DATABASE_URL) }

const server = createServer((request, response) => {
  request.headers[header] = request.socket.remoteAddress ?? ''
  admitBody(request, response, gate).then(
    (admitted) => {
      if (admitted) void handle(request, response)
    },
    () => request.socket.destroy(),
  )
})
server.listen(env.PORT, env.HOST)

function stop(): void {
  server.close(() => void Promise.all([app.close(), gate.db.$disconnect()]).finally(() => process.exit(0)))
  server.closeAllConnections()
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
