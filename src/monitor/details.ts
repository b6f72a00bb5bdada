/**
 * What the two monitor checks report under the one check id `monitor`: the in-job watch (stage monitor)
 * and the scheduled window sample (stage monitor-window). A union, not one loose shape: the in-job
 * rollback reads `onBreach`, which only the watch has; the scheduled monitor names its policy
 * `onBreachPolicy` so a scheduled run can never trigger the in-job rollback. Both carry `series` and
 * `breaches`, which the shared report section draws.
 */
import type { MonitorSeries } from '../types.js'
import type { OnBreach } from '../config/monitor-settings.js'
import type { Published } from './publish.js'

/** stage monitor: one job samples every interval for the duration. */
export interface MonitorWatchDetails {
  series: MonitorSeries[]
  intervalMs: number
  durationMs?: number
  samples?: number
  breaches: string[]
  /** Samples that failed to run (also breaches): a broken query is no reason to roll back. */
  errors?: string[]
  onBreach?: OnBreach
}

/** A deploy the scheduled monitor watched, its time as ISO text (the details are JSON). */
export interface WatchedDeploy {
  version: string
  name: string
  gitSha: string | null
  runId: string
  deployedAt: string
}

/** stage monitor-window: one sample per run for every deploy of the last monitor.window. */
export interface MonitorWindowDetails {
  series: MonitorSeries[]
  breaches: string[]
  errors?: string[]
  deploys: WatchedDeploy[]
  windowMs?: number
  /** Named apart from `onBreach`: the runner's in-job rollback must not fire in a scheduled run. */
  onBreachPolicy?: OnBreach
  published?: Published[]
  warnings?: string[]
}

export type MonitorDetails = MonitorWatchDetails | MonitorWindowDetails
