/**
 * The engine's one entry point, shared by the action and the CLI: inputs and policy in, a stage's checks run
 * against the target, evidence and a report out. Neither front end contains runbook logic.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type pg from 'pg'
import type { CheckResult, Report, StageContext } from './types.js'
import type { RunConfig } from './config/inputs.js'
import { environmentPolicy, loadPolicy } from './config/policy.js'
import { discoverMigrations, type Migration } from './plan/files.js'
import { buildPlan, type Plan } from './plan/plan.js'
import { readHistory } from './plan/history.js'
import { connect, describePgError } from './db/connect.js'
import { loadParser, parseSql, relationsOf, extensionsCreated } from './sql/parser.js'
import { Logger, type LogSink } from './report/logger.js'
import { EvidenceWriter } from './report/evidence.js'
import type { Redactor } from './report/redact.js'
import { STAGE_CHECKS } from './stages/index.js'
import { overallStatus, runChecks } from './stages/runner.js'
import { renderReportMarkdown } from './report/markdown.js'
import { rollbackCheck } from './checks/rollback.js'
import { VERSION } from './version.js'

export interface RunOptions {
  config: RunConfig
  redactor: Redactor
  logSink?: LogSink
  /** Folder file names in messages are relative to (the repository). */
  root?: string
  /** rollback: the version to roll back (must be the newest applied). */
  rollbackVersion?: string
  run?: Report['run']
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
  const migrations = discoverMigrations(config.migrationsDir, root)
  await loadParser()
  const evidence = new EvidenceWriter(
    path.resolve(root, config.artifactsDir),
    config.environment,
    redactor
  )
  const url = new URL(config.databaseUrl)
  const target = {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres'
  }
  const runId = randomUUID()
  log.info(
    `migration-runbook ${VERSION}: ${config.stage} on ${config.environment} (${target.host}:${target.port}/${target.database}), run ${runId}`
  )

  const results: CheckResult[] = []
  let plan: Plan | undefined
  let client: pg.Client | undefined
  const applied: string[] = []
  try {
    client = await connect({ url: config.databaseUrl, redactor })
  } catch (e) {
    const message = redactor.redact(describePgError(e))
    log.error(`cannot connect to ${target.host}:${target.port}/${target.database}: ${message}`)
    results.push({
      id: 'connection',
      title: 'Connect to the target',
      status: 'fail',
      summary: 'cannot connect',
      reasons: [message],
      details: {},
      annotations: [],
      durationMs: Date.now() - startedAt.getTime()
    })
  }
  if (client) {
    try {
      // Session defaults, so no catalog read or EXPLAIN can wait forever behind another session's lock;
      // apply and the rehearsal set their own with SET LOCAL.
      await client.query(`SET lock_timeout = ${env.lockTimeoutMs}`)
      await client.query(`SET statement_timeout = ${env.statementTimeoutMs}`)
      plan = await makePlan(client, config.migrationsDir, migrations)
      const ctx: StageContext = {
        config,
        policy,
        env,
        plan,
        client,
        connect: () =>
          connect({
            url: config.databaseUrl,
            redactor,
            applicationName: 'migration-runbook-probe'
          }),
        log,
        evidence,
        redactor,
        state: new Map<string, unknown>([
          ['runId', runId],
          ['rollbackVersion', opts.rollbackVersion]
        ]),
        applied
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
        ctx.plan = await makePlan(client, config.migrationsDir, migrations)
        await runChecks(ctx, [rollbackCheck], results)
      }
    } finally {
      await client.end().catch(() => undefined)
    }
  }

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
    status: overallStatus(results),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    target: { ...target, serverVersion },
    pending: (plan?.pending ?? []).map(m => m.version).filter(v => !applied.includes(v)),
    applied,
    checks: results,
    run: opts.run
  }
  log.info(`${config.stage} ${report.status} in ${report.durationMs} ms`)
  evidence.writeJson('summary.json', report)
  const markdown = redactor.redact(renderReportMarkdown(report))
  const reportPath = evidence.write('report.md', markdown)
  evidence.write(`${config.environment}-migration.log`, log.text())
  return { report, exitCode: report.status === 'failed' ? 1 : 0, markdown, reportPath, evidence }
}
