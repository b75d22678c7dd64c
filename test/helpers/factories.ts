// Small factories for integration tests: each makes one row with sensible defaults, so a test
// states only what matters to it.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '@/lib/db/client'
import type { UNIT_KINDS } from '@/lib/validation/admin'
import { actorOf, type Actor } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'

const slug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

/** A fixed, clearly fake hash: these accounts never sign in. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtc2FsdA$bm90LWEtaGFzaC1ub3QtYS1oYXNo'

export function factories(db: () => PrismaClient) {
  return {
    /** A unit, at the top of the tree unless a parent is given. */
    unit: (data: { name?: string; kind?: (typeof UNIT_KINDS)[number]; parentId?: string | null; inChargeMemberId?: string | null } = {}) =>
      db().unit.create({
        data: { code: slug('unit'), name: data.name ?? 'Xã thử nghiệm', kind: data.kind ?? 'COMMUNE', parentId: data.parentId ?? null, inChargeMemberId: data.inChargeMemberId ?? null },
      }),
    member: (name = 'Ủy viên thử nghiệm') => db().member.create({ data: { code: slug('member'), name, title: 'Ủy viên Ban Thường vụ' } }),
    group: (leadMemberId: string | null = null) => db().taskGroup.create({ data: { code: slug('group'), name: 'Nhóm nhiệm vụ thử nghiệm', leadMemberId } }),
    task: (data: { groupId: string; dueDate?: Date; indicatorUnit?: string; indicatorTarget?: number }) =>
      db().task.create({
        data: {
          code: slug('task'),
          groupId: data.groupId,
          title: 'Nhiệm vụ thử nghiệm',
          dueDate: data.dueDate ?? new Date('2099-12-31'),
          scope: 'COMMUNE',
          indicatorUnit: data.indicatorUnit ?? null,
          indicatorTarget: data.indicatorTarget ?? (data.indicatorUnit ? 10 : null),
        },
      }),
    assignment: (data: { taskId: string; unitId: string }) => db().assignment.create({ data }),
    /** A user, returned as the actor the actions receive. */
    user: async (data: { role: Role; unitId: string; memberId?: string | null; name?: string }): Promise<Actor & { displayName: string }> => {
      const user = await db().user.create({
        data: {
          username: slug('user'),
          displayName: data.name ?? `Người dùng ${data.role}`,
          passwordHash: NO_PASSWORD,
          role: data.role,
          unitId: data.unitId,
          memberId: data.memberId ?? null,
        },
      })
      return { ...(await actorOf(user.id)), displayName: user.displayName }
    },
  }
}

/** A form as the browser sends it. */
export function formData(fields: Record<string, string | File | File[] | undefined>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v)
  }
  return form
}

export const pdfFile = (name = 'bien-ban.pdf', size = 0) =>
  new File([`%PDF-1.4\n1 0 obj <<>> endobj\n${'0'.repeat(size)}\ntrailer <<>>\n%%EOF\n`], name, { type: 'application/pdf' })

export const pngFile = (name = 'anh.png') =>
  new File(
    [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde])],
    name,
    { type: 'image/png' },
  )
