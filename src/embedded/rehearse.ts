/**
 * The README's main job: on a throwaway Postgres, apply what is deployed (every migration but the newest, or up
 * to --baseline), load demo data, then validate → apply → verify → rollback → apply the pending migrations,
 * writing artifacts/ and a readable summary.
 */
import path from 'node:path'
import type pg from 'pg'
import { parseInputs, PROVIDED_TARGET_URL, type RawInputs } from '../config/inputs.js'
import { policyFor } from './baseline-inputs.js'
import { discoverMigrationsWithWarnings, compareVersions, type Migration } from '../plan/files.js'
import { registerRolePasswords } from '../lint/secrets.js'
import { applyMigrations, ApplyError } from '../apply/apply.js'
import { MigrationFileError } from '../apply/statements.js'
import { throwawayGap } from './throwaway-gaps.js'
import { CancelledError, throwIfCancelled } from '../cancel.js'
import { ensureHistoryTables, readHistory, recordApplied } from '../plan/history.js'
import { connect, describeError } from '../db/connect.js'
import { setTimeoutsSql } from '../db/timeouts.js'
import { replay, replayStatements, runInSavepoint } from '../schema/replay.js'
import type { SchemaSnapshot } from '../schema/snapshot.js'
import {
  loadParser,
  parseSql,
  qualifiedName,
  type AstNode,
  type SqlStatement
} from '../sql/parser.js'
import { Logger } from '../report/logger.js'
import type { Redactor } from '../report/redact.js'
import { runStage, type RunOutcome } from '../run.js'
import { generateCapacityData, hasCapacitySchema } from '../../examples/capacity/src/generate.js'
import { startRehearsalApi, type CapacityApi } from '../../examples/capacity/src/api.js'
import { renderTable } from '../report/table.js'
import { shortList } from '../report/format.js'
import type { EmbeddedServer } from './server.js'
import { embeddedTarget } from '../engine/embedded-target.js'
import { snapshotSchema } from '../schema/index.js'
import type { CheckResult, Stage } from '../types.js'

export interface PrepareOptions {
  cwd: string
  migrationsDir: string
  baseline?: string
  /** Without a baseline: deploy every migration (stages that act on applied ones) instead of all but the newest. */
  deployAll?: boolean
  demoRows: number
  redactor: Redactor
  log: (line: string) => void
  databaseName?: string
  /** runbook.yml setup-sql: run first, outside the migration history. */
  setupSql?: { label: string; sql: string }[]
  /** --baseline-schema: a schema dump to start from instead of replaying the deployed migrations. */
  baselineSchema?: { file: string; sql: string }
  /**
   * --baseline-from: the environment whose database (read only) gives the starting shape and the applied
   * versions; its objects are read with the tool's own snapshot and replayed.
   */
  baselineFrom?: { environment: string; url: string }
  /**
   * The migrations folder as the caller read it (discoverMigrations, with runbook.yml's no-transaction markers),
   * `baseline` already checked against it: read once, before the server started.
   */
  migrations: Migration[]
  /** SIGINT/SIGTERM: the running statement is cancelled and rolled back; the `baseline` check says cancelled. */
  signal?: AbortSignal
}

export interface PreparedTarget {
  url: string
  /** Versions the throwaway database starts with (applied, or recorded as reflected in the baseline schema). */
  baseline: string[]
  /** The `baseline` check: pass, or fail with the file:line, Postgres's error and the fix. */
  result: CheckResult
  /** Whether the database has the capacity sample's schema (demo data, the reference API for smoke checks). */
  sample: boolean
}

/** A step of preparing the throwaway database failed: where, and Postgres's own words. */
class BaselineStepError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number
  ) {
    super(message)
  }
}

/** The relation a statement creates (CREATE TABLE, VIEW, MATERIALIZED VIEW, TABLE AS), schema-qualified. */
function createdRelation(ast: AstNode): string | undefined {
  const made = ast.CreateStmt?.relation ?? ast.ViewStmt?.view ?? ast.CreateTableAsStmt?.into?.rel
  return typeof made?.relname === 'string' ? qualifiedName(made) : undefined
}

/** The relation a "relation ... does not exist" error names, schema-qualified (public when unqualified). */
function missingRelation(message: string): string | undefined {
  const named = /relation "([^"]+)" does not exist/.exec(message)?.[1]
  return named === undefined ? undefined : named.includes('.') ? named : `public.${named}`
}

/** The first statement of `sql` that creates `relation`, or undefined (also when the text does not parse). */
function creatorIn(sql: string, relation: string): SqlStatement | undefined {
  const parsed = parseSql(sql)
  return parsed.error
    ? undefined
    : parsed.statements.find(st => createdRelation(st.ast) === relation)
}

/** The fix to print for a failure while preparing the throwaway database. */
function baselineAdvice(
  message: string,
  failedFile: string | undefined,
  migrations: readonly Migration[],
  schemaFile?: { file: string; sql: string }
): string {
  const gap = throwawayGap(message)
  if (gap) return gap
  const missing = missingRelation(message)
  const outside =
    'If your project made it outside the migrations (the dashboard, an ORM, an extension), add it to setup-sql: ' +
    'in runbook.yml'
  if (missing && schemaFile && failedFile === schemaFile.file) {
    // The dump is run in file order: a hand-made or edited one can use a table before it creates it.
    const creator = creatorIn(
      schemaFile.sql.replace(/^\\.*$/gm, m => ' '.repeat(m.length)),
      missing
    )
    return creator
      ? `${schemaFile.file} creates ${missing} only at line ${creator.line}, after this use: its statements run in ` +
          'file order, as psql runs a dump. Move the CREATE above the first use, or take a fresh dump (supabase db dump)'
      : `${schemaFile.file} never creates ${missing}. ${outside}, or take a fresh dump (supabase db dump)`
  }
  const at = migrations.findIndex(m => m.file === failedFile)
  if (missing && at >= 0) {
    // When the missing relation is created by a migration after the failed one, the files are out of order
    // (found on a real project whose `0043_x.sql` sorts before every timestamped file).
    const later = migrations.slice(at + 1).find(m => creatorIn(m.sql, missing))
    if (later)
      return (
        `${missing} is created by a later migration, ${later.file}: the files run in version order (as ` +
        `\`supabase db push\` runs them), so ${failedFile} runs first and cannot see it. Give ${failedFile} a version ` +
        `after ${later.file}'s (if a database applied them in another order, start from its real schema: ` +
        '--baseline-schema <supabase db dump file>)'
      )
    if (!migrations.slice(0, at).some(m => creatorIn(m.sql, missing)))
      return (
        `no migration in the folder creates ${missing}, and the throwaway database (a fresh hosted Supabase ` +
        `project's stand-in) has no such table. ${outside}, or start from the real schema: --baseline-schema ` +
        '<supabase db dump file>'
      )
  }
  if (/does not exist/.test(message))
    return (
      'the throwaway database is a stand-in for a fresh hosted Supabase project and lacks this object. ' +
      `${outside}, or start from the real schema: --baseline-schema <supabase db dump file>`
    )
  return 'fix the migration (the Supabase CLI would stop here too), or start from the real schema with --baseline-schema <file>'
}

/** Runs a file statement by statement (a dump holds objects the stand-in already has: those are skipped). */
async function runSchemaFile(
  client: pg.Client,
  file: string,
  sql: string,
  signal: AbortSignal | undefined
): Promise<number> {
  // psql meta-commands (\connect, \restrict in newer pg_dump output) are not SQL.
  const text = sql.replace(/^\\.*$/gm, match => ' '.repeat(match.length))
  const parsed = parseSql(text)
  if (parsed.error)
    throw new BaselineStepError(
      `${file}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`,
      file,
      parsed.error.line
    )
  let skipped = 0
  for (const s of parsed.statements) {
    // A dump's statements are short: the run stops between two of them.
    throwIfCancelled(signal, `${file}:${s.line}`)
    const outcome = await runInSavepoint(client, s.text)
    if (outcome === 'exists') skipped++
    else if (outcome !== 'done')
      throw new BaselineStepError(
        `${file}:${s.line}: ${describeError(outcome.error)}`,
        file,
        s.line
      )
  }
  return skipped
}

/** The source environment's snapshot and applied versions, read in a read-only session. */
async function readSource(
  url: string,
  redactor: Redactor
): Promise<{ snapshot: SchemaSnapshot; applied: string[] }> {
  const source = await connect({ url, redactor, applicationName: 'migration-runbook-baseline' })
  try {
    // Read only, by the server's word: nothing of this step can write to the source.
    await source.query(
      `SET default_transaction_read_only = on; ${setTimeoutsSql('SESSION', { lockMs: 5_000, statementMs: 60_000 })}`
    )
    const snapshot = await snapshotSchema(source)
    const applied = (await readHistory(source)).map(h => h.version)
    return { snapshot, applied }
  } finally {
    await source.end().catch(() => undefined)
  }
}

/**
 * A fresh database on the server: the Supabase stand-in, setup-sql, then the baseline (a schema dump, or the
 * deployed migrations replayed), then demo data. A failure is returned as a failed `baseline` check.
 */
export async function prepareEmbeddedTarget(
  server: EmbeddedServer,
  opts: PrepareOptions
): Promise<PreparedTarget> {
  const t0 = Date.now()
  const migrations = opts.migrations
  // --baseline-from: the target's shape and history, read before anything is created here.
  const source = opts.baselineFrom
    ? await readSource(opts.baselineFrom.url, opts.redactor)
    : undefined
  const deployed = source
    ? migrations.filter(m => source.applied.includes(m.version))
    : opts.baseline === undefined
      ? opts.deployAll
        ? migrations
        : migrations.slice(0, -1)
      : migrations.filter(m => compareVersions(m.version, opts.baseline as string) <= 0)
  const url = await server.createDatabase(opts.databaseName ?? 'runbook')
  opts.redactor.addDatabaseUrl(url)
  await loadParser()
  registerRolePasswords(opts.redactor, migrations)
  const client = await connect({
    url,
    redactor: opts.redactor,
    applicationName: 'migration-runbook-baseline'
  })
  const steps: string[] = []
  /** Deployed migrations replayed so far (a cancelled replay says how far it got). */
  let replayed = 0
  const result = (
    status: 'pass' | 'fail' | 'cancelled',
    summary: string,
    reasons: string[] = [],
    e?: BaselineStepError
  ): CheckResult => ({
    id: 'baseline',
    title: 'Prepare the throwaway database',
    status,
    summary,
    reasons,
    details: { steps, deployed: deployed.map(m => m.version) },
    annotations:
      e?.file && e.line
        ? [
            {
              level: 'error',
              file: e.file,
              line: e.line,
              title: 'baseline failed',
              message: e.message
            }
          ]
        : [],
    durationMs: Date.now() - t0
  })
  try {
    const log = new Logger(opts.redactor, (_level, line) => opts.log(line))
    for (const setup of opts.setupSql ?? []) {
      await client.query('BEGIN')
      try {
        await runSchemaFile(client, setup.label, setup.sql, opts.signal)
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      }
      steps.push(`setup-sql: ${setup.label}`)
    }
    if (source && opts.baselineFrom) {
      const owned = new Set(
        (
          await client.query<{ nspname: string }>(
            `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public') AND nspname !~ '^pg_' AND nspname <> 'information_schema'`
          )
        ).rows.map(r => r.nspname)
      )
      await client.query('BEGIN')
      try {
        const replayed = await replay(client, replayStatements(source.snapshot, owned))
        await ensureHistoryTables(client)
        for (const m of deployed) await recordApplied(client, m.version, m.name, [])
        await client.query('COMMIT')
        const from = opts.baselineFrom.environment
        steps.push(
          `replayed ${from}'s schema (${replayed.applied} objects, ${replayed.existing} already in the stand-in); ` +
            `recorded as applied, as on ${from}: ${deployed.map(m => m.version).join(', ') || 'nothing'}`
        )
        const unknown = source.applied.filter(v => !migrations.some(m => m.version === v))
        if (unknown.length > 0)
          steps.push(
            `${from} has applied ${unknown.join(', ')}, which this folder does not have (not recorded here)`
          )
        const tablesFailed = replayed.failed.filter(f => f.key.startsWith('table '))
        if (replayed.failed.length > 0)
          steps.push(
            `${replayed.failed.length} object(s) could not be replayed: ` +
              replayed.failed
                .slice(0, 10)
                .map(f => `${f.key} (${f.error})`)
                .join('; ')
          )
        if (tablesFailed.length > 0)
          throw new BaselineStepError(
            `${tablesFailed.length} table(s) of ${from} could not be replayed: ${tablesFailed.map(f => `${f.key}: ${f.error}`).join('; ')}`
          )
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    } else if (opts.baselineSchema) {
      await client.query('BEGIN')
      let skipped = 0
      try {
        skipped = await runSchemaFile(
          client,
          opts.baselineSchema.file,
          opts.baselineSchema.sql,
          opts.signal
        )
        // The dump is the deployed state: its migrations are recorded as applied without running them.
        await ensureHistoryTables(client)
        for (const m of deployed) await recordApplied(client, m.version, m.name, [])
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      }
      steps.push(
        `baseline schema ${opts.baselineSchema.file}` +
          (skipped
            ? ` (${skipped} statement(s) for objects the stand-in already has skipped)`
            : '') +
          `; recorded as applied: ${deployed.map(m => m.version).join(', ') || 'nothing'}`
      )
    } else {
      try {
        await applyMigrations(client, opts.migrationsDir, deployed, {
          environment: 'embedded-baseline',
          runId: 'baseline',
          lockTimeoutMs: 5_000,
          // A throwaway database: generous, but a limit (0 is refused: it would mean none).
          statementTimeoutMs: 60 * 60_000,
          limitsFrom: "the throwaway baseline's",
          retries: 0,
          retryBackoffMs: 0,
          advisoryLockWaitMs: 5_000,
          allowOutOfOrder: false,
          log,
          // Only the newest deployed migration can be rolled back on the throwaway (rollback acts on the newest
          // applied): its snapshot is the one the rollback's schema check needs. One before every file made the
          // replay quadratic (a snapshot reads the whole schema: 340 ms per file at the 830th of 1,262).
          snapshot: async (c, m) =>
            m === deployed[deployed.length - 1] ? snapshotSchema(c) : undefined,
          redact: text => opts.redactor.redact(text),
          replayingDeployed: true,
          signal: opts.signal,
          onApplied: () => {
            replayed++
          }
        })
      } catch (e) {
        if (e instanceof ApplyError || e instanceof MigrationFileError)
          throw new BaselineStepError(e.message, e.file, e.line)
        throw e
      }
      steps.push(
        deployed.length > 5
          ? `applied ${deployed.length} migrations, ${deployed[0].version} … ${deployed[deployed.length - 1].version}`
          : `applied ${deployed.map(m => m.version).join(', ') || 'nothing'}`
      )
    }
    opts.log(`baseline: ${steps.join('; ') || 'nothing to prepare'}`)
    throwIfCancelled(opts.signal, 'the demo data')
    const sample = await hasCapacitySchema(client)
    if (sample && opts.demoRows > 0) {
      const restaurants = 20
      const tablesPerRestaurant = 10
      const windowsPerTable = Math.max(
        1,
        Math.round(opts.demoRows / (restaurants * tablesPerRestaurant))
      )
      const made = await generateCapacityData(client, {
        restaurants,
        tablesPerRestaurant,
        windowsPerTable,
        seed: 42
      })
      await client.query('ANALYZE')
      const demo = `demo data: ${made.restaurants} restaurants, ${made.tables} tables, ${made.allocations} allocations`
      steps.push(demo)
      opts.log(demo)
    } else if (!sample && opts.demoRows > 0) {
      // Said where the reader looks (the baseline check's summary): the checks that count rows (conflicts, the
      // lock forecast) then see what the migrations and setup-sql inserted, often nothing.
      const none =
        "no demo data (--demo-rows fills the capacity sample's tables only): the tables hold what the migrations and setup-sql insert"
      steps.push(none)
      opts.log(none)
    }
    return {
      url,
      baseline: deployed.map(m => m.version),
      result: result('pass', steps.join('; ') || 'a fresh Supabase stand-in'),
      sample
    }
  } catch (e) {
    const failed = e instanceof BaselineStepError ? e : new BaselineStepError(describeError(e))
    const message = opts.redactor.redact(failed.message)
    if (opts.signal?.aborted || e instanceof CancelledError) {
      // Whatever the cancelled statement made of it, the truth is: cancelled (its transaction rolled back).
      const why = String(opts.signal?.reason?.message ?? 'cancelled')
      const done = [
        ...steps,
        ...(replayed > 0
          ? [`${replayed} of ${deployed.length} deployed migration(s) replayed`]
          : [])
      ]
      opts.log(`baseline cancelled (${why}): ${done.join('; ') || 'nothing prepared yet'}`)
      return {
        url,
        baseline: deployed.map(m => m.version),
        result: result(
          'cancelled',
          `cancelled while preparing the throwaway database (${why}); the file running was rolled back`,
          [message]
        ),
        sample: false
      }
    }
    opts.log(`baseline failed: ${message}`)
    return {
      url,
      baseline: deployed.map(m => m.version),
      result: result(
        'fail',
        `the throwaway database could not be prepared${failed.file ? ` (${failed.file}${failed.line ? `:${failed.line}` : ''})` : ''}`,
        [message, `fix: ${baselineAdvice(message, failed.file, migrations, opts.baselineSchema)}`],
        failed
      ),
      sample: false
    }
  } finally {
    await client.end()
  }
}

export interface RehearseOptions {
  cwd: string
  environment: string
  inputs: RawInputs
  baseline?: string
  /** --baseline-schema: start the throwaway database from this schema dump (path relative to cwd). */
  baselineSchema?: string
  /** --baseline-from: start from this environment's shape and history, read from its database. */
  baselineFrom?: { environment: string; url: string }
  demoRows: number
  redactor: Redactor
  log: (line: string) => void
  signal?: AbortSignal
  /** The caller's environment (feature flags); passed by the front door. */
  env: NodeJS.ProcessEnv
}

export const REHEARSAL_STAGES: Stage[] = ['validate', 'apply', 'verify', 'rollback', 'apply']
/** Without a rollback script for every pending migration, the round trip stops after verify (with a warning). */
export const REHEARSAL_STAGES_WITHOUT_ROLLBACK: Stage[] = ['validate', 'apply', 'verify']

export async function rehearse(
  opts: RehearseOptions
): Promise<{ runs: RunOutcome[]; table: string; exitCode: 0 | 1 | 2 }> {
  const migrationsDir = opts.inputs['migrations-dir'] ?? 'migrations'
  const artifactsRoot = opts.inputs['artifacts-dir'] ?? 'artifacts'
  // Bad usage is found before any server starts. The policy is loaded once, for every stage.
  const policy = policyFor(opts.inputs, opts.environment, opts.cwd)
  // So is a folder the engine refuses (a version used twice, a file that is not UTF-8): read here, once.
  const discovered = discoverMigrationsWithWarnings(migrationsDir, opts.cwd, {
    noTransactionMarkers: policy.lint.noTransactionMarkers
  })
  const migrations = discovered.migrations
  // The folder's warnings (an empty migration) are the same in every stage: printed once here, while each
  // stage's own log (its evidence) still has them.
  const folderWarnings = new Set(discovered.warnings.map(w => opts.redactor.redact(w)))
  const printed = new Set<string>()
  // The engine's embedded provider: one throwaway database through every stage, stopped at the end.
  const target = embeddedTarget({
    baseline: opts.baseline,
    baselineSchema: opts.baselineSchema,
    baselineFrom: opts.baselineFrom,
    demoRows: opts.demoRows,
    databaseName: 'rehearsal',
    keep: true
  })
  const runs: RunOutcome[] = []
  const notes: string[] = []
  // The reference capacity API the smoke checks call (issue 13), stopped with the server.
  let api: CapacityApi | undefined
  try {
    // Prepared before the first stage: the smoke API needs its URL, the stage list its pending migrations.
    const prepared = await target.prepare({
      stage: REHEARSAL_STAGES[0],
      root: opts.cwd,
      migrationsDir,
      givenUrl: PROVIDED_TARGET_URL,
      policy,
      redactor: opts.redactor,
      progress: opts.log,
      signal: opts.signal
    })
    const pending = migrations.filter(m => !prepared.baseline.includes(m.version))
    const withoutRollback = pending.filter(m => !m.rollback)
    let stages = REHEARSAL_STAGES
    if (pending.length === 0 && prepared.result.status === 'pass') {
      // Nothing to apply, so nothing this round trip could roll back: the rollback stage would only fail.
      stages = REHEARSAL_STAGES_WITHOUT_ROLLBACK
      notes.push(
        `WARN nothing to rehearse: no pending migration in ${migrationsDir}` +
          (prepared.baseline.length > 0
            ? ` (the baseline deployed all ${prepared.baseline.length})`
            : '') +
          '; rollback not rehearsed.'
      )
      opts.log(notes[notes.length - 1])
    } else if (withoutRollback.length > 0 && prepared.result.status === 'pass') {
      stages = REHEARSAL_STAGES_WITHOUT_ROLLBACK
      const dir = path.join(migrationsDir, 'rollback')
      const many = withoutRollback.length > 1
      notes.push(
        `WARN rollback not rehearsed: ${many ? `${withoutRollback.length} pending migrations have` : `${withoutRollback[0].file} has`} no rollback script${many ? ` (${shortList(withoutRollback.map(m => path.basename(m.file)))})` : ''}. ` +
          `Rollback is optional; to rehearse it, add ${many ? path.join(dir, '<the same file name>') : path.join(dir, path.basename(withoutRollback[0].file))} with the SQL that undoes the migration.`
      )
      opts.log(notes[notes.length - 1])
    }
    // The sample app's service, for the sample's smoke scenarios: only when the schema is the sample's.
    const smoke =
      prepared.result.status === 'pass' && prepared.sample
        ? await startRehearsalApi(prepared.url, s => opts.redactor.add(s))
        : undefined
    api = smoke?.api
    if (api) opts.log(`capacity API (smoke checks) on ${api.url}`)
    for (const [i, stage] of stages.entries()) {
      const config = parseInputs(
        {
          ...opts.inputs,
          environment: opts.environment,
          stage,
          'database-url': PROVIDED_TARGET_URL,
          'artifacts-dir': path.join(artifactsRoot, 'rehearsal', `${i + 1}-${stage}`)
        },
        { root: opts.cwd, env: { ...opts.env, ...smoke?.variables } }
      )
      opts.log(`\n=== ${i + 1}/${stages.length} ${stage} ===`)
      const outcome = await runStage({
        config,
        redactor: opts.redactor,
        root: opts.cwd,
        environ: opts.env,
        signal: opts.signal,
        // The first stage's report carries how the throwaway database was prepared (and why it failed).
        target,
        policy,
        logSink: (level, line) => {
          if (level === 'debug') return
          if (level === 'warn' && folderWarnings.has(line)) {
            if (printed.has(line)) return
            printed.add(line)
          }
          opts.log(line)
        }
      })
      runs.push(outcome)
      if (outcome.exitCode !== 0 || opts.signal?.aborted) break
    }
  } finally {
    await api?.stop().catch(() => undefined)
    await target.stop()
  }
  const failed = runs.some(r => r.exitCode !== 0)
  const table =
    renderTable(runs.map(r => r.report)) +
    (notes.length ? notes.join('\n') + '\n' : '') +
    `\nevidence: ${path.join(artifactsRoot, 'rehearsal')}/\n`
  return { runs, table, exitCode: failed ? 1 : 0 }
}
