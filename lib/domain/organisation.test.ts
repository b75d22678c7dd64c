// A unit's administrative name gives the committee the header and the report name.
import { createTranslator } from 'next-intl'
import { describe, expect, test } from 'vitest'
import { en, vi } from '@/messages'
import { committeeInitials, committeeName, committeeWord, nameValues, partyOrganisation, placeName, type Level } from './organisation'

describe('a unit\'s name', () => {
  test('splits into its level and its place', () => {
    expect(placeName('Huyện Ba Chẽ')).toEqual({ name: 'Huyện Ba Chẽ', level: 'district', place: 'Ba Chẽ' })
    expect(placeName('Tỉnh Quảng Ninh')).toEqual({ name: 'Tỉnh Quảng Ninh', level: 'province', place: 'Quảng Ninh' })
    expect(placeName('Thị xã Quảng Yên')).toMatchObject({ level: 'town', place: 'Quảng Yên' })
    expect(placeName('Thị trấn Ba Chẽ')).toMatchObject({ level: 'township', place: 'Ba Chẽ' })
    expect(placeName('Thành phố Hạ Long')).toMatchObject({ level: 'city', place: 'Hạ Long' })
    // No level word, or the word alone: the name stands as it is.
    expect(placeName('Ban Chỉ đạo Đề án 25')).toEqual({ name: 'Ban Chỉ đạo Đề án 25', level: null, place: 'Ban Chỉ đạo Đề án 25' })
    expect(placeName('Huyện')).toMatchObject({ level: null, place: 'Huyện' })
    expect(placeName('Huyệnx Ba')).toMatchObject({ level: null })
  })

  test('names its committee and Party organisation as a Party document does', () => {
    const district = placeName('Huyện Ba Chẽ')
    expect([committeeName(district), committeeWord(district), committeeInitials(district)]).toEqual(['Huyện ủy Ba Chẽ', 'Huyện ủy', 'HU'])
    expect(partyOrganisation(placeName('Tỉnh Quảng Ninh'))).toBe('ĐẢNG BỘ TỈNH QUẢNG NINH')
    expect(committeeInitials(placeName('Xã Minh Cầm'))).toBe('ĐU')
    expect(committeeName(placeName('Ban Chỉ đạo'))).toBe('Ban Chỉ đạo')
  })

  test('the header\'s Vietnamese message names every level\'s committee as the report does', () => {
    const tVi = createTranslator({ locale: 'vi', messages: vi, namespace: 'app' })
    const tEn = createTranslator({ locale: 'en', messages: en, namespace: 'app' })
    const names: Record<Level, string> = {
      province: 'Tỉnh Quảng Ninh',
      city: 'Thành phố Hạ Long',
      district: 'Huyện Ba Chẽ',
      town: 'Thị xã Quảng Yên',
      urbanDistrict: 'Quận Ba Đình',
      township: 'Thị trấn Ba Chẽ',
      commune: 'Xã Minh Cầm',
      ward: 'Phường Hồng Gai',
    }
    for (const name of [...Object.values(names), 'Ban Chỉ đạo']) expect(tVi('committee', nameValues(placeName(name))), name).toBe(committeeName(placeName(name)))
    expect(tEn('committee', nameValues(placeName('Huyện Ba Chẽ')))).toBe('Ba Chẽ District Party Committee')
    expect(tVi('description', nameValues(placeName('Huyện Ba Chẽ')))).toBe('Theo dõi tiến độ thực hiện các nhiệm vụ của Nghị quyết 19-NQ/TU tại các xã, thị trấn huyện Ba Chẽ.')
    expect(tEn('description', nameValues(null))).toBe('Progress of the tasks of Resolution 19-NQ/TU in the communes and agencies.')
  })
})
