import { startEmbeddedPostgres } from '../lib/db/embedded'
const s = await startEmbeddedPostgres({ dataDir: process.cwd() + '/.data/dev-pg', port: 55432, password: 'dev' })
console.log(s.url('postgres')); setInterval(() => {}, 1 << 30)
