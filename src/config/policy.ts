/**
 * migrations/runbook.yml: per-environment policy (timeouts, gates, probes, monitors), parsed with zod.
 * `defaults:` is merged under every environment. Durations are "500ms", "5s", "2m", "1h" or milliseconds.
 */
import { readFileSync, existsSync } from 'node:fs'
import nodePath from 'node:path'
// js-yaml, not yaml: a third of the parse and import time at start-up (measured in bench/fast-path.ts).
import { CORE_SCHEMA, load } from 'js-yaml'
import { nonEmpty, readValue, sqlParams } from './zod.js'
import * as z from 'zod/mini'
import { backupFields, resolveBackupSetting, type BackupOff } from './backup-settings.js'
import { ConfigError } from './errors.js'
import { policyIssueLines } from './issues.js'
import { featureFlagSchema, resolveFeatureFlags, type FeatureFlagSpec } from './flags.js'
import { lintSettingsOf, lintSettingsSchema, type LintSettings } from './lint-settings.js'
import { smokeListSchema, type SmokeScenario } from './smoke.js'
import {
  linkForecastSources,
  rehearsalFields,
  resolveRehearsal,
  type RehearsalSettings
} from './rehearsal-settings.js'
import {
  DEFAULT_WINDOW_MS,
  ON_BREACH,
  rollbackWorkflowSchema,
  spikeSchema,
  windowSchema,
  type OnBreach
} from './monitor-settings.js'

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** "5s" -> 5000. Numbers are milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value
  const m = DURATION.exec(value.trim())
  if (!m) throw new Error(`"${value}" is not a duration; use e.g. 500ms, 5s, 2m, 1h`)
  return Math.round(Number(m[1]) * UNIT_MS[m[2]])
}

/** 3600000 -> "1h", 1500 -> "1500ms": the largest unit that divides the value, as runbook.yml writes it. */
export function formatDuration(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) {
    if (ms !== 0 && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`
  }
  return `${ms}ms`
}

interface DurationRule {
  min: number
  max: number
  /** Why 0 is refused (when min > 0): said instead of a bare "below the range". */
  zero?: string
}

/**
 * A duration key with its allowed range. 0 is refused where PostgreSQL (or the engine) would read it as
 * "no limit", and absurd values are refused at both ends: the run must not start with a policy that waits
 * forever or gives up at once. The message names the value and the range; zod adds the key's path.
 */
function duration(rule: DurationRule) {
  const allowed = `allowed: ${formatDuration(rule.min)} to ${formatDuration(rule.max)}`
  return readValue((v, failWith): number => {
    const fail = (why: string): never => failWith(`${why}; ${allowed}`)
    const shown = JSON.stringify(v) ?? String(v)
    if (v === undefined || v === null) return fail('is missing')
    let ms: number
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) return fail(`is ${shown}: a number is milliseconds, a whole number`)
      ms = v
    } else if (typeof v === 'string') {
      if (!DURATION.test(v.trim()))
        return fail(`is ${shown}, which is not a duration (write e.g. 500ms, 5s, 2m, 1h)`)
      ms = parseDuration(v)
    } else {
      return fail(`is ${shown}, which is not a duration (write e.g. 500ms, 5s, 2m, 1h)`)
    }
    if (ms === 0 && rule.min > 0 && rule.zero) return fail(`is ${shown}: 0 ${rule.zero}`)
    if (ms < rule.min) return fail(`is ${shown} (${ms} ms), below the allowed range`)
    if (ms > rule.max) return fail(`is ${shown} (${ms} ms), above the allowed range`)
    return ms
  })
}

const SECOND = 1_000
const MINUTE = 60_000
const HOUR = 3_600_000
const NO_LIMIT = 'means no limit in PostgreSQL'

/** The allowed range of every duration key; the comments and `zero` texts say why. */
export const DURATION_RULES = {
  'lock-timeout': {
    min: 1,
    max: HOUR,
    zero: `${NO_LIMIT}: a migration would wait forever for its lock while every query queues behind it`
  },
  'statement-timeout': {
    min: SECOND,
    max: 24 * HOUR,
    zero: `${NO_LIMIT}: a statement could run forever`
  },
  'lock-budget': {
    min: 1,
    max: HOUR,
    zero: 'leaves the rehearsal no time to hold any lock: every migration would be over budget'
  },
  // 0 is meaningful: try the apply lock once and fail at once if another run holds it.
  'advisory-lock-wait': { min: 0, max: HOUR },
  // 0 is meaningful: retry at once.
  'retry-backoff': { min: 0, max: 10 * MINUTE },
  'long-transaction-limit': {
    min: 100,
    max: 24 * HOUR,
    zero: 'would count every open transaction as long'
  },
  'backup-max-age': {
    min: MINUTE,
    max: 30 * 24 * HOUR,
    zero: 'would call every backup too old'
  },
  'conflicts-timeout': {
    min: SECOND,
    max: 24 * HOUR,
    zero: `${NO_LIMIT}: a violation query could run forever`
  },
  'monitor.duration': { min: 100, max: 24 * HOUR, zero: 'would take no sample' },
  'monitor.interval': { min: 100, max: HOUR, zero: 'would sample without pause' }
} satisfies Record<string, DurationRule>

const gateMode = z.enum(['fail', 'warn', 'off'])

const probeSchema = z.strictObject({
  name: nonEmpty(),
  sql: nonEmpty(),
  params: sqlParams(),
  runs: z._default(z.int().check(z.gte(1), z.lte(1000)), 20),
  'max-p95-ms': z._default(z.number().check(z.positive()), 200),
  'expect-index': z.optional(z.string())
})

const monitorCheckSchema = z
  .strictObject({
    name: nonEmpty(),
    /** A query returning one numeric column `value` (per interval). */
    sql: z.optional(nonEmpty()),
    /** Or the name of a probe: its p95 in ms per interval. */
    probe: z.optional(nonEmpty()),
    params: sqlParams(),
    /** Breach when value > max (or < min). */
    max: z.optional(z.number()),
    min: z.optional(z.number()),
    unit: z._default(z.string(), ''),
    /** Scheduled monitor: breach when the rate grows more than factor × the previous sample's. */
    spike: z.optional(spikeSchema)
  })
  .check(
    z.refine(c => (c.sql === undefined) !== (c.probe === undefined), {
      message: 'give exactly one of sql or probe'
    })
  )

/**
 * Supabase project refs are 20 lowercase letters (db.<ref>.supabase.co, pooler user postgres.<ref>).
 * `supabase-project-ref` keeps its older, looser shape so existing policies still load.
 */
export const PROJECT_REF = /^[a-z]{20}$/

/**
 * environments.<name>.target: what this environment's database must be. A swapped secret (staging's URL in
 * production's environment) then stops the run before any statement instead of migrating the wrong database.
 */
const targetSchema = z
  .strictObject({
    host: z.optional(z.string().check(z.trim(), z.minLength(1))),
    port: z.optional(z.int().check(z.gte(1), z.lte(65535))),
    database: z.optional(nonEmpty()),
    'project-ref': z.optional(
      z
        .string()
        .check(z.regex(PROJECT_REF, 'is not a Supabase project ref; allowed: 20 lowercase letters'))
    )
  })
  .check(
    z.refine(t => Object.values(t).some(v => v !== undefined), {
      message: 'pins nothing; allowed: at least one of host, port, database, project-ref'
    })
  )

const environmentFields = {
  'supabase-project-ref': z.optional(
    z.string().check(z.regex(/^[a-z0-9]{20}$/, 'a 20-character Supabase project ref'))
  ),
  'lock-timeout': z.optional(duration(DURATION_RULES['lock-timeout'])),
  'statement-timeout': z.optional(duration(DURATION_RULES['statement-timeout'])),
  'lock-budget': z.optional(duration(DURATION_RULES['lock-budget'])),
  'advisory-lock-wait': z.optional(duration(DURATION_RULES['advisory-lock-wait'])),
  'apply-retries': z.optional(z.int().check(z.gte(0), z.lte(20))),
  'retry-backoff': z.optional(duration(DURATION_RULES['retry-backoff'])),
  'allow-out-of-order': z.optional(z.boolean()),
  'long-transaction-limit': z.optional(duration(DURATION_RULES['long-transaction-limit'])),
  'long-transactions': z.optional(gateMode),
  'lock-holders': z.optional(gateMode),
  'rehearsal-over-budget': z.optional(gateMode),
  'backup-max-age': z.optional(duration(DURATION_RULES['backup-max-age'])),
  'conflicts-timeout': z.optional(duration(DURATION_RULES['conflicts-timeout'])),
  'conflicts-sample': z.optional(z.int().check(z.gte(0), z.lte(10_000))),
  'test-command': z.optional(z.string()),
  'artifact-retention-days': z.optional(z.int().check(z.gte(1), z.lte(90))),
  'plan-cost-threshold': z.optional(z.number().check(z.positive())),
  probes: z.optional(z.array(probeSchema)),
  monitor: z.optional(
    z
      .strictObject({
        duration: duration(DURATION_RULES['monitor.duration']),
        interval: duration(DURATION_RULES['monitor.interval']),
        'on-breach': z._default(z.enum(ON_BREACH), 'fail'),
        checks: z._default(z.array(monitorCheckSchema), []),
        /** Scheduled monitor: deploys of this long ago are still sampled. */
        window: z.optional(windowSchema),
        'rollback-workflow': rollbackWorkflowSchema
      })
      .check(
        z.superRefine((m, ctx) => {
          if (m.interval > m.duration) {
            ctx.addIssue({
              code: 'custom',
              path: ['interval'],
              message: `is ${formatDuration(m.interval)}, longer than monitor.duration ${formatDuration(m.duration)}; allowed: at most the duration`
            })
          }
        })
      )
  ),
  ...rehearsalFields,
  /** Treat this environment as production (strict defaults). */
  production: z.optional(z.boolean()),
  smoke: z.optional(smokeListSchema),
  target: z.optional(targetSchema),
  ...backupFields
}

const environmentSchema = z.strictObject(environmentFields)
const fileSchema = z.strictObject({
  version: z._default(z.literal(1), 1),
  /**
   * SQL the throwaway database (--embedded, rehearse) runs before any migration, outside the history: what
   * a project needs beyond the Supabase stand-in. Inline SQL, or paths ending in .sql relative to this file.
   */
  'setup-sql': z.optional(z.union([z.string(), z.array(z.string())])),
  defaults: z._default(environmentSchema, {}),
  'feature-flags': z._default(z.array(featureFlagSchema), []),
  lint: lintSettingsSchema,
  environments: z.record(
    z.string(),
    z.pipe(
      z.nullable(environmentSchema),
      z.transform(v => v ?? {})
    )
  )
})

export type ProbeSpec = z.infer<typeof probeSchema>

/** environments.<name>.target, each key optional (at least one given). */
export interface TargetPin {
  host?: string
  port?: number
  database?: string
  projectRef?: string
}
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
    onBreach: OnBreach
    checks: MonitorCheckSpec[]
    windowMs: number
    rollbackWorkflow: string
  }
  /** Shadow rehearsal and lock forecast (rehearsal-settings.ts). */
  rehearsal?: RehearsalSettings
  /** The pinned target: the URL and server must match it before anything runs. */
  target?: TargetPin
  /** Post-deploy smoke scenarios (HTTP, then SQL assertions, then cleanup). */
  smoke: SmokeScenario[]
  /** runbook.yml `backup: off` and its reason: the backup check is off on purpose. */
  backupOff?: BackupOff
}

export interface Policy {
  path: string
  environments: Record<string, EnvironmentPolicy>
  /** setup-sql, resolved: each entry's label (file or "runbook.yml setup-sql") and its SQL. */
  setupSql: { label: string; sql: string }[]
  /** feature-flags: the flags the deploy depends on, with their allowed and expected values. */
  featureFlags: FeatureFlagSpec[]
  /** lint: markers and input format for `migration-runbook lint` (src/config/lint-settings.ts). */
  lint: LintSettings
}

/** A setup-sql entry is a file when it is one path ending in .sql (no whitespace), else inline SQL. */
function resolveSetupSql(value: string | string[] | undefined, policyPath: string) {
  const entries = value === undefined ? [] : Array.isArray(value) ? value : [value]
  return entries.map((entry, i) => {
    const trimmed = entry.trim()
    if (/^\S+\.sql$/i.test(trimmed)) {
      const file = nodePath.resolve(nodePath.dirname(policyPath), trimmed)
      if (!existsSync(file))
        throw new ConfigError(
          `${policyPath}: setup-sql[${i}] is "${trimmed}", which does not exist (paths are relative to the policy file); allowed: a .sql file or inline SQL`
        )
      return { label: trimmed, sql: readFileSync(file, 'utf8') }
    }
    return { label: `${nodePath.basename(policyPath)} setup-sql[${i}]`, sql: entry }
  })
}

type RawEnv = z.infer<typeof environmentSchema>

function resolveEnvironment(name: string, defaults: RawEnv, own: RawEnv): EnvironmentPolicy {
  const e: RawEnv = { ...defaults, ...own }
  const production = e.production ?? /^prod/i.test(name)
  const strict = production ? 'fail' : 'warn'
  return {
    name,
    production,
    smoke: e.smoke ?? [],
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
          checks: e.monitor.checks,
          windowMs: e.monitor.window ?? DEFAULT_WINDOW_MS,
          rollbackWorkflow: e.monitor['rollback-workflow']
        }
      : undefined,
    rehearsal: resolveRehearsal(e, production, name),
    target: e.target
      ? {
          host: e.target.host,
          port: e.target.port,
          database: e.target.database,
          projectRef: e.target['project-ref']
        }
      : undefined,
    backupOff: resolveBackupSetting(e).off
  }
}

export function parsePolicy(text: string, path: string): Policy {
  let raw: unknown
  try {
    // The YAML 1.2 core schema, as the yaml package read it: no timestamps, no merge keys.
    raw = load(text, { schema: CORE_SCHEMA }) ?? {}
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message}`)
  }
  const result = fileSchema.safeParse(raw)
  if (!result.success) {
    const lines = policyIssueLines(result.error.issues, raw, fileSchema)
    throw new ConfigError(`${path}: invalid runbook policy:\n${lines.join('\n')}`)
  }
  // A pin names one database: shared through defaults it would pin staging and production to the same one.
  if (result.data.defaults.target)
    throw new ConfigError(
      `${path}: invalid runbook policy:\n  defaults.target: a target pins one environment's database; allowed: environments.<name>.target only`
    )
  const environments: Record<string, EnvironmentPolicy> = {}
  for (const [name, own] of Object.entries(result.data.environments)) {
    const backupError = resolveBackupSetting({ ...result.data.defaults, ...own }).error
    if (backupError)
      throw new ConfigError(
        `${path}: invalid runbook policy:\n  environments.${name}.${backupError}`
      )
    const env = resolveEnvironment(name, result.data.defaults, own)
    const pinned = env.target?.projectRef
    if (pinned && env.supabaseProjectRef && pinned !== env.supabaseProjectRef)
      throw new ConfigError(
        `${path}: invalid runbook policy:\n  environments.${name}.target.project-ref: is "${pinned}", but supabase-project-ref is "${env.supabaseProjectRef}"; allowed: the same project`
      )
    environments[name] = env
  }
  linkForecastSources(environments, path)
  return {
    path,
    environments,
    setupSql: resolveSetupSql(result.data['setup-sql'], path),
    lint: lintSettingsOf(result.data.lint),
    featureFlags: resolveFeatureFlags(result.data['feature-flags'], Object.keys(environments), path)
  }
}

export function loadPolicy(path: string): Policy {
  if (!existsSync(path)) {
    throw new ConfigError(
      `input "config" is "${path}", which does not exist; allowed: an existing runbook.yml. ` +
        '`migration-runbook init` writes one (with the PR and deploy workflows), or write it by hand with an ' +
        'environments: section (see README); the CLI reads another with --config, the Action with `config:`'
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
