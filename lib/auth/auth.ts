// Auth.js (NextAuth v5): username and password, JWT sessions. AUTH_SECRET comes from the
// environment. Pages and actions still load the user from the database on every request
// (session.ts), so a deactivated account loses access at once despite a valid token.
import 'server-only'
import NextAuth, { AuthError, CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { clientIp } from './client-ip'
import { verifyCredentials } from './credentials'

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The app is self-hosted behind a proxy we configure; the Host header is ours to trust.
  trustHost: true,
  // A working day: commune offices share computers.
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  // Cookies: Auth.js's defaults are the ones we want, so none are set here. Every cookie is HttpOnly
  // and SameSite=Lax, and Secure (with the __Secure-/__Host- prefix) when the request came over
  // HTTPS: the reverse proxy's X-Forwarded-Proto, or an https AUTH_URL. Plain http (the tests)
  // gets no Secure flag. e2e/security-headers.spec.ts holds both cases.
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: (credentials, request) => verifyCredentials(credentials, clientIp(request.headers)),
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub
      return session
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected answer (audited), not a server fault worth a stack trace.
      if (error instanceof CredentialsSignin) return
      const name = error instanceof AuthError ? error.type : error.name
      console.error(`[auth] ${name}: ${error.message}`, error.cause ?? error.stack)
    },
  },
})
