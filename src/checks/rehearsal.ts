/**
 * rehearsal: every pending migration applied on the target inside one transaction that is always rolled back,
 * under the environment's lock budget (statement_timeout = what is left of the budget, lock_timeout set), so a
 * rehearsal never holds a lock longer than the budget. Records duration, the locks held at the end and the
 * schema diff the migration would make.
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

/**
 * Runs the files one after another in a single transaction and rolls it back. Returns one result per file;
 * stops at the first failure (later files would run against a state that never existed).
 */
export async function rehearseFiles(
  client: pg.Client,
  files: { version: string; file: SqlFile }[],
  opts: RehearsalOptions
): Promise<RehearsalResult[]> {
  const results: RehearsalResult[] = []
  let previous: SchemaSnapshot = await snapshotSchema(client)
  await client.query('BEGIN')
  const budgetStart = performance.now()
  try {
    for (const { version, file } of files) {
      const statements = statementsOf(file)
      const t0 = performance.now()
      let locks: HeldLock[] = []
      try {
        for (const s of statements) {
          const left = Math.max(
            1,
            Math.floor(opts.lockBudgetMs - (performance.now() - budgetStart))
          )
          await client.query(`SET LOCAL statement_timeout = ${left}`)
          await client.query(
            `SET LOCAL lock_timeout = ${Math.max(1, Math.min(opts.lockTimeoutMs, left))}`
          )
          try {
            await client.query(s.text)
          } catch (e) {
            ;(e as { statement?: SqlStatement }).statement = s
            throw e
          }
          // Our own catalog reads must not be cancelled by what is left of the budget.
          await client.query(`SET LOCAL statement_timeout = ${CATALOG_READ_TIMEOUT_MS}`)
          locks = await ownRelationLocks(client)
        }
        const after = await snapshotSchema(client)
        results.push({
          version,
          durationMs: Math.round(performance.now() - t0),
          locks,
          diffText: renderDiff(diffSnapshots(previous, after)),
          overBudget: false
        })
        previous = after
        opts.log.info(
          `rehearsed ${file.file} in ${Math.round(performance.now() - t0)} ms; holds ${locks.map(l => `${l.mode} on ${l.relation}`).join(', ') || 'no relation locks'}`
        )
      } catch (e) {
        const err = e as Error & { code?: string; statement?: SqlStatement }
        const s = err.statement
        const where = s ? `${file.file}:${s.line}` : file.file
        let message: string
        let overBudget = false
        if (err.code === QUERY_CANCELED && s) {
          overBudget = true
          // The strongest lock the statement takes (the lint module's table, as the catalog cannot
          // tell us: it was cancelled), else the strongest lock already held.
          const byStrength =
            <T>(mode: (x: T) => string) =>
            (x: T, y: T) =>
              LOCK_STRENGTH.indexOf(mode(y)) - LOCK_STRENGTH.indexOf(mode(x))
          const taking = statementLocks(s.ast)
            .filter(l => l.lock !== 'none')
            .sort(byStrength(l => l.lock))[0]
          const held = [...locks].sort(byStrength(l => l.mode))[0]
          const table = taking?.table ?? held?.relation ?? 'its tables'
          const mode = taking?.lock ?? held?.mode ?? 'AccessExclusiveLock'
          await client.query('ROLLBACK').catch(() => undefined)
          await client.query('BEGIN')
          const size = await tableSize(client, table)
          message = `${where}: "${firstLine(s.text, 60)}" would hold ${mode} on ${table} for more than ${opts.lockBudgetMs} ms (the lock budget); ${table} is ${size}. Consider NOT VALID + VALIDATE, CONCURRENTLY, or a maintenance window (lock-budget in runbook.yml).`
        } else if (err.code === LOCK_NOT_AVAILABLE) {
          message = `${where}: could not get a lock within lock_timeout (${opts.lockTimeoutMs} ms): another session holds a conflicting lock on ${s ? relationsOf(s.ast).join(', ') : 'a touched table'}`
        } else {
          message = `${where}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
        }
        results.push({
          version,
          durationMs: Math.round(performance.now() - t0),
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
    const text = results
      .map(r =>
        [
          `# ${r.version}: ${r.error ? 'FAILED' : 'ok'} in ${r.durationMs} ms`,
          r.error ?? '',
          'locks held at the end:',
          ...r.locks.map(l => `  ${l.mode} on ${l.relation}`),
          '',
          r.diffText
        ].join('\n')
      )
      .join('\n\n')
    ctx.evidence.write('rehearsal.txt', text)
    const details = { migrations: results, notRehearsed: skipped }
    const failed = results.filter(r => r.error)
    const overBudget = failed.filter(r => r.overBudget)
    const hardFailures = failed.filter(r => !r.overBudget)
    if (hardFailures.length > 0) {
      return {
        status: 'fail',
        summary: 'a pending migration fails on this database',
        reasons: hardFailures.map(r => r.error as string),
        details,
        annotations: annotate(hardFailures, 'error', 'rehearsal failed')
      }
    }
    if (overBudget.length > 0) {
      const mode = ctx.env.rehearsalOverBudget
      const reasons = overBudget.map(r => r.error as string)
      if (mode === 'fail' || mode === 'warn') {
        const level = mode === 'fail' ? 'error' : 'warning'
        return {
          status: mode,
          summary: 'over the lock budget',
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
      summary: `${results.length} migration(s) rehearsed in ${total} ms, rolled back${note}`,
      details
    }
  }
}
