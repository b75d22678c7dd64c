// The create/edit forms of units, members, task groups, tasks and accounts: one description of the
// fields for both, filled from the record when editing. The code (or username) is fixed once made.
import { getTranslations } from 'next-intl/server'
import { ROLES } from '@/lib/auth/roles'
import { dateColumnDay, formatDay } from '@/lib/domain/calendar'
import { INDICATOR_KINDS } from '@/lib/domain/indicator'
import { REPORT_CADENCES, type ReportCadenceKind } from '@/lib/domain/report-cycle'
import type { adminChoices, adminGroup, adminMember, adminTask, adminUnit, adminUser } from '@/lib/queries/admin'
import type { PendingUnitChange } from '@/lib/queries/unit-history'
import type { UnitChangeFormState } from '@/lib/actions/form-states'
import { SPLIT_NEW_PARTS, TASK_SCOPES, UNIT_CHANGE_KINDS, UNIT_KINDS } from '@/lib/validation/admin'
import { ClientMessages } from '../client-messages'
import { AdminForm, type AdminAction, type Choice, type FieldSpec } from './admin-form'
import { UnitChangeForm } from './unit-change-form'

type Choices = Awaited<ReturnType<typeof adminChoices>>
type Found<F extends (...args: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>

async function common() {
  const t = await getTranslations('admin')
  const none: Choice = { value: '', label: t('common.none') }
  const choose: Choice = { value: '', label: t('common.choose') }
  const submit = { label: t('common.save'), pending: t('common.saving') }
  const codeField = (code: string | undefined): FieldSpec => ({ name: 'code', label: t('common.code'), type: 'text', hint: t('common.codeHint'), defaultValue: code, readOnly: code !== undefined, width: 'short' })
  const sortField = (value: number | undefined): FieldSpec => ({ name: 'sortOrder', label: t('common.sortOrder'), type: 'text', inputMode: 'numeric', defaultValue: String(value ?? 0), width: 'short' })
  const members = (choices: Choices): Choice[] => choices.members.map((m) => ({ value: m.id, label: m.name, note: m.title }))
  return { t, none, choose, submit, codeField, sortField, members }
}

/** The reporting cadence and its deadline day; `inherit`: the task's empty choice, "as its group". */
async function cadenceFields(cadence: ReportCadenceKind | null, day: number | null, inherit: boolean): Promise<FieldSpec> {
  const t = await getTranslations('admin.cadence')
  return {
    type: 'group',
    name: 'cadence',
    label: t('title'),
    hint: t('reportCadenceHint'),
    fields: [
      {
        name: 'reportCadence',
        label: t('reportCadence'),
        type: 'select',
        defaultValue: cadence ?? (inherit ? '' : 'NONE'),
        choices: [...(inherit ? [{ value: '', label: t('cadences.INHERIT') }] : []), ...REPORT_CADENCES.map((c) => ({ value: c, label: t(`cadences.${c}`) }))],
      },
      { name: 'reportDay', label: t('reportDay'), type: 'text', inputMode: 'numeric', defaultValue: day === null ? '' : String(day), width: 'short' },
    ],
  }
}

const title = (record: unknown, newTitle: string, editTitle: string) => (record ? editTitle : newTitle)

/** `newParentId`: where a new unit goes unless another is chosen (the administrator's scope root: a unit outside it is refused). */
export async function UnitForm({ unit, choices, action, newParentId = null }: { unit: Found<typeof adminUnit> | null; choices: Choices; action: AdminAction; newParentId?: string | null }) {
  const { t, none, submit, codeField, sortField, members } = await common()
  return (
    <AdminForm
      action={action}
      label={title(unit, t('units.newTitle'), t('units.editTitle', { name: unit?.name ?? '' }))}
      title={unit ? undefined : t('units.newTitle')}
      hidden={unit ? { id: unit.id } : {}}
      submit={submit}
      fields={[
        unit ? { ...codeField(unit.code), hint: t('units.nameFixedHint') } : codeField(undefined),
        { name: 'name', label: t('common.name'), type: 'text', defaultValue: unit?.name, readOnly: unit !== null },
        { name: 'kind', label: t('units.kind'), type: 'select', defaultValue: unit?.kind ?? 'COMMUNE', choices: UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) })) },
        { name: 'parentId', label: t('units.parent'), type: 'select', defaultValue: (unit ? unit.parentId : newParentId) ?? '', choices: [none, ...choices.units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }))] },
        { name: 'inChargeMemberId', label: t('units.inCharge'), type: 'select', defaultValue: unit?.inChargeMemberId ?? '', choices: [none, ...members(choices)] },
        sortField(unit?.sortOrder),
      ]}
    />
  )
}

/** A unit's rename or re-code, with an effective date and the decision behind it, previewed before it is applied. */
export async function UnitChangeSection({ unit, action }: { unit: { id: string }; action: UnitChangeAction }) {
  const t = await getTranslations('admin.units.change')
  const fields: FieldSpec[] = [
    { name: 'kind', label: t('kind'), type: 'radio', defaultValue: 'RENAME', choices: UNIT_CHANGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
    { name: 'newName', label: t('newName'), hint: t('newNameHint'), type: 'text' },
    { name: 'newCode', label: t('newCode'), hint: t('newCodeHint'), type: 'text', width: 'short' },
    { name: 'effectiveDate', label: t('effectiveDate'), type: 'date', width: 'short' },
    { name: 'reason', label: t('reason'), hint: t('reasonHint'), type: 'text' },
  ]
  return (
    <ClientMessages namespaces={['admin']}>
      <UnitChangeForm action={action} unitId={unit.id} fields={fields} section="change" />
    </ClientMessages>
  )
}

type UnitChangeAction = (previous: UnitChangeFormState, form: FormData) => Promise<UnitChangeFormState>
type UnitSectionProps = { unit: Found<typeof adminUnit>; choices: Choices; action: UnitChangeAction }

/** Units of one family merge and split with each other: a township goes with the communes. */
const family = (kind: string) => (kind === 'TOWNSHIP' ? 'COMMUNE' : kind)

/** Merging this unit with others into an existing unit or a new one, previewed before it is applied (the same action as the rename). */
export async function UnitMergeSection({
  unit,
  choices,
  action,
}: UnitSectionProps) {
  const { t, members } = await common()
  const others = choices.units.filter((u) => u.id !== unit.id && family(u.kind) === family(unit.kind))
  const fields: FieldSpec[] = [
    { name: 'otherIds', label: t('units.merge.others'), hint: t('units.merge.othersHint'), type: 'checkboxes', choices: others.map((u) => ({ value: u.id, label: u.name })) },
    {
      name: 'successorId',
      label: t('units.merge.successor'),
      type: 'select',
      defaultValue: '',
      choices: [{ value: '', label: t('units.merge.successorNew') }, ...choices.units.map((u) => ({ value: u.id, label: u.name }))],
    },
    { name: 'newName', label: t('units.merge.newName'), hint: t('units.merge.newHint'), type: 'text' },
    { name: 'newCode', label: t('units.merge.newCode'), hint: t('common.codeHint'), type: 'text', width: 'short' },
    { name: 'inChargeMemberId', label: t('units.merge.inCharge'), type: 'select', defaultValue: unit.inChargeMemberId ?? '', choices: [{ value: '', label: t('units.merge.noMember') }, ...members(choices)] },
    { name: 'effectiveDate', label: t('units.merge.effectiveDate'), type: 'date', width: 'short' },
    { name: 'reason', label: t('units.merge.reason'), hint: t('units.change.reasonHint'), type: 'text' },
  ]
  return (
    <ClientMessages namespaces={['admin']}>
      <UnitChangeForm action={action} unitId={unit.id} fields={fields} section="merge" />
    </ClientMessages>
  )
}

/** Splitting this unit into existing units and new ones, previewed before it is applied (the same action as the rename). */
export async function UnitSplitSection({
  unit,
  choices,
  action,
}: UnitSectionProps) {
  const { t } = await common()
  const others = choices.units.filter((u) => u.id !== unit.id && family(u.kind) === family(unit.kind))
  const newParts = Array.from({ length: SPLIT_NEW_PARTS }, (_, i): FieldSpec => ({
    type: 'group',
    name: `newPart${i + 1}`,
    label: t('units.split.newPart', { n: i + 1 }),
    hint: i === 0 ? t('units.split.newPartHint') : undefined,
    fields: [
      { name: `newName${i + 1}`, label: t('units.split.newName'), type: 'text' },
      { name: `newCode${i + 1}`, label: t('units.split.newCode'), hint: i === 0 ? t('common.codeHint') : undefined, type: 'text' },
    ],
  }))
  const fields: FieldSpec[] = [
    { name: 'partIds', label: t('units.split.parts'), hint: t('units.split.partsHint'), type: 'checkboxes', choices: others.map((u) => ({ value: u.id, label: u.name })) },
    ...newParts,
    { name: 'effectiveDate', label: t('units.split.effectiveDate'), type: 'date', width: 'short' },
    { name: 'reason', label: t('units.split.reason'), hint: t('units.change.reasonHint'), type: 'text' },
  ]
  return (
    <ClientMessages namespaces={['admin']}>
      <UnitChangeForm action={action} unitId={unit.id} fields={fields} section="split" />
    </ClientMessages>
  )
}

/** The unit's changes decided and not yet applied, each with its "Hủy thay đổi" button; nothing when there are none. */
export async function PendingUnitChanges({ unit, changes, action }: { unit: { id: string }; changes: PendingUnitChange[]; action: AdminAction }) {
  if (changes.length === 0) return null
  const { t } = await common()
  return (
    <section aria-labelledby="pending-changes-title" className="mt-8 max-w-2xl space-y-3 border-t border-slate-200 pt-4">
      <h2 id="pending-changes-title" className="text-lg font-semibold">
        {t('units.pending.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('units.pending.intro')}</p>
      <ul className="space-y-4">
        {changes.map((c) => {
          const line = t('units.pending.line', { kind: c.kind, from: c.from, to: c.to, fromCode: c.fromCode, toCode: c.toCode, date: formatDay(c.effectiveDate) })
          return (
            <li key={c.id} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
              <p>{line}</p>
              <p className="text-sm text-slate-700">{t('units.change.reasonLine', { reason: c.reason })}</p>
              <AdminForm
                action={action}
                label={`${t('units.pending.cancel')}: ${line}`}
                fields={[]}
                hidden={{ id: unit.id, changeId: c.id }}
                submit={{ label: t('units.pending.cancel'), pending: t('units.pending.cancelling'), tone: 'secondary' }}
                idPrefix={`cancel-${c.id}-`}
              />
            </li>
          )
        })}
      </ul>
    </section>
  )
}

export async function MemberForm({ member, choices, action }: { member: Found<typeof adminMember> | null; choices: Choices; action: AdminAction }) {
  const { t, submit, codeField, sortField } = await common()
  const communes = choices.units.filter((u) => u.kind === 'COMMUNE' || u.kind === 'TOWNSHIP')
  const currently = (name: string | undefined) => (name && name !== member?.name ? t('members.currently', { name }) : undefined)
  return (
    <AdminForm
      action={action}
      label={title(member, t('members.newTitle'), t('members.editTitle', { name: member?.name ?? '' }))}
      title={member ? undefined : t('members.newTitle')}
      hidden={member ? { id: member.id } : {}}
      submit={submit}
      fields={[
        codeField(member?.code),
        { name: 'name', label: t('common.name'), type: 'text', defaultValue: member?.name },
        { name: 'title', label: t('members.memberTitle'), type: 'text', defaultValue: member?.title },
        sortField(member?.sortOrder),
        {
          name: 'groupIds',
          label: t('members.groupsLed'),
          hint: t('members.groupsLedHint'),
          type: 'checkboxes',
          defaultValue: member?.leads.map((g) => g.id) ?? [],
          choices: choices.groups.map((g) => ({ value: g.id, label: g.name, note: currently(g.leadMember?.name) })),
        },
        {
          name: 'unitIds',
          label: t('members.unitsInCharge'),
          hint: t('members.unitsInChargeHint'),
          type: 'checkboxes',
          defaultValue: member?.inCharge.map((u) => u.id) ?? [],
          choices: communes.map((u) => ({ value: u.id, label: u.name, note: currently(u.inChargeMember?.name) })),
        },
      ]}
    />
  )
}

export async function GroupForm({ group, choices, action }: { group: Found<typeof adminGroup> | null; choices: Choices; action: AdminAction }) {
  const { t, none, submit, codeField, sortField, members } = await common()
  return (
    <AdminForm
      action={action}
      label={title(group, t('groups.newTitle'), t('groups.editTitle', { name: group?.name ?? '' }))}
      title={group ? undefined : t('groups.newTitle')}
      hidden={group ? { id: group.id } : {}}
      submit={submit}
      fields={[
        codeField(group?.code),
        { name: 'name', label: t('common.name'), type: 'text', defaultValue: group?.name },
        { name: 'description', label: t('groups.description'), type: 'textarea', defaultValue: group?.description ?? '' },
        { name: 'leadMemberId', label: t('groups.lead'), type: 'select', defaultValue: group?.leadMemberId ?? '', choices: [none, ...members(choices)] },
        await cadenceFields(group?.reportCadence ?? 'NONE', group?.reportDay ?? null, false),
        sortField(group?.sortOrder),
      ]}
    />
  )
}

export async function TaskForm({ task, choices, action }: { task: Found<typeof adminTask> | null; choices: Choices; action: AdminAction }) {
  const { t, choose, submit, codeField, sortField } = await common()
  return (
    <AdminForm
      action={action}
      label={task ? t('tasks.editTitle') : t('tasks.newTitle')}
      title={task ? undefined : t('tasks.newTitle')}
      hidden={task ? { id: task.id } : {}}
      submit={submit}
      fields={[
        codeField(task?.code),
        { name: 'title', label: t('tasks.taskTitle'), type: 'textarea', defaultValue: task?.title },
        { name: 'description', label: t('tasks.description'), type: 'textarea', defaultValue: task?.description ?? '' },
        { name: 'groupId', label: t('tasks.group'), type: 'select', defaultValue: task?.groupId ?? '', choices: [choose, ...choices.groups.map((g) => ({ value: g.id, label: g.name }))] },
        { name: 'dueDate', label: t('tasks.dueDate'), type: 'date', defaultValue: task ? dateColumnDay(task.dueDate) : '', width: 'short' },
        { name: 'scope', label: t('tasks.scope'), type: 'radio', defaultValue: task?.scope ?? 'COMMUNE', choices: TASK_SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) })) },
        {
          type: 'group',
          name: 'indicator',
          label: t('tasks.indicator'),
          hint: t('tasks.indicatorHint'),
          fields: [
            {
              name: 'indicatorKind',
              label: t('tasks.indicatorKind'),
              type: 'select',
              defaultValue: task?.indicatorKind ?? 'SUM',
              choices: INDICATOR_KINDS.map((k) => ({ value: k, label: t(`indicatorKinds.${k}`) })),
            },
            { name: 'indicatorUnit', label: t('tasks.indicatorUnit'), type: 'text', defaultValue: task?.indicatorUnit ?? '' },
            { name: 'indicatorBaseline', label: t('tasks.indicatorBaseline'), type: 'text', inputMode: 'decimal', defaultValue: task?.indicatorBaseline?.toString().replace('.', ',') ?? '' },
            { name: 'indicatorTarget', label: t('tasks.indicatorTarget'), type: 'text', inputMode: 'decimal', defaultValue: task?.indicatorTarget?.toString().replace('.', ',') ?? '' },
          ],
        },
        await cadenceFields(task?.reportCadence ?? null, task?.reportDay ?? null, true),
        sortField(task?.sortOrder),
      ]}
    />
  )
}

export async function UserForm({ user, choices, action }: { user: Found<typeof adminUser> | null; choices: Choices; action: AdminAction }) {
  const { t, none, choose, submit } = await common()
  const tRoles = await getTranslations('roles')
  const account: FieldSpec[] = user
    ? [{ name: 'username', label: t('users.username'), type: 'text', defaultValue: user.username, readOnly: true, width: 'short' }]
    : [
        { name: 'username', label: t('users.username'), hint: t('users.usernameHint'), type: 'text', width: 'short' },
        { name: 'password', label: t('users.password'), hint: t('users.passwordHint'), type: 'password', width: 'short' },
      ]
  return (
    <AdminForm
      action={action}
      label={user ? t('users.editTitle', { username: user.username }) : t('users.newTitle')}
      title={user ? undefined : t('users.newTitle')}
      hidden={user ? { id: user.id } : {}}
      submit={submit}
      fields={[
        ...account,
        { name: 'displayName', label: t('users.displayName'), type: 'text', defaultValue: user?.displayName },
        { name: 'role', label: t('users.role'), type: 'radio', defaultValue: user?.role ?? 'STAFF', choices: ROLES.map((r) => ({ value: r, label: tRoles(r) })) },
        { name: 'unitId', label: t('users.unit'), type: 'select', defaultValue: user?.unitId ?? '', choices: [choose, ...choices.units.map((u) => ({ value: u.id, label: u.name }))] },
        { name: 'memberId', label: t('users.member'), hint: t('users.memberHint'), type: 'select', defaultValue: user?.memberId ?? '', choices: [none, ...choices.members.map((m) => ({ value: m.id, label: m.name, note: m.title }))] },
      ]}
    />
  )
}
