// The database `npm run bench` measures, and the accounts it signs in with: the synthetic data set
// of `npm run bench:data` by default, the Ba Chẽ demo data with --demo (small, quick: `npm test`).
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
  // Until the data set's module lands (scripts/lib/bench-database.ts, `benchDatabase()` with the
  // accounts bench-leader and bench-staff), only the demo data can be measured.
  throw new Error('the bench data set (npm run bench:data) is not in this clone yet: run `npm run bench -- --demo`')
}
