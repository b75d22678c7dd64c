import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { SEARCH_LIMIT } from './search'
import { searchResults } from './search-results'

const database = testDatabase()

beforeAll(async () => {
  const d = database.db
  const member = await d.member.create({ data: { code: 'bi-thu', name: 'Nguyễn Đình Khải', title: 'Bí thư Huyện ủy' } })
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', parentId: district.id } })
  await d.unit.create({ data: { code: 'thi-tran-ba-che', name: 'Thị trấn Ba Chẽ', kind: 'TOWNSHIP', parentId: district.id } })
  await d.unit.create({ data: { code: 'minh-cam-thon-1', name: 'Thôn 1 Minh Cầm', kind: 'VILLAGE', parentId: minhCam.id } })
  const group = await d.taskGroup.create({ data: { code: 'can-bo', name: 'Công tác cán bộ', leadMemberId: member.id } })
  await d.task.create({ data: { code: 'doi-thoai-minh-cam', groupId: group.id, title: 'Đối thoại với nhân dân Minh Cầm', dueDate: new Date('2026-12-31'), scope: 'COMMUNE' } })
})

afterAll(async () => {
  await db().$disconnect()
})

describe('searchResults', () => {
  it('groups the hits by kind and gives each unit its kind, for the link to its page', async () => {
    expect(await searchResults(fullReader, 'MINH CẦM')).toEqual({
      units: [
        { code: 'minh-cam', name: 'Xã Minh Cầm', detail: 'Huyện Ba Chẽ', unitKind: 'COMMUNE', merged: false, split: false },
        { code: 'minh-cam-thon-1', name: 'Thôn 1 Minh Cầm', detail: 'Xã Minh Cầm', unitKind: 'VILLAGE', merged: false, split: false },
      ],
      tasks: [{ code: 'doi-thoai-minh-cam', name: 'Đối thoại với nhân dân Minh Cầm', detail: 'Công tác cán bộ' }],
      members: [],
      limited: false,
    })
  })

  it('finds the township and the district, and members, without diacritics', async () => {
    const { units, members } = await searchResults(fullReader, 'ba che')
    expect(units.map((u) => [u.code, u.unitKind]).sort()).toEqual([
      ['ba-che', 'DISTRICT'],
      ['thi-tran-ba-che', 'TOWNSHIP'],
    ])
    expect(members).toEqual([])
    expect((await searchResults(fullReader, 'dinh khai')).members).toEqual([{ code: 'bi-thu', name: 'Nguyễn Đình Khải', detail: 'Bí thư Huyện ủy' }])
  })

  it('says when search() stopped at its limit', async () => {
    await database.db.unit.createMany({ data: Array.from({ length: SEARCH_LIMIT }, (_, i) => ({ code: `khu-pho-${i + 1}`, name: `Khu phố ${i + 1}`, kind: 'VILLAGE' as const })) })
    const { units, limited } = await searchResults(fullReader, 'khu pho')
    expect([units.length, limited]).toEqual([SEARCH_LIMIT, true])
  })

  it('finds nothing for one letter', async () => {
    expect(await searchResults(fullReader, 'm')).toEqual({ units: [], tasks: [], members: [], limited: false })
  })
})
