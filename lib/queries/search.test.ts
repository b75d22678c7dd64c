import { beforeAll, describe, expect, test } from 'vitest'
import { fullReader } from '@/test/helpers/reader'
import { testDatabase } from '@/test/helpers/database'
import { search } from './search'

const database = testDatabase()

beforeAll(async () => {
  const d = database.db
  const member = await d.member.create({ data: { code: 'pho-bi-thu', name: 'Lê Thị Thanh Hương', title: 'Phó Bí thư Thường trực' } })
  await d.member.create({ data: { code: 'nghi-huu', name: 'Minh Cầm Cũ', title: 'Đã nghỉ', active: false } })
  const district = await d.unit.create({ data: { code: 'ba-che', name: 'Huyện Ba Chẽ', kind: 'DISTRICT' } })
  const minhCam = await d.unit.create({ data: { code: 'minh-cam', name: 'Xã Minh Cầm', kind: 'COMMUNE', parentId: district.id } })
  await d.unit.create({ data: { code: 'dap-thanh', name: 'Xã Đạp Thanh', kind: 'COMMUNE', parentId: district.id } })
  await d.unit.create({ data: { code: 'thon-minh-cam-1', name: 'Thôn 1 Minh Cầm', kind: 'VILLAGE', parentId: minhCam.id } })
  const group = await d.taskGroup.create({ data: { code: 'nhat-the-hoa', name: 'Nhất thể hóa chức danh', leadMemberId: member.id } })
  await d.task.create({ data: { code: 'bi-thu-chu-tich', groupId: group.id, title: 'Bí thư đồng thời là Chủ tịch UBND xã', dueDate: new Date('2026-12-31'), scope: 'COMMUNE' } })
  await d.task.create({ data: { code: '100-phan-tram', groupId: group.id, title: 'Đạt 100% bí thư chi bộ kiêm trưởng thôn', dueDate: new Date('2026-12-31'), scope: 'COMMUNE' } })
})

const names = async (query: string) => (await search(fullReader, query)).map((h) => h.name).sort()

describe('search', () => {
  test.each(['minh cam', 'Minh Cầm', 'MINH CAM', '  minh   CẦM '])('"%s" finds Minh Cầm and its village, not the retired member', async (query) => {
    expect(await names(query)).toEqual(['Thôn 1 Minh Cầm', 'Xã Minh Cầm'])
  })

  test('units say their kind, so a commune can link to its progress page', async () => {
    expect((await search(fullReader, 'minh cam')).map((h) => [h.name, h.unitKind]).sort()).toEqual([
      ['Thôn 1 Minh Cầm', 'VILLAGE'],
      ['Xã Minh Cầm', 'COMMUNE'],
    ])
  })

  test('"đạp" and "dap" both find Đạp Thanh (đ is d without its bar)', async () => {
    expect(await names('dap')).toEqual(['Xã Đạp Thanh'])
    expect(await names('ĐẠP')).toEqual(['Xã Đạp Thanh'])
  })

  test('finds tasks by a word of their title and says which group they are in', async () => {
    expect(await search(fullReader, 'chu tich')).toEqual([{ kind: 'task', code: 'bi-thu-chu-tich', name: 'Bí thư đồng thời là Chủ tịch UBND xã', detail: 'Nhất thể hóa chức danh', unitKind: null, merged: false, split: false }])
  })

  test('finds members by name, with their title', async () => {
    expect(await search(fullReader, 'thanh huong')).toEqual([{ kind: 'member', code: 'pho-bi-thu', name: 'Lê Thị Thanh Hương', detail: 'Phó Bí thư Thường trực', unitKind: null, merged: false, split: false }])
  })

  test('a percent sign is searched as itself, not as a wildcard', async () => {
    expect(await names('100%')).toEqual(['Đạt 100% bí thư chi bộ kiêm trưởng thôn'])
    expect(await names('0%b')).toEqual([])
  })

  test('one letter or nothing finds nothing', async () => {
    expect(await search(fullReader, 'm')).toEqual([])
    expect(await search(fullReader, '   ')).toEqual([])
  })
})
