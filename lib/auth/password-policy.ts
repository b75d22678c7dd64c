// What a new password must be (OWASP ASVS 2.1): at least 10 characters, not one of the common
// passwords shipped with the app (common-passwords.txt says where the list comes from), and not
// containing the username (`luong-mong-2026` is guessed as soon as the username is known). No
// composition rules: length and the list do the work.
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const PASSWORD_MIN_LENGTH = 10
/** Long passphrases are welcome; the cap only keeps hashing bounded. */
export const PASSWORD_MAX_LENGTH = 200

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordIsUsername'

let common: ReadonlySet<string> | undefined

/** Read at first use from the source tree (next start and the tests run from the project root). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), 'lib/auth/common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.trim().toLowerCase()),
  )
  return common
}

/** Why the password may not be chosen, or null when it may. Length counts characters, not bytes. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort'
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong'
  const folded = password.trim().toLowerCase()
  if (folded.includes(username.toLowerCase())) return 'passwordIsUsername'
  if (commonPasswords().has(folded)) return 'passwordCommon'
  return null
}
