// Under a unit's heading: "Đổi tên từ … ngày …" / "Đổi mã từ … ngày …", its latest rename and
// re-code in force on the page's day; and its merges by then, each with a link to the other side:
// "Sáp nhập vào <successor> từ <date>" on a unit merged away, "Sáp nhập từ <units> (<date>)" on
// the successor; and its split: "Đã chia tách thành <parts> từ <date>" on the unit split, "Chia
// tách từ <unit> (<date>)" on each part; and "Sẽ sáp nhập vào <successor> từ <date>" on a unit a
// merge dated ahead will merge (the successor linked when it already stands: a new one has no page
// until the day); "Sẽ chia tách thành <parts> từ <date>" on a unit a split dated ahead will split
// (likewise, only the parts that stand are linked).
import Link from '@/components/link'
import { getTranslations } from 'next-intl/server'
import { formatDay } from '@/lib/domain/calendar'
import { unitPageHref } from '@/lib/domain/paths'
import type { MergeLink, PendingMergeLink, UnitHistory } from '@/lib/queries/unit-history'

const linkClass = 'text-blue-800 underline underline-offset-2'

export async function UnitChangeNote({ history }: { history: UnitHistory | null }) {
  if (!history) return null
  const t = await getTranslations('unit')
  const labels = [
    history.renamed && t('renamedFrom', { name: history.renamed.from, date: formatDay(history.renamed.day) }),
    history.recoded && t('recodedFrom', { code: history.recoded.from, date: formatDay(history.recoded.day) }),
  ].filter(Boolean)
  // The units merged into this one, by the merge's day.
  const fromByDay = new Map<string, MergeLink[]>()
  for (const m of history.mergedFrom) fromByDay.set(m.day, [...(fromByDay.get(m.day) ?? []), m])
  const into = history.mergedInto
  const [split] = history.splitInto
  const links = (units: MergeLink[]) =>
    units.map((u, i) => (
      <span key={u.code}>
        {i > 0 && ', '}
        <Link href={unitPageHref(u.code)} className={linkClass}>
          {u.name}
        </Link>
      </span>
    ))
  const merging = history.mergingInto
  const standingLink = (u: PendingMergeLink) =>
    u.standing ? (
      <Link href={unitPageHref(u.code)} className={linkClass}>
        {u.name}
      </Link>
    ) : (
      <strong>{u.name}</strong>
    )
  const [splitting] = history.splittingInto
  return (
    <>
      {labels.length > 0 && <p className="mt-1 text-sm text-slate-700">{labels.join(' · ')}</p>}
      {into && (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t.rich('mergedInto', {
            date: formatDay(into.day),
            successor: () => (
              <Link href={unitPageHref(into.code)} className={linkClass}>
                {into.name}
              </Link>
            ),
          })}
        </p>
      )}
      {merging && (
        <p role="note" className="mt-2 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm">
          {t.rich('mergingInto', {
            date: formatDay(merging.day),
            successor: () => standingLink(merging),
          })}
        </p>
      )}
      {splitting && (
        <p role="note" className="mt-2 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm">
          {t.rich('splittingInto', {
            date: formatDay(splitting.day),
            parts: () =>
              history.splittingInto.map((u, i) => (
                <span key={u.code}>
                  {i > 0 && ', '}
                  {standingLink(u)}
                </span>
              )),
          })}
        </p>
      )}
      {[...fromByDay].map(([day, units]) => (
        <p key={day} className="mt-1 text-sm text-slate-700">
          {t.rich('mergedFrom', { date: formatDay(day), units: () => links(units) })}
        </p>
      ))}
      {split && (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t.rich('splitInto', { date: formatDay(split.day), parts: () => links(history.splitInto) })}
        </p>
      )}
      {history.splitFrom && (
        <p className="mt-1 text-sm text-slate-700">
          {t.rich('splitFrom', { date: formatDay(history.splitFrom.day), unit: () => links(history.splitFrom ? [history.splitFrom] : []) })}
        </p>
      )}
    </>
  )
}
