import { useTranslations } from 'next-intl'
import Link from '@/components/link'
import { QUESTION_STATES, type QuestionFilter } from '@/lib/validation/questions'

type Choice = { code: string; name: string }
type Props = { units: Choice[]; groups: Choice[]; current: QuestionFilter }

const selectClass =
  'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-2 focus:outline-blue-700 sm:w-auto sm:max-w-xs'

/** A GET form: the filter lives in the URL, can be bookmarked, and works without JavaScript. */
export function QuestionFilters({ units, groups, current }: Props) {
  const t = useTranslations('questions.page.filter')
  const filtered = current.state !== null || current.unit !== null || current.group !== null
  const select = (name: keyof QuestionFilter, label: string, all: string, choices: Choice[]) => (
    <div className="w-full sm:w-auto">
      <label htmlFor={`question-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`question-${name}`} name={name} defaultValue={current[name] ?? ''} className={selectClass}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form action="/questions" aria-label={t('label')} className="mb-6 flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {select('state', t('state'), t('allStates'), QUESTION_STATES.map((state) => ({ code: state, name: t(state) })))}
      {select('unit', t('unit'), t('allUnits'), units)}
      {select('group', t('group'), t('allGroups'), groups)}
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
          {t('apply')}
        </button>
        {filtered && (
          <Link href="/questions" className="text-sm font-medium text-blue-800 underline-offset-2 hover:underline">
            {t('clear')}
          </Link>
        )}
      </div>
    </form>
  )
}
