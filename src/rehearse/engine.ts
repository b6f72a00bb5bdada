/**
 * The rehearsal engine: migration files applied one after another inside one transaction that is always rolled
 * back, under the lock budget per file (statement_timeout = what is left of the file's budget, lock_timeout
 * set), so a rehearsal never holds a file's locks longer than the budget. Records duration, the locks held at
 * the end and the schema diff each file would make; stops at the first failure.
 *
 * Shadow mode: statements that would lock an existing table more than ROW EXCLUSIVE run on shadow copies
 * (shadow.ts), so writers on the live tables never wait; either way each such statement gets a lock forecast for
 * the full table (forecast.ts), judged against the budget. Used by the rehearsal check (validate) and the
 * rollback-rehearsal check (no forecast, live tables).
 */
import { acquireApplyLock, releaseApplyLock, type ApplyLockWait } from '../apply/locks.js'
import { cancellableSleep } from '../cancel.js'
import type pg from 'pg'
import { readHistory } from '../plan/history.js'
import type { RehearsalResult } from '../types.js'
import type { SqlFile } from '../plan/files.js'
import { firstLine, statementsOf } from '../apply/statements.js'
import { migrationErrorAdvice } from '../db/connect.js'
import { setTimeoutsSql } from '../db/timeouts.js'
import { SESSION_RESET } from '../db/session-settings.js'
import { adaptToStandIns, standInNote } from '../db/stand-in-index.js'
import { CLOCK_MS, sendBatches } from '../apply/batch.js'
import { relationsOf, TextIndex, type SqlStatement } from '../sql/parser.js'
import { plpgsqlAnalysis } from '../lint/plpgsql.js'
import { diffSnapshots, renderDiff, snapshotSchema, type SchemaSnapshot } from '../schema/index.js'
import { byCodePoint } from '../schema/snapshot.js'
import type { Logger } from '../report/logger.js'
import { foreignKeysAfter, lockedRelation, LOCK_MODES, statementLocks } from '../lint/locks.js'
import { readForeignKeys } from '../lint/catalog.js'
import { describeSession, findLockHolders } from '../db/sessions.js'
import type { RehearsalSettings } from '../config/rehearsal-settings.js'
import {
  countRows,
  completeForeignKeyParents,
  createShadow,
  lockedTables,
  mayLockExisting,
  newShadowState,
  redirectStatement,
  type ShadowState
} from './shadow.js'
import { describeForecast, forecastModel, scaleForecast, type LockForecast } from './forecast.js'

const QUERY_CANCELED = '57014'
/** The rehearsal's own reads (locks, schema snapshot) between statements. */
const CATALOG_READ_TIMEOUT_MS = 30_000
const LOCK_NOT_AVAILABLE = '55P03'
/** Weakest to strongest, as the lint module orders them. */
const LOCK_STRENGTH: readonly string[] = LOCK_MODES

export interface HeldLock {
  relation: string
  mode: string
}

/** Most names shown per lock mode in the log: a first migration's locks run to hundreds (every index it builds). */
const NAMES_PER_MODE = 8

/** The locks held, by mode, strongest first: "AccessExclusiveLock on a, b; AccessShareLock on c and 117 more". */
export function describeLocks(locks: readonly HeldLock[]): string {
  if (locks.length === 0) return 'no relation locks'
  const byMode = new Map<string, string[]>()
  for (const l of locks) byMode.set(l.mode, [...(byMode.get(l.mode) ?? []), l.relation])
  const strength = (mode: string) => (LOCK_MODES as readonly string[]).indexOf(mode)
  return [...byMode]
    .sort(([a], [b]) => strength(b) - strength(a))
    .map(([mode, names]) => {
      const shown = names.slice(0, NAMES_PER_MODE).join(', ')
      const more = names.length - NAMES_PER_MODE
      return `${mode} on ${shown}${more > 0 ? ` and ${more} more` : ''}`
    })
    .join('; ')
}

/** Relation locks our own backend holds, strongest mode per relation, catalogs left out. */
export async function ownRelationLocks(
  client: pg.ClientBase,
  /** Set statement_timeout to this first, in the same round trip (the rehearsal does it per statement). */
  statementTimeoutMs?: number,
  /** SQL without results sent after the read in the same round trip (the next statement's SETs). */
  then = '',
  /** SQL without results sent first in the same round trip (the rehearsal's BEGIN). */
  before = ''
): Promise<HeldLock[]> {
  const set =
    statementTimeoutMs === undefined
      ? ''
      : `${setTimeoutsSql('LOCAL', { statementMs: statementTimeoutMs })}; `
  const sent = await client.query(
    `${before ? `${before}; ` : ''}${set}SELECT ${OWN_LOCKS_LIST}${then ? `; ${then}` : ''}`
  )
  // Several statements in one query: pg returns one result each; the SELECT's is the one with rows to read.
  const res = Array.isArray(sent)
    ? ((sent as pg.QueryResult[]).find(r => r.command === 'SELECT') as pg.QueryResult)
    : sent
  return strongestLocks(res.rows)
}

/**
 * Our backend's granted relation locks, user relations only: OIDs below 16384 (FirstNormalObjectId) are
 * initdb's (pg_catalog, information_schema), which a migration does not create. No join to pg_class: it costs
 * three times the read, once per statement. What the join used to leave out is left out by strongestLocks.
 */
const OWN_LOCKS_LIST = `l.relation::regclass::text AS relation, l.mode FROM pg_catalog.pg_locks l
  WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND l.relation::int8 >= 16384`

/**
 * The strongest mode per relation, sorted by relation. TOAST relations are left out, and so are relations
 * dropped in this transaction (their OID no longer names one, and regclass prints the number).
 */
function strongestLocks(rows: readonly HeldLock[]): HeldLock[] {
  const strongest = new Map<string, string>()
  for (const r of rows) {
    if (r.relation.startsWith('pg_toast.') || /^\d+$/.test(r.relation)) continue
    const prev = strongest.get(r.relation)
    if (!prev || LOCK_STRENGTH.indexOf(r.mode) > LOCK_STRENGTH.indexOf(prev))
      strongest.set(r.relation, r.mode)
  }
  return (
    [...strongest]
      .map(([relation, mode]) => ({ relation, mode }))
      // By code point: localeCompare sets up an ICU collator on its first use (12–50 ms).
      .sort((a, b) => byCodePoint(a.relation, b.relation))
  )
}

/** Where a file's rehearsal stands: the locks it holds, and its statements' time. */
interface FileProgress {
  locks: HeldLock[]
  spent: number
  /**
   * Server time from the file's first statement to the end of its last, when batched with other files (a file
   * alone keeps its wall time).
   */
  serverMs?: number
  /** Postgres's error, with the statement that failed attached when it was one of the file's. */
  error?: Error & { statement?: SqlStatement }
}

/**
 * What puts the session back between two files, as apply does (src/apply/apply.ts) and as `supabase db push`'s
 * fresh session per file is: a dump's `set_config('search_path', '', false)` must not reach the next file. Inside
 * the rehearsal's transaction, so its rollback puts back the session's own settings; meanwhile the timeouts
 * are the rehearsal's SET LOCALs and the watch for a vanished client is set again (PostgreSQL 14+).
 */
const FRESH_SESSION: readonly string[] = [
  ...SESSION_RESET,
  `SELECT pg_catalog.set_config('client_connection_check_interval', '1s', false) AS mr_watch
     WHERE pg_catalog.current_setting('client_connection_check_interval', true) IS NOT NULL`
]

/**
 * Files whose statements need no preparation (no shadow, no forecast: they name no relation that existed before),
 * rehearsed as one batch: one round trip for all of them (see src/apply/batch.ts). Also the statements between
 * two that need it, in a file that has some (spentBefore). What the statement by
 * statement path does between statements runs on the server, between them in the batch: the catalog reads'
 * timeout, the time the file's statements have spent (a transaction-local setting), and the next statement's
 * lock_timeout and statement_timeout from what is left of the file's budget. Each file starts with a budget of
 * its own. The locks held are read once per file, after its last statement: a pg_locks read between every two
 * statements cost ~1 ms of server time each (50 ms for the capacity baseline).
 *
 * One progress per file that ran, in order; the last one has the error when a statement failed (the server stops
 * there): its locks are then those of the statements that completed, from the lint module's table (an aborted
 * transaction cannot read pg_locks).
 */
async function rehearseBatches(
  client: pg.ClientBase,
  files: readonly { file: string; statements: readonly SqlStatement[] }[],
  opts: RehearsalOptions,
  locksAtStart: HeldLock[],
  /** The first of these files follows another of this rehearsal: it starts from a fresh session too. */
  afterAnother: boolean,
  /**
   * What the file's statements before these have spent of its budget: the statements are a part of a file that
   * rehearseHeld otherwise takes statement by statement, not a file of their own.
   */
  spentBefore = 0
): Promise<FileProgress[]> {
  const budget = opts.lockBudgetMs
  const timeouts = (left: string) =>
    `pg_catalog.set_config('lock_timeout', greatest(1, least(${Math.max(1, opts.lockTimeoutMs)}, pg_catalog.floor(${left})))::int::text, true) AS mr_lock_timeout,
     pg_catalog.set_config('statement_timeout', greatest(1, pg_catalog.floor(${left}))::int::text, true) AS mr_statement_timeout`
  const catalogTimeout = setTimeoutsSql('LOCAL', { statementMs: CATALOG_READ_TIMEOUT_MS })
  // The next statement's clock starts in the same query that sets its timeouts: one command less per statement
  // (a seed file of 20,000 INSERTs rehearsed ~15% faster).
  const startClock = `pg_catalog.set_config('mr.rehearsal_t', ${CLOCK_MS}::text, true)::float8 AS mr_t`
  const frame = {
    prologue: [
      catalogTimeout,
      `SELECT pg_catalog.set_config('mr.rehearsal_spent', '${spentBefore}', true)::float8 AS mr_spent, ${timeouts(`${budget} - ${spentBefore}`)}, ${startClock}`
    ],
    gap: [
      catalogTimeout,
      // MATERIALIZED: the time spent is read (from the clock the previous gap started) before the clock restarts.
      `WITH s AS MATERIALIZED (
         SELECT pg_catalog.set_config('mr.rehearsal_spent',
                  (pg_catalog.current_setting('mr.rehearsal_spent')::float8 + ${CLOCK_MS}
                   - pg_catalog.current_setting('mr.rehearsal_t')::float8)::text, true)::float8 AS spent)
       SELECT s.spent AS mr_spent, ${timeouts(`${budget} - s.spent`)}, ${startClock} FROM s`
    ],
    // ownRelationLocks' read, each file's last command.
    epilogue: [catalogTimeout, `SELECT ${OWN_LOCKS_LIST}`]
  }
  const names = files.map(f => f.file)
  const label = `migration-runbook: rehearsal of ${names.length === 1 ? names[0] : `${names.length} files, ${names.join(', ')}`} (rolled back)`
  const t0 = performance.now()
  const outcomes = await sendBatches(
    client,
    files.map((f, i) => ({
      statements: f.statements,
      frame: {
        ...frame,
        ...(i === 0 ? { label } : {}),
        ...(i > 0 || afterAnother ? { prologue: [...FRESH_SESSION, ...frame.prologue] } : {})
      }
    }))
  )
  const progress: FileProgress[] = []
  let locks = locksAtStart
  let serverBefore = 0
  for (const [i, outcome] of outcomes.entries()) {
    const rows = outcome.results.map(r => r.rows[0]).filter(row => row !== undefined)
    const spent = rows.filter(row => 'mr_spent' in row).at(-1)
    const clocks = rows.filter(row => 'mr_t' in row).map(row => Number(row.mr_t))
    const p: FileProgress = {
      locks,
      spent: spent ? Number(spent.mr_spent) : i === 0 ? spentBefore : 0,
      ...(files.length > 1 && clocks.length > 1
        ? { serverMs: clocks[clocks.length - 1] - clocks[0] }
        : {})
    }
    progress.push(p)
    if (outcome.error === undefined) {
      locks = p.locks = strongestLocks(
        (outcome.results.at(-1)?.rows ?? []) as unknown as HeldLock[]
      )
      serverBefore += p.serverMs ?? 0
      continue
    }
    const err = outcome.error as Error & { statement?: SqlStatement }
    p.error = err
    if (outcome.failedIndex !== undefined) {
      const statements = files[i].statements
      err.statement = statements[outcome.failedIndex]
      p.locks = lockedBefore(statements, outcome.failedIndex, locks)
      // The failing statement's own time is not read back: the batch's wall time, less the files before it, bounds it.
      p.spent = Math.max(p.spent, spentBefore + performance.now() - t0 - serverBefore)
    }
  }
  return progress
}

/**
 * The locks a file held before its statement `index`: those held when it started, and those the lint module's
 * table says each completed statement takes (named as written, schema-qualified). A table a statement creates
 * ('none' there: no one else can see it yet) is held AccessExclusive by its creator until commit.
 */
function lockedBefore(
  statements: readonly SqlStatement[],
  index: number,
  atStart: HeldLock[]
): HeldLock[] {
  const taken = statements
    .slice(0, index)
    .flatMap(s => statementLocks(s.ast))
    .map(l => ({ relation: l.table, mode: l.lock === 'none' ? 'AccessExclusiveLock' : l.lock }))
  return strongestLocks([...atStart, ...taken])
}

async function tableSize(client: pg.ClientBase, table: string): Promise<string> {
  const res = await client
    .query(
      `SELECT pg_size_pretty(pg_total_relation_size(to_regclass($1))) AS size, (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass($1)) AS rows`,
      [table]
    )
    .catch(() => ({ rows: [] as { size: string | null; rows: string | null }[] }))
  const r = res.rows[0]
  return r?.size ? `${r.size}, ~${Math.max(0, Number(r.rows))} rows` : 'size unknown'
}

export interface RehearsalOptions {
  lockBudgetMs: number
  lockTimeoutMs: number
  log: Logger
  /**
   * Shadow rehearsal and the lock forecast (validate). Absent: every statement runs on the live tables and
   * nothing is forecast (the rollback rehearsal).
   */
  forecast?: ForecastOptions
  /**
   * Snapshot the schema before and after each file for its diff (default true). The apply stage turns it off:
   * apply snapshots the same states for real and schema-diff diffs them, so the rehearsal's would be a
   * second snapshot of each state.
   */
  schemaDiffs?: boolean
  /**
   * Given the schema as each file left it, inside the transaction before it is rolled back (with schemaDiffs):
   * the rollback rehearsal compares it with the snapshot taken before the migration, before anything commits.
   */
  onSchemaAfter?: (version: string, schema: SchemaSnapshot) => void
  /**
   * Hold the apply lock while rehearsing, waiting as apply does for another run that holds it: a rehearsal takes
   * the pending migrations' locks on the live tables, which stalled another run's apply (or rehearsal) into a
   * lock timeout. One run at a time rehearses or applies on a database. Absent: no lock taken (a caller that has
   * the database to itself).
   */
  applyLock?: ApplyLockWait & {
    /** Told the files another run applied while this one waited for the lock: they are not rehearsed. */
    onAppliedMeanwhile?: (versions: string[]) => void
  }
  /**
   * A rehearsal stopped by lock_timeout (another session holds a lock a pending file needs) is run again, as
   * apply runs a file again (apply-retries, retry-backoff doubling): a reader that holds its lock for a few
   * seconds would otherwise fail the gate before apply's own retries are reached. Absent: no retry.
   */
  lockRetries?: { retries: number; backoffMs: number; signal?: AbortSignal }
}

export interface ForecastOptions {
  settings: RehearsalSettings
  /** The run's environment, and the one the forecast is for with its lock budget. */
  envName: string
  forecastFor: string
  budgetMs: number
  /** Timeout of making a shadow copy (copying rows and building indexes is not lock time). */
  copyTimeoutMs: number
  /** The lock budget of the environment named row counts come from (else budgetMs). */
  forecastBudgetMs: number
  /** The target is a throwaway database (rehearse, --embedded): its row counts are not the environment's. */
  throwaway?: boolean
}

/** The existing table a statement locks most strongly, and the rows its time is measured on. */
interface MeasuredTable {
  table: string
  lock: string
  liveRows: number
  rehearsedRows: number
  sampled: boolean
  rehearsedOn: 'shadow' | 'live'
}

interface StatementTarget {
  /** The statement redirected to the shadows (undefined: run as written). */
  text?: string
  redirectedTo?: string
  locked?: MeasuredTable
}

/**
 * Before a statement: in shadow mode, copies every existing table it would lock more than ROW EXCLUSIVE
 * (reading them only) and redirects the statement to the copies; in both modes, names the table whose rows
 * its time is forecast from.
 */
async function prepareStatement(
  client: pg.ClientBase,
  s: SqlStatement,
  fileSql: string,
  shadow: ShadowState,
  fc: ForecastOptions,
  opts: RehearsalOptions
): Promise<StatementTarget> {
  // The copy's timeouts for the catalog reads and copies below, sent with the lookup.
  const sets = setTimeoutsSql('LOCAL', {
    lockMs: opts.lockTimeoutMs,
    statementMs: fc.copyTimeoutMs
  })
  const locked = (await lockedTables(client, s.ast, [sets])).filter(t => shadow.existing.has(t.oid))
  const main = locked[0]
  if (fc.settings.mode === 'live') {
    if (!main) return {}
    const rows = await countRows(client, main, fc.settings.shadowMaxRows)
    return {
      locked: {
        table: main.table,
        lock: main.lock,
        liveRows: rows,
        rehearsedRows: rows,
        sampled: false,
        rehearsedOn: 'live'
      }
    }
  }
  await refuseLiveLocksInDoBlock(client, s, fileSql, shadow)
  for (const t of locked) {
    if (shadow.tables.has(t.table)) continue
    const sh = await createShadow(client, shadow, t, fc.settings.shadowMaxRows)
    opts.log.info(
      `shadow: ${t.table} (${sh.liveRows} rows) copied to ${sh.shadowSchema}.${sh.name}: ${sh.rows} rows${sh.sampled ? ` (TABLESAMPLE SYSTEM ${sh.percent?.toFixed(2)}%: more than shadow-max-rows ${fc.settings.shadowMaxRows})` : ''} in ${sh.copyMs} ms; the live table was only read`
    )
  }
  await completeForeignKeyParents(client, s.ast, shadow)
  const text = redirectStatement(s.ast, shadow)
  const sh = main ? shadow.tables.get(main.table) : undefined
  return {
    text,
    redirectedTo: text ? firstLine(text, 80) : undefined,
    locked:
      main && sh
        ? {
            table: main.table,
            lock: main.lock,
            liveRows: sh.liveRows,
            rehearsedRows: sh.rows,
            sampled: sh.sampled,
            rehearsedOn: 'shadow'
          }
        : undefined
  }
}

/**
 * Whether prepareStatement has anything to do: a statement that names no relation that existed before the
 * rehearsal, outside a DO block and with nothing shadowed yet, runs as written with no forecast, and costs no
 * catalog round trip.
 */
function needsPreparation(s: SqlStatement, shadow: ShadowState, fc: ForecastOptions): boolean {
  if (fc.settings.mode !== 'live' && (s.kind === 'DoStmt' || shadow.redirects.size > 0)) return true
  return mayLockExisting(s.ast, shadow)
}

/** Thrown before a statement shadow mode cannot move off the live tables. */
const UNREHEARSABLE = 'MR_UNREHEARSABLE'

/**
 * A DO block's statements are strings to the parser and cannot be redirected to the copies: one that would lock
 * an existing table more than ROW EXCLUSIVE would hold that lock on the live table until the rollback, and
 * writers would wait on validate. The rehearsal stops before it instead (a warning, not a failure).
 */
async function refuseLiveLocksInDoBlock(
  client: pg.ClientBase,
  s: SqlStatement,
  fileSql: string,
  shadow: ShadowState
): Promise<void> {
  if (s.kind !== 'DoStmt') return
  for (const inner of plpgsqlAnalysis(new TextIndex(fileSql), s).inner) {
    const locked = (await lockedTables(client, inner.statement.ast)).filter(t =>
      shadow.existing.has(t.oid)
    )
    if (locked.length === 0) continue
    const t = locked[0]
    throw Object.assign(
      new Error(
        `the DO block's "${firstLine(inner.statement.text, 60)}" (line ${inner.line}) would take ${t.lock} on the live table ${t.table}, and a DO block cannot be moved to a shadow copy: the shadow rehearsal stops here rather than make writers wait until the rollback. What follows is not rehearsed; rehearse it on staging (rehearsal: live) or move the statement out of the DO block.`
      ),
      { code: UNREHEARSABLE, statement: s }
    )
  }
}

/**
 * The diff names shadows where a new object refers to a shadowed table (a foreign key): they are shown as the
 * live tables they stand for. The changes made to the shadows themselves are not in the diff: said once.
 */
function shadowNote(diff: string, shadow: ShadowState | undefined): string {
  if (!shadow || shadow.tables.size === 0) return diff
  let text = diff
  for (const t of shadow.tables.values())
    text = text.split(`${t.shadowSchema}.${t.name}`).join(t.live)
  const tables = [...shadow.tables.keys()].join(', ')
  return `${text}\n(rehearsed on shadow copies, so not in this diff: the changes to ${tables})`
}

/** The statement's lock forecast from its measured time. */
function forecastOf(
  s: SqlStatement,
  file: string,
  l: MeasuredTable,
  tookMs: number,
  fc: ForecastOptions
): LockForecast {
  const named = fc.settings.forecast?.rows[l.table]
  const tableRows = named ?? l.liveRows
  const model = forecastModel(s.ast)
  const forecastMs = Math.round(scaleForecast(tookMs, l.rehearsedRows, tableRows, model))
  const budgetMs = named === undefined ? fc.budgetMs : fc.forecastBudgetMs
  return {
    file,
    line: s.line,
    statement: firstLine(s.text.replace(/\s+/g, ' '), 100),
    lock: l.lock,
    table: l.table,
    tableRows,
    liveRows: l.liveRows,
    rehearsedRows: l.rehearsedRows,
    sampled: l.sampled,
    rehearsedOn: l.rehearsedOn,
    measuredMs: Math.round(tookMs),
    model,
    forecastMs,
    budgetMs,
    overBudget: forecastMs > budgetMs,
    rowsSource:
      named === undefined
        ? fc.throwaway
          ? `rows counted on the throwaway database, not ${fc.envName}'s: its tables hold what the baseline inserted`
          : `rows counted on this database (${fc.envName})`
        : (fc.settings.forecast?.source as string),
    forecastFor: named === undefined ? fc.envName : fc.forecastFor
  }
}

/** A rehearsed file; `lockMs` is what the budget is measured on. */
export interface FileRehearsal extends RehearsalResult {
  /** It failed on lock_timeout (55P03): blocked by another session, not refused by the database. */
  lockTimeout?: boolean
  /**
   * Time the file's own statements ran: how long its transaction would hold its locks in production (each
   * migration commits on its own). The tool's catalog reads between statements are not counted.
   */
  lockMs: number
  /** The lock forecast of the file's statements that lock an existing table more than ROW EXCLUSIVE. */
  forecasts?: LockForecast[]
}

const strength = (mode: string) => LOCK_STRENGTH.indexOf(mode)

/** Locks held now that were not held (at least as strongly) when the file started: the file's own. */
function newLocks(now: HeldLock[], atStart: HeldLock[]): HeldLock[] {
  const before = new Map(atStart.map(l => [l.relation, l.mode]))
  return now.filter(l => {
    const prev = before.get(l.relation)
    return prev === undefined || strength(l.mode) > strength(prev)
  })
}

/** 'public.items' names the relation regclass::text calls 'items' (in the search_path) or 'public.items'. */
function sameRelation(qualified: string, regclass: string): boolean {
  return qualified === regclass || qualified.endsWith(`.${regclass}`)
}

/**
 * The table and lock a statement cancelled by the budget would have held: the strongest lock it takes (the
 * lint module's table: the catalog cannot tell, the statement was cancelled), as strong as what the file
 * already holds on that table; else the strongest lock the file took before it; else the table it creates.
 */
function blamedLock(
  s: SqlStatement,
  fileLocks: HeldLock[]
): { table: string; mode: string } | undefined {
  const all = statementLocks(s.ast)
  const taking = all
    .filter(l => l.lock !== 'none')
    .map(l => {
      const held = fileLocks.find(h => sameRelation(l.table, h.relation))
      const mode = held && strength(held.mode) > strength(l.lock) ? held.mode : l.lock
      return { table: l.table, mode }
    })
  const byStrength = (a: { mode: string }, b: { mode: string }) =>
    strength(b.mode) - strength(a.mode)
  const pick =
    [...taking].sort(byStrength)[0] ??
    [...fileLocks].map(l => ({ table: l.relation, mode: l.mode })).sort(byStrength)[0]
  if (pick) return pick
  // A table created by the statement is locked AccessExclusive by its creator until commit.
  const created = all.find(l => l.lock === 'none')?.table ?? relationsOf(s.ast)[0]
  return created ? { table: created, mode: 'AccessExclusiveLock' } : undefined
}

/**
 * Runs the files one after another in a single transaction and rolls it back. Returns one result per file
 * reached; stops at the first failure (later files would run against a state that never existed).
 *
 * The lock budget applies to each file: in production each migration commits on its own, so a file's locks are
 * held for as long as its statements run. Only the statements' own time is counted: the tool's catalog reads
 * (locks held, schema snapshots) between them run under a timeout of their own.
 */
export async function rehearseFiles(
  client: pg.Client,
  files: { version: string; file: SqlFile }[],
  opts: RehearsalOptions
): Promise<FileRehearsal[]> {
  const retry = opts.lockRetries
  for (let attempt = 1; ; attempt++) {
    const results = await rehearseLocked(client, files, opts)
    const blocked = results.find(r => r.lockTimeout)
    if (!blocked || !retry || attempt > retry.retries || retry.signal?.aborted) return results
    const wait = retry.backoffMs * 2 ** (attempt - 1)
    opts.log.warn(
      `rehearsal: ${blocked.error} (attempt ${attempt} of ${retry.retries + 1}); rehearsing again in ${wait} ms`
    )
    await cancellableSleep(wait, retry.signal)
  }
}

/** One rehearsal of the files, under the apply lock when the options ask for it. */
async function rehearseLocked(
  client: pg.Client,
  files: { version: string; file: SqlFile }[],
  opts: RehearsalOptions
): Promise<FileRehearsal[]> {
  const lock = opts.applyLock
  if (!lock || files.length === 0) return rehearseHeld(client, files, opts)
  await acquireApplyLock(client, lock)
  try {
    let todo = files
    if (lock.onAppliedMeanwhile) {
      // Another run may have applied some of them since this run's plan, whether this one waited for its lock or
      // took it after that run let go: rehearsed again, they would fail ("already exists").
      const applied = new Set((await readHistory(client)).map(h => h.version))
      const meanwhile = files.filter(f => applied.has(f.version)).map(f => f.version)
      if (meanwhile.length > 0) {
        todo = files.filter(f => !applied.has(f.version))
        lock.onAppliedMeanwhile(meanwhile)
      }
    }
    return await rehearseHeld(client, todo, opts)
  } finally {
    await releaseApplyLock(client).catch(() => undefined)
  }
}

/** rehearseFiles once the database is the rehearsal's to lock (no other run applying). */
async function rehearseHeld(
  client: pg.Client,
  files: { version: string; file: SqlFile }[],
  opts: RehearsalOptions
): Promise<FileRehearsal[]> {
  const results: FileRehearsal[] = []
  const fc = opts.forecast
  const diffs = opts.schemaDiffs !== false
  const shadow = fc ? await newShadowState(client) : undefined
  const snapshotOpts = shadow ? { excludeSchemas: [shadow.schema] } : {}
  let previous: SchemaSnapshot | undefined = diffs
    ? await snapshotSchema(client, snapshotOpts)
    : undefined
  // Round trips are what a rehearsal on a remote database costs: the transaction opens with the first read of
  // the locks held, the locks held after a statement are read in the same round trip as the next statement's
  // SETs (nothing runs in between), and a file starts with the locks the previous one ended with.
  let locks: HeldLock[] = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS, '', 'BEGIN')
  const batchable = (statements: readonly SqlStatement[]) =>
    statements.length > 0 &&
    !(fc && shadow && statements.some(s => needsPreparation(s, shadow, fc)))
  // Each file's statements, split once. A file that cannot be split (a syntax error) is left out of the batch of
  // the files before it: statementsOf throws for it at its own turn, as it always did.
  const split = files.map(({ file }) => {
    try {
      return statementsOf(file)
    } catch {
      return undefined
    }
  })
  // On the throwaway server's stand-in vector, pgvector's index options are left out (db/stand-in-index.ts).
  for (const [k, statements] of split.entries()) {
    if (statements)
      split[k] = await adaptToStandIns(
        client,
        statements,
        standInNote(files[k].file.file, 'rehearsed', line => opts.log.info(line))
      )
  }
  // Files already rehearsed in the batch of a file before them, by index.
  let batchedAhead = new Map<number, FileProgress>()
  try {
    for (const [index, { version, file }] of files.entries()) {
      // A file that did not split is split again here, to throw its error in its turn.
      const statements = split[index] ?? statementsOf(file)
      const t0 = performance.now()
      const atStart = locks
      let stale = false
      let spent = 0
      const forecasts: LockForecast[] = []
      const batched = batchable(statements)
      let serverMs: number | undefined
      try {
        if (batched) {
          if (!batchedAhead.has(index)) {
            // This file and the batchable files right after it, in one round trip: no snapshot is taken
            // between files without diffs, so nothing needs to run in between.
            const run = [index]
            while (
              !diffs &&
              run.length < files.length - index &&
              batchable(split[index + run.length] ?? [])
            )
              run.push(index + run.length)
            const progress = await rehearseBatches(
              client,
              run.map(k => ({ file: files[k].file.file, statements: split[k] ?? [] })),
              opts,
              locks,
              index > 0
            )
            batchedAhead = new Map(progress.map((p, k) => [run[k], p]))
          }
          const done = batchedAhead.get(index) as FileProgress
          locks = done.locks
          spent = done.spent
          serverMs = done.serverMs
          if (done.error) throw done.error
        }
        // A file rehearsed statement by statement starts from a fresh session too (its SETs run under the locks
        // read first, so the reset goes alone).
        if (!batched && index > 0) await client.query(FRESH_SESSION.join(';\n'))
        const prepares = (s: SqlStatement) =>
          Boolean(fc && shadow && needsPreparation(s, shadow, fc))
        for (let i = 0; !batched && i < statements.length; i++) {
          // The statements up to the next one that needs preparing, when there are two or more: one round trip
          // for them, as for a batched file (a dump of 480 statements with one foreign key to auth.users was 960
          // round trips). No statement in the part prepares, so none of it changes what the next ones need.
          let end = i
          while (end < statements.length && !prepares(statements[end])) end++
          if (end - i >= 2) {
            // The part's blame on a cut needs the locks held when it starts.
            if (stale) locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS)
            const [part] = await rehearseBatches(
              client,
              [{ file: file.file, statements: statements.slice(i, end) }],
              opts,
              locks,
              false,
              spent
            )
            locks = part.locks
            spent = part.spent
            stale = false
            if (part.error) throw part.error
            i = end - 1
            continue
          }
          const s = statements[i]
          let target: StatementTarget | undefined
          if (fc && shadow && prepares(s)) {
            // Shadow copies take locks of their own: read the statement's before making them.
            if (stale) locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS)
            stale = false
            target = await prepareStatement(client, s, file.sql, shadow, fc, opts)
          }
          const left = Math.max(1, Math.floor(opts.lockBudgetMs - spent))
          // On a shadow the statement locks no live table: its time is judged by the forecast, not cut at the
          // budget (a cut would lose the measurement). Both SETs in one round trip, lock_timeout first: the
          // SETs run under the catalog reads' timeout, not under `left`.
          const timeout = target?.text && fc ? fc.copyTimeoutMs : left
          const sets = setTimeoutsSql('LOCAL', {
            lockMs: Math.min(opts.lockTimeoutMs, left),
            statementMs: timeout
          })
          // Our own catalog reads must not be cancelled by what is left of the budget, nor counted in it.
          if (stale) locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS, sets)
          else await client.query(sets)
          const s0 = performance.now()
          try {
            await client.query(target?.text ?? s.text)
          } catch (e) {
            spent += performance.now() - s0
            ;(e as { statement?: SqlStatement }).statement = s
            ;(e as { redirectedTo?: string }).redirectedTo = target?.redirectedTo
            throw e
          }
          stale = true
          const took = performance.now() - s0
          spent += took
          if (target?.locked && fc) {
            const f = forecastOf(s, file.file, target.locked, took, fc)
            forecasts.push(f)
            opts.log[f.overBudget ? 'warn' : 'info'](`lock forecast: ${describeForecast(f)}`)
          }
        }
        // Also sets the catalog reads' statement_timeout for the snapshot (a batch's epilogue does it itself).
        if (stale || statements.length === 0)
          locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS)
        const after = diffs ? await snapshotSchema(client, snapshotOpts) : undefined
        if (after) opts.onSchemaAfter?.(version, after)
        const durationMs = Math.round(serverMs ?? performance.now() - t0)
        results.push({
          version,
          durationMs,
          lockMs: Math.round(spent),
          locks,
          diffText:
            previous && after ? shadowNote(renderDiff(diffSnapshots(previous, after)), shadow) : '',
          overBudget: false,
          ...(fc ? { forecasts } : {})
        })
        previous = after
        opts.log.info(
          `rehearsed ${file.file} in ${durationMs} ms (${Math.round(spent)} ms in its statements); holds ${describeLocks(locks)}`
        )
      } catch (e) {
        const err = e as Error & { code?: string; statement?: SqlStatement }
        const s = err.statement
        const where = s ? `${file.file}:${s.line}` : file.file
        let message: string
        let overBudget = false
        // 57014 is also a cancel from outside (SIGINT's pg_cancel_backend, a DBA): only the budget's own
        // statement_timeout is "over the budget" (the message, or, on a server in another language, the time).
        const cutAtBudget =
          err.code === QUERY_CANCELED &&
          (/statement timeout/.test(err.message) || spent >= opts.lockBudgetMs * 0.9)
        if (cutAtBudget && s) {
          overBudget = true
          const blamed = blamedLock(s, newLocks(locks, atStart))
          await client.query('ROLLBACK').catch(() => undefined)
          await client.query('BEGIN')
          const head = `${where}: "${firstLine(s.text, 60)}"`
          if (!blamed) {
            message = `${head} ran for more than ${opts.lockBudgetMs} ms (the lock budget, per migration file) and locks no table itself; its file's transaction would hold the locks it took before for that long. Move the slow part to a migration of its own, or raise lock-budget in runbook.yml.`
          } else {
            const { table, mode } = blamed
            const isNew = await relationIsNew(client, table)
            message = isNew
              ? `${head} would hold ${mode} on ${table} for more than ${opts.lockBudgetMs} ms (the lock budget); ${table} is new (created by the pending migrations) and empty, so no one waits on it, but its file's transaction holds its other locks as long. Move the slow part to a migration of its own, or raise lock-budget in runbook.yml.`
              : `${head} would hold ${mode} on ${table} for more than ${opts.lockBudgetMs} ms (the lock budget); ${table} is ${await tableSize(client, table)}. Consider NOT VALID + VALIDATE, CONCURRENTLY, or a maintenance window (lock-budget in runbook.yml).`
          }
        } else if (err.code === UNREHEARSABLE) {
          message = `${where}: ${err.message}`
        } else if (err.code === LOCK_NOT_AVAILABLE) {
          await client.query('ROLLBACK').catch(() => undefined)
          const held = s
            ? await lockTimeoutHolders(client, s, [
                ...split.slice(0, index).flatMap(x => x ?? []),
                ...statements.filter(x => x.start < s.start)
              ])
            : 'another session holds a conflicting lock on a touched table'
          await client.query('BEGIN')
          message = `${where}: could not get a lock within lock_timeout (${opts.lockTimeoutMs} ms): ${held}`
        } else {
          const advice = migrationErrorAdvice(err.code)
          message = `${where}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}${advice ? `. Fix: ${advice}` : ''}`
        }
        const redirectedTo = (e as { redirectedTo?: string }).redirectedTo
        if (redirectedTo) message += ` (rehearsed on the shadow copy: ${redirectedTo})`
        results.push({
          version,
          durationMs: Math.round(Math.max(performance.now() - t0, spent)),
          lockMs: Math.round(spent),
          locks,
          diffText: '',
          overBudget,
          error: message,
          ...(err.code === UNREHEARSABLE ? { unrehearsable: true } : {}),
          ...(err.code === LOCK_NOT_AVAILABLE && !overBudget ? { lockTimeout: true } : {}),
          file: file.file,
          line: s?.line,
          ...(fc ? { forecasts } : {})
        })
        break
      }
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
  return results
}

/**
 * What a statement that hit lock_timeout waited behind, read once the rehearsal is rolled back: the sessions now
 * holding a lock on a table it locks, else those tables. They include the tables it locks through foreign keys
 * without naming them (the catalog's keys, and those the statements rehearsed before it made): dropping a key locks
 * the table it references, where a reader is the usual blocker.
 */
async function lockTimeoutHolders(
  client: pg.ClientBase,
  s: SqlStatement,
  before: readonly SqlStatement[]
): Promise<string> {
  let keys = await readForeignKeys(client).catch(() => [])
  for (const b of before) keys = foreignKeysAfter(b.ast, keys)
  const locked = statementLocks(s.ast, keys)
    .filter(l => l.lock !== 'none')
    .map(l => lockedRelation(l).name)
  const tables = [...new Set(locked.length ? locked : relationsOf(s.ast))]
  const holders = await findLockHolders(client, tables).catch(() => [])
  if (holders.length === 0)
    return `another session holds a conflicting lock on ${tables.join(', ') || 'a touched table'}`
  return `another session holds a conflicting lock: ${holders.map(describeSession).join('; ')}`
}

/** Whether a relation does not exist outside the rehearsal (a pending migration creates it). */
async function relationIsNew(client: pg.ClientBase, table: string): Promise<boolean> {
  const res = await client
    .query(`SELECT to_regclass($1) IS NULL AS new`, [table])
    .catch(() => ({ rows: [] as { new: boolean }[] }))
  return res.rows[0]?.new === true
}
