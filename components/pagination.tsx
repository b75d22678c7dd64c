// Previous and next page of a paged list, and where the reader is ("Trang 2/7"). The list's page
// builds each page's address, so its filters and `?asOf=` go along.
import { useTranslations } from 'next-intl'
import Link from '@/components/link'

const linkClass = 'inline-flex min-h-11 items-center font-medium text-blue-800 underline-offset-2 hover:underline'

type Props = {
  page: number
  pageCount: number
  href: (page: number) => string
  /** The nav's accessible name, telling which list it pages. */
  label: string
}

export function Pagination({ page, pageCount, href, label }: Props) {
  const t = useTranslations('pagination')
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-x-6 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          {t('previous')}
        </Link>
      )}
      <span aria-current="page" className="text-slate-700">
        {t('page', { page, count: pageCount })}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          {t('next')}
        </Link>
      )}
    </nav>
  )
}
