// Lets a script outside Next (the seed, `npm start`'s first run) import the app's server modules:
// 'server-only' answers with an empty module, as it does in the server's own build. The react-server
// condition would do the same but changes what 'react' and 'next-intl' are, which the report builders use.
import { register } from 'node:module'

const HOOK = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context)
}`

export function allowServerModules(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`)
}
