/**
 * The engine's one entry point, shared by the action and the CLI: inputs and policy in, a stage's checks run
 * against the target, evidence and a report out. Neither front end contains runbook logic.
 */
import { randomUUID } from 'node:crypto'
import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { CheckResult, Report, StageContext } from './types.js'
import type { RunConfig } from './config/inputs.js'
import { environmentPolicy, loadPolicy } from './config/policy.js'
import { discoverMigrationsWithWarnings, type Migration } from './plan/files.js'
import { registerRolePasswords } from './lint/secrets.js'
import { buildPlan, type Plan } from './plan/plan.js'
import { readHistory } from './plan/history.js'
import { connect, describeError } from './db/connect.js'
import { loadParser, parseSql, relationsOf, extensionsCreated } from './sql/parser.js'
import { Logger, type LogSink } from './report/logger.js'
import { EvidenceWriter } from './report/evidence.js'
import type { Redactor } from './report/redact.js'
import { STAGE_CHECKS } from './stages/index.js'
import { notRun, overallStatus, runChecks } from './stages/runner.js'
import { renderReportMarkdown } from './report/markdown.js'
import { rollbackCheck } from './checks/rollback.js'
import { VERSION } from './version.js'
import { ConfigError } from './config/errors.js'
import { pinTarget } from './db/target.js'

export interface RunOptions {
  config: RunConfig
  redactor: Redactor
  logSink?: LogSink
  /** Folder file names in messages are relative to (the repository). */
  root?: string
  /** rollback: the version to roll back (must be the newest applied). */
  rollbackVersion?: string
  run?: Report['run']
  /** Fires on SIGINT/SIGTERM: the running statements are cancelled on the server, the rest is skipped. */
  signal?: AbortSignal
  /**
   * Results of work done before the stage (preparing a throwaway database), reported first. When one failed,
   * the stage's checks are reported as not run and nothing connects: the evidence still says what happened.
   */
  preResults?: CheckResult[]
  /** The target is a throwaway database (--embedded, rehearse): some gaps are its own, not the migration's. */
  throwaway?: boolean
}

export interface RunOutcome {
  report: Report
  exitCode: 0 | 1
  markdown: string
  reportPath: string
  evidence: EvidenceWriter
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

async function makePlan(
  client: pg.Client,
  migrationsDir: string,
  migrations: Migration[]
): Promise<Plan> {
  const history = await readHistory(client)
  const pendingFirst = buildPlan(migrationsDir, migrations, history)
  return buildPlan(migrationsDir, migrations, history, analysePending(pendingFirst.pending))
}

/** Runs one stage. Throws ConfigError on bad configuration (exit 2) before touching the database. */
export async function runStage(opts: RunOptions): Promise<RunOutcome> {
  const { config, redactor } = opts
  const root = opts.root ?? process.cwd()
  const startedAt = new Date()
  const log = new Logger(redactor, opts.logSink)
  const policy = loadPolicy(path.resolve(root, config.configPath))
  const env = environmentPolicy(policy, config.environment)
  // The project's own no-transaction markers: apply must treat a file as lint did.
  const discovered = discoverMigrationsWithWarnings(config.migrationsDir, root, {
    noTransactionMarkers: policy.lint.noTransactionMarkers
  })
  const migrations = discovered.migrations
  await loadParser()
  // Role passwords written in migration SQL are secrets too: masked before anything is logged.
  registerRolePasswords(redactor, migrations)
  const evidence = new EvidenceWriter(
    path.resolve(root, config.artifactsDir),
    config.environment,
    redactor
  )
  checkWritableFolder(evidence.dir, config.artifactsDir)
  const signal = opts.signal ?? new AbortController().signal
  const url = new URL(config.databaseUrl)
  const target = {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres'
  }
  const runId = randomUUID()
  for (const w of discovered.warnings) log.warn(w)
  log.info(
    `migration-runbook ${VERSION}: ${config.stage} on ${config.environment} (${target.host}:${target.port}/${target.database}), run ${runId}`
  )

  const results: CheckResult[] = [...(opts.preResults ?? [])]
  const preFailed = results.find(r => r.status === 'fail')
  /** The session itself failed (not a check): reported as the connection check, so the evidence says so. */
  const connectionFailure = (
    status: 'fail' | 'cancelled',
    summary: string,
    reasons: string[]
  ): CheckResult => ({
    id: 'connection',
    title: 'Connect to the target',
    status,
    summary,
    reasons,
    details: {},
    annotations: [],
    durationMs: Date.now() - startedAt.getTime()
  })
  let plan: Plan | undefined
  let client: pg.Client | undefined
  const applied: string[] = []
  // Every session of this run, so a cancellation can cancel what each one is running.
  const sessions = new Set<pg.Client>()
  const open = async (applicationName?: string): Promise<pg.Client> => {
    const c = await connect({ url: config.databaseUrl, redactor, applicationName })
    sessions.add(c)
    c.once('end', () => sessions.delete(c))
    await watchClientConnection(c)
    return c
  }
  const canceller = cancelOnAbort(signal, sessions, () =>
    connect({
      url: config.databaseUrl,
      redactor,
      applicationName: 'migration-runbook-cancel',
      connectTimeoutMs: 3_000
    })
  )
  if (preFailed) {
    for (const check of STAGE_CHECKS[config.stage])
      results.push(notRun(check, `${preFailed.id} failed`))
  } else
    try {
      client = await open()
    } catch (e) {
      const message = redactor.redact(describeError(e))
      log.error(`cannot connect to ${target.host}:${target.port}/${target.database}: ${message}`)
      results.push(connectionFailure('fail', 'cannot connect', [message]))
    }
  // Before any check: the URL and server must match environments.<env>.target (a mismatch: exit 2).
  if (client) {
    const pin = {
      databaseUrl: config.databaseUrl,
      environment: config.environment,
      policyPath: config.configPath,
      pin: env.target,
      throwaway: opts.throwaway
    }
    const pinned = await pinTarget(client, pin).catch(async (e: unknown) => {
      await canceller.stop()
      throw e
    })
    if (pinned) results.push(pinned)
  }
  /** Plans against the target and runs the stage's checks on the open session. */
  const runOnTarget = async (c: pg.Client): Promise<void> => {
    // Session defaults, so no catalog read or EXPLAIN can wait forever behind another session's lock;
    // apply and the rehearsal set their own with SET LOCAL.
    try {
      await c.query(`SET lock_timeout = ${env.lockTimeoutMs}`)
      await c.query(`SET statement_timeout = ${env.statementTimeoutMs}`)
      plan = await makePlan(c, config.migrationsDir, migrations)
    } catch (e) {
      // Reported like any failed check, so the evidence, summary and comment still say what happened.
      const message = redactor.redact(describeError(e))
      log.error(`cannot read the migration history: ${message}`)
      results.push(
        connectionFailure(
          signal.aborted ? 'cancelled' : 'fail',
          'cannot read the migration history',
          [`reading supabase_migrations.schema_migrations failed: ${message}`]
        )
      )
      return
    }
    const ctx: StageContext = {
      config,
      policy,
      env,
      plan,
      client: c,
      connect: () => open('migration-runbook-probe'),
      log,
      evidence,
      redactor,
      state: new Map<string, unknown>([
        ['runId', runId],
        ['rollbackVersion', opts.rollbackVersion],
        ['throwawayTarget', opts.throwaway === true]
      ]),
      applied,
      signal
    }
    await runChecks(ctx, STAGE_CHECKS[config.stage], results)
    const monitor = results.find(r => r.id === 'monitor')
    // Only a measured threshold breach rolls back: a monitor query that fails (a typo, a table not
    // there yet) fails the stage but must not revert a migration on its own.
    const thresholdBreaches =
      ((monitor?.details.breaches as string[] | undefined)?.length ?? 0) -
      ((monitor?.details.errors as string[] | undefined)?.length ?? 0)
    if (
      monitor?.status === 'fail' &&
      monitor.details.onBreach === 'rollback' &&
      thresholdBreaches > 0
    ) {
      log.warn('monitor breached its thresholds and on-breach is rollback: rolling back')
      ctx.plan = await makePlan(c, config.migrationsDir, migrations)
      await runChecks(ctx, [rollbackCheck], results)
    }
  }
  if (client) {
    try {
      await runOnTarget(client)
    } catch (e) {
      // Not a check's failure (those are caught by the runner): the session itself broke. Still a report.
      const message = redactor.redact(describeError(e))
      log.error(`the run stopped: ${message}`)
      results.push(
        connectionFailure(
          signal.aborted ? 'cancelled' : 'fail',
          'the session to the target failed',
          [message]
        )
      )
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  await canceller.stop()

  const finishedAt = new Date()
  let serverVersion: string | undefined
  const conn = results.find(r => r.id === 'connection')
  if (conn && typeof conn.details.serverVersion === 'string')
    serverVersion = conn.details.serverVersion
  const report: Report = {
    tool: 'migration-runbook',
    version: VERSION,
    environment: config.environment,
    stage: config.stage,
    status: signal.aborted ? 'cancelled' : overallStatus(results),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    target: { ...target, serverVersion },
    pending: (plan?.pending ?? []).map(m => m.version).filter(v => !applied.includes(v)),
    applied,
    checks: results,
    ...(signal.aborted
      ? {
          cancelled: {
            check: results.find(r => r.status === 'cancelled')?.id,
            signal: (signal.reason as Error | undefined)?.message?.replace(/^cancelled by /, '')
          }
        }
      : {}),
    run: opts.run
  }
  log.info(`${config.stage} ${report.status} in ${report.durationMs} ms`)
  evidence.writeJson('summary.json', report)
  // The full report, never cut: only the PR comment is cut to GitHub's limit (it links here).
  const markdown = redactor.redact(renderReportMarkdown(report, { full: true }))
  const reportPath = evidence.write('report.md', markdown)
  evidence.write(`${config.environment}-migration.log`, log.text())
  const exitCode = report.status === 'failed' || report.status === 'cancelled' ? 1 : 0
  return { report, exitCode, markdown, reportPath, evidence }
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

/**
 * Ask the server to notice a vanished client (a SIGKILLed runner) within a second, even in the middle of a
 * long statement: without it, a killed run's CREATE INDEX goes on holding ACCESS EXCLUSIVE to the end.
 * PostgreSQL 14+; on older servers this is a no-op.
 */
async function watchClientConnection(client: pg.Client): Promise<void> {
  await client.query(`SET client_connection_check_interval = '1s'`).catch(() => undefined)
}

/**
 * On abort, cancel (pg_cancel_backend) the statement each session of the run is running, from a separate
 * session, and again every second until the run has wound down (a statement started after the first cancel).
 */
function cancelOnAbort(
  signal: AbortSignal,
  sessions: Set<pg.Client>,
  openCanceller: () => Promise<pg.Client>
): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const cancelAll = async () => {
    const pids = [...sessions]
      .map(c => (c as unknown as { processID?: number }).processID)
      .filter((p): p is number => typeof p === 'number')
    if (pids.length === 0) return
    let canceller: pg.Client | undefined
    try {
      canceller = await openCanceller()
      // An idle session ignores a cancel request: only running statements are hit.
      await canceller.query('SELECT pg_cancel_backend(p) FROM unnest($1::int[]) AS p', [pids])
    } catch {
      // The server may be gone; the process exits anyway and the server then notices the closed socket.
    } finally {
      await canceller?.end().catch(() => undefined)
    }
  }
  const onAbort = () => {
    running = cancelAll()
    timer = setInterval(() => {
      running = running.then(cancelAll)
    }, 1_000)
  }
  if (signal.aborted) onAbort()
  else signal.addEventListener('abort', onAbort, { once: true })
  return {
    async stop() {
      signal.removeEventListener('abort', onAbort)
      if (timer) clearInterval(timer)
      await running
    }
  }
}
