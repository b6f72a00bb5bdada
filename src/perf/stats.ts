/** Small statistics helpers for timing samples. */

/**
 * The p-th percentile (0..100) by nearest rank: always a value that was observed, so a p95 of 20 runs
 * is the 19th fastest run and one outlier in 20 does not move it.
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile p is ${p}; allowed: 0 to 100`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

/** Rounds to 3 decimals (microseconds when the unit is ms), enough for reports. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** Milliseconds since `startNs` (a process.hrtime.bigint()). */
export function elapsedMs(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6
}
