// `npm run db:backup [-- FILE]`: a pg_dump (custom format) of the app's database — DATABASE_URL, or
// the embedded one in DATA_DIR — to FILE, by default backups/<database>-<time>.dump. Prints the
// path of the backup and nothing else on standard output, for scripts and schedulers.
import path from 'node:path'
import { openAppDatabase } from './lib/app-database'
import { backup, backupFileName, toolsFor } from './lib/backup'
import { backupDir, fail } from './lib/backup-cli'

try {
  const database = await openAppDatabase({ create: false })
  try {
    const tools = await toolsFor(database)
    const file = path.resolve(process.argv[2] ?? path.join(backupDir(), backupFileName(database.name, new Date())))
    await backup(database, tools, file)
    console.log(file)
  } finally {
    await database.close()
  }
} catch (e) {
  fail('The backup', e)
}
