/**
 * Step 1 of a run, open the target: a provider hands the engine a database URL (the one given, or a throwaway
 * database it prepares), then the engine connects, compares the target with its pin and sets the session
 * defaults. Every session of the run is tracked so a cancellation (SIGINT) cancels what each one is running.
 */
import type pg from 'pg'
import type { CheckResult, Stage } from '../types.js'
import type { EnvironmentPolicy, Policy } from '../config/policy.js'
import {
  connect,
  describeError,
  queryBatch,
  sessionDefaultsSql,
  type SessionTimeouts
} from '../db/connect.js'
import { pinTarget } from '../db/target.js'
import type { Redactor } from '../report/redact.js'
import type { Logger } from '../report/logger.js'
import { rememberBackendPid } from '../db/lock-wait.js'

/** What a provider needs to know about the run before it hands out a target. */
export interface ProvideRequest {
  stage: Stage
  root: string
  migrationsDir: string
  /** The URL the front door was given (the real target, or, for a throwaway one, a placeholder). */
  givenUrl: string
  policy: Policy
  redactor: Redactor
  /** Progress lines for the terminal (not the run log). */
  progress: (line: string) => void
  /** The run's cancellation: preparing a throwaway database stops at it too. */
  signal?: AbortSignal
}

export interface ProvidedTarget {
  url: string
  /** Work done before the stage (preparing a throwaway database), reported first; a failure skips the stage. */
  preResults: CheckResult[]
  /** Called once the run is over (stops a throwaway server). */
  release: () => Promise<void>
}

/** Where the run's database comes from. */
export interface TargetProvider {
  /** A throwaway database (--embedded, rehearse): the pin is not compared, some gaps are its own. */
  readonly throwaway: boolean
  provide: (request: ProvideRequest) => Promise<ProvidedTarget>
}

/** The database the front door was given (--database-url, DATABASE_URL, the action's input). */
export function urlTarget(opts: { throwaway?: boolean } = {}): TargetProvider {
  return {
    throwaway: opts.throwaway === true,
    provide: async request => ({
      url: request.givenUrl,
      preResults: [],
      release: async () => undefined
    })
  }
}

/** The session itself failed (not a check): reported as the connection check, so the evidence says so. */
export function connectionFailure(
  status: 'fail' | 'cancelled',
  summary: string,
  reasons: string[],
  startedAt: Date
): CheckResult {
  return {
    id: 'connection',
    title: 'Connect to the target',
    status,
    summary,
    reasons,
    details: {},
    annotations: [],
    durationMs: Date.now() - startedAt.getTime()
  }
}

export interface TargetSessions {
  /**
   * Opens one more session to the target (probes, lock watchers), tracked for cancellation. `authenticated` is
   * called once the server has accepted the login, before the session's SETs are sent.
   */
  open: (applicationName?: string, authenticated?: () => void) => Promise<pg.Client>
  /**
   * Starts opening a probe session now, for the next open('migration-runbook-probe') to take: a check that starts
   * early (Check.startEarly) then finds its session ready instead of waiting for the fork and authentication.
   */
  warm: () => void
  /** Stops cancelling; waits for a cancel in flight; closes a warm session nobody took; warms no more. */
  stop: () => Promise<void>
}

/** The run's sessions to `url`, cancelled on the server when `signal` fires. */
export function targetSessions(
  url: string,
  redactor: Redactor,
  signal: AbortSignal,
  /** The run's session timeouts (setSessionDefaults), set on every session as it opens. */
  defaults?: SessionTimeouts
): TargetSessions {
  // Every session of this run, so a cancellation can cancel what each one is running.
  const sessions = new Set<pg.Client>()
  const open = async (applicationName?: string, authenticated?: () => void): Promise<pg.Client> => {
    const c = await connect({ url, redactor, applicationName })
    sessions.add(c)
    c.once('end', () => sessions.delete(c))
    authenticated?.()
    await prepareSession(c, defaults)
    return c
  }
  const canceller = cancelOnAbort(signal, sessions, () =>
    connect({ url, redactor, applicationName: 'migration-runbook-cancel', connectTimeoutMs: 3_000 })
  )
  let warm: Promise<pg.Client> | undefined
  let stopped = false
  return {
    open: (applicationName, authenticated) => {
      const ready = applicationName === PROBE ? warm : undefined
      if (!ready) return open(applicationName, authenticated)
      warm = undefined
      return ready
    },
    warm: () => {
      if (stopped) return
      warm ??= open(PROBE)
      // Refused (a connection limit): the next open tries again, and says why if it fails too.
      warm.catch(() => (warm = undefined))
    },
    stop: async () => {
      stopped = true
      await canceller.stop()
      const left = warm
      warm = undefined
      await left?.then(c => c.end()).catch(() => undefined)
    }
  }
}

/** The application name of the run's extra sessions (probes, watchers, sessions of checks started early). */
export const PROBE = 'migration-runbook-probe'

export interface OpenTargetOptions {
  /** The main session, its connection started by the caller (sessions.open()). */
  connecting: Promise<pg.Client>
  url: string
  /** host:port/database, for messages (never the URL). */
  label: string
  sessions: TargetSessions
  redactor: Redactor
  log: Logger
  environment: string
  policyPath: string
  env: EnvironmentPolicy
  throwaway: boolean
  startedAt: Date
}

/**
 * The main session, pinned. A connection failure is a failed `connection` result (the run still reports);
 * a pin mismatch throws a ConfigError (exit 2) before anything runs.
 */
export async function openTarget(
  opts: OpenTargetOptions
): Promise<{ client?: pg.Client; results: CheckResult[] }> {
  let client: pg.Client
  try {
    client = await opts.connecting
  } catch (e) {
    const message = opts.redactor.redact(describeError(e))
    opts.log.error(`cannot connect to ${opts.label}: ${message}`)
    return {
      results: [connectionFailure('fail', 'cannot connect', [message], opts.startedAt)]
    }
  }
  // Before any check: the URL and server must match environments.<env>.target (a mismatch: exit 2).
  const pinned = await pinTarget(client, {
    databaseUrl: opts.url,
    environment: opts.environment,
    policyPath: opts.policyPath,
    pin: opts.env.target,
    throwaway: opts.throwaway
  })
  return { client, results: pinned ? [pinned] : [] }
}

/**
 * Ask the server to notice a vanished client (a SIGKILLed runner) within a second, even in the middle of a
 * long statement: without it, a killed run's CREATE INDEX goes on holding ACCESS EXCLUSIVE to the end.
 * PostgreSQL 14+; on older servers this is a no-op.
 */
const WATCH_CLIENT = `SET client_connection_check_interval = '1s'`

/**
 * A new session's setup in one round trip: the run's timeouts, the watch for a vanished client and the session's
 * pid (which the lock diagnosis of every check needs). A server that refuses the watch (before PostgreSQL 14, a
 * pooler) fails the whole query, which runs as one transaction and so sets nothing: the timeouts are then set on
 * their own, and the pid is read when first needed.
 */
async function prepareSession(client: pg.Client, defaults?: SessionTimeouts): Promise<void> {
  if (!defaults) {
    await client.query(WATCH_CLIENT).catch(() => undefined)
    return
  }
  const timeouts = sessionDefaultsSql(defaults)
  let results: pg.QueryResult[]
  try {
    results = await queryBatch(client, [
      timeouts,
      WATCH_CLIENT,
      'SELECT pg_catalog.pg_backend_pid() AS pid'
    ])
  } catch {
    await client.query(timeouts)
    return
  }
  const pid = results.at(-1)?.rows[0]?.pid
  if (typeof pid === 'number') rememberBackendPid(client, pid)
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
