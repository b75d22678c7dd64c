// Summaries of timings for the benchmark scripts.

/** The value below which the share `q` (0..1) of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  if (!samples.length) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export type Latency = { median: number; p95: number }

export function latency(samples: readonly number[]): Latency {
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}
