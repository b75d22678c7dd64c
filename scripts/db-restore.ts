// `npm run db:restore -- FILE`: replaces the app's database (DATABASE_URL, or the embedded one in
// DATA_DIR) with a backup made by db:backup. It asks nothing, so it insists on the file being named.
// The database as it was is first backed up beside the other backups, so a restore can be undone.
import path from 'node:path'
import { openAppDatabase } from './lib/app-database'
import { backup, backupFileName, checkArchive, hasTables, missingMigrations, otherSessions, restore, toolsFor } from './lib/backup'
import { backupDir, fail } from './lib/backup-cli'

const given = process.argv[2]
if (!given) {
  console.error('Usage: npm run db:restore -- FILE   (a backup made by npm run db:backup; the database is replaced by it)')
  process.exit(2)
}
const file = path.resolve(given)

try {
  const database = await openAppDatabase({ create: true })
  try {
    const tools = await toolsFor(database)
    await checkArchive(tools, file)
    const others = await otherSessions(database)
    if (others > 0)
      console.error(`Note: ${others} other connection(s) to ${database.name}. Stop the app before restoring; until it restarts, its requests may fail.`)
    if (await hasTables(database)) {
      const before = path.join(backupDir(), backupFileName(database.name, new Date(), '-before-restore'))
      await backup(database, tools, before)
      console.info(`The database as it was: ${before}`)
    }
    await restore(database, tools, file)
    console.info(`Restored ${file} into ${database.name}.`)
    const missing = await missingMigrations(database)
    if (missing.length)
      console.info(`The backup is older than this version of the app: run npm run db:deploy (npm start does it) to apply ${missing.join(', ')}.`)
  } finally {
    await database.close()
  }
} catch (e) {
  fail('The restore', e)
}
