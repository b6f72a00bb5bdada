/**
 * Runs a stage's checks in order. A failed gate stops what follows; the rest are reported as skipped. Checks
 * marked concurrent that stand next to each other run side by side (runGroup).
 */
import type pg from 'pg'
import type { AnyCheck, CheckOutcome, CheckResult, RunStatus, StageContext } from '../types.js'
import { describeError } from '../db/connect.js'
import { withLockDiagnosis } from '../db/lock-wait.js'

/** A check that did not run, and why (a gate before it failed, the run was cancelled). */
export function notRun(check: AnyCheck, why: string): CheckResult {
  // Asserted: TypeScript cannot match an object to a union of this many check ids (no details here anyway).
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    summary: `not run: ${why}`,
    durationMs: 0,
    reasons: [],
    details: {},
    annotations: []
  } as CheckResult
}

/**
 * A lock timeout needs one statement to wait the whole lock_timeout, so a watcher that starts at half of it still
 * sees the wait: checks shorter than that (most of them) open no extra session.
 */
function watchTiming(lockTimeoutMs: number): { delayMs: number; pollMs: number } {
  return {
    delayMs: Math.max(50, Math.floor(lockTimeoutMs / 2)),
    pollMs: Math.max(20, Math.min(100, Math.floor(lockTimeoutMs / 6)))
  }
}

const CANCELLED = 'the run was cancelled'

/** What a result stops: after a failed gate or a cancelled run nothing further starts, and why. */
function stopReason(result: CheckResult): string | undefined {
  if (result.status === 'fail') return `${result.id} failed`
  if (result.status === 'cancelled') return CANCELLED
  return undefined
}

const MARK = { pass: '✔', warn: '!', fail: '✖', skip: '-', cancelled: '⊘' } as const

/** Runs one check on `ctx.client` and shapes its result: a thrown error is a failed check, a cancelled run wins. */
async function runOne(ctx: StageContext, check: AnyCheck): Promise<CheckResult> {
  ctx.log.info(`▶ ${check.id}: ${check.title}`)
  const t0 = performance.now()
  let result: CheckResult
  try {
    // A lock timeout in a check names the relation and who blocks it, not just "lock timeout".
    // Checks that run for minutes by design are not watched (the watcher polls every 100 ms).
    const runCheck = (): Promise<CheckOutcome> => check.run(ctx)
    const outcome = check.long
      ? await runCheck()
      : await withLockDiagnosis(ctx.client, ctx.connect, runCheck, {
          label: `check "${check.id}"`,
          ...watchTiming(ctx.env.lockTimeoutMs)
        })
    // The one place a check's own details type meets the union of all results: id and details belong together.
    result = {
      id: check.id,
      title: check.title,
      ...outcome,
      reasons: (outcome.reasons ?? []).map(r => ctx.redactor.redact(r)),
      summary: ctx.redactor.redact(outcome.summary),
      details: outcome.details ?? {},
      annotations: outcome.annotations ?? [],
      durationMs: Math.round(performance.now() - t0)
    } as CheckResult
  } catch (e) {
    // A check that throws is a failed check, never a crash: the report is still written.
    const message = ctx.redactor.redact(describeError(e))
    result = {
      id: check.id,
      title: check.title,
      status: 'fail',
      summary: `error: ${message.split('\n')[0]}`,
      reasons: [message],
      details: {},
      annotations: [],
      durationMs: Math.round(performance.now() - t0)
    } as CheckResult
  }
  if (ctx.signal.aborted) {
    // Whatever the check made of its cancelled statement (a failure, a rollback), the truth is: cancelled.
    result = {
      ...result,
      status: 'cancelled',
      summary: `cancelled after ${result.durationMs} ms (${String(ctx.signal.reason?.message ?? 'signal')}); its work was rolled back`,
      reasons: [
        `cancelled while running: ${result.summary}`,
        ...result.reasons.filter(r => r !== result.summary)
      ],
      annotations: []
    }
  }
  ctx.log.info(`${MARK[result.status]} ${check.id}: ${result.summary} (${result.durationMs} ms)`)
  for (const r of result.reasons)
    (result.status === 'fail' ? ctx.log.error : ctx.log.warn).call(ctx.log, `  ${r}`)
  return result
}

/** Sessions a group of concurrent checks runs on besides the run's own: three at once in all. */
export const EXTRA_SESSIONS = 2
/** The fewest concurrent checks in a row that run as a group. */
const MIN_GROUP = 3
/**
 * The round trip from which a group pays. Next to the server (~0.3 ms) the preflight is CPU (the lint) and catalog
 * reads, and opening two more sessions costs more than it saves (~20 ms, measured); 30 ms away its ~17 round
 * trips in a row cost ~500 ms, side by side ~150 ms.
 */
export const GROUP_FROM_ROUND_TRIP_MS = 5

const roundTrips = new WeakMap<pg.Client, Promise<boolean>>()

/**
 * Whether a round trip to the server takes GROUP_FROM_ROUND_TRIP_MS or more: the faster of two, so a busy
 * moment next to the server is not taken for distance. Measured once per session.
 */
function roundTripsDominate(client: pg.Client): Promise<boolean> {
  let known = roundTrips.get(client)
  if (!known) {
    const once = async () => {
      const t0 = performance.now()
      await client.query('SELECT 1')
      return performance.now() - t0
    }
    known = (async () => Math.min(await once(), await once()) >= GROUP_FROM_ROUND_TRIP_MS)().catch(
      () => false
    )
    roundTrips.set(client, known)
  }
  return known
}

/**
 * One more session for a concurrent group (ctx.connect: with the run's session defaults). Undefined when the server refuses
 * it (a connection limit): the group then runs on fewer sessions.
 */
async function groupSession(ctx: StageContext): Promise<pg.Client | undefined> {
  let client: pg.Client | undefined
  try {
    client = await ctx.connect()
    return client
  } catch {
    await client?.end().catch(() => undefined)
    return undefined
  }
}

/**
 * Concurrent checks next to each other in the table, run side by side: the run's session and up to
 * EXTRA_SESSIONS more each take the next check in table order. The results are in table order. Once one fails
 * or the run is cancelled, no further check of the group starts (as in order, a failed gate stops what follows);
 * those already running finish, and are reported as they ran.
 */
async function runGroup(ctx: StageContext, group: readonly AnyCheck[]): Promise<CheckResult[]> {
  const results: (CheckResult | undefined)[] = group.map(() => undefined)
  let next = 0
  let stoppedBy: string | undefined
  const worker = async (client: pg.Client): Promise<void> => {
    for (;;) {
      if (ctx.signal.aborted) stoppedBy ??= CANCELLED
      if (stoppedBy || next >= group.length) return
      const i = next++
      results[i] = await runOne({ ...ctx, client }, group[i])
      stoppedBy ??= stopReason(results[i])
    }
  }
  const extra: Promise<pg.Client | undefined>[] = []
  for (let k = 0; k < Math.min(EXTRA_SESSIONS, group.length - 1); k++) extra.push(groupSession(ctx))
  const workers = [
    worker(ctx.client),
    ...extra.map(async opening => {
      const client = await opening
      if (!client) return
      try {
        await worker(client)
      } finally {
        await client.end().catch(() => undefined)
      }
    })
  ]
  await Promise.all(workers)
  return results.map((r, i) => r ?? notRun(group[i], stoppedBy ?? CANCELLED))
}

/** A check started before its turn (Check.startEarly), waiting to be reported in its place or discarded. */
interface EarlyRun {
  /** Its result, its log lines and evidence written now; undefined: it did not start, run it in its place. */
  adopt: () => Promise<CheckResult | undefined>
  /** A gate before it failed or the run was cancelled: stop it, wait for its session to close, drop its result. */
  discard: (why: string) => Promise<void>
  /** Whether it is still running (its result not in yet). */
  running: () => boolean
}

function startEarly(ctx: StageContext, check: AnyCheck): EarlyRun {
  const held = ctx.log.hold()
  const files = ctx.evidence.hold()
  const stop = new AbortController()
  let session: pg.Client | undefined
  let why: string | undefined
  let settled = false
  const running = (async (): Promise<CheckResult | undefined> => {
    session = await groupSession(ctx)
    if (!session) return undefined
    try {
      const early: StageContext = {
        ...ctx,
        client: session,
        log: held.log,
        evidence: files.evidence,
        signal: AbortSignal.any([ctx.signal, stop.signal])
      }
      why = await check.startEarly?.(early)
      if (!why || early.signal.aborted) return undefined
      return await runOne(early, check)
    } finally {
      await session.end().catch(() => undefined)
    }
  })()
    .catch(() => undefined)
    .finally(() => {
      settled = true
    })
  let done = false
  return {
    running: () => !settled,
    async adopt() {
      done = true
      const result = await running
      if (!result) return undefined
      ctx.log.info(
        `${check.id}: started early, alongside the checks before it, on a session of its own: ${why}`
      )
      held.release()
      files.release()
      return result
    },
    async discard(reason) {
      if (done) return
      done = true
      stop.abort(new Error(reason))
      const pid = (session as unknown as { processID?: number } | undefined)?.processID
      // A cancel that lands between two statements is ignored by the server: again until it has stopped.
      while (!settled && pid) {
        await ctx.client.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined)
        await Promise.race([running, new Promise(resolve => setTimeout(resolve, 200).unref())])
      }
      if (await running)
        ctx.log.info(
          `${check.id}: had started early on a session of its own (${why}); stopped and discarded: ${reason}`
        )
    }
  }
}

export async function runChecks(
  ctx: StageContext,
  checks: readonly AnyCheck[],
  results: CheckResult[] = []
): Promise<CheckResult[]> {
  const early = new Map<AnyCheck, EarlyRun>()
  // Only a check with others before it gains by starting early.
  if (!ctx.signal.aborted)
    for (const check of checks.slice(1))
      if (check.startEarly) early.set(check, startEarly(ctx, check))
  let stoppedBy: string | undefined = 'the run stopped'
  try {
    stoppedBy = await runInOrder(ctx, checks, results, early)
  } finally {
    // Adopted ones are done; any other was overtaken by a failed gate or a cancellation.
    for (const run of early.values()) await run.discard(stoppedBy ?? CANCELLED)
  }
  return results
}

async function runInOrder(
  ctx: StageContext,
  checks: readonly AnyCheck[],
  results: CheckResult[],
  early: Map<AnyCheck, EarlyRun>
): Promise<string | undefined> {
  let stoppedBy: string | undefined
  for (let i = 0; i < checks.length;) {
    if (ctx.signal.aborted) stoppedBy ??= CANCELLED
    if (stoppedBy) {
      results.push(notRun(checks[i++], stoppedBy))
      continue
    }
    const earlyRun = early.get(checks[i])
    // The main session would idle while it waits for the early check: the checks after it warm up meanwhile.
    const warming = earlyRun?.running() ? warmUps(ctx, checks.slice(i + 1)) : undefined
    const adopted = await earlyRun?.adopt()
    await warming
    if (adopted) {
      results.push(adopted)
      stoppedBy ??= stopReason(adopted)
      i++
      continue
    }
    let end = i + 1
    while (
      checks[i].concurrent &&
      end < checks.length &&
      checks[end].concurrent &&
      !early.has(checks[end])
    )
      end++
    // Two cheap checks are not worth a session of their own, nor is a group next to the server.
    if (end - i < MIN_GROUP || !(await roundTripsDominate(ctx.client))) end = i + 1
    const ran =
      end - i > 1 ? await runGroup(ctx, checks.slice(i, end)) : [await runOne(ctx, checks[i])]
    i = end
    for (const result of ran) {
      results.push(result)
      stoppedBy ??= stopReason(result)
    }
  }
  return stoppedBy
}

/** The warm-ups of the given checks, one after the other on the main session; their failures are dropped. */
async function warmUps(ctx: StageContext, checks: readonly AnyCheck[]): Promise<void> {
  for (const check of checks) {
    if (ctx.signal.aborted) return
    await check.warmUp?.(ctx).catch(() => undefined)
  }
}

export function overallStatus(results: CheckResult[]): RunStatus {
  if (results.some(r => r.status === 'cancelled')) return 'cancelled'
  if (results.some(r => r.status === 'fail')) return 'failed'
  if (results.some(r => r.status === 'warn')) return 'warned'
  return 'passed'
}
