import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'

export default async function NotFound() {
  const t = await getTranslations('notFound')
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('body')}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-blue-800 underline-offset-2 hover:underline">
        {t('back')}
      </Link>
    </main>
  )
}
