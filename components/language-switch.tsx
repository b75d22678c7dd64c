import { useTranslations } from 'next-intl'
import { LOCALES, type AppLocale } from '@/lib/i18n/locales'

type Props = { current: AppLocale; action: (form: FormData) => Promise<void> }

/** A plain form, so the switch works without JavaScript. */
export function LanguageSwitch({ current, action }: Props) {
  const t = useTranslations('language')
  return (
    <form action={action} aria-label={t('label')} className="flex items-center gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  )
}
