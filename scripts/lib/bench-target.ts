// The database `npm run bench` measures, and the accounts it signs in with: the synthetic data set
// of `npm run bench:data` by default, the Ba Chẽ demo data with --demo (small, quick: `npm test`).
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from './bench-data'
import { benchDatabase } from './bench-database'
import { demoDatabase } from './demo-database'

export type BenchAccount = { username: string; password: string }

export type BenchTarget = {
  url: string
  /** A leader, who reads the district pages and the exports. */
  leader: BenchAccount
  /** A commune's staff, whose unit's assignments the status reports go to. */
  staff: BenchAccount
  stop(): Promise<void>
}

export async function benchTarget(demo: boolean): Promise<BenchTarget> {
  if (demo) {
    const database = await demoDatabase()
    return { url: database.url, stop: database.stop, leader: { username: 'bi-thu', password: database.password }, staff: { username: 'minh-cam', password: database.password } }
  }
  const database = await benchDatabase()
  return {
    ...database,
    leader: { username: BENCH_ACCOUNTS.leader, password: BENCH_PASSWORD },
    staff: { username: BENCH_ACCOUNTS.staff, password: BENCH_PASSWORD },
  }
}
