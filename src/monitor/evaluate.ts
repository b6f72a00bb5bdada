/**
 * Judges one scheduled sample: the static max/min of the check, and its spike rule against the previous
 * interval. Counts are compared as rates per hour, so a cron run GitHub delayed (a longer interval, more
 * rows) is not taken for a spike.
 */
import type { SpikeSpec } from '../config/monitor-settings.js'
import { round3 } from '../perf/stats.js'

export interface SampleToJudge {
  name: string
  unit: string
  value: number | null
  error?: string
  max?: number
  min?: number
  spike?: SpikeSpec
  since: Date
  takenAt: Date
}

export interface PreviousInterval {
  value: number | null
  since: Date
  takenAt: Date
}

export interface Judgement {
  /** The upper limit in force for this sample (the smaller of max and the spike limit), if any. */
  threshold: number | null
  breach?: string
}

function hours(from: Date, to: Date): number {
  return Math.max(1, to.getTime() - from.getTime()) / 3_600_000
}

/** The spike limit in this interval's units, or undefined without a previous interval to compare with. */
export function spikeLimit(
  spike: SpikeSpec,
  since: Date,
  takenAt: Date,
  previous: PreviousInterval | undefined
): number | undefined {
  if (!previous || previous.value === null) return undefined
  const previousRate = previous.value / hours(previous.since, previous.takenAt)
  return round3(Math.max(spike.factor * previousRate * hours(since, takenAt), spike['min-count']))
}

export function judgeSample(s: SampleToJudge, previous: PreviousInterval | undefined): Judgement {
  const spike = s.spike ? spikeLimit(s.spike, s.since, s.takenAt, previous) : undefined
  const limits = [s.max, spike].filter((v): v is number => v !== undefined)
  const threshold = limits.length > 0 ? Math.min(...limits) : null
  const at = s.takenAt.toISOString()
  const unit = s.unit ? ` ${s.unit}` : ''
  if (s.error) return { threshold, breach: `${s.name}: sample at ${at} failed: ${s.error}` }
  if (s.value === null) return { threshold }
  if (s.max !== undefined && s.value > s.max)
    return {
      threshold,
      breach: `${s.name}: ${s.value}${unit} at ${at} is above max ${s.max}${unit}`
    }
  if (spike !== undefined && s.value > spike)
    return {
      threshold,
      breach: `${s.name}: ${s.value}${unit} at ${at} is a spike: more than ${s.spike?.factor} × the previous interval's rate (limit ${spike}${unit})`
    }
  if (s.min !== undefined && s.value < s.min)
    return {
      threshold,
      breach: `${s.name}: ${s.value}${unit} at ${at} is below min ${s.min}${unit}`
    }
  return { threshold }
}
