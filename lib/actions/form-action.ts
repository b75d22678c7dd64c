// The one pipeline of every form's server action (DESIGN.md "Form actions: the pipeline and file
// names"): read the form once -> who acts -> the core (the record looked up through the permission
// scope, the change and its audit event in one transaction) -> revalidate -> the typed result as
// the form's state, in the user's language -> one log line. And the smaller one of the buttons
// that have nothing typed (sign out, start two-factor enrolment).
import 'server-only'
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'
import { UNAVAILABLE_PATH } from '@/lib/http/unavailable-page'
import { loggedAction } from '@/lib/log/request'
import { actionContext, revalidateAssignment, validationMessages, type ActionContext } from './context'
import type { AssignmentPath } from './status-update'

/** What every context has: the moment the action acts at. */
type Acting = { now: Date }

/** The answer when no one acts (not signed in): the same as for a record that is not theirs. */
export type NotFound = { kind: 'notFound' }

/**
 * One form's action. `V`: the values as typed, sent back with a refusal; `I`: what the core is
 * given; `C`: who acts; `R`: the core's typed result; `M`: the messages the answer is worded with;
 * `S`: the form's state.
 */
export type FormSpec<V, I, C extends Acting, R, M, S> = {
  /** The action's name in the log. */
  name: string
  /** Reads the posted form, once (a parser of lib/validation). */
  read: (form: FormData) => { values: V; input: I }
  /** Who acts (actionContext, accountActionContext); null answers as not found. */
  context: () => Promise<C | null>
  messages: () => Promise<M>
  /** The core: looks the record up through the permission scope, writes in one transaction with its audit. */
  run: (context: C, input: I) => Promise<R>
  /** The pages that show what changed; before the answer, which may redirect. */
  revalidate?: (result: R) => void
  /** The result as the form's state, worded (or a redirect); `now` is the context's. */
  answer: (result: R | NotFound, messages: M, values: V, now: Date) => S | Promise<S>
  /**
   * Nothing was saved because the database is out of reach: the message, shown with the values
   * kept. Written with its types, it is where the form's state type is read from.
   */
  notSaved: (message: string, values: V) => S | Promise<S>
  /** The outcome the log line names; by default the state's kind. */
  outcome?: (state: S) => string
}

/** The server action of a form: `(previous state, posted form) => next state`, logged. */
export function formAction<V, I, C extends Acting, R, M, S>(spec: FormSpec<V, I, C, R, M, S>): (previous: S, form: FormData) => Promise<S> {
  return loggedAction(spec.name, (_previous: S, form: FormData) => answerForm(spec, form), spec.outcome)
}

async function answerForm<V, I, C extends Acting, R, M, S>(spec: FormSpec<V, I, C, R, M, S>, form: FormData): Promise<S> {
  const { values, input } = spec.read(form)
  try {
    const [context, messages] = await Promise.all([spec.context(), spec.messages()])
    if (!context) return await spec.answer({ kind: 'notFound' }, messages, values, new Date())
    const result = await spec.run(context, input)
    spec.revalidate?.(result)
    return await spec.answer(result, messages, values, context.now)
  } catch (error) {
    // Thrown on, the error would replace the page with the error page and lose what was typed.
    if (!isDatabaseUnavailable(error)) throw error
    const t = await getTranslations('unavailable')
    return spec.notSaved(t('notSaved'), values)
  }
}

type ValidationMessages = Awaited<ReturnType<typeof validationMessages>>

/** A form on an assignment's page: everything but who acts, the messages and what to revalidate. */
type AssignmentFormSpec<V, I, R, S> = {
  name: string
  read: (form: FormData) => { values: V; input: I }
  run: (context: ActionContext, input: I) => Promise<R>
  answer: (result: R | NotFound, messages: ValidationMessages, values: V, now: Date) => S | Promise<S>
  notSaved: (message: string, values: V) => S
}

/**
 * The forms on an assignment's page (status report, question, review): the signed-in user acts,
 * answers are worded with the `validation` messages, and a result that names the assignment (a
 * save, or a conflict to show) revalidates its pages.
 */
export function assignmentFormAction<V, I, R extends { kind: string; path?: AssignmentPath }, S>(spec: AssignmentFormSpec<V, I, R, S>): (previous: S, form: FormData) => Promise<S> {
  return formAction({
    ...spec,
    context: actionContext,
    messages: validationMessages,
    revalidate: (result) => {
      if (result.path) revalidateAssignment(result.path)
    },
  })
}

/**
 * The server action of a button with nothing typed: `run` does the work (given the form's hidden
 * fields, if it has any), `then` leaves (signs out, refreshes the page). With no input to keep, a database out of reach sends the browser to
 * the 503 page, as a page does.
 */
export function buttonAction(name: string, run: (form?: FormData) => Promise<unknown>, then: () => Promise<unknown> | void): (form?: FormData) => Promise<void> {
  return loggedAction(name, async (form?: FormData): Promise<void> => {
    try {
      await run(form)
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      redirect(UNAVAILABLE_PATH)
    }
    await then()
  })
}
