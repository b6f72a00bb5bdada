/**
 * Other sessions on the target that a migration would trip over: transactions open too long, and
 * sessions holding locks on the tables the pending migrations touch. Shared by long-transactions and lock-holders.
 */
import type pg from 'pg'
import type { CheckOutcome } from '../types.js'
import { cancellableSleep } from '../cancel.js'
import { quoteIdent } from './connect.js'

type Queryable = Pick<pg.Client, 'query'>

export interface SessionInfo {
  /** null for a prepared transaction (it holds locks but has no backend). */
  pid: number | null
  user: string | null
  application: string | null
  state: string | null
  backendType: string | null
  /** Age of the open transaction (or of the current query when no transaction is open). */
  ageMs: number
  age: string
  /** First 200 characters of the session's current or last query. */
  query: string
}

export interface LockHolder extends SessionInfo {
  tables: string[]
  modes: string[]
  /** When its transaction (or lone statement) began: tells one transaction from the pid's next one. */
  since: string | null
}

export const QUERY_PREVIEW_CHARS = 200

/**
 * Other sessions' query text goes into reasons, logs and the PR comment: hide the literals that are
 * passwords (CREATE/ALTER ROLE ... PASSWORD '...') and connection strings with a password in them.
 */
export function maskQuerySecrets(query: string): string {
  return query
    .replace(
      /(PASSWORD\s+)('(?:[^']|'')*'|\$[A-Za-z0-9_]*\$[\s\S]*?\$[A-Za-z0-9_]*\$)/gi,
      "$1'***'"
    )
    .replace(/(postgres(?:ql)?:\/\/[^:/\s'"]*:)[^@\s'"]*@/gi, '$1***@')
}

/** "2h 3m 4s", "1m 5s", "350ms": short and readable in a table. */
export function formatAge(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const total = Math.floor(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h ${m}m ${s}s`
  if (m > 0) return `${m}m ${s}s`
  return `${s}s`
}

/** Quotes 'schema.table' for to_regclass (names from the parser are already case-folded). */
export function regclassName(qualified: string): string {
  const dot = qualified.indexOf('.')
  return dot < 0
    ? quoteIdent(qualified)
    : `${quoteIdent(qualified.slice(0, dot))}.${quoteIdent(qualified.slice(dot + 1))}`
}

interface SessionRow {
  pid: number | null
  usename: string | null
  application_name: string | null
  state: string | null
  backend_type: string | null
  age_ms: number | string | null
  query: string | null
}

function toSession(r: SessionRow): SessionInfo {
  const ageMs = Math.max(0, Math.round(Number(r.age_ms ?? 0)))
  return {
    pid: r.pid,
    user: r.usename,
    application: r.application_name || null,
    state: r.state,
    backendType: r.backend_type,
    ageMs,
    age: formatAge(ageMs),
    query: maskQuerySecrets(r.query ?? '').slice(0, QUERY_PREVIEW_CHARS)
  }
}

/** Client sessions of this database, other than ours, whose transaction has been open at least limitMs. */
export async function findLongTransactions(db: Queryable, limitMs: number): Promise<SessionInfo[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT pid, usename::text, application_name, state, backend_type,
            extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS age_ms,
            left(query, $2) AS query
       FROM pg_stat_activity
      WHERE pid <> pg_backend_pid()
        AND datname = current_database()
        AND backend_type = 'client backend'
        AND xact_start IS NOT NULL
        AND clock_timestamp() - xact_start >= $1 * interval '1 millisecond'
      ORDER BY xact_start, pid`,
    [limitMs, QUERY_PREVIEW_CHARS]
  )
  return rows.map(toSession)
}

/**
 * Sessions other than ours holding a granted lock on any of the tables (schema.table). Tables that do not
 * exist yet are ignored. Prepared transactions holding locks are listed with pid null.
 */
export async function findLockHolders(db: Queryable, tables: string[]): Promise<LockHolder[]> {
  if (tables.length === 0) return []
  const { rows } = await db.query<
    SessionRow & { tables: string[]; modes: string[]; since: string | null }
  >(
    `WITH target AS (
       SELECT DISTINCT to_regclass(name) AS oid FROM unnest($1::text[]) AS name
     )
     SELECT l.pid, a.usename::text, coalesce(a.application_name, CASE WHEN l.pid IS NULL THEN 'prepared transaction' END) AS application_name,
            a.state, a.backend_type,
            coalesce(extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.query_start)) * 1000, 0) AS age_ms,
            left(a.query, $2) AS query,
            coalesce(a.xact_start, a.query_start)::text AS since,
            array_agg(DISTINCT format('%s.%s', n.nspname, c.relname)) AS tables,
            array_agg(DISTINCT l.mode ORDER BY l.mode) AS modes
       FROM pg_locks l
       JOIN target t ON t.oid = l.relation
       JOIN pg_class c ON c.oid = l.relation
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'relation'
        AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid IS DISTINCT FROM pg_backend_pid()
      GROUP BY l.pid, a.usename, a.application_name, a.state, a.backend_type, a.xact_start, a.query_start, a.query
      ORDER BY age_ms DESC, l.pid`,
    [tables.map(regclassName), QUERY_PREVIEW_CHARS]
  )
  return rows.map(r => ({ ...toSession(r), tables: r.tables, modes: r.modes, since: r.since }))
}

/** Long enough for an ordinary statement to finish, short enough not to slow validate down. */
export const LOCK_HOLDER_SETTLE_MS = 500

/** Holders whose very transaction (pid and start) is in both samples. */
export function persistentHolders(first: LockHolder[], second: LockHolder[]): LockHolder[] {
  return second.filter(s =>
    first.some(
      f => f.pid === s.pid && f.since === s.since && (s.pid !== null || f.query === s.query)
    )
  )
}

/**
 * Lock holders on `tables` that still hold the lock in the same transaction after `settleMs`: on a busy table
 * some writer is always mid-statement, and that is not a blocker. `transient`: holders that were gone by then.
 */
export async function findPersistentLockHolders(
  db: Queryable,
  tables: string[],
  signal?: AbortSignal,
  settleMs = LOCK_HOLDER_SETTLE_MS
): Promise<{ holders: LockHolder[]; transient: number }> {
  const first = await findLockHolders(db, tables)
  if (first.length === 0) return { holders: first, transient: 0 }
  await cancellableSleep(settleMs, signal)
  const holders = persistentHolders(first, await findLockHolders(db, tables))
  return { holders, transient: first.length - holders.length }
}

/** One line per session for reasons and the log. */
export function describeSession(s: SessionInfo & { tables?: string[]; modes?: string[] }): string {
  const who = s.pid === null ? 'prepared transaction' : `pid ${s.pid}`
  const parts = [
    who,
    `user ${s.user ?? '?'}`,
    `application ${s.application ?? '(none)'}`,
    `age ${s.age}`
  ]
  if (s.tables) parts.push(`holds ${s.modes?.join('/')} on ${s.tables.join(', ')}`)
  const query = s.query.replace(/\s+/g, ' ').trim()
  return `${parts.join(', ')}: ${query || '(no query)'}`
}

/** Applies an environment's gate mode ('fail' | 'warn' | 'off') to what was found. */
export function gateOutcome<D>(
  mode: 'fail' | 'warn' | 'off',
  found: (SessionInfo & { tables?: string[]; modes?: string[] })[],
  texts: { none: string; found: (n: number) => string },
  details: D
): CheckOutcome<D> {
  if (found.length === 0) return { status: 'pass', summary: texts.none, details }
  return {
    status: mode === 'off' ? 'skip' : mode,
    summary: texts.found(found.length),
    reasons: found.map(describeSession),
    details
  }
}
