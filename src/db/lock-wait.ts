/**
 * Who blocks a session that waits for a lock. A lock timeout (SQLSTATE 55P03) says only "canceling statement
 * due to lock timeout"; once it is raised the session no longer waits, so pg_blocking_pids() has nothing left
 * to report. withLockDiagnosis() therefore watches while the work runs: past a short delay it opens a second
 * session and polls whether the worker waits on a lock, keeping a snapshot of the blockers (pid, application,
 * state, query, lock modes). When the work fails with 55P03 the error is rethrown with that snapshot in its
 * message, keeping Postgres's own fields (code, detail, hint, ...).
 */
import type pg from 'pg'

type Queryable = Pick<pg.Client, 'query'>

/** How much of a blocker's query the message shows. */
const QUERY_CHARS = 200

export interface LockBlocker {
  pid: number
  applicationName: string
  user: string | null
  /** pg_stat_activity.state: active, idle in transaction, ... */
  state: string | null
  /** The running (or, when idle, the last) statement, truncated. */
  query: string
  /** Lock modes it holds on the relation waited for (empty for other lock types). */
  heldModes: string[]
  /** It waits for a lock itself (queued ahead of the worker). */
  waiting: boolean
  /** How long its transaction has been open, in ms. */
  transactionMs: number | null
}

export interface LockWaitSnapshot {
  waiterPid: number
  /** pg_locks.locktype of the awaited lock: relation, transactionid, tuple, advisory, ... */
  locktype: string
  /** The mode asked for, e.g. AccessShareLock. */
  mode: string
  /** schema.name when the lock is on a relation. */
  relation?: string
  blockers: LockBlocker[]
  takenAt: Date
}

/** The lock `waiterPid` waits for and who blocks it; undefined when it waits for no lock. */
export async function snapshotLockWait(
  db: Queryable,
  waiterPid: number
): Promise<LockWaitSnapshot | undefined> {
  const { rows } = await db.query(
    `WITH w AS (
       SELECT l.locktype, l.mode, l.relation,
              CASE WHEN c.oid IS NOT NULL THEN format('%I.%I', n.nspname, c.relname) END AS relation_name
         FROM pg_locks l
         LEFT JOIN pg_class c ON c.oid = l.relation
         LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE l.pid = $1 AND NOT l.granted
        LIMIT 1
     )
     SELECT w.locktype, w.mode, w.relation_name,
            a.pid, a.application_name, a.usename, a.state, left(a.query, $2) AS query,
            coalesce(a.wait_event_type = 'Lock', false) AS waiting,
            (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint AS xact_ms,
            (SELECT array_agg(DISTINCT h.mode ORDER BY h.mode) FROM pg_locks h
              WHERE h.pid = a.pid AND h.granted AND h.relation = w.relation) AS held
       FROM w
       LEFT JOIN LATERAL unnest(pg_blocking_pids($1)) AS b(pid) ON true
       LEFT JOIN pg_stat_activity a ON a.pid = b.pid`,
    [waiterPid, QUERY_CHARS]
  )
  if (rows.length === 0) return undefined
  return {
    waiterPid,
    locktype: rows[0].locktype,
    mode: rows[0].mode,
    relation: rows[0].relation_name ?? undefined,
    blockers: rows
      .filter(r => r.pid !== null)
      .map(r => ({
        pid: r.pid,
        applicationName: r.application_name ?? '',
        user: r.usename,
        state: r.state,
        query: r.query ?? '',
        heldModes: r.held ?? [],
        waiting: r.waiting,
        transactionMs: r.xact_ms === null ? null : Number(r.xact_ms)
      })),
    takenAt: new Date()
  }
}

/** SQLSTATE 55P03 lock_not_available: a lock timeout (or NOWAIT), directly or as the error's cause. */
export function isLockTimeout(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined
  return e?.code === '55P03' || e?.cause?.code === '55P03'
}

function quoted(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim()
  return `"${flat.length >= QUERY_CHARS ? flat + '…' : flat}"`
}

function describeBlocker(b: LockBlocker): string {
  const about = [
    b.applicationName ? `application "${b.applicationName}"` : 'no application name',
    // Our own sessions are named migration-runbook*: a second run is the usual cause.
    ...(b.applicationName.startsWith('migration-runbook')
      ? ['another migration-runbook run is active']
      : []),
    ...(b.user ? [`user ${b.user}`] : []),
    ...(b.heldModes.length ? [`holding ${b.heldModes.join(', ')}`] : []),
    ...(b.waiting ? ['itself waiting for a lock, queued ahead'] : [])
  ]
  const open = b.transactionMs === null ? '' : ` for ${(b.transactionMs / 1000).toFixed(1)} s`
  const doing =
    b.state === 'active'
      ? `running ${quoted(b.query)}`
      : `${b.state ?? 'state unknown'}${open}, last ran ${quoted(b.query)}`
  return `pid ${b.pid} (${about.join(', ')}) ${doing}`
}

/** 'lock timeout in check "drift" waiting for AccessShareLock on public.allocations: blocked by pid 4242 (…) running "…"' */
export function describeLockWait(snapshot: LockWaitSnapshot, label?: string): string {
  const target = snapshot.relation
    ? `${snapshot.mode} on ${snapshot.relation}`
    : `${snapshot.mode} (${snapshot.locktype} lock)`
  const blockers = snapshot.blockers.length
    ? `blocked by ${snapshot.blockers.map(describeBlocker).join('; and by ')}`
    : 'no blocker was visible'
  return `lock timeout${label ? ` in ${label}` : ''} waiting for ${target}: ${blockers}`
}

/** The fields of a node-postgres DatabaseError that messages read (severity marks it as a server error). */
const PG_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'constraint',
  'routine'
] as const

/** A lock timeout with who blocked it in its message; Postgres's own fields (code 55P03, …) are kept. */
export class LockWaitError extends Error {
  override name = 'LockWaitError'
  code?: string
  detail?: string
  hint?: string
  where?: string
  position?: string
  constructor(
    message: string,
    readonly original: unknown,
    readonly snapshot?: LockWaitSnapshot
  ) {
    super(message, { cause: original })
    const source = (
      (original as { code?: string }).code ? original : (original as { cause?: unknown }).cause
    ) as Record<string, unknown>
    for (const f of PG_FIELDS) {
      if (source?.[f] !== undefined) (this as Record<string, unknown>)[f] = source[f]
    }
  }
}

/** When no wait was seen (it ended within the watcher's delay): who holds ACCESS EXCLUSIVE locks now. */
async function holdersNow(db: Queryable, waiterPid: number): Promise<string> {
  const { rows } = await db.query(
    `SELECT l.pid, format('%I.%I', n.nspname, c.relname) AS relation,
            a.application_name, a.usename, a.state, left(a.query, $2) AS query
       FROM pg_locks l
       JOIN pg_class c ON c.oid = l.relation
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.granted AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
        AND l.pid NOT IN ($1, pg_backend_pid())
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY a.xact_start NULLS LAST, l.pid
      LIMIT 5`,
    [waiterPid, QUERY_CHARS]
  )
  if (rows.length === 0) return 'no other session holds an ACCESS EXCLUSIVE lock now'
  const held = rows.map(r =>
    describeBlocker({
      pid: r.pid,
      applicationName: r.application_name ?? '',
      user: r.usename,
      state: r.state,
      query: r.query ?? '',
      heldModes: [`AccessExclusiveLock on ${r.relation}`],
      waiting: false,
      transactionMs: null
    })
  )
  return `sessions holding ACCESS EXCLUSIVE locks now: ${held.join('; ')}`
}

export interface LockDiagnosisOptions {
  /** Names the work in the message, e.g. 'check "drift"'. */
  label?: string
  /** Watch only work that runs longer than this (ms), so quick work opens no extra session. Default 100. */
  delayMs?: number
  /** How often the watcher looks (ms). Default 100: one pg_stat_activity read; pg_locks only while waiting. */
  pollMs?: number
}

interface Watcher {
  /** Stops watching, closes the observer session, returns the last snapshot of a wait (if the wait was still on). */
  stop: () => Promise<LockWaitSnapshot | undefined>
}

function watch(
  open: () => Promise<pg.Client>,
  pid: number,
  delayMs: number,
  pollMs: number
): Watcher {
  let stopped = false
  let last: LockWaitSnapshot | undefined
  let observer: pg.Client | undefined
  let wake = (): void => undefined
  const sleep = (ms: number) =>
    new Promise<void>(resolve => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  const loop = (async () => {
    await sleep(delayMs)
    if (stopped) return
    observer = await open()
    while (!stopped) {
      const { rows } = await observer.query(
        `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`,
        [pid]
      )
      if (!rows[0]?.waiting) {
        // Only a wait that is still on when the timeout fires describes it: forget finished waits.
        last = undefined
      } else {
        const snapshot = await snapshotLockWait(observer, pid)
        if (snapshot?.blockers.length) last = snapshot
      }
      if (!stopped) await sleep(pollMs)
    }
  })().catch(() => undefined) // the diagnosis must never fail the work it watches
  return {
    async stop() {
      stopped = true
      wake()
      await loop
      await observer?.end().catch(() => undefined)
      observer = undefined
      return last
    }
  }
}

/** A session's server pid, read once per client (every check is watched: one round trip each adds up). */
const pids = new WeakMap<pg.Client, number>()

/** The pid a session read with its setup (src/engine/open-target.ts), so no check reads it again. */
export function rememberBackendPid(client: pg.Client, pid: number): void {
  pids.set(client, pid)
}

async function backendPid(client: pg.Client): Promise<number | undefined> {
  const known = pids.get(client)
  if (known !== undefined) return known
  try {
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid')
    pids.set(client, rows[0].pid)
    return rows[0].pid
  } catch {
    return (client as unknown as { processID?: number }).processID ?? undefined
  }
}

/**
 * Runs `fn` (which uses `client`) and, if it fails with a lock timeout (55P03), rethrows a LockWaitError
 * naming the lock waited for and who held it, e.g.
 *   lock timeout in check "drift" waiting for AccessShareLock on public.allocations: blocked by pid 4242
 *   (application "migration-runbook", another migration-runbook run is active, …) running "ALTER TABLE …"
 * Any other outcome (a value, any other error) passes through unchanged. `open` opens a second session to
 * the same database; it is used only when `fn` runs longer than `delayMs`, and closed before this returns.
 * Waits of other sessions that `fn` opens itself are not watched.
 */
export async function withLockDiagnosis<T>(
  client: pg.Client,
  open: () => Promise<pg.Client>,
  fn: () => Promise<T>,
  opts: LockDiagnosisOptions = {}
): Promise<T> {
  const pid = await backendPid(client)
  if (pid === undefined) return fn()
  const watcher = watch(open, pid, opts.delayMs ?? 100, opts.pollMs ?? 100)
  try {
    return await fn()
  } catch (err) {
    if (!isLockTimeout(err)) throw err
    const seen = await watcher.stop()
    const pgMessage = (err as Error).message
    if (seen)
      throw new LockWaitError(`${describeLockWait(seen, opts.label)} — ${pgMessage}`, err, seen)
    let now: string
    try {
      const db = await open()
      try {
        now = await holdersNow(db, pid)
      } finally {
        await db.end().catch(() => undefined)
      }
    } catch {
      throw err // nothing to add
    }
    throw new LockWaitError(
      `lock timeout${opts.label ? ` in ${opts.label}` : ''} (the wait ended before it could be observed); ${now} — ${pgMessage}`,
      err
    )
  } finally {
    await watcher.stop()
  }
}
