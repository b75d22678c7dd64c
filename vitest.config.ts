import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Vitest is not a React Server Components environment; server modules run as plain Node.
      'server-only': path.resolve(import.meta.dirname, 'test/helpers/empty-module.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', '.data/**', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
