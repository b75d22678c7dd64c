// Serves the service worker (app/sw.ts, bundled at build time with the list of static files to
// keep) at /serwist/sw.js; its Service-Worker-Allowed header lets it control the whole site.
import { createSerwistRoute } from '@serwist/turbopack'

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  // The native binary is installed already (the server bundle uses it); the WASM build is not.
  useNativeEsbuild: true,
})
