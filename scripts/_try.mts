import { startEmbeddedPostgres } from '/work/main/lib/db/embedded'
const s = await startEmbeddedPostgres({ dataDir: '/work/main/.data/dev-pg', port: 55432, password: 'dev' })
console.log('created', await s.ensureDatabase('tracker'), s.url('tracker'))
setInterval(() => {}, 1 << 30)
