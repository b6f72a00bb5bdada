/**
 * The scheduled monitor's keys of `environments.<env>.monitor` in runbook.yml (zod pieces used by
 * policy.ts): the window of deploys watched, what a breach does, and the spike rule of a check.
 */
import { readValue } from './zod.js'
import * as z from 'zod/mini'

const HOUR = 3_600_000
const DURATION = /^(\d+(?:\.\d+)?)\s*(m|h|d)$/
const UNIT_MS: Record<string, number> = { m: 60_000, h: HOUR, d: 24 * HOUR }

export const DEFAULT_WINDOW_MS = 48 * HOUR
/** From one hour (a cron every 30 min takes two samples) to 30 days. */
export const WINDOW_RULE = { min: HOUR, max: 30 * 24 * HOUR }

/**
 * What a breach does. In the job's own `monitor` stage: `rollback` rolls back at once, the others fail
 * the stage. In the scheduled `monitor-window` stage: `issue` (and `fail`) open or refresh an issue,
 * `rollback` also requests the rollback workflow (its environment's reviewers still approve), `none`
 * only charts it.
 */
export const ON_BREACH = ['fail', 'rollback', 'issue', 'none'] as const
export type OnBreach = (typeof ON_BREACH)[number]

/** monitor.window: "48h", "2d", "90m"; the error names the value and the range. */
export const windowSchema = readValue((v, fail): number => {
  const allowed = 'allowed: 1h to 30d (write e.g. 90m, 48h, 2d)'
  const m = typeof v === 'string' ? DURATION.exec(v.trim()) : null
  if (!m) return fail(`is ${JSON.stringify(v)}; ${allowed}`)
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2]])
  if (ms < WINDOW_RULE.min || ms > WINDOW_RULE.max)
    return fail(`is ${JSON.stringify(v)} (${ms} ms); ${allowed}`)
  return ms
})

/**
 * A check's spike rule: breach when this sample's rate is more than `factor` times the previous sample's
 * (per hour, so a late cron run does not look like a spike) and at least `min-count`.
 */
export const spikeSchema = z.strictObject({
  factor: z.number().check(z.gt(1, 'must be more than 1 (a spike is growth)')),
  'min-count': z._default(z.number().check(z.gte(0)), 5)
})
export type SpikeSpec = z.infer<typeof spikeSchema>

/** The workflow file dispatched with { environment, stage: rollback } when on-breach is rollback. */
export const rollbackWorkflowSchema = z._default(
  z
    .string()
    .check(
      z.regex(
        /^[\w.-]+\.ya?ml$/,
        'is not a workflow file name; allowed: e.g. release-migrations.yml'
      )
    ),
  'release-migrations.yml'
)
