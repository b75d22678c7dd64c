// The columns of the import files (issue 6). The headers are fixed Vietnamese text, whatever the
// interface language: they are what the district office types and what the templates carry.
export const IMPORT_KINDS = ['tasks', 'assignments'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export type ColumnKey =
  | 'taskCode'
  | 'title'
  | 'groupCode'
  | 'dueDate'
  | 'scope'
  | 'indicatorUnit'
  | 'indicatorBaseline'
  | 'indicatorTarget'
  | 'description'
  | 'indicatorKind'
  | 'unitCode'
  | 'unitTarget'
  | 'unitBaseline'

export const COLUMN_HEADERS: Record<ColumnKey, string> = {
  taskCode: 'Mã nhiệm vụ',
  title: 'Tên nhiệm vụ',
  groupCode: 'Mã nhóm',
  dueDate: 'Hạn hoàn thành',
  scope: 'Phạm vi',
  indicatorUnit: 'Đơn vị tính chỉ tiêu',
  indicatorBaseline: 'Giá trị ban đầu',
  indicatorTarget: 'Giá trị mục tiêu',
  description: 'Mô tả',
  indicatorKind: 'Cách tính chỉ tiêu',
  unitCode: 'Mã đơn vị',
  unitTarget: 'Mục tiêu của đơn vị',
  unitBaseline: 'Số ban đầu của đơn vị',
}

export type Column = { key: ColumnKey; required: boolean }

export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  tasks: [
    { key: 'taskCode', required: true },
    { key: 'title', required: true },
    { key: 'groupCode', required: true },
    { key: 'dueDate', required: true },
    { key: 'scope', required: true },
    { key: 'indicatorUnit', required: false },
    { key: 'indicatorBaseline', required: false },
    { key: 'indicatorTarget', required: false },
    { key: 'description', required: false },
    // Last, so that files made before it still read: empty is a sum (lib/validation/admin.ts).
    { key: 'indicatorKind', required: false },
  ],
  assignments: [
    { key: 'taskCode', required: true },
    { key: 'unitCode', required: true },
    // A PER_UNIT indicator's own target for the unit (lib/domain/indicator.ts).
    { key: 'unitTarget', required: false },
    // Its own baseline, where it has one (else the task's); last, so that files made before it still read.
    { key: 'unitBaseline', required: false },
  ],
}

/** Headers compare without regard to case, surrounding spaces or Unicode composition. */
export const normalizeHeader = (header: string) => header.normalize('NFC').trim().toLocaleLowerCase('vi')

const plainText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .trim()
    .toLowerCase()

/**
 * How an indicator counts, as typed ("tổng", "đạt/chưa đạt", "riêng từng đơn vị", with or without
 * accents) or as the enum names; the text itself when it is none of them (the row is refused).
 */
export function parseIndicatorKind(text: string): string {
  const plain = plainText(text).replace(/\s+/g, ' ')
  if (plain === 'tong' || plain === 'sum') return 'SUM'
  if (plain === 'dat/chua dat' || plain === 'dat, chua dat' || plain === 'dieu kien' || plain === 'condition') return 'CONDITION'
  if (plain === 'rieng tung don vi' || plain === 'theo tung don vi' || plain === 'per_unit') return 'PER_UNIT'
  return text
}

/** "xã" / "huyện" as typed (with or without accents), or the enum names. */
export function parseScope(text: string): 'COMMUNE' | 'DISTRICT' | null {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
  if (plain === 'xa' || plain === 'commune') return 'COMMUNE'
  if (plain === 'huyen' || plain === 'district') return 'DISTRICT'
  return null
}
