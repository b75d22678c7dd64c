// Bad input: the account's own security forms (password, two-factor), the
// administrator's account steps (reset password, unlock, reset two-factor) and the two steps of
// signing in, given a thousand hostile inputs each. Each ends in a refusal, never an exception.
// What they may write is what the code already keeps of a wrong guess: the throttle's failure and
// lock rows and their audit events (auth.sign_in_failed, auth.locked_out), or a refusal's audit row.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '@/lib/auth/password'
import type { Actor } from '@/lib/auth/permissions'
import { checkPassword, checkSecondFactor, issueChallenge } from '@/lib/auth/sign-in'
import { generateSecret, matchingStep } from '@/lib/auth/totp'
import { asSent, describe as shown, FUZZ_RUNS, hostileForm, hostileText, idText, wrongTypeValue, type FieldValue } from '@/test/helpers/arbitraries'
import { testDatabase } from '@/test/helpers/database'
import { factories } from '@/test/helpers/factories'
import { writeGuard, type Allowed } from '@/test/helpers/write-guard'
import { unlockAccount } from './account'
import type { ActionContext } from './context'
import { changePassword, resetPassword } from './password'
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, resetTwoFactor } from './two-factor'
import { readPasswordForm } from '@/lib/validation/password'
import { readCodeForm } from '@/lib/validation/two-factor'

const database = testDatabase()
const make = factories(() => database.db)
const guard = writeGuard(() => database.url)
const NOW = new Date('2026-11-28T03:00:00Z')
const PASSWORD = 'Mat-khau-dung-2026'
const NEW_PASSWORD = 'Mot-mat-khau-moi-2026!'

/** What a wrong password or code leaves: the throttle's rows and their audit events. */
const WRONG_GUESS: Allowed = { tables: ['SignInFailure', 'SignInLock'], audit: /^auth\.(sign_in_failed|locked_out)$|\.refused$/ }

let plain: Actor & { username: string }
let enrolling: Actor & { secret: string }
let enrolled: Actor & { secret: string; username: string }
let admin: Actor
let staff: Actor
let leader: Actor
/** A real challenge of the enrolled user: the password was right, a code is owed. */
let token: string

afterAll(() => guard.close())

beforeAll(async () => {
  const d = database.db
  const unitId = (await make.unit()).id
  const withUser = async (role: 'STAFF' | 'LEADER' | 'ADMIN', data: object) => {
    const actor = await make.user({ role, unitId })
    const user = await d.user.update({ where: { id: actor.id }, data })
    return { ...actor, username: user.username }
  }
  plain = await withUser('STAFF', { passwordHash: await hashPassword(PASSWORD) })
  const enrollingSecret = generateSecret()
  enrolling = { ...(await withUser('STAFF', { totpSecret: enrollingSecret })), secret: enrollingSecret }
  const enrolledSecret = generateSecret()
  enrolled = { ...(await withUser('LEADER', { totpSecret: enrolledSecret, totpEnabledAt: NOW, passwordHash: await hashPassword(PASSWORD) })), secret: enrolledSecret }
  admin = await make.user({ role: 'ADMIN', unitId })
  staff = await make.user({ role: 'STAFF', unitId })
  leader = await make.user({ role: 'LEADER', unitId })
  token = await issueChallenge(enrolled.id, false, NOW)
})

const at = (actor: Actor, ip = '203.0.113.11'): ActionContext => ({ actor, now: NOW, ip })
const first = (value: FieldValue) => (Array.isArray(value) ? value[0] : value)

/** A code that is not the one the app shows now (a random six digits could be, once in a while). */
const wrongCode = (secret: () => string) =>
  fc.oneof(fc.stringMatching(/^\d{6}$/), hostileText, wrongTypeValue, fc.constant(undefined)).filter((v) => {
    const code = first(v)
    return typeof code !== 'string' || matchingStep(secret(), code.trim(), NOW, null) === null
  })

async function expectRefusal<R extends { kind: string }>(run: () => Promise<R>, kinds: readonly string[], input: unknown, allowed: Allowed = {}) {
  const result = await guard.check(run, input, allowed)
  expect(kinds, `answer ${JSON.stringify(result).slice(0, 300)} for ${shown(input)}`).toContain(result.kind)
}

describe('changing one\'s password (changePassword)', () => {
  const spec = {
    currentPassword: { good: fc.constant(PASSWORD), bad: fc.oneof(hostileText, wrongTypeValue, fc.constant(undefined)).filter((v) => first(v) !== PASSWORD) },
    newPassword: { good: fc.constant(NEW_PASSWORD), bad: fc.oneof(fc.string({ maxLength: 9 }), fc.constantFrom('1234567890', 'password123', PASSWORD), hostileText.map((t) => t.padEnd(1001, 'x')), fc.constant(undefined)) },
    confirmPassword: { good: fc.constant(NEW_PASSWORD), bad: fc.oneof(hostileText, fc.constant(undefined)).filter((v) => first(v) !== NEW_PASSWORD) },
  }
  test(`${FUZZ_RUNS} hostile forms are refused; a wrong current password counts towards the lock and nothing else is written`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm(spec, { garbage: false }), async ({ form }) => {
        await expectRefusal(() => changePassword(at(plain), readPasswordForm(form).input), ['invalid', 'locked'], form, WRONG_GUESS)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

describe('two-factor authentication', () => {
  test(`confirming enrolment: ${FUZZ_RUNS} wrong codes, by the enrolling user and by users with nothing to confirm, are refused without a write`, async () => {
    const who = fc.constantFrom(() => enrolling, () => enrolled, () => plain as Actor)
    await fc.assert(
      fc.asyncProperty(who, hostileForm({ code: { good: fc.constant(''), bad: wrongCode(() => enrolling.secret) } }, { garbage: false }), async (actor, { form }) => {
        await expectRefusal(() => confirmEnrolment(at(actor()), readCodeForm(form).input), ['invalid', 'notFound'], form)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test.each([
    ['new recovery codes (regenerateRecoveryCodes)', regenerateRecoveryCodes],
    ['turning it off (disableTwoFactor)', disableTwoFactor],
  ])(`%s: ${FUZZ_RUNS} wrong codes are refused and count towards the lock, nothing else is written`, async (_name, core) => {
    const who = fc.oneof({ arbitrary: fc.constant(() => enrolled as Actor), weight: 3 }, fc.constantFrom(() => plain as Actor, () => admin))
    await fc.assert(
      fc.asyncProperty(who, hostileForm({ code: { good: fc.constant(''), bad: wrongCode(() => enrolled.secret) } }, { garbage: false }), async (actor, { form }) => {
        await expectRefusal(() => core(at(actor()), readCodeForm(form).input), ['invalid', 'notFound', 'locked'], form, WRONG_GUESS)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

describe('an administrator\'s steps on an account', () => {
  const steps: [string, (context: ActionContext, userId: string) => Promise<{ kind: string }>][] = [
    ['resetting a password (resetPassword)', resetPassword],
    ['lifting a lock (unlockAccount)', unlockAccount],
    ['resetting two-factor authentication (resetTwoFactor)', resetTwoFactor],
  ]
  // The id comes from the form's hidden field (lib/actions/admin/admin-action.ts), as the browser sent it.
  test.each(steps)(`%s: ${FUZZ_RUNS} ids of nothing by an administrator, and any id by anyone else, are refused without a write`, async (_name, core) => {
    const attempt = fc.oneof(
      { arbitrary: fc.tuple(fc.constant(() => admin), fc.oneof(idText, hostileText)), weight: 2 },
      fc.tuple(fc.constantFrom(() => staff, () => leader), fc.oneof(fc.constantFrom(() => plain.id, () => admin.id).map((id) => id()), idText, hostileText)),
    )
    await fc.assert(
      fc.asyncProperty(attempt, async ([actor, userId]) => {
        await expectRefusal(() => core(at(actor()), asSent(userId)), ['notFound'], { userId })
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})

describe('signing in', () => {
  const ip = fc.constantFrom('203.0.113.21', '203.0.113.22', null)

  test(`the password step: ${FUZZ_RUNS} hostile names and wrong passwords are refused; only the throttle's rows are written`, async () => {
    const credentials = fc.oneof(
      // As the sign-in form's action reads them (lib/validation/sign-in.ts), and anything else at all.
      fc.record({ username: fc.oneof(fc.constant(null).map(() => plain.username), hostileText.map(asSent)), password: hostileText.map(asSent).filter((p) => p !== PASSWORD) }, { requiredKeys: [] }),
      fc.anything({ withNullPrototype: true }).filter((v) => !JSON.stringify(v ?? null)?.match(/\\ud[89a-f]/)),
    )
    await fc.assert(
      fc.asyncProperty(credentials, ip, async (raw, from) => {
        await expectRefusal(() => checkPassword(raw, from, NOW), ['refused', 'locked'], raw, WRONG_GUESS)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test(`the code step: ${FUZZ_RUNS} forged challenges and wrong codes are refused; only the throttle's rows are written`, async () => {
    const challenge = fc.oneof(fc.constant(null).map(() => token), hostileText.map(asSent))
    const code = wrongCode(() => enrolled.secret).map((v) => asSent(String(first(v) ?? '')))
    await fc.assert(
      fc.asyncProperty(challenge, code, ip, async (t, c, from) => {
        await expectRefusal(() => checkSecondFactor(t, c, from, NOW), ['refused', 'locked', 'expired'], { t, c }, WRONG_GUESS)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})
