/**
 * migrations/runbook.yml: per-environment policy (timeouts, gates, probes, monitors), parsed with zod.
 * `defaults:` is merged under every environment. Durations are "500ms", "5s", "2m", "1h" or milliseconds.
 */
import { readFileSync, existsSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { ConfigError } from './errors.js'

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** "5s" -> 5000. Numbers are milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value
  const m = DURATION.exec(value.trim())
  if (!m) throw new Error(`"${value}" is not a duration; use e.g. 500ms, 5s, 2m, 1h`)
  return Math.round(Number(m[1]) * UNIT_MS[m[2]])
}

const duration = z.union([z.number().int().nonnegative(), z.string()]).transform((v, ctx) => {
  try {
    return parseDuration(v)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
    return z.NEVER
  }
})

const gateMode = z.enum(['fail', 'warn', 'off'])

const probeSchema = z.strictObject({
  name: z.string().min(1),
  sql: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
  runs: z.number().int().min(1).max(1000).default(20),
  'max-p95-ms': z.number().positive().default(200),
  'expect-index': z.string().optional()
})

const monitorCheckSchema = z
  .object({
    name: z.string().min(1),
    /** A query returning one numeric column `value` (per interval). */
    sql: z.string().min(1).optional(),
    /** Or the name of a probe: its p95 in ms per interval. */
    probe: z.string().min(1).optional(),
    params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
    /** Breach when value > max (or < min). */
    max: z.number().optional(),
    min: z.number().optional(),
    unit: z.string().default('')
  })
  .strict()
  .refine(c => (c.sql === undefined) !== (c.probe === undefined), {
    message: 'give exactly one of sql or probe'
  })

const environmentFields = {
  'supabase-project-ref': z
    .string()
    .regex(/^[a-z0-9]{20}$/, 'a 20-character Supabase project ref')
    .optional(),
  'lock-timeout': duration.optional(),
  'statement-timeout': duration.optional(),
  'lock-budget': duration.optional(),
  'advisory-lock-wait': duration.optional(),
  'apply-retries': z.number().int().min(0).max(20).optional(),
  'retry-backoff': duration.optional(),
  'allow-out-of-order': z.boolean().optional(),
  'long-transaction-limit': duration.optional(),
  'long-transactions': gateMode.optional(),
  'lock-holders': gateMode.optional(),
  'rehearsal-over-budget': gateMode.optional(),
  'backup-max-age': duration.optional(),
  'conflicts-timeout': duration.optional(),
  'conflicts-sample': z.number().int().min(1).max(10_000).optional(),
  'test-command': z.string().optional(),
  'artifact-retention-days': z.number().int().min(1).max(90).optional(),
  'plan-cost-threshold': z.number().positive().optional(),
  probes: z.array(probeSchema).optional(),
  monitor: z
    .object({
      duration: duration,
      interval: duration,
      'on-breach': z.enum(['fail', 'rollback']).default('fail'),
      checks: z.array(monitorCheckSchema).default([])
    })
    .optional(),
  /** Treat this environment as production (strict defaults). */
  production: z.boolean().optional()
}

const environmentSchema = z.object(environmentFields).strict()
const fileSchema = z
  .object({
    version: z.literal(1).default(1),
    defaults: environmentSchema.default({}),
    environments: z.record(
      z.string(),
      environmentSchema.nullable().transform(v => v ?? {})
    )
  })
  .strict()

export type ProbeSpec = z.infer<typeof probeSchema>
export type MonitorCheckSpec = z.infer<typeof monitorCheckSchema>

export interface EnvironmentPolicy {
  name: string
  production: boolean
  supabaseProjectRef?: string
  lockTimeoutMs: number
  statementTimeoutMs: number
  lockBudgetMs: number
  advisoryLockWaitMs: number
  applyRetries: number
  retryBackoffMs: number
  allowOutOfOrder: boolean
  longTransactionLimitMs: number
  longTransactions: 'fail' | 'warn' | 'off'
  lockHolders: 'fail' | 'warn' | 'off'
  rehearsalOverBudget: 'fail' | 'warn' | 'off'
  backupMaxAgeMs: number
  conflictsTimeoutMs: number
  conflictsSample: number
  testCommand?: string
  artifactRetentionDays?: number
  planCostThreshold: number
  probes: ProbeSpec[]
  monitor?: {
    durationMs: number
    intervalMs: number
    onBreach: 'fail' | 'rollback'
    checks: MonitorCheckSpec[]
  }
}

export interface Policy {
  path: string
  environments: Record<string, EnvironmentPolicy>
}

type RawEnv = z.infer<typeof environmentSchema>

function resolveEnvironment(name: string, defaults: RawEnv, own: RawEnv): EnvironmentPolicy {
  const e: RawEnv = { ...defaults, ...own }
  const production = e.production ?? /^prod/i.test(name)
  const strict = production ? 'fail' : 'warn'
  return {
    name,
    production,
    supabaseProjectRef: e['supabase-project-ref'],
    lockTimeoutMs: e['lock-timeout'] ?? 5_000,
    statementTimeoutMs: e['statement-timeout'] ?? 15 * 60_000,
    lockBudgetMs: e['lock-budget'] ?? 10_000,
    advisoryLockWaitMs: e['advisory-lock-wait'] ?? 60_000,
    applyRetries: e['apply-retries'] ?? 3,
    retryBackoffMs: e['retry-backoff'] ?? 1_000,
    allowOutOfOrder: e['allow-out-of-order'] ?? false,
    longTransactionLimitMs: e['long-transaction-limit'] ?? 5 * 60_000,
    longTransactions: e['long-transactions'] ?? strict,
    lockHolders: e['lock-holders'] ?? strict,
    rehearsalOverBudget: e['rehearsal-over-budget'] ?? strict,
    backupMaxAgeMs: e['backup-max-age'] ?? 24 * 3_600_000,
    conflictsTimeoutMs: e['conflicts-timeout'] ?? 60_000,
    conflictsSample: e['conflicts-sample'] ?? 20,
    testCommand: e['test-command'],
    artifactRetentionDays: e['artifact-retention-days'],
    planCostThreshold: e['plan-cost-threshold'] ?? 2,
    probes: e.probes ?? [],
    monitor: e.monitor
      ? {
          durationMs: e.monitor.duration,
          intervalMs: e.monitor.interval,
          onBreach: e.monitor['on-breach'],
          checks: e.monitor.checks
        }
      : undefined
  }
}

export function parsePolicy(text: string, path: string): Policy {
  let raw: unknown
  try {
    raw = parseYaml(text) ?? {}
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message}`)
  }
  const result = fileSchema.safeParse(raw)
  if (!result.success) {
    const lines = result.error.issues.map(i => `  ${i.path.join('.') || '(top)'}: ${i.message}`)
    throw new ConfigError(`${path}: invalid runbook policy:\n${lines.join('\n')}`)
  }
  const environments: Record<string, EnvironmentPolicy> = {}
  for (const [name, own] of Object.entries(result.data.environments)) {
    environments[name] = resolveEnvironment(name, result.data.defaults, own)
  }
  return { path, environments }
}

export function loadPolicy(path: string): Policy {
  if (!existsSync(path)) {
    throw new ConfigError(
      `input "config" is "${path}", which does not exist; create it with an environments: section (see README)`
    )
  }
  return parsePolicy(readFileSync(path, 'utf8'), path)
}

/** The named environment's policy, or a ConfigError naming the allowed environments. */
export function environmentPolicy(policy: Policy, name: string): EnvironmentPolicy {
  const env = policy.environments[name]
  if (!env) {
    const allowed = Object.keys(policy.environments)
    throw new ConfigError(
      `input "environment" is "${name}", which ${policy.path} does not define; allowed: ${allowed.join(', ') || '(none defined)'}`
    )
  }
  return env
}
