/** Shared data shapes of the engine. Plain data: every module takes these and returns these. */
import type pg from 'pg'
import type { EnvironmentPolicy, Policy } from './config/policy.js'
import type { RunConfig } from './config/inputs.js'
import type { Plan } from './plan/plan.js'
import type { Logger } from './report/logger.js'
import type { EvidenceWriter } from './report/evidence.js'
import type { Redactor } from './report/redact.js'

export const STAGES = [
  'validate',
  'apply',
  'verify',
  'rollback',
  'monitor',
  // the scheduled monitor: one sample per run for every deploy of the last monitor.window
  'monitor-window'
] as const
export type Stage = (typeof STAGES)[number]

export const CHECK_IDS = [
  // preparing a throwaway database (--embedded, rehearse): setup-sql, the baseline schema or migrations
  'baseline',
  // the URL and the server match environments.<env>.target (a swapped secret stops here)
  'target',
  'connection',
  'pooler',
  'backup',
  'drift',
  'long-transactions',
  'lock-holders',
  'table-sizes',
  'extensions',
  'lint',
  'conflicts',
  'rehearsal',
  // the test command can start (validate): programs, npm scripts and files it names exist
  'tests-preflight',
  'apply',
  'verify',
  'schema-diff',
  'tests',
  'performance',
  'monitor',
  'rollback',
  // issue 13: the feature flags the deploy runs with, and the post-deploy smoke checks
  'flags',
  'smoke'
] as const
export type CheckId = (typeof CHECK_IDS)[number]

/** `cancelled`: the check that was running when the run was cancelled (SIGINT/SIGTERM). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip' | 'cancelled'
export type RunStatus = 'passed' | 'warned' | 'failed' | 'cancelled'

/** A place in a migration file a finding points at (becomes a GitHub annotation). */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  file: string
  line: number
  column?: number
  title: string
  message: string
}

/** What a check function returns; the runner adds id, title and duration. */
export interface CheckOutcome {
  status: CheckStatus
  /** One line for the table. */
  summary: string
  /** One line per reason the check warned or failed. */
  reasons?: string[]
  details?: Record<string, unknown>
  annotations?: Annotation[]
}

export interface CheckResult extends CheckOutcome {
  id: CheckId
  title: string
  durationMs: number
  reasons: string[]
  details: Record<string, unknown>
  annotations: Annotation[]
}

/** Everything a check may read or use. Checks share intermediate facts through `state`. */
export interface StageContext {
  config: RunConfig
  policy: Policy
  env: EnvironmentPolicy
  plan: Plan
  client: pg.Client
  /** Open another session to the same database (for lock probes, concurrent work). */
  connect: () => Promise<pg.Client>
  log: Logger
  evidence: EvidenceWriter
  redactor: Redactor
  state: Map<string, unknown>
  /** Versions applied by this run (filled by the apply check). */
  applied: string[]
  /** Fires when the run is cancelled: waits end at once, the runner cancels the running statements. */
  signal: AbortSignal
}

export interface Check {
  id: CheckId
  title: string
  run: (ctx: StageContext) => Promise<CheckOutcome>
}

export interface Report {
  tool: 'migration-runbook'
  version: string
  environment: string
  stage: Stage
  status: RunStatus
  startedAt: string
  finishedAt: string
  durationMs: number
  target: { host: string; port: number; database: string; serverVersion?: string }
  pending: string[]
  applied: string[]
  checks: CheckResult[]
  /** When status is cancelled: the check that was running and the signal. */
  cancelled?: { check?: string; signal?: string }
  run?: { url?: string; sha?: string; actor?: string; pullRequest?: number }
}

/*
 * The `details` shapes that checks write and the report/markdown reads. A check puts its own object
 * under CheckResult.details; the keys below are the contract between checks and renderers.
 */

/** lint: details = { findings: LintFinding[], locks: StatementLock[], files: number, statements: number } */
export interface LintFinding {
  rule: string
  severity: 'error' | 'warning' | 'info'
  file: string
  line: number
  column: number
  message: string
  advice: string
  /** Set when a `-- runbook:allow <rule> <reason>` comment suppressed it. */
  suppressed?: string
}

export interface StatementLock {
  file: string
  line: number
  statement: string
  lock: string
  table: string
}

/** conflicts: details = { constraints: ConflictReport[] } */
export interface ConflictReport {
  file: string
  line: number
  table: string
  constraint: string
  kind: 'exclude' | 'unique' | 'primary-key' | 'check' | 'foreign-key' | 'not-null'
  count: number
  sample: Record<string, unknown>[]
  query: string
  durationMs: number
  error?: string
}

/** rehearsal: details = { migrations: RehearsalResult[] } */
export interface RehearsalResult {
  version: string
  durationMs: number
  locks: { relation: string; mode: string }[]
  diffText: string
  overBudget: boolean
  error?: string
  /**
   * Shadow mode stopped before a statement it cannot move off the live tables (a DO block that locks one):
   * `error` says which; not a failure of the migration.
   */
  unrehearsable?: boolean
  /** Where the failing statement is, when it failed. */
  file?: string
  line?: number
}

/** schema-diff: details = { diffText: string, added: number, removed: number, changed: number } */

/** performance: details = { probes: ProbeResult[], planRegressions?: PlanRegression[], topStatements?: unknown[] } */
export interface ProbeResult {
  name: string
  runs: number
  p50Ms: number
  p95Ms: number
  maxP95Ms: number
  indexesUsed: string[]
  expectedIndex?: string
  pass: boolean
}

export interface PlanRegression {
  name: string
  beforeCost: number
  afterCost: number
  beforeIndexes: string[]
  afterIndexes: string[]
  regressed: boolean
}

/** monitor: details = { series: MonitorSeries[], intervalMs: number, breaches: string[] } */
export interface MonitorSeries {
  name: string
  unit: string
  max?: number
  min?: number
  points: { at: string; value: number | null }[]
  breached: boolean
}

/** tests: details = { command: string, exitCode: number | null, junit?: { tests: number; failures: number; errors: number; skipped: number } } */
