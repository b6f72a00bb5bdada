/**
 * apply: each pending migration in its own transaction under SET LOCAL lock_timeout and statement_timeout,
 * its statements sent as one batch (batch.ts: one round trip per file), its history row written in the same
 * transaction, bounded retries with backoff on lock_not_available (55P03)
 * only, all under a session advisory lock. A failure rolls the migration back whole and says what failed,
 * where (file:line) and Postgres's own code and detail.
 */
import type pg from 'pg'
import type { Logger } from '../report/logger.js'
import type { Migration, SqlFile } from '../plan/files.js'
import { buildPlan } from '../plan/plan.js'
import {
  ensureHistoryTables,
  recordAppliedSql,
  writeAudit,
  patchAuditDetails,
  writeAuditSql,
  type HistoryRow
} from '../plan/history.js'
import {
  capTimeoutsSql,
  setTimeoutsSql,
  setTimeoutsStatements,
  type Timeouts
} from '../db/timeouts.js'
import { migrationErrorAdvice } from '../db/connect.js'
import { adaptToStandIns, standInNote } from '../db/stand-in-index.js'
import { withApplyLock } from './locks.js'
import {
  concurrentlyBesideOthers,
  firstLine,
  hasOwnTransactionControl,
  mayChangeTimeouts,
  statementsOf
} from './statements.js'
import { parseSql, type SqlStatement } from '../sql/parser.js'
import { cancellableSleep, throwIfCancelled } from '../cancel.js'
import { BatchStatementError, runBatch } from './batch.js'

/** A file's run in a transaction of its own: its timeouts and retries. */
export interface TransactionalRun {
  lockTimeoutMs: number
  statementTimeoutMs: number
  /** Whose limits these are, as the log names them (default "runbook.yml's"). */
  limitsFrom?: string
  retries: number
  retryBackoffMs: number
  log: Logger
  /** A cancelled run starts no further statement or migration. */
  signal?: AbortSignal
}

/** A run under the apply lock (apply and revert): who and where for the audit log, timeouts, retries. */
export interface LockedRunOptions extends TransactionalRun {
  environment: string
  runId: string
  gitSha?: string
  actor?: string
  advisoryLockWaitMs: number
  /** Masks secrets (role passwords in the SQL) in what is stored: the history's statements, the audit log. */
  redact?: (text: string) => string
}

export interface ApplyOptions extends LockedRunOptions {
  allowOutOfOrder: boolean
  /** Schema snapshot taken before each migration, kept in the audit log for the rollback's check. */
  snapshot?: (client: pg.Client, migration: Migration) => Promise<unknown>
  /** Called as soon as each migration has committed, so a later failure cannot hide it. */
  onApplied?: (migration: AppliedMigration) => void
  /**
   * The history as read under the apply lock, before anything is applied: newer than the run's plan when
   * another run applied migrations while this one waited for the lock.
   */
  onHistory?: (history: HistoryRow[]) => void
  /**
   * The migrations are deployed ones, replayed into a throwaway baseline: a file with transaction control of
   * its own, refused in a pending one, is replayed as `supabase db push` ran it (replayAsWritten).
   */
  replayingDeployed?: boolean
}

export interface StatementTiming {
  line: number
  statement: string
  ms: number
}

export interface AppliedMigration {
  version: string
  name: string
  file: string
  durationMs: number
  attempts: number
  statements: StatementTiming[]
}

/** A failed apply: which file and line, and Postgres's own fields. */
export class ApplyError extends Error {
  override name = 'ApplyError'
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly code?: string,
    readonly detail?: string
  ) {
    super(message)
  }
}

const LOCK_NOT_AVAILABLE = '55P03'

interface PgError extends Error {
  code?: string
  detail?: string
  hint?: string
  where?: string
}

/** Postgres's fields in one sentence, without a closing period of its own: the caller's sentence ends it. */
function pgFields(e: PgError): string {
  const parts = [`${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ''}`]
  if (e.detail) parts.push(`detail: ${e.detail}`)
  if (e.hint) parts.push(`hint: ${e.hint}`)
  if (e.where) parts.push(`where: ${e.where.split('\n')[0]}`)
  const advice = migrationErrorAdvice(e.code)
  if (advice) parts.push(`fix: ${advice}`)
  return parts.join('; ').replace(/\.+$/, '')
}

/** The run's lock_timeout and statement_timeout, as the timeout helpers take them. */
function limitsOf(opts: TransactionalRun): Required<Timeouts> {
  return { lockMs: opts.lockTimeoutMs, statementMs: opts.statementTimeoutMs }
}

async function runStatement(
  client: pg.Client,
  migration: SqlFile,
  s: SqlStatement,
  timings: StatementTiming[],
  log: Logger,
  signal?: AbortSignal
): Promise<void> {
  const t0 = performance.now()
  try {
    throwIfCancelled(signal, `${migration.file}:${s.line}`)
    await client.query(s.text)
  } catch (e) {
    ;(e as PgError & { statement?: SqlStatement }).statement = s
    throw e
  }
  const ms = Math.round((performance.now() - t0) * 10) / 10
  timings.push({ line: s.line, statement: firstLine(s.text), ms })
  log.info(`  ${migration.file}:${s.line} ${firstLine(s.text, 60)} (${ms} ms)`)
}

/**
 * A transactional file's statements as one batch (one round trip: see batch.ts), each timed on the server and
 * logged as before. A failing statement is rethrown as Postgres's own error, with the statement attached.
 */
async function runStatements(
  client: pg.Client,
  migration: SqlFile,
  statements: SqlStatement[],
  timings: StatementTiming[],
  opts: TransactionalRun,
  before: readonly string[]
): Promise<void> {
  const { log, signal } = opts
  throwIfCancelled(signal, migration.file)
  const record = (ms: number, i: number) => {
    const s = statements[i]
    timings.push({ line: s.line, statement: firstLine(s.text), ms })
    log.info(`  ${migration.file}:${s.line} ${firstLine(s.text, 60)} (${ms} ms)`)
  }
  // A file that sets its own timeouts (pg_dump's header sets both to 0, no limit) may tighten runbook.yml's,
  // never loosen them: they are capped again after each of its statements.
  const resetting = statements.find(mayChangeTimeouts)
  if (resetting)
    log.warn(
      `${migration.file}:${resetting.line} may change lock_timeout or statement_timeout: its statements run under ` +
        `${opts.limitsFrom ?? "runbook.yml's"} at most (lock-timeout ${opts.lockTimeoutMs} ms, statement-timeout ${opts.statementTimeoutMs} ms); ` +
        'a tighter value of its own stays, a looser one or 0 (no limit) does not'
    )
  const after = resetting ? [capTimeoutsSql('LOCAL', limitsOf(opts))] : []
  try {
    const label = `migration-runbook: ${migration.file}`
    ;(await runBatch(client, statements, label, { before, after })).forEach(record)
  } catch (e) {
    if (!(e instanceof BatchStatementError)) throw e
    e.completedMs.forEach(record)
    const cause = e.cause
    if (typeof cause !== 'object' || cause === null) throw e
    ;(cause as PgError & { statement?: SqlStatement }).statement = statements[e.index]
    throw cause
  }
}

function failure(migration: Migration, file: SqlFile, e: unknown, attempts: number): ApplyError {
  const err = e as PgError & { statement?: SqlStatement }
  const s = err.statement
  const where = s ? `${file.file}:${s.line}` : file.file
  const what = s ? `"${firstLine(s.text, 70)}"` : 'the migration'
  if (err.code === LOCK_NOT_AVAILABLE) {
    return new ApplyError(
      `${where}: could not get a lock for ${what} within lock_timeout after ${attempts} attempt(s): another session holds a conflicting lock. ` +
        `The transaction was rolled back (${migration.version}): the database is as it was. ${pgFields(err)}`,
      file.file,
      s?.line,
      err.code,
      err.detail
    )
  }
  return new ApplyError(
    `${where}: ${what} failed: ${pgFields(err)}. The transaction was rolled back (${migration.version}): the database is as it was.`,
    file.file,
    s?.line,
    err.code,
    err.detail
  )
}

/**
 * Runs a file's statements in one transaction under SET LOCAL timeouts, then `finish` (history, audit) in the
 * same transaction, and commits. `finish` may also return statements (SQL text, no parameters): they are sent
 * with the COMMIT, in one round trip. Retries the whole transaction on lock_not_available only; any other error
 * rolls back and is rethrown as an ApplyError naming file:line. `onFailure` runs after the rollback.
 */
export async function runFileInTransaction(
  client: pg.Client,
  m: Migration,
  file: SqlFile,
  statements: SqlStatement[],
  opts: TransactionalRun,
  finish: (timings: StatementTiming[], attempt: number) => Promise<string[]>,
  onFailure: (error: ApplyError) => Promise<void> = async () => undefined,
  /** Session-level statements sent first (the session put back as the run found it: sessionBetweenFiles). */
  fresh: readonly string[] = []
): Promise<{ timings: StatementTiming[]; attempts: number; durationMs: number }> {
  for (let attempt = 1; ; attempt++) {
    const timings: StatementTiming[] = []
    const t0 = performance.now()
    try {
      // The fresh session, BEGIN and the SET LOCALs ride in the file's own round trip.
      const begin = [...fresh, 'BEGIN', ...setTimeoutsStatements('LOCAL', limitsOf(opts))]
      await runStatements(client, file, statements, timings, opts, begin)
      const withCommit = await finish(timings, attempt)
      await client.query([...withCommit, 'COMMIT'].join(';\n'))
      return { timings, attempts: attempt, durationMs: Math.round(performance.now() - t0) }
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      const err = e as PgError
      if (err.code === LOCK_NOT_AVAILABLE && attempt <= opts.retries) {
        const wait = opts.retryBackoffMs * 2 ** (attempt - 1)
        opts.log.warn(
          `${file.file}: lock not available (attempt ${attempt} of ${opts.retries + 1}); retrying in ${wait} ms`
        )
        await cancellableSleep(wait, opts.signal)
        continue
      }
      const failed = e instanceof ApplyError ? e : failure(m, file, e, attempt)
      await onFailure(failed).catch(() => undefined)
      throw failed
    }
  }
}

/** The statements column of schema_migrations: one entry per statement, as the Supabase CLI writes it. */
function statementTexts(statements: SqlStatement[], opts: ApplyOptions): string[] {
  return statements.map(s => (opts.redact ? opts.redact(s.text) : s.text))
}

/** Audit details as stored: secrets masked. */
export function auditDetails(
  details: Record<string, unknown>,
  opts: Pick<LockedRunOptions, 'redact'>
): Record<string, unknown> {
  return opts.redact ? JSON.parse(opts.redact(JSON.stringify(details))) : details
}

/** The audit-log fields every entry of this migration's apply shares. */
function auditBase(m: Migration, opts: ApplyOptions, startedAt: Date) {
  return {
    runId: opts.runId,
    environment: opts.environment,
    stage: 'apply',
    version: m.version,
    name: m.name,
    checksum: m.checksum,
    gitSha: opts.gitSha,
    actor: opts.actor,
    startedAt
  }
}

/** One migration in one transaction, its history row and audit entry in the same transaction. */
async function applyInTransaction(
  client: pg.Client,
  m: Migration,
  opts: ApplyOptions,
  fresh: readonly string[]
): Promise<AppliedMigration> {
  const statements = statementsOf(m)
  const run = await adaptToStandIns(
    client,
    statements,
    standInNote(m.file, 'built', line => opts.log.info(line))
  )
  const started = new Date()
  const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined
  const audit = auditBase(m, opts, started)
  const done = await runFileInTransaction(
    client,
    m,
    m,
    run,
    opts,
    async (timings, attempt) => [
      recordAppliedSql(m.version, m.name, statementTexts(statements, opts)),
      writeAuditSql({
        ...audit,
        status: 'applied',
        schemaBefore,
        details: auditDetails({ statements: timings, attempts: attempt }, opts)
      })
    ],
    failed =>
      writeAudit(client, {
        ...audit,
        status: 'failed',
        details: auditDetails({ error: failed.message, code: failed.code ?? null }, opts)
      }),
    fresh
  )
  return {
    version: m.version,
    name: m.name,
    file: m.file,
    durationMs: done.durationMs,
    attempts: done.attempts,
    statements: done.timings
  }
}

/**
 * The history row and audit entry of a file that ran outside the runbook's transaction (no-transaction, or as
 * written): one transaction of their own, in one round trip.
 */
function recordRanSql(
  m: Migration,
  statements: SqlStatement[],
  timings: StatementTiming[],
  opts: ApplyOptions,
  started: Date,
  schemaBefore?: unknown,
  markerId?: string
): string {
  return [
    'BEGIN',
    ...(markerId ? [`DELETE FROM migration_runbook.audit_log WHERE id = ${Number(markerId)}`] : []),
    recordAppliedSql(m.version, m.name, statementTexts(statements, opts)),
    writeAuditSql({
      ...auditBase(m, opts, started),
      status: 'applied',
      schemaBefore,
      details: auditDetails({ statements: timings, noTransaction: true }, opts)
    }),
    'COMMIT'
  ].join(';\n')
}

/**
 * A migration marked `-- migration-runbook: no-transaction` (CREATE INDEX CONCURRENTLY): statement by
 * statement, each retried on lock_not_available. It cannot be undone as a whole: the log says what ran.
 */
async function applyWithoutTransaction(
  client: pg.Client,
  m: Migration,
  opts: ApplyOptions,
  fresh: readonly string[],
  statements: SqlStatement[] = statementsOf(m)
): Promise<AppliedMigration> {
  if (fresh.length > 0) await client.query(fresh.join(';\n'))
  const run = await adaptToStandIns(
    client,
    statements,
    standInNote(m.file, 'built', line => opts.log.info(line))
  )
  const timings: StatementTiming[] = []
  const started = new Date()
  // As for a file in a transaction: schema-diff and the rollback's schema check compare with it (a
  // CONCURRENTLY-only migration's apply warned "no before-snapshot to diff against").
  const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined
  const t0 = performance.now()
  let attempts = 1
  // Session-level timeouts for the statements; the session's own values are put back afterwards.
  const previous = await client.query(
    `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS stmt`
  )
  await client.query(setTimeoutsSql('SESSION', limitsOf(opts)))
  // Each statement commits on its own: an audit row says the file started and how far it got, so a run killed
  // half-way (kill -9, a lost runner) leaves a trace the next run reports (history.ts, unfinishedRuns). Removed
  // when the file is recorded as applied.
  const marker = await client.query<{ id: string }>(
    `${writeAuditSql({
      ...auditBase(m, opts, started),
      status: 'failed',
      details: { noTransaction: true, unfinished: true, statementsDone: 0, statements: run.length }
    })} RETURNING id`
  )
  const markerId = marker.rows[0].id
  try {
    for (const s of run) {
      for (let attempt = 1; ; attempt++) {
        try {
          await runStatement(client, m, s, timings, opts.log, opts.signal)
          if (mayChangeTimeouts(s)) await client.query(capTimeoutsSql('SESSION', limitsOf(opts)))
          break
        } catch (e) {
          const err = e as PgError
          attempts = Math.max(attempts, attempt)
          if (err.code === LOCK_NOT_AVAILABLE && attempt <= opts.retries) {
            await cancellableSleep(opts.retryBackoffMs * 2 ** (attempt - 1), opts.signal)
            continue
          }
          const f = failure(m, m, e, attempt)
          await patchAuditDetails(
            client,
            markerId,
            auditDetails({ error: pgFields(err) }, opts)
          ).catch(() => undefined)
          throw new ApplyError(
            f.message.replace(
              /The transaction was rolled back \(\S+\): the database is as it was\./,
              ''
            ) +
              ` This migration runs outside a transaction: ${timings.length} statement(s) before it completed and stay applied.`,
            f.file,
            f.line,
            f.code,
            f.detail
          )
        }
      }
      // After the retries, not among them: the statement committed, and a failure to record how far the file
      // got is not that statement's failure.
      await patchAuditDetails(client, markerId, { statementsDone: timings.length })
    }
    try {
      await client.query(
        recordRanSql(m, statements, timings, opts, started, schemaBefore, markerId)
      )
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw new ApplyError(
        `${m.file}: every statement ran (outside a transaction) but recording it in the history failed: ${pgFields(e as PgError)}. ` +
          `Record version ${m.version} by hand or re-run once the cause is fixed.`,
        m.file,
        undefined,
        (e as PgError).code
      )
    }
  } finally {
    const p = previous.rows[0]
    await client
      .query(
        `SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)`,
        [p.lock, p.stmt]
      )
      .catch(() => undefined)
  }
  return {
    version: m.version,
    name: m.name,
    file: m.file,
    durationMs: Math.round(performance.now() - t0),
    attempts,
    statements: timings
  }
}

/**
 * A deployed file with transaction control of its own (a BEGIN ... COMMIT in the middle), replayed into a
 * throwaway baseline: `supabase db push` ran it as written, its statements in one batch, each COMMIT keeping what
 * came before and each END resetting what the block SET LOCAL. It is replayed the same way to reach the state it
 * left (the runbook's transaction around it would change both), then recorded in a transaction of its own.
 */
async function replayAsWritten(
  client: pg.Client,
  m: Migration,
  opts: ApplyOptions,
  fresh: readonly string[]
): Promise<AppliedMigration> {
  opts.log.info(
    `${m.file}: transaction control of its own; replayed as written, as supabase db push ran it (deployed, not pending)`
  )
  const statements = parseSql(m.sql).statements
  const run = await adaptToStandIns(
    client,
    statements,
    standInNote(m.file, 'built', line => opts.log.info(line))
  )
  const started = new Date()
  const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined
  const t0 = performance.now()
  let ms: number[]
  try {
    ms = await runBatch(client, run, `migration-runbook: ${m.file} (as written)`, {
      before: [...fresh, ...setTimeoutsStatements('SESSION', limitsOf(opts))]
    })
  } catch (e) {
    // A failure inside the file's own BEGIN leaves that block open.
    await client.query('ROLLBACK').catch(() => undefined)
    const cause = (e instanceof BatchStatementError ? e.cause : e) as PgError
    const s = e instanceof BatchStatementError ? run[e.index] : undefined
    throw new ApplyError(
      `${s ? `${m.file}:${s.line}: "${firstLine(s.text, 70)}"` : m.file} failed: ${pgFields(cause)}`,
      m.file,
      s?.line,
      cause.code,
      cause.detail
    )
  }
  const timings = ms.map((x, i) => ({
    line: run[i].line,
    statement: firstLine(run[i].text),
    ms: x
  }))
  await client.query(recordRanSql(m, statements, timings, opts, started, schemaBefore))
  return {
    version: m.version,
    name: m.name,
    file: m.file,
    durationMs: Math.round(performance.now() - t0),
    attempts: 1,
    statements: timings
  }
}

/**
 * Applies what is pending, deciding "pending" only once the advisory lock is held, so two concurrent runs
 * apply each migration once. Stops at the first failure.
 */
export async function applyMigrations(
  client: pg.Client,
  migrationsDir: string,
  migrations: Migration[],
  opts: ApplyOptions
): Promise<AppliedMigration[]> {
  const asWritten = new Set(
    opts.replayingDeployed ? migrations.filter(hasOwnTransactionControl).map(m => m.version) : []
  )
  // A deployed file with CONCURRENTLY beside other statements ran under `supabase db push` (readest's 016: an index
  // built CONCURRENTLY and a CALL of a procedure that commits per batch): replayed statement by statement.
  const splitUp = new Map<string, SqlStatement[]>()
  for (const m of opts.replayingDeployed ? migrations : []) {
    const statements = asWritten.has(m.version) ? undefined : concurrentlyBesideOthers(m)
    if (statements) splitUp.set(m.version, statements)
  }
  return withApplyLock(client, opts, async session => {
    const history = await ensureHistoryTables(client)
    opts.onHistory?.(history)
    const plan = buildPlan(migrationsDir, migrations, history)
    // Refuse a bad pending file before applying anything. An applied one ran as it is: it blocks nothing.
    for (const m of plan.pending)
      if (!asWritten.has(m.version) && !splitUp.has(m.version)) statementsOf(m)
    if (plan.drift.length > 0)
      throw new ApplyError(`drift: ${plan.drift.map(d => d.message).join('; ')}`)
    if (plan.outOfOrder.length > 0 && !opts.allowOutOfOrder) {
      throw new ApplyError(
        `pending version(s) ${plan.outOfOrder.join(', ')} are older than the newest applied one; ` +
          'rename them to a newer version, or set allow-out-of-order: true for this environment in runbook.yml'
      )
    }
    const applied: AppliedMigration[] = []
    if (plan.pending.length === 0)
      opts.log.info('nothing to apply: every migration is already applied')
    for (const [i, m] of plan.pending.entries()) {
      throwIfCancelled(opts.signal, `applying ${m.file}`)
      // Each file starts from the session as the run found it, as each does on `supabase db push`'s fresh one.
      const fresh = i === 0 ? [] : session.reset
      const split = splitUp.get(m.version)
      const reason = split
        ? 'deployed with CONCURRENTLY beside other statements, replayed as supabase db push ran it'
        : m.noTransaction
          ? (m.noTransactionReason ?? 'marked')
          : undefined
      opts.log.info(
        `applying ${m.file}${reason ? ` (no-transaction, statement by statement: ${reason})` : ''}`
      )
      const done = asWritten.has(m.version)
        ? await replayAsWritten(client, m, opts, fresh)
        : split || m.noTransaction
          ? await applyWithoutTransaction(client, m, opts, fresh, split)
          : await applyInTransaction(client, m, opts, fresh)
      opts.log.info(
        `applied ${m.version} in ${done.durationMs} ms (${done.statements.length} statements, attempt ${done.attempts})`
      )
      applied.push(done)
      opts.onApplied?.(done)
    }
    return applied
  })
}
