/**
 * The engine's one entry point, shared by the action and the CLI: inputs and policy in, a stage's checks run
 * against the target, evidence and a report out. Neither front end contains runbook logic. A run is four
 * steps (src/engine/): open the target → build the context → run the checks → write the evidence.
 */
import type pg from 'pg'
import type { CheckResult, Report } from './types.js'
import type { RunConfig } from './config/inputs.js'
import type { Policy } from './config/policy.js'
import type { Plan } from './plan/plan.js'
import { describeError } from './db/connect.js'
import { refuseUrlPinMismatch } from './db/target.js'
import { Logger, type LogSink } from './report/logger.js'
import type { EvidenceWriter } from './report/evidence.js'
import type { Redactor } from './report/redact.js'
import { STAGE_TABLE } from './stages/index.js'
import { notRun } from './stages/runner.js'
import { loadParser } from './sql/parser.js'
import { VERSION } from './version.js'
import {
  connectionFailure,
  openTarget,
  targetSessions,
  PROBE,
  urlTarget,
  type TargetProvider
} from './engine/open-target.js'
import {
  buildContext,
  loadRunSetup,
  makePlan,
  parseNewest,
  registerMigrationSecrets,
  runFacts
} from './engine/context.js'
import { runStageChecks } from './engine/run-checks.js'
import { buildReport, writeEvidence } from './engine/evidence.js'

export { analysePending } from './engine/context.js'

export interface RunOptions {
  config: RunConfig
  redactor: Redactor
  logSink?: LogSink
  /** The repository: relative paths are resolved against it, file names in messages are relative to it. */
  root: string
  /** The job's environment as the front door read it (the test command's environment, tokens, GITHUB_*). */
  environ: Readonly<Record<string, string | undefined>>
  /** rollback: the version to roll back (must be the newest applied). */
  rollbackVersion?: string
  run?: Report['run']
  /** Fires on SIGINT/SIGTERM: the running statements are cancelled on the server, the rest is skipped. */
  signal?: AbortSignal
  /**
   * Where the database comes from: by default the URL in `config`; the embedded provider
   * (engine/embedded-target.ts) starts and prepares a throwaway Postgres instead.
   */
  target?: TargetProvider
  /**
   * Results of work done before the stage, reported first. When one failed, the stage's checks are reported
   * as not run and nothing connects: the evidence still says what happened.
   */
  preResults?: CheckResult[]
  /** The target is a throwaway database (--embedded, rehearse): some gaps are its own, not the migration's. */
  throwaway?: boolean
  /** The policy, when the caller already loaded it from config.configPath (rehearse: once for all stages). */
  policy?: Policy
}

export interface RunOutcome {
  report: Report
  exitCode: 0 | 1
  markdown: string
  reportPath: string
  evidence: EvidenceWriter
  /** What the publishers need from the policy, so no front door loads it again. */
  publish: { artifactRetentionDays?: number }
}

/** Runs one stage. Throws ConfigError on bad configuration (exit 2) before touching the database. */
export async function runStage(opts: RunOptions): Promise<RunOutcome> {
  const { redactor } = opts
  const root = opts.root
  const startedAt = new Date()
  const log = new Logger(redactor, opts.logSink)
  // The parser's WASM compiles while the policy and the migrations folder are read.
  const parserLoading = loadParser()
  parserLoading.catch(() => undefined)
  const setup = await loadRunSetup({ config: opts.config, root, redactor, policy: opts.policy })
  const signal = opts.signal ?? new AbortController().signal
  const secrets = registerMigrationSecrets(redactor, setup.migrations)
  secrets.catch(() => undefined)

  // 1. Open the target: the provider's database (a throwaway one is prepared here), connected and pinned.
  const provider = opts.target ?? urlTarget({ throwaway: opts.throwaway })
  // A provider of its own (a throwaway server) logs what it prepares: the SQL's secrets are masked first. The
  // given URL's provider logs nothing: its session connects while the parser loads (see below).
  if (opts.target) await secrets
  const provided = await provider.provide({
    stage: opts.config.stage,
    root,
    migrationsDir: opts.config.migrationsDir,
    givenUrl: opts.config.databaseUrl,
    policy: setup.policy,
    redactor,
    progress: line => opts.logSink?.('info', redactor.redact(line)),
    signal
  })
  let closing: Promise<unknown> | undefined
  try {
    const config: RunConfig = { ...opts.config, databaseUrl: provided.url }
    redactor.addDatabaseUrl(config.databaseUrl)
    const throwaway = opts.throwaway === true || provider.throwaway
    const facts = runFacts({ ...opts, config, throwaway })
    redactor.add(facts.tokens.supabaseAccess)
    const target = {
      host: facts.target.host,
      port: facts.target.port,
      database: facts.target.database
    }
    const label = `${target.host}:${target.port}/${target.database}`
    const results: CheckResult[] = [...(opts.preResults ?? []), ...provided.preResults]
    const preFailed = results.find(r => r.status === 'fail' || r.status === 'cancelled')
    let plan: Plan | undefined
    const applied: string[] = []
    // A swapped secret is refused (exit 2) before anything connects, when the URL alone shows the mismatch.
    refuseUrlPinMismatch({
      databaseUrl: config.databaseUrl,
      environment: config.environment,
      policyPath: config.configPath,
      pin: setup.env.target,
      throwaway
    })
    const sessions = targetSessions(config.databaseUrl, redactor, signal, setup.env)
    // The main session connects (fork, authentication) while the parser's WASM compiles; a failure is
    // reported by openTarget, after the secrets are registered.
    // A check that may start early gets its session opened as soon as the server has accepted the main one's
    // login (not at the same time: a refused password is then not tried twice at once, and poolers ban repeats),
    // and before the main session's SETs, which wait for the parse below.
    const warmEarly = STAGE_TABLE[config.stage].checks.some(c => c.startEarly)
      ? () => sessions.warm()
      : undefined
    const connecting = preFailed ? undefined : sessions.open(undefined, warmEarly)
    connecting?.catch(() => undefined)
    let client: pg.Client | undefined
    try {
      await secrets
      for (const w of setup.warnings) log.warn(w)
      log.info(
        `migration-runbook ${VERSION}: ${config.stage} on ${config.environment} (${label}), run ${facts.runId}`
      )
      if (preFailed) {
        for (const check of STAGE_TABLE[config.stage].checks)
          results.push(
            notRun(
              check,
              `${preFailed.id} ${preFailed.status === 'cancelled' ? 'was cancelled' : 'failed'}`
            )
          )
      } else {
        const opening = openTarget({
          connecting: connecting as Promise<pg.Client>,
          url: config.databaseUrl,
          label,
          sessions,
          redactor,
          log,
          environment: config.environment,
          policyPath: config.configPath,
          env: setup.env,
          throwaway,
          startedAt
        })
        // The connection is under way: validate and apply parse their pending migrations next.
        if (config.stage === 'validate' || config.stage === 'apply') parseNewest(setup.migrations)
        const opened = await opening
        client = opened.client
        results.push(...opened.results)
      }
      if (client) {
        const c = client
        try {
          // 2. Build the context: the plan against the target's history (the session has the run's defaults since
          // it opened: targetSessions).
          try {
            plan = await makePlan(c, config.migrationsDir, setup.migrations)
          } catch (e) {
            // Reported like any failed check, so the evidence, summary and comment still say what happened.
            const message = redactor.redact(describeError(e))
            log.error(`cannot read the migration history: ${message}`)
            results.push(
              connectionFailure(
                signal.aborted ? 'cancelled' : 'fail',
                'cannot read the migration history',
                [`reading supabase_migrations.schema_migrations failed: ${message}`],
                startedAt
              )
            )
          }
          if (plan) {
            const ctx = buildContext({
              config,
              setup,
              plan,
              client: c,
              connect: () => sessions.open(PROBE),
              log,
              redactor,
              facts,
              applied,
              signal
            })
            // 3. Run the checks.
            await runStageChecks(ctx, setup.migrations, results)
          }
        } catch (e) {
          // Not a check's failure (those are caught by the runner): the session itself broke. Still a report.
          const message = redactor.redact(describeError(e))
          log.error(`the run stopped: ${message}`)
          results.push(
            connectionFailure(
              signal.aborted ? 'cancelled' : 'fail',
              'the session to the target failed',
              [message],
              startedAt
            )
          )
        }
      }
    } finally {
      // The early connection, when nothing took it (an error before openTarget, a pin that did not match).
      if (!client) await connecting?.then(c => c.end()).catch(() => undefined)
      // The sessions close while the evidence is written (the server's end of a session takes a few ms).
      closing = Promise.all([client?.end().catch(() => undefined), sessions.stop()])
    }

    // 4. Write the evidence.
    const report = buildReport({
      environment: config.environment,
      stage: config.stage,
      startedAt,
      target,
      pending: (plan?.pending ?? []).map(m => m.version),
      applied,
      results,
      signal,
      run: opts.run
    })
    const { markdown, reportPath } = writeEvidence(report, setup.evidence, log, redactor)
    const exitCode = report.status === 'failed' || report.status === 'cancelled' ? 1 : 0
    return {
      report,
      exitCode,
      markdown,
      reportPath,
      evidence: setup.evidence,
      publish: { artifactRetentionDays: setup.env.artifactRetentionDays }
    }
  } finally {
    await closing
    await provided.release()
  }
}
