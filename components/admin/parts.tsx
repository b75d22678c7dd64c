// The pieces the administration pages share: the section navigation, a list table, the in-use
// badge, the deactivate/reactivate button, the notice after a creation and the marks of what a unit
// above the administrator owns.
import { getTranslations } from 'next-intl/server'
import Link from '@/components/link'
import type { ReactNode } from 'react'
import type { ActiveEntity } from '@/lib/actions/admin/active'
import { allows } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'
import { ADMIN_SECTIONS, adminHref, adminSectionAction, adminSectionHref, type AdminSection } from '@/lib/domain/admin-paths'
import { Badge } from '../badge'
import { FormNotice } from '../form-parts'
import { ScrollTable } from '../scroll-table'
import { AdminForm, type AdminAction } from './admin-form'

export const linkClass = 'font-medium text-blue-800 underline-offset-2 hover:underline'

/** The sections the user may open: all of them for an administrator, the periods alone for the office. */
export async function AdminNav({ current }: { current?: AdminSection }) {
  const [t, user] = await Promise.all([getTranslations('admin'), requireUser()])
  return (
    <nav aria-label={t('navigation')} className="mb-6 flex flex-wrap gap-x-1 gap-y-1 border-b border-slate-200 pb-2 text-sm">
      {allows(user, 'admin.manage') && (
        <Link href={adminHref} className="inline-flex min-h-11 items-center rounded px-2 font-semibold text-slate-900 hover:bg-slate-100">
          {t('title')}
        </Link>
      )}
      {ADMIN_SECTIONS.filter((section) => allows(user, adminSectionAction(section))).map((section) => (
        <Link
          key={section}
          href={adminSectionHref(section)}
          aria-current={section === current ? 'page' : undefined}
          className="inline-flex min-h-11 items-center rounded px-2 font-medium text-blue-800 hover:bg-slate-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-950"
        >
          {t(`sections.${section}`)}
        </Link>
      ))}
    </nav>
  )
}

/** A page's heading, with the way back to its section's list. */
export async function AdminHeading({ section, title, back = false }: { section: AdminSection; title: string; back?: boolean }) {
  const t = await getTranslations('admin.common')
  return (
    <>
      <AdminNav current={section} />
      {back && (
        <p className="mb-2 text-sm">
          <Link href={adminSectionHref(section)} className={linkClass}>
            ← {t('back')}
          </Link>
        </p>
      )}
      <h1 className="text-2xl font-bold">{title}</h1>
    </>
  )
}

export async function ActiveBadge({ active }: { active: boolean }) {
  const t = await getTranslations('admin.common')
  return <Badge tone={active ? 'green' : 'grey'}>{active ? t('active') : t('inactive')}</Badge>
}

export function AdminTable({ caption, headings, rows }: { caption: string; headings: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <ScrollTable caption={caption} className="min-w-[40rem]">
      <thead className="bg-slate-50 text-left">
        <tr>
          {headings.map((h) => (
            <th key={h} scope="col" className="px-3 py-2 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-200 align-top">
            {row.cells.map((cell, i) => (
              <td key={i} className="px-3 py-2">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}

/** Deactivate (or reactivate) a record: history that points at it stays. */
export async function ActiveToggle({ entity, id, active, action }: { entity: ActiveEntity; id: string; active: boolean; action: AdminAction }) {
  const t = await getTranslations('admin.common')
  return (
    <section className="mt-8 border-t border-slate-200 pt-4">
      {!active && <p className="mb-3 text-sm text-slate-700">{t('inactiveNote')}</p>}
      <AdminForm
        action={action}
        label={active ? t('deactivate') : t('reactivate')}
        fields={[]}
        hidden={{ entity, id, active: String(!active) }}
        submit={{ label: active ? t('deactivate') : t('reactivate'), pending: t('saving'), tone: 'secondary' }}
      />
    </section>
  )
}

/** The sign-in security steps an administrator takes for a user: reset the password, unlock, remove 2FA. */
export async function AccountSecurity({ id, actions }: { id: string; actions: { resetPassword: AdminAction; unlock: AdminAction; resetTwoFactor: AdminAction } }) {
  const t = await getTranslations('admin.users.security')
  const steps = [
    { action: actions.resetPassword, label: t('resetPassword') },
    { action: actions.unlock, label: t('unlock') },
    { action: actions.resetTwoFactor, label: t('resetTwoFactor') },
  ]
  return (
    <section aria-labelledby="account-security-title" className="mt-8 space-y-3 border-t border-slate-200 pt-4">
      <h2 id="account-security-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {steps.map(({ action, label }, i) => (
        <AdminForm key={label} action={action} label={label} fields={[]} hidden={{ id }} idPrefix={`security-${i}-`} submit={{ label, pending: t('working'), tone: 'secondary' }} />
      ))}
    </section>
  )
}

/** After a creation the action opens the new record's page with `?created=1`. */
export async function CreatedNotice({ shown }: { shown: boolean }) {
  const t = await getTranslations('admin.common')
  return shown ? (
    <div className="my-4">
      <FormNotice tone="success">{t('created')}</FormNotice>
    </div>
  ) : null
}

/** A group, task or period a unit above the administrator's scope root owns: read here, changed there. */
export async function OwnedAboveNotice({ owner }: { owner: string }) {
  const t = await getTranslations('admin.common')
  return <p className="my-4 rounded border border-slate-400 bg-slate-50 px-3 py-2 text-sm text-slate-800">{t('readOnlyOwned', { owner })}</p>
}

/** The short "Do … giao" beside a list's row that the administrator reads but does not manage. */
export async function OwnedAboveTag({ owner }: { owner: string }) {
  const t = await getTranslations('admin.common')
  return <span className="ml-2 text-xs text-slate-600">{t('ownedAbove', { owner })}</span>
}
