// `npm run build`: the production build, stamped with the hash of its sources.
import { build } from './lib/build'

process.exitCode = await build()
