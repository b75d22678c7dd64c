// Auth.js (NextAuth v5): JWT sessions. AUTH_SECRET comes from the environment. The Credentials
// provider only opens a session for a sign-in that has passed every step (sign-in.ts); the JWT
// then names the user, the session (a new identifier at every sign-in) and the account's session
// version, and session.ts checks all three against the database on every request.
import 'server-only'
import NextAuth, { AuthError, CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { clientIp } from './client-ip'
import { SESSION_LIFETIME_MS } from './session-check'
import { openSession } from './sign-in'

declare module 'next-auth' {
  interface User {
    sessionId?: string
    sessionVersion?: number
  }
  interface Session {
    sessionId?: string
    sessionVersion?: number
  }
}

const sessionClaims = z.object({ sid: z.uuid(), sv: z.number().int() })

export const { auth, signIn, signOut } = NextAuth({
  // The app is self-hosted behind a proxy we configure; the Host header is ours to trust.
  trustHost: true,
  // The cookie lives no longer than the session may; idle time and the rest are checked on the server.
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_MS / 1000 },
  pages: { signIn: '/login' },
  // Cookies: Auth.js's defaults are the ones we want, so none are set here. Every cookie is HttpOnly
  // and SameSite=Lax, and Secure (with the __Secure-/__Host- prefix) when the request came over
  // HTTPS: the reverse proxy's X-Forwarded-Proto, or an https AUTH_URL. Plain http (the tests)
  // gets no Secure flag. e2e/security-headers.spec.ts holds both cases.
  providers: [
    Credentials({
      credentials: { challenge: {} },
      authorize: (credentials, request) => openSession(credentials, clientIp(request.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is there only at sign-in: the claims are fixed for the life of the token.
      if (user) return { ...token, sid: user.sessionId, sv: user.sessionVersion }
      return token
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub
      const claims = sessionClaims.safeParse(token)
      if (claims.success) {
        session.sessionId = claims.data.sid
        session.sessionVersion = claims.data.sv
      }
      return session
    },
  },
  logger: {
    error(error) {
      // A refused sign-in is an expected answer (audited), not a server fault worth a stack trace.
      if (error instanceof CredentialsSignin) return
      const name = error instanceof AuthError ? error.type : error.name
      console.error(`[auth] ${name}: ${error.message}`, error.cause ?? error.stack)
    },
  },
})
