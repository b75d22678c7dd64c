// @node-rs/argon2 and pg need no serverExternalPackages entry: Next keeps them external by default.
import { withSerwist } from '@serwist/turbopack'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // A status report may carry 5 evidence files of 10 MB each (lib/validation/evidence.ts), and a
    // browser without JavaScript posts it to the page's server action. This limit is one for all
    // actions, and Next.js reads a body before any session check: so the server wrapper
    // (scripts/serve.ts, lib/http/body-limit.ts) decides first, per address and only for a
    // standing session, and gives every other action 1 MB.
    serverActions: { bodySizeLimit: '52mb' },
    // The proxy (proxy.ts) runs on every request, so Next keeps a copy of each request body for it,
    // and cuts a body longer than this short without a word (10 MB by default): the same reports
    // sent to app/api/status-updates must arrive whole.
    proxyClientMaxBodySize: '52mb',
  },
}

// withSerwist keeps esbuild, which bundles the service worker (app/serwist), out of the server bundle.
export default withSerwist(withNextIntl(nextConfig))
