/**
 * Step 2 of a run, build the context: the policy (loaded once per run), the migrations on disk, the evidence
 * folder, the run's facts, and the plan read from the target's history.
 */
import { randomUUID } from 'node:crypto'
import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { Report, RunFacts, StageContext } from '../types.js'
import type { RunConfig } from '../config/inputs.js'
import {
  environmentPolicy,
  loadPolicy,
  type EnvironmentPolicy,
  type Policy
} from '../config/policy.js'
import { ConfigError } from '../config/errors.js'
import { discoverMigrationsWithWarnings, type Migration } from '../plan/files.js'
import { buildPlan, type Plan } from '../plan/plan.js'
import { readHistory } from '../plan/history.js'
import { registerRolePasswords } from '../lint/secrets.js'
import { loadParser, parseSql, relationsOf, extensionsCreated } from '../sql/parser.js'
import { EvidenceWriter } from '../report/evidence.js'
import type { Redactor } from '../report/redact.js'
import type { Logger } from '../report/logger.js'
import { parseTarget } from '../db/target.js'

/** What a run reads from disk before anything connects: bad configuration fails here (exit 2). */
export interface RunSetup {
  policy: Policy
  env: EnvironmentPolicy
  migrations: Migration[]
  /** Discovery warnings (files that look like migrations but are not), logged once the run starts. */
  warnings: string[]
  evidence: EvidenceWriter
}

/**
 * Loads the policy (unless the caller already has it: rehearse loads it once for all its stages), discovers
 * the migrations, prepares the evidence folder (role passwords in the SQL: registerMigrationSecrets).
 */
export async function loadRunSetup(opts: {
  config: RunConfig
  root: string
  redactor: Redactor
  policy?: Policy
}): Promise<RunSetup> {
  const { config, root, redactor } = opts
  const policy = opts.policy ?? loadPolicy(path.resolve(root, config.configPath))
  const env = environmentPolicy(policy, config.environment)
  // Counts only: the rows PostgreSQL quotes in a failed statement's message are hidden too, in every output.
  if (env.conflictsSample === 0) redactor.hideRowValues()
  // The project's own no-transaction markers: apply must treat a file as lint did.
  const discovered = discoverMigrationsWithWarnings(config.migrationsDir, root, {
    noTransactionMarkers: policy.lint.noTransactionMarkers
  })
  const evidence = new EvidenceWriter(
    path.resolve(root, config.artifactsDir),
    config.environment,
    redactor
  )
  checkWritableFolder(evidence.dir, config.artifactsDir)
  return { policy, env, migrations: discovered.migrations, warnings: discovered.warnings, evidence }
}

/**
 * Role passwords written in migration SQL are secrets too: masked before anything is logged. Needs the parser,
 * so it is a step of its own: the run connects while the parser loads, and logs nothing before this.
 */
export async function registerMigrationSecrets(
  redactor: Redactor,
  migrations: Migration[]
): Promise<void> {
  await loadParser()
  registerRolePasswords(redactor, migrations)
}

/** The run's facts, built once from what the front door read and the target the provider handed out. */
export function runFacts(opts: {
  config: RunConfig
  root: string
  environ: Readonly<Record<string, string | undefined>>
  rollbackVersion?: string
  run?: Report['run']
  throwaway: boolean
}): RunFacts {
  const { environ } = opts
  return {
    runId: randomUUID(),
    rollbackVersion: opts.rollbackVersion,
    git: {
      sha: opts.run?.sha ?? environ.GITHUB_SHA,
      actor: opts.run?.actor ?? environ.GITHUB_ACTOR ?? environ.USER
    },
    root: opts.root,
    tokens: {
      github: opts.config.githubToken ?? (environ.GITHUB_TOKEN || undefined),
      supabaseAccess: environ.SUPABASE_ACCESS_TOKEN?.trim() || undefined
    },
    target: parseTarget(opts.config.databaseUrl),
    throwaway: opts.throwaway,
    environ
  }
}

/** Relations and extensions the pending migrations touch, from the parser (files that do not parse add nothing). */
export function analysePending(pending: Migration[]): {
  touchedTables: string[]
  extensions: string[]
} {
  const tables = new Set<string>()
  const extensions = new Set<string>()
  for (const m of pending) {
    for (const s of parseSql(m.sql).statements) {
      for (const r of relationsOf(s.ast)) tables.add(r)
      for (const e of extensionsCreated(s.ast)) extensions.add(e)
    }
  }
  return { touchedTables: [...tables].sort(), extensions: [...extensions].sort() }
}

/** At most this many of the newest migrations, and this much SQL, are parsed ahead (parseNewest). */
const AHEAD_FILES = 3
const AHEAD_CHARS = 256 * 1024

/**
 * Parses the newest migrations ahead, while the server opens the session: they are the likely pending ones,
 * which makePlan parses once the history is read, and the parse is cached by text. Locally that hides ~30 ms of
 * CPU behind the server's fork and authentication; a hosted database's TLS handshake hides more.
 */
export function parseNewest(migrations: readonly Migration[]): void {
  let chars = 0
  for (const m of migrations.slice(-AHEAD_FILES).reverse()) {
    chars += m.sql.length
    if (chars > AHEAD_CHARS) return
    try {
      parseSql(m.sql)
    } catch {
      // Only a head start: makePlan parses (and reports) it in its turn.
    }
  }
}

/** The plan against what the target has applied. */
export async function makePlan(
  client: pg.Client,
  migrationsDir: string,
  migrations: Migration[]
): Promise<Plan> {
  const history = await readHistory(client)
  const pendingFirst = buildPlan(migrationsDir, migrations, history)
  return buildPlan(migrationsDir, migrations, history, analysePending(pendingFirst.pending))
}

/** The context every check of the stage receives. */
export function buildContext(parts: {
  config: RunConfig
  setup: RunSetup
  plan: Plan
  client: pg.Client
  connect: () => Promise<pg.Client>
  log: Logger
  redactor: Redactor
  facts: RunFacts
  applied: string[]
  signal: AbortSignal
}): StageContext {
  return {
    config: parts.config,
    policy: parts.setup.policy,
    env: parts.setup.env,
    plan: parts.plan,
    client: parts.client,
    connect: parts.connect,
    log: parts.log,
    evidence: parts.setup.evidence,
    redactor: parts.redactor,
    facts: parts.facts,
    shared: {},
    applied: parts.applied,
    signal: parts.signal
  }
}

/** The evidence folder must be writable before anything connects: a bad --artifacts-dir is bad usage (exit 2). */
function checkWritableFolder(dir: string, given: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    throw new ConfigError(
      `input "artifacts-dir" is "${given}": cannot write evidence to ${dir} (${reason}); pass a writable folder`
    )
  }
}
