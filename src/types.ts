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

/**
 * What each check writes under CheckResult.details, keyed by check id. Every check declares its own entry
 * beside its code (module augmentation), so adding a check is one file plus one line in the stage table:
 *
 *   declare module '../types.js' { interface CheckDetails { lint: LintDetails } }
 *
 * The ids listed here are results no check function produces: the front doors' throwaway-database
 * preparation (baseline) and the engine's target pin (target).
 */
export interface CheckDetails {
  /** Preparing a throwaway database (--embedded, rehearse): setup-sql, the baseline schema or migrations. */
  baseline: BaselineDetails
  /** The URL and the server match environments.<env>.target (a swapped secret stops here). */
  target: TargetPinDetails
}
export type CheckId = keyof CheckDetails & string

export interface BaselineDetails {
  /** What was done to the throwaway database, in order (setup-sql, the baseline schema, the replayed migrations). */
  steps: string[]
  /** The versions recorded as applied before the stage ran. */
  deployed: string[]
}

export interface TargetPinDetails {
  pinned: string[]
  host: string
  port: number
  database?: string
  projectRef?: string
}

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
export interface CheckOutcome<D = unknown> {
  status: CheckStatus
  /** One line for the table. */
  summary: string
  /** One line per reason the check warned or failed. */
  reasons?: string[]
  details?: D
  annotations?: Annotation[]
}

/**
 * One check's result in a report. `details` is Partial: a check that was skipped, threw or was cancelled
 * has none, and a report read back from summary.json is only as complete as the run that wrote it.
 */
export interface CheckResultOf<K extends CheckId> {
  id: K
  title: string
  status: CheckStatus
  summary: string
  durationMs: number
  reasons: string[]
  details: Partial<CheckDetails[K]>
  annotations: Annotation[]
}
export type CheckResult = { [K in CheckId]: CheckResultOf<K> }[CheckId]

/** The result of check `id` among `checks` (the first one), typed by its id. */
export function findCheck<K extends CheckId>(
  checks: readonly CheckResult[],
  id: K
): CheckResultOf<K> | undefined {
  return checks.find(c => c.id === id) as CheckResultOf<K> | undefined
}

/**
 * The facts of one run, built once by the engine from what the front door read (inputs, the job's
 * environment, the repository root). Nothing below the front doors reads process.env or process.cwd().
 */
export interface RunFacts {
  runId: string
  /** rollback: the version to roll back (--migration); default: the newest applied. */
  rollbackVersion?: string
  /** Who and what the run is about, for the audit log (GITHUB_SHA/GITHUB_ACTOR, or the local user). */
  git: { sha?: string; actor?: string }
  /** The repository: relative paths in messages and the test command's working directory. */
  root: string
  tokens: {
    /** github-token input, else GITHUB_TOKEN. */
    github?: string
    /** SUPABASE_ACCESS_TOKEN: the Management API (backup check; a secret, masked). */
    supabaseAccess?: string
  }
  /** The database URL, parsed once. */
  target: Target
  /** The target is a throwaway database (--embedded, rehearse): some gaps are its own, not the migration's. */
  throwaway: boolean
  /**
   * The job's environment as the front door read it: the test command's environment and PATH, the
   * Supabase/GitHub settings (SUPABASE_PROJECT_REF, GITHUB_REPOSITORY, JUNIT_OUTPUT_FILE, ...).
   */
  environ: Readonly<Record<string, string | undefined>>
}

/** The database URL parsed once (db/target.ts parseTarget). `url` is a secret: masked, never printed. */
export interface Target {
  url: string
  host: string
  port: number
  /** The database the URL names, else postgres (what libpq connects to). */
  database: string
  /** The database named in the URL, undefined when it names none. */
  urlDatabase?: string
  user: string
  /** Project refs the URL carries: the direct host db.<ref>.supabase.co and the pooler user <role>.<ref>. */
  projectRefs: { ref: string; from: string }[]
  /** URL query parameters (pgbouncer=true, sslmode, ...). */
  params: Record<string, string>
}

/**
 * Facts one check hands to a later one in the same run. Each is a typed field, declared here with the
 * check that writes it and the checks that read it.
 */
export interface SharedFacts {
  /** apply → verify, schema-diff: the snapshot taken before each migration (as the audit log keeps it). */
  schemasBefore?: Map<string, import('./schema/snapshot.js').SchemaSnapshot>
  /** connection → extensions: the role and the planned extensions, as read before any change (read once). */
  serverReads?: import('./db/server-facts.js').ServerReads
  /** verify → schema-diff: the schema after the migrations, so it is read once. */
  schemaAfter?: import('./schema/snapshot.js').SchemaSnapshot
  /** apply/rehearsal → performance: the plans of the probes before the migration. */
  planBaselines?: import('./perf/plan-baseline.js').PlanBaseline[]
  /** flags: it ran once already in this run (apply runs it before and after the migration). */
  flagsRanBeforeApply?: boolean
  /**
   * lint → lock-holders, table-sizes: tables the lint's lock table says the pending migrations lock without naming
   * them as relations (the table a dropped foreign key references, DROP POLICY ... ON), so their holders are
   * looked for and their sizes listed too.
   */
  lockedUnnamed?: string[]
  /** rollback → schema-equals-before: the migration the rollback reverted in this run. */
  rolledBack?: { version: string; name: string }
  /**
   * apply → verify, schema-diff: the applied versions as the apply read them under its lock. Newer than
   * `plan.history` when another run applied migrations while this one waited for the lock.
   */
  historyAtApply?: string[]
}

/** Everything a check may read or use. */
export interface StageContext {
  config: RunConfig
  facts: RunFacts
  policy: Policy
  env: EnvironmentPolicy
  plan: Plan
  client: pg.Client
  /** Open another session to the same database, with the run's session defaults (lock probes, concurrent work). */
  connect: () => Promise<pg.Client>
  log: Logger
  evidence: EvidenceWriter
  redactor: Redactor
  /** Facts passed from one check to a later one. */
  shared: SharedFacts
  /** Versions applied by this run (filled by the apply check). */
  applied: string[]
  /** Fires when the run is cancelled: waits end at once, the runner cancels the running statements. */
  signal: AbortSignal
}

/** One part of the report (PR comment, job summary, report.md) that a check adds below the checks table. */
export interface ReportSection {
  name: string
  /** Lower is more important: kept first when the comment must be cut to GitHub's limit. */
  priority: number
  text: string
  /** A shorter rendering that fits `budget` characters, or '' when none does. */
  shrink?: (budget: number) => string
}

export interface Check<K extends CheckId = CheckId> {
  id: K
  title: string
  run: (ctx: StageContext) => Promise<CheckOutcome<CheckDetails[K]>>
  /** The report sections rendered from this check's result (none: the checks-table row says it all). */
  sections?: (result: CheckResultOf<K>, report: Report) => ReportSection[]
  /** Runs for minutes by design (tests, monitor): not watched for lock waits (the watcher polls). */
  long?: boolean
  /**
   * Reads only, changes nothing and needs no fact an earlier check hands on: it may run alongside its neighbours
   * that are concurrent too, each on a session of its own (see stages/runner.ts). On a database 30 ms away the
   * preflight's round trips then overlap instead of adding up.
   */
  concurrent?: boolean
  /**
   * May start when the stage starts, on a session of its own, before the gates in front of it have passed: asked
   * on that session, it answers why that cannot touch anything the gates protect, or undefined (then it runs in
   * its place). Its result waits for its turn; when a gate before it fails, it is stopped and discarded, its log
   * lines and evidence files unwritten (see stages/runner.ts).
   */
  startEarly?: (ctx: StageContext) => Promise<string | undefined>
  /**
   * Reads the catalog only, to make its own run cheaper later (statements planned, caches filled). The runner
   * calls it on the main session while that session waits for a check that started early; best effort: what it
   * throws is dropped.
   */
  warmUp?: (ctx: StageContext) => Promise<void>
}
/** Any check of the stage table. */
export type AnyCheck = { [K in CheckId]: Check<K> }[CheckId]

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

/* Shapes shared by more than one module (the lint module and the lint check, the conflicts engine and two checks, ...). */

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
  /**
   * Why the constraint is left to the rehearsal (count 0, no query): the existing rows get no value known before
   * the migration runs for a column it adds that the constraint reads.
   */
  rehearsal?: string
}

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

export interface MonitorSeries {
  name: string
  unit: string
  max?: number
  min?: number
  points: { at: string; value: number | null }[]
  breached: boolean
}
