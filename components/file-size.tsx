import { useFormatter } from 'next-intl'

const KB = 1024
const MB = 1024 * 1024

/** Writes a size as "12,3 kB", "1,2 MB" in the reader's number format. */
export function useFileSize(): (bytes: number) => string {
  const format = useFormatter()
  return (bytes) => {
    if (bytes < KB) return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short' })
    const large = bytes >= MB
    return format.number(large ? bytes / MB : bytes / KB, { style: 'unit', unit: large ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 })
  }
}

export function FileSize({ bytes }: { bytes: number }) {
  return <>{useFileSize()(bytes)}</>
}
