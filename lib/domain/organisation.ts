// The Party committee a unit of the tree stands for, read from the unit's administrative name: the
// tree holds "Huyện Ba Chẽ" and "Tỉnh Quảng Ninh", the header and the report say "Huyện ủy Ba Chẽ"
// and "ĐẢNG BỘ TỈNH QUẢNG NINH". The leading word of the name gives the level; the rest is the place.

/** The administrative level a name begins with; null when it begins with none of them. */
export type Level = 'province' | 'city' | 'district' | 'town' | 'urbanDistrict' | 'township' | 'commune' | 'ward'

// Longest first: "Thị trấn" and "Thị xã" before any shorter word they begin with.
const LEVEL_WORDS: readonly (readonly [string, Level])[] = [
  ['Thành phố', 'city'],
  ['Thị trấn', 'township'],
  ['Thị xã', 'town'],
  ['Phường', 'ward'],
  ['Huyện', 'district'],
  ['Quận', 'urbanDistrict'],
  ['Tỉnh', 'province'],
  ['Xã', 'commune'],
]

/** The committee of each level as a Vietnamese document names it, before the place ("Huyện ủy Ba Chẽ"). */
const COMMITTEE: Record<Level, string> = {
  province: 'Tỉnh ủy',
  city: 'Thành ủy',
  district: 'Huyện ủy',
  town: 'Thị ủy',
  urbanDistrict: 'Quận ủy',
  township: 'Đảng ủy thị trấn',
  commune: 'Đảng ủy xã',
  ward: 'Đảng ủy phường',
}

/** A unit's name split into its level and its place: "Huyện Ba Chẽ" is the district Ba Chẽ. */
export type PlaceName = { name: string; level: Level | null; place: string }

export function placeName(name: string): PlaceName {
  const trimmed = name.trim()
  for (const [word, level] of LEVEL_WORDS) {
    const rest = trimmed.slice(word.length)
    if (trimmed.toLocaleLowerCase('vi').startsWith(word.toLocaleLowerCase('vi')) && /^\s+\S/.test(rest)) return { name: trimmed, level, place: rest.trim() }
  }
  return { name: trimmed, level: null, place: trimmed }
}

/** "Huyện ủy" for a district: the committee without its place, as a document's later sentences name it. */
export function committeeWord(unit: PlaceName): string {
  return unit.level ? (COMMITTEE[unit.level].split(' ').slice(0, 2).join(' ')) : 'Cấp ủy'
}

/** "Huyện ủy Ba Chẽ"; a name with no known level stands as it is. */
export function committeeName(unit: PlaceName): string {
  return unit.level ? `${COMMITTEE[unit.level]} ${unit.place}` : unit.name
}

/** "HU" for Huyện ủy, "TU" for Tỉnh ủy, "ĐU" for a commune's Đảng ủy: the document number's suffix (Số …-BC/HU). */
export function committeeInitials(unit: PlaceName): string {
  return committeeWord(unit)
    .split(' ')
    .map((word) => word.normalize('NFD').charAt(0).toLocaleUpperCase('vi'))
    .join('')
}

/** "ĐẢNG BỘ TỈNH QUẢNG NINH": the Party organisation of a unit, as a letterhead's upper line names it. */
export function partyOrganisation(unit: PlaceName): string {
  return `Đảng bộ ${unit.name}`.toLocaleUpperCase('vi')
}

/** The values of the messages that name the organisation (app.committee, app.description); 'none' when there is no unit to name. */
export function nameValues(unit: PlaceName | null): { level: Level | 'other' | 'none'; place: string; name: string } {
  return unit ? { level: unit.level ?? 'other', place: unit.place, name: unit.name } : { level: 'none', place: '', name: '' }
}
