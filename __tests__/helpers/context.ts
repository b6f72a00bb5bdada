/**
 * A real StageContext for tests: Redactor, Logger, EvidenceWriter (to a temp dir), a policy parsed from YAML,
 * a Plan from buildPlan, the test database's client, and connect() opening real extra sessions.
 * Sessions opened through ctx.connect() are closed by closeContext(ctx) (or by the database's drop()).
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { environmentPolicy, parsePolicy } from '../../src/config/policy.js'
import type { RunConfig } from '../../src/config/inputs.js'
import { connect, setSessionDefaults } from '../../src/db/connect.js'
import { buildPlan, type Plan } from '../../src/plan/plan.js'
import { EvidenceWriter } from '../../src/report/evidence.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import type { RunFacts, Stage, StageContext } from '../../src/types.js'
import { parseTarget } from '../../src/db/target.js'
import { randomUUID } from 'node:crypto'

export interface MakeContextOptions {
  client: pg.Client
  url: string
  stage?: Stage
  /** runbook.yml text; defaults to staging and production environments with default policy. */
  policyYaml?: string
  /** Defaults to the first environment of the policy. */
  environment?: string
  plan?: Partial<Plan>
  artifactsDir?: string
  /** The repository root (default: the working directory). */
  root?: string
  /** The job's environment (default: this process's). */
  environ?: NodeJS.ProcessEnv
  facts?: Partial<RunFacts>
}

export const DEFAULT_POLICY_YAML = 'environments:\n  staging: {}\n  production: {}\n'

const opened = new WeakMap<StageContext, pg.Client[]>()

export function makeContext(opts: MakeContextOptions): StageContext {
  const redactor = new Redactor()
  redactor.addDatabaseUrl(opts.url)
  const log = new Logger(redactor)
  const policy = parsePolicy(opts.policyYaml ?? DEFAULT_POLICY_YAML, 'runbook.yml')
  const environment = opts.environment ?? Object.keys(policy.environments)[0] ?? 'staging'
  const env = environmentPolicy(policy, environment)
  const stage = opts.stage ?? 'validate'
  const artifactsDir = opts.artifactsDir ?? mkdtempSync(path.join(os.tmpdir(), 'mr-artifacts-'))
  const config: RunConfig = {
    environment,
    stage,
    databaseUrl: opts.url,
    migrationsDir: 'migrations',
    configPath: 'migrations/runbook.yml',
    comment: 'never',
    artifactName: `migration-runbook-${environment}-${stage}`,
    artifactsDir
  }
  const plan: Plan = { ...buildPlan('migrations', [], []), ...opts.plan }
  const sessions: pg.Client[] = []
  const ctx: StageContext = {
    config,
    policy,
    env,
    plan,
    signal: new AbortController().signal,
    client: opts.client,
    connect: async () => {
      const c = await connect({
        url: opts.url,
        redactor,
        applicationName: 'migration-runbook-test'
      })
      sessions.push(c)
      // As the run's sessions open (src/engine/open-target.ts): with its timeouts.
      await setSessionDefaults(c, env)
      return c
    },
    log,
    evidence: new EvidenceWriter(artifactsDir, environment, redactor),
    redactor,
    facts: {
      runId: randomUUID(),
      git: {},
      root: opts.root ?? process.cwd(),
      tokens: {},
      target: parseTarget(opts.url),
      throwaway: false,
      environ: opts.environ ?? process.env,
      ...opts.facts
    },
    shared: {},
    applied: []
  }
  opened.set(ctx, sessions)
  return ctx
}

/** Closes every session the context's connect() opened. */
export async function closeContext(ctx: StageContext): Promise<void> {
  const sessions = opened.get(ctx) ?? []
  await Promise.all(sessions.splice(0).map(c => c.end().catch(() => undefined)))
}

/** A pending migration as discovery would produce it (for plan.pending in tests). */
export function pendingMigration(
  version: string,
  name: string,
  sql: string
): Plan['pending'][number] {
  return {
    version,
    name,
    file: `migrations/${version}_${name}.sql`,
    path: `/nonexistent/migrations/${version}_${name}.sql`,
    sql,
    checksum: 'test',
    noTransaction: false
  }
}

/** The context with the job's environment `environ` (and the Supabase token it carries), as a front door would pass it. */
export function withEnviron(ctx: StageContext, environ: NodeJS.ProcessEnv): StageContext {
  ctx.facts = {
    ...ctx.facts,
    environ,
    tokens: {
      ...ctx.facts.tokens,
      supabaseAccess: environ.SUPABASE_ACCESS_TOKEN?.trim() || undefined
    }
  }
  return ctx
}
