export const id = 488;
export const ids = [488];
export const modules = {

/***/ 93488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStage: () => (/* binding */ runStage)
});

// UNUSED EXPORTS: analysePending

// EXTERNAL MODULE: ./src/db/connect.ts
var connect = __webpack_require__(68008);
// EXTERNAL MODULE: ./src/db/target.ts
var db_target = __webpack_require__(42513);
;// CONCATENATED MODULE: ./src/report/logger.ts
class Logger {
    redactor;
    sink;
    lines = [];
    constructor(redactor, sink = () => { }) {
        this.redactor = redactor;
        this.sink = sink;
    }
    write(level, message) {
        const text = this.redactor.redact(message);
        const stamp = new Date().toISOString();
        for (const line of text.split('\n'))
            this.lines.push(`${stamp} ${level.toUpperCase().padEnd(5)} ${line}`);
        this.sink(level, text);
    }
    debug(message) {
        this.write('debug', message);
    }
    info(message) {
        this.write('info', message);
    }
    warn(message) {
        this.write('warn', message);
    }
    error(message) {
        this.write('error', message);
    }
    text() {
        return this.lines.join('\n') + '\n';
    }
    /**
     * A logger whose lines wait: release() writes them to this one, in order. For work that starts early and
     * is reported in its place (stages/runner.ts); what is never released is never written.
     */
    hold() {
        const held = [];
        return {
            log: new Logger(this.redactor, (level, text) => held.push([level, text])),
            release: () => {
                for (const [level, text] of held.splice(0))
                    this.write(level, text);
            }
        };
    }
}

// EXTERNAL MODULE: ./src/stages/index.ts + 98 modules
var stages = __webpack_require__(29401);
;// CONCATENATED MODULE: ./src/db/lock-wait.ts
/** How much of a blocker's query the message shows. */
const QUERY_CHARS = 200;
/** The lock `waiterPid` waits for and who blocks it; undefined when it waits for no lock. */
async function snapshotLockWait(db, waiterPid) {
    const { rows } = await db.query(`WITH w AS (
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
       LEFT JOIN pg_stat_activity a ON a.pid = b.pid`, [waiterPid, QUERY_CHARS]);
    if (rows.length === 0)
        return undefined;
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
    };
}
/** SQLSTATE 55P03 lock_not_available: a lock timeout (or NOWAIT), directly or as the error's cause. */
function isLockTimeout(err) {
    const e = err;
    return e?.code === '55P03' || e?.cause?.code === '55P03';
}
function quoted(query) {
    const flat = query.replace(/\s+/g, ' ').trim();
    return `"${flat.length >= QUERY_CHARS ? flat + '…' : flat}"`;
}
function describeBlocker(b) {
    const about = [
        b.applicationName ? `application "${b.applicationName}"` : 'no application name',
        // Our own sessions are named migration-runbook*: a second run is the usual cause.
        ...(b.applicationName.startsWith('migration-runbook')
            ? ['another migration-runbook run is active']
            : []),
        ...(b.user ? [`user ${b.user}`] : []),
        ...(b.heldModes.length ? [`holding ${b.heldModes.join(', ')}`] : []),
        ...(b.waiting ? ['itself waiting for a lock, queued ahead'] : [])
    ];
    const open = b.transactionMs === null ? '' : ` for ${(b.transactionMs / 1000).toFixed(1)} s`;
    const doing = b.state === 'active'
        ? `running ${quoted(b.query)}`
        : `${b.state ?? 'state unknown'}${open}, last ran ${quoted(b.query)}`;
    return `pid ${b.pid} (${about.join(', ')}) ${doing}`;
}
/** 'lock timeout in check "drift" waiting for AccessShareLock on public.allocations: blocked by pid 4242 (…) running "…"' */
function describeLockWait(snapshot, label) {
    const target = snapshot.relation
        ? `${snapshot.mode} on ${snapshot.relation}`
        : `${snapshot.mode} (${snapshot.locktype} lock)`;
    const blockers = snapshot.blockers.length
        ? `blocked by ${snapshot.blockers.map(describeBlocker).join('; and by ')}`
        : 'no blocker was visible';
    return `lock timeout${label ? ` in ${label}` : ''} waiting for ${target}: ${blockers}`;
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
];
/** A lock timeout with who blocked it in its message; Postgres's own fields (code 55P03, …) are kept. */
class LockWaitError extends Error {
    original;
    snapshot;
    name = 'LockWaitError';
    code;
    detail;
    hint;
    where;
    position;
    constructor(message, original, snapshot) {
        super(message, { cause: original });
        this.original = original;
        this.snapshot = snapshot;
        const source = (original.code ? original : original.cause);
        for (const f of PG_FIELDS) {
            if (source?.[f] !== undefined)
                this[f] = source[f];
        }
    }
}
/** When no wait was seen (it ended within the watcher's delay): who holds ACCESS EXCLUSIVE locks now. */
async function holdersNow(db, waiterPid) {
    const { rows } = await db.query(`SELECT l.pid, format('%I.%I', n.nspname, c.relname) AS relation,
            a.application_name, a.usename, a.state, left(a.query, $2) AS query
       FROM pg_locks l
       JOIN pg_class c ON c.oid = l.relation
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.granted AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
        AND l.pid NOT IN ($1, pg_backend_pid())
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY a.xact_start NULLS LAST, l.pid
      LIMIT 5`, [waiterPid, QUERY_CHARS]);
    if (rows.length === 0)
        return 'no other session holds an ACCESS EXCLUSIVE lock now';
    const held = rows.map(r => describeBlocker({
        pid: r.pid,
        applicationName: r.application_name ?? '',
        user: r.usename,
        state: r.state,
        query: r.query ?? '',
        heldModes: [`AccessExclusiveLock on ${r.relation}`],
        waiting: false,
        transactionMs: null
    }));
    return `sessions holding ACCESS EXCLUSIVE locks now: ${held.join('; ')}`;
}
function watch(open, pid, delayMs, pollMs) {
    let stopped = false;
    let last;
    let observer;
    let wake = () => undefined;
    const sleep = (ms) => new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
            clearTimeout(timer);
            resolve();
        };
    });
    const loop = (async () => {
        await sleep(delayMs);
        if (stopped)
            return;
        observer = await open();
        while (!stopped) {
            const { rows } = await observer.query(`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, [pid]);
            if (!rows[0]?.waiting) {
                // Only a wait that is still on when the timeout fires describes it: forget finished waits.
                last = undefined;
            }
            else {
                const snapshot = await snapshotLockWait(observer, pid);
                if (snapshot?.blockers.length)
                    last = snapshot;
            }
            if (!stopped)
                await sleep(pollMs);
        }
    })().catch(() => undefined); // the diagnosis must never fail the work it watches
    return {
        async stop() {
            stopped = true;
            wake();
            await loop;
            await observer?.end().catch(() => undefined);
            observer = undefined;
            return last;
        }
    };
}
/** A session's server pid, read once per client (every check is watched: one round trip each adds up). */
const pids = new WeakMap();
async function backendPid(client) {
    const known = pids.get(client);
    if (known !== undefined)
        return known;
    try {
        const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
        pids.set(client, rows[0].pid);
        return rows[0].pid;
    }
    catch {
        return client.processID ?? undefined;
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
async function withLockDiagnosis(client, open, fn, opts = {}) {
    const pid = await backendPid(client);
    if (pid === undefined)
        return fn();
    const watcher = watch(open, pid, opts.delayMs ?? 100, opts.pollMs ?? 100);
    try {
        return await fn();
    }
    catch (err) {
        if (!isLockTimeout(err))
            throw err;
        const seen = await watcher.stop();
        const pgMessage = err.message;
        if (seen)
            throw new LockWaitError(`${describeLockWait(seen, opts.label)} — ${pgMessage}`, err, seen);
        let now;
        try {
            const db = await open();
            try {
                now = await holdersNow(db, pid);
            }
            finally {
                await db.end().catch(() => undefined);
            }
        }
        catch {
            throw err; // nothing to add
        }
        throw new LockWaitError(`lock timeout${opts.label ? ` in ${opts.label}` : ''} (the wait ended before it could be observed); ${now} — ${pgMessage}`, err);
    }
    finally {
        await watcher.stop();
    }
}

;// CONCATENATED MODULE: ./src/stages/runner.ts


/** A check that did not run, and why (a gate before it failed, the run was cancelled). */
function notRun(check, why) {
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
    };
}
/**
 * A lock timeout needs one statement to wait the whole lock_timeout, so a watcher that starts at half of it still
 * sees the wait: checks shorter than that (most of them) open no extra session.
 */
function watchTiming(lockTimeoutMs) {
    return {
        delayMs: Math.max(50, Math.floor(lockTimeoutMs / 2)),
        pollMs: Math.max(20, Math.min(100, Math.floor(lockTimeoutMs / 6)))
    };
}
const CANCELLED = 'the run was cancelled';
/** What a result stops: after a failed gate or a cancelled run nothing further starts, and why. */
function stopReason(result) {
    if (result.status === 'fail')
        return `${result.id} failed`;
    if (result.status === 'cancelled')
        return CANCELLED;
    return undefined;
}
const MARK = { pass: '✔', warn: '!', fail: '✖', skip: '-', cancelled: '⊘' };
/** Runs one check on `ctx.client` and shapes its result: a thrown error is a failed check, a cancelled run wins. */
async function runOne(ctx, check) {
    ctx.log.info(`▶ ${check.id}: ${check.title}`);
    const t0 = performance.now();
    let result;
    try {
        // A lock timeout in a check names the relation and who blocks it, not just "lock timeout".
        // Checks that run for minutes by design are not watched (the watcher polls every 100 ms).
        const runCheck = () => check.run(ctx);
        const outcome = check.long
            ? await runCheck()
            : await withLockDiagnosis(ctx.client, ctx.connect, runCheck, {
                label: `check "${check.id}"`,
                ...watchTiming(ctx.env.lockTimeoutMs)
            });
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
        };
    }
    catch (e) {
        // A check that throws is a failed check, never a crash: the report is still written.
        const message = ctx.redactor.redact((0,connect/* describeError */.Uc)(e));
        result = {
            id: check.id,
            title: check.title,
            status: 'fail',
            summary: `error: ${message.split('\n')[0]}`,
            reasons: [message],
            details: {},
            annotations: [],
            durationMs: Math.round(performance.now() - t0)
        };
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
        };
    }
    ctx.log.info(`${MARK[result.status]} ${check.id}: ${result.summary} (${result.durationMs} ms)`);
    for (const r of result.reasons)
        (result.status === 'fail' ? ctx.log.error : ctx.log.warn).call(ctx.log, `  ${r}`);
    return result;
}
/** Sessions a group of concurrent checks runs on besides the run's own: three at once in all. */
const EXTRA_SESSIONS = 2;
/** The fewest concurrent checks in a row that run as a group. */
const MIN_GROUP = 3;
/**
 * The round trip from which a group pays. Next to the server (~0.3 ms) the preflight is CPU (the lint) and catalog
 * reads, and opening two more sessions costs more than it saves (~20 ms, measured); 30 ms away its ~17 round
 * trips in a row cost ~500 ms, side by side ~150 ms.
 */
const GROUP_FROM_ROUND_TRIP_MS = 5;
const roundTrips = new WeakMap();
/**
 * Whether a round trip to the server takes GROUP_FROM_ROUND_TRIP_MS or more: the faster of two, so a busy
 * moment next to the server is not taken for distance. Measured once per session.
 */
function roundTripsDominate(client) {
    let known = roundTrips.get(client);
    if (!known) {
        const once = async () => {
            const t0 = performance.now();
            await client.query('SELECT 1');
            return performance.now() - t0;
        };
        known = (async () => Math.min(await once(), await once()) >= GROUP_FROM_ROUND_TRIP_MS)().catch(() => false);
        roundTrips.set(client, known);
    }
    return known;
}
/**
 * One more session for a concurrent group (ctx.connect: with the run's session defaults). Undefined when the server refuses
 * it (a connection limit): the group then runs on fewer sessions.
 */
async function groupSession(ctx) {
    let client;
    try {
        client = await ctx.connect();
        return client;
    }
    catch {
        await client?.end().catch(() => undefined);
        return undefined;
    }
}
/**
 * Concurrent checks next to each other in the table, run side by side: the run's session and up to
 * EXTRA_SESSIONS more each take the next check in table order. The results are in table order. Once one fails
 * or the run is cancelled, no further check of the group starts (as in order, a failed gate stops what follows);
 * those already running finish, and are reported as they ran.
 */
async function runGroup(ctx, group) {
    const results = group.map(() => undefined);
    let next = 0;
    let stoppedBy;
    const worker = async (client) => {
        for (;;) {
            if (ctx.signal.aborted)
                stoppedBy ??= CANCELLED;
            if (stoppedBy || next >= group.length)
                return;
            const i = next++;
            results[i] = await runOne({ ...ctx, client }, group[i]);
            stoppedBy ??= stopReason(results[i]);
        }
    };
    const extra = [];
    for (let k = 0; k < Math.min(EXTRA_SESSIONS, group.length - 1); k++)
        extra.push(groupSession(ctx));
    const workers = [
        worker(ctx.client),
        ...extra.map(async (opening) => {
            const client = await opening;
            if (!client)
                return;
            try {
                await worker(client);
            }
            finally {
                await client.end().catch(() => undefined);
            }
        })
    ];
    await Promise.all(workers);
    return results.map((r, i) => r ?? notRun(group[i], stoppedBy ?? CANCELLED));
}
function startEarly(ctx, check) {
    const held = ctx.log.hold();
    const files = ctx.evidence.hold();
    const stop = new AbortController();
    let session;
    let why;
    let settled = false;
    const running = (async () => {
        session = await groupSession(ctx);
        if (!session)
            return undefined;
        try {
            const early = {
                ...ctx,
                client: session,
                log: held.log,
                evidence: files.evidence,
                signal: AbortSignal.any([ctx.signal, stop.signal])
            };
            why = await check.startEarly?.(early);
            if (!why || early.signal.aborted)
                return undefined;
            return await runOne(early, check);
        }
        finally {
            await session.end().catch(() => undefined);
        }
    })()
        .catch(() => undefined)
        .finally(() => {
        settled = true;
    });
    let done = false;
    return {
        running: () => !settled,
        async adopt() {
            done = true;
            const result = await running;
            if (!result)
                return undefined;
            ctx.log.info(`${check.id}: started early, alongside the checks before it, on a session of its own: ${why}`);
            held.release();
            files.release();
            return result;
        },
        async discard(reason) {
            if (done)
                return;
            done = true;
            stop.abort(new Error(reason));
            const pid = session?.processID;
            // A cancel that lands between two statements is ignored by the server: again until it has stopped.
            while (!settled && pid) {
                await ctx.client.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
                await Promise.race([running, new Promise(resolve => setTimeout(resolve, 200).unref())]);
            }
            if (await running)
                ctx.log.info(`${check.id}: had started early on a session of its own (${why}); stopped and discarded: ${reason}`);
        }
    };
}
async function runChecks(ctx, checks, results = []) {
    const early = new Map();
    // Only a check with others before it gains by starting early.
    if (!ctx.signal.aborted)
        for (const check of checks.slice(1))
            if (check.startEarly)
                early.set(check, startEarly(ctx, check));
    let stoppedBy = 'the run stopped';
    try {
        stoppedBy = await runInOrder(ctx, checks, results, early);
    }
    finally {
        // Adopted ones are done; any other was overtaken by a failed gate or a cancellation.
        for (const run of early.values())
            await run.discard(stoppedBy ?? CANCELLED);
    }
    return results;
}
async function runInOrder(ctx, checks, results, early) {
    let stoppedBy;
    for (let i = 0; i < checks.length;) {
        if (ctx.signal.aborted)
            stoppedBy ??= CANCELLED;
        if (stoppedBy) {
            results.push(notRun(checks[i++], stoppedBy));
            continue;
        }
        const earlyRun = early.get(checks[i]);
        // The main session would idle while it waits for the early check: the checks after it warm up meanwhile.
        const warming = earlyRun?.running() ? warmUps(ctx, checks.slice(i + 1)) : undefined;
        const adopted = await earlyRun?.adopt();
        await warming;
        if (adopted) {
            results.push(adopted);
            stoppedBy ??= stopReason(adopted);
            i++;
            continue;
        }
        let end = i + 1;
        while (checks[i].concurrent &&
            end < checks.length &&
            checks[end].concurrent &&
            !early.has(checks[end]))
            end++;
        // Two cheap checks are not worth a session of their own, nor is a group next to the server.
        if (end - i < MIN_GROUP || !(await roundTripsDominate(ctx.client)))
            end = i + 1;
        const ran = end - i > 1 ? await runGroup(ctx, checks.slice(i, end)) : [await runOne(ctx, checks[i])];
        i = end;
        for (const result of ran) {
            results.push(result);
            stoppedBy ??= stopReason(result);
        }
    }
    return stoppedBy;
}
/** The warm-ups of the given checks, one after the other on the main session; their failures are dropped. */
async function warmUps(ctx, checks) {
    for (const check of checks) {
        if (ctx.signal.aborted)
            return;
        await check.warmUp?.(ctx).catch(() => undefined);
    }
}
function overallStatus(results) {
    if (results.some(r => r.status === 'cancelled'))
        return 'cancelled';
    if (results.some(r => r.status === 'fail'))
        return 'failed';
    if (results.some(r => r.status === 'warn'))
        return 'warned';
    return 'passed';
}

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(27117);
;// CONCATENATED MODULE: ./src/version.ts
/** The tool's version, shown in reports (kept in step with package.json). */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/engine/open-target.ts


/** The database the front door was given (--database-url, DATABASE_URL, the action's input). */
function urlTarget(opts = {}) {
    return {
        throwaway: opts.throwaway === true,
        provide: async (request) => ({
            url: request.givenUrl,
            preResults: [],
            release: async () => undefined
        })
    };
}
/** The session itself failed (not a check): reported as the connection check, so the evidence says so. */
function connectionFailure(status, summary, reasons, startedAt) {
    return {
        id: 'connection',
        title: 'Connect to the target',
        status,
        summary,
        reasons,
        details: {},
        annotations: [],
        durationMs: Date.now() - startedAt.getTime()
    };
}
/** The run's sessions to `url`, cancelled on the server when `signal` fires. */
function targetSessions(url, redactor, signal, 
/** The run's session timeouts (setSessionDefaults), set on every session as it opens. */
defaults) {
    // Every session of this run, so a cancellation can cancel what each one is running.
    const sessions = new Set();
    const open = async (applicationName) => {
        const c = await (0,connect/* connect */.Ng)({ url, redactor, applicationName });
        sessions.add(c);
        c.once('end', () => sessions.delete(c));
        await prepareSession(c, defaults);
        return c;
    };
    const canceller = cancelOnAbort(signal, sessions, () => (0,connect/* connect */.Ng)({ url, redactor, applicationName: 'migration-runbook-cancel', connectTimeoutMs: 3_000 }));
    let warm;
    let stopped = false;
    return {
        open: applicationName => {
            const ready = applicationName === PROBE ? warm : undefined;
            if (!ready)
                return open(applicationName);
            warm = undefined;
            return ready;
        },
        warm: () => {
            if (stopped)
                return;
            warm ??= open(PROBE);
            // Refused (a connection limit): the next open tries again, and says why if it fails too.
            warm.catch(() => (warm = undefined));
        },
        stop: async () => {
            stopped = true;
            await canceller.stop();
            const left = warm;
            warm = undefined;
            await left?.then(c => c.end()).catch(() => undefined);
        }
    };
}
/** The application name of the run's extra sessions (probes, watchers, sessions of checks started early). */
const PROBE = 'migration-runbook-probe';
/**
 * The main session, pinned. A connection failure is a failed `connection` result (the run still reports);
 * a pin mismatch throws a ConfigError (exit 2) before anything runs.
 */
async function openTarget(opts) {
    let client;
    try {
        client = await opts.connecting;
    }
    catch (e) {
        const message = opts.redactor.redact((0,connect/* describeError */.Uc)(e));
        opts.log.error(`cannot connect to ${opts.label}: ${message}`);
        return {
            results: [connectionFailure('fail', 'cannot connect', [message], opts.startedAt)]
        };
    }
    // Before any check: the URL and server must match environments.<env>.target (a mismatch: exit 2).
    const pinned = await (0,db_target/* pinTarget */.xG)(client, {
        databaseUrl: opts.url,
        environment: opts.environment,
        policyPath: opts.policyPath,
        pin: opts.env.target,
        throwaway: opts.throwaway
    });
    return { client, results: pinned ? [pinned] : [] };
}
/**
 * Ask the server to notice a vanished client (a SIGKILLed runner) within a second, even in the middle of a
 * long statement: without it, a killed run's CREATE INDEX goes on holding ACCESS EXCLUSIVE to the end.
 * PostgreSQL 14+; on older servers this is a no-op.
 */
const WATCH_CLIENT = `SET client_connection_check_interval = '1s'`;
/**
 * A new session's setup in one round trip: the run's timeouts and the watch for a vanished client. A server that
 * refuses the watch (before PostgreSQL 14, a pooler) fails the whole query, which runs as one transaction and so
 * sets nothing: the timeouts are then set on their own.
 */
async function prepareSession(client, defaults) {
    if (!defaults) {
        await client.query(WATCH_CLIENT).catch(() => undefined);
        return;
    }
    const timeouts = (0,connect/* sessionDefaultsSql */.$2)(defaults);
    try {
        await client.query(`${timeouts}; ${WATCH_CLIENT}`);
    }
    catch {
        await client.query(timeouts);
    }
}
/**
 * On abort, cancel (pg_cancel_backend) the statement each session of the run is running, from a separate
 * session, and again every second until the run has wound down (a statement started after the first cancel).
 */
function cancelOnAbort(signal, sessions, openCanceller) {
    let timer;
    let running = Promise.resolve();
    const cancelAll = async () => {
        const pids = [...sessions]
            .map(c => c.processID)
            .filter((p) => typeof p === 'number');
        if (pids.length === 0)
            return;
        let canceller;
        try {
            canceller = await openCanceller();
            // An idle session ignores a cancel request: only running statements are hit.
            await canceller.query('SELECT pg_cancel_backend(p) FROM unnest($1::int[]) AS p', [pids]);
        }
        catch {
            // The server may be gone; the process exits anyway and the server then notices the closed socket.
        }
        finally {
            await canceller?.end().catch(() => undefined);
        }
    };
    const onAbort = () => {
        running = cancelAll();
        timer = setInterval(() => {
            running = running.then(cancelAll);
        }, 1_000);
    };
    if (signal.aborted)
        onAbort();
    else
        signal.addEventListener('abort', onAbort, { once: true });
    return {
        async stop() {
            signal.removeEventListener('abort', onAbort);
            if (timer)
                clearInterval(timer);
            await running;
        }
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/policy.ts + 7 modules
var config_policy = __webpack_require__(43584);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(48720);
// EXTERNAL MODULE: ./src/plan/history.ts
var plan_history = __webpack_require__(43547);
// EXTERNAL MODULE: ./src/lint/secrets.ts
var secrets = __webpack_require__(74936);
;// CONCATENATED MODULE: ./src/report/evidence.ts
/** Evidence files under artifacts/<environment>/, each redacted before it touches the disk. */


class EvidenceWriter {
    redactor;
    dir;
    written = new Set();
    made = false;
    constructor(artifactsDir, environment, redactor) {
        this.redactor = redactor;
        this.dir = external_node_path_default().resolve(artifactsDir, environment);
    }
    write(name, content) {
        if (name.includes('/') || name.includes('..'))
            throw new Error(`evidence file name "${name}" must be a plain file name`);
        // Once per run: a run writes a dozen files, and each mkdir is a few system calls.
        if (!this.made) {
            (0,external_node_fs_.mkdirSync)(this.dir, { recursive: true });
            this.made = true;
        }
        const file = external_node_path_default().join(this.dir, name);
        (0,external_node_fs_.writeFileSync)(file, this.redactor.redact(content.endsWith('\n') ? content : content + '\n'));
        this.written.add(name);
        return file;
    }
    writeJson(name, value) {
        return this.write(name, JSON.stringify(value, null, 2));
    }
    /**
     * A writer whose files wait: release() writes them here. For work that starts early and is reported in its
     * place (stages/runner.ts): a result that is discarded leaves no file behind.
     */
    hold() {
        const held = [];
        const evidence = Object.create(this);
        evidence.write = (name, content) => {
            held.push([name, content]);
            return external_node_path_default().join(this.dir, name);
        };
        return {
            evidence,
            release: () => {
                for (const [name, content] of held.splice(0))
                    this.write(name, content);
            }
        };
    }
    /** Every file in the evidence folder (for upload). */
    files() {
        try {
            return (0,external_node_fs_.readdirSync)(this.dir).map(f => external_node_path_default().join(this.dir, f));
        }
        catch {
            return [];
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/context.ts
/**
 * Step 2 of a run, build the context: the policy (loaded once per run), the migrations on disk, the evidence
 * folder, the run's facts, and the plan read from the target's history.
 */












/**
 * Loads the policy (unless the caller already has it: rehearse loads it once for all its stages), discovers
 * the migrations, prepares the evidence folder (role passwords in the SQL: registerMigrationSecrets).
 */
async function loadRunSetup(opts) {
    const { config, root, redactor } = opts;
    const policy = opts.policy ?? (0,config_policy/* loadPolicy */.tb)(external_node_path_default().resolve(root, config.configPath));
    const env = (0,config_policy/* environmentPolicy */.q_)(policy, config.environment);
    // Counts only: the rows PostgreSQL quotes in a failed statement's message are hidden too, in every output.
    if (env.conflictsSample === 0)
        redactor.hideRowValues();
    // The project's own no-transaction markers: apply must treat a file as lint did.
    const discovered = (0,files/* discoverMigrationsWithWarnings */.Aq)(config.migrationsDir, root, {
        noTransactionMarkers: policy.lint.noTransactionMarkers
    });
    const evidence = new EvidenceWriter(external_node_path_default().resolve(root, config.artifactsDir), config.environment, redactor);
    checkWritableFolder(evidence.dir, config.artifactsDir);
    return { policy, env, migrations: discovered.migrations, warnings: discovered.warnings, evidence };
}
/**
 * Role passwords written in migration SQL are secrets too: masked before anything is logged. Needs the parser,
 * so it is a step of its own: the run connects while the parser loads, and logs nothing before this.
 */
async function registerMigrationSecrets(redactor, migrations) {
    await (0,parser/* loadParser */.qd)();
    (0,secrets/* registerRolePasswords */.Yu)(redactor, migrations);
}
/** The run's facts, built once from what the front door read and the target the provider handed out. */
function runFacts(opts) {
    const { environ } = opts;
    return {
        runId: (0,external_node_crypto_.randomUUID)(),
        rollbackVersion: opts.rollbackVersion,
        git: {
            sha: opts.run?.sha ?? environ.GITHUB_SHA,
            actor: opts.run?.actor ?? environ.GITHUB_ACTOR ?? environ.USER
        },
        root: opts.root,
        tokens: {
            github: opts.config.githubToken ?? (environ.GITHUB_TOKEN || undefined),
            supabaseAccess: environ.SUPABASE_ACCESS_TOKEN?.trim() || undefined
        },
        target: (0,db_target/* parseTarget */.hu)(opts.config.databaseUrl),
        throwaway: opts.throwaway,
        environ
    };
}
/** Relations and extensions the pending migrations touch, from the parser (files that do not parse add nothing). */
function analysePending(pending) {
    const tables = new Set();
    const extensions = new Set();
    for (const m of pending) {
        for (const s of (0,parser/* parseSql */.eg)(m.sql).statements) {
            for (const r of (0,parser/* relationsOf */.nS)(s.ast))
                tables.add(r);
            for (const e of (0,parser/* extensionsCreated */.l6)(s.ast))
                extensions.add(e);
        }
    }
    return { touchedTables: [...tables].sort(), extensions: [...extensions].sort() };
}
/** At most this many of the newest migrations, and this much SQL, are parsed ahead (parseNewest). */
const AHEAD_FILES = 3;
const AHEAD_CHARS = 256 * 1024;
/**
 * Parses the newest migrations ahead, while the server opens the session: they are the likely pending ones,
 * which makePlan parses once the history is read, and the parse is cached by text. Locally that hides ~30 ms of
 * CPU behind the server's fork and authentication; a hosted database's TLS handshake hides more.
 */
function parseNewest(migrations) {
    let chars = 0;
    for (const m of migrations.slice(-AHEAD_FILES).reverse()) {
        chars += m.sql.length;
        if (chars > AHEAD_CHARS)
            return;
        try {
            (0,parser/* parseSql */.eg)(m.sql);
        }
        catch {
            // Only a head start: makePlan parses (and reports) it in its turn.
        }
    }
}
/** The plan against what the target has applied. */
async function makePlan(client, migrationsDir, migrations) {
    const history = await (0,plan_history/* readHistory */.Lu)(client);
    const pendingFirst = (0,plan/* buildPlan */.G)(migrationsDir, migrations, history);
    return (0,plan/* buildPlan */.G)(migrationsDir, migrations, history, analysePending(pendingFirst.pending));
}
/** The context every check of the stage receives. */
function buildContext(parts) {
    return {
        config: parts.config,
        policy: parts.setup.policy,
        env: parts.setup.env,
        plan: parts.plan,
        client: parts.client,
        connect: parts.connect,
        log: parts.log,
        evidence: parts.setup.evidence,
        redactor: parts.redactor,
        facts: parts.facts,
        shared: {},
        applied: parts.applied,
        signal: parts.signal
    };
}
/** The evidence folder must be writable before anything connects: a bad --artifacts-dir is bad usage (exit 2). */
function checkWritableFolder(dir, given) {
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
    }
    catch (e) {
        const reason = e.code ?? e.message;
        throw new errors/* ConfigError */.x(`input "artifacts-dir" is "${given}": cannot write evidence to ${dir} (${reason}); pass a writable folder`);
    }
}

;// CONCATENATED MODULE: ./src/engine/run-checks.ts



async function runStageChecks(ctx, migrations, results) {
    const stage = stages/* STAGE_TABLE */.Kp[ctx.config.stage];
    await runChecks(ctx, stage.checks, results);
    if (stage.followUp?.when(results)) {
        ctx.log.warn(stage.followUp.why);
        // The follow-up acts on what is applied now.
        ctx.plan = await makePlan(ctx.client, ctx.config.migrationsDir, migrations);
        await runChecks(ctx, stage.followUp.checks, results);
    }
}

// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var report_markdown = __webpack_require__(30828);
;// CONCATENATED MODULE: ./src/engine/evidence.ts
/** Step 4 of a run, write the evidence: the report (summary.json), the full report.md and the run log. */




function buildReport(parts) {
    const { results, signal, applied } = parts;
    const finishedAt = new Date();
    let serverVersion;
    const conn = (0,types/* findCheck */.S)(results, 'connection');
    if (typeof conn?.details.serverVersion === 'string')
        serverVersion = conn.details.serverVersion;
    return {
        tool: 'migration-runbook',
        version: VERSION,
        environment: parts.environment,
        stage: parts.stage,
        status: signal.aborted ? 'cancelled' : overallStatus(results),
        startedAt: parts.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - parts.startedAt.getTime(),
        target: { ...parts.target, serverVersion },
        pending: parts.pending.filter(v => !applied.includes(v)),
        applied,
        checks: results,
        ...(signal.aborted
            ? {
                cancelled: {
                    check: results.find(r => r.status === 'cancelled')?.id,
                    signal: signal.reason?.message?.replace(/^cancelled by /, '')
                }
            }
            : {}),
        run: parts.run
    };
}
/** Writes summary.json, report.md (the full report, never cut) and the log; returns report.md's text and path. */
function writeEvidence(report, evidence, log, redactor) {
    log.info(`${report.stage} ${report.status} in ${report.durationMs} ms`);
    evidence.writeJson('summary.json', report);
    // The full report, never cut: only the PR comment is cut to GitHub's limit (it links here).
    const markdown = redactor.redact((0,report_markdown.renderReportMarkdown)(report, { full: true }));
    const reportPath = evidence.write('report.md', markdown);
    evidence.write(`${report.environment}-migration.log`, log.text());
    return { markdown, reportPath };
}

;// CONCATENATED MODULE: ./src/run.ts












/** Runs one stage. Throws ConfigError on bad configuration (exit 2) before touching the database. */
async function runStage(opts) {
    const { redactor } = opts;
    const root = opts.root;
    const startedAt = new Date();
    const log = new Logger(redactor, opts.logSink);
    // The parser's WASM compiles while the policy and the migrations folder are read.
    const parserLoading = (0,parser/* loadParser */.qd)();
    parserLoading.catch(() => undefined);
    const setup = await loadRunSetup({ config: opts.config, root, redactor, policy: opts.policy });
    const signal = opts.signal ?? new AbortController().signal;
    const secrets = registerMigrationSecrets(redactor, setup.migrations);
    secrets.catch(() => undefined);
    // 1. Open the target: the provider's database (a throwaway one is prepared here), connected and pinned.
    const provider = opts.target ?? urlTarget({ throwaway: opts.throwaway });
    // A provider of its own (a throwaway server) logs what it prepares: the SQL's secrets are masked first. The
    // given URL's provider logs nothing: its session connects while the parser loads (see below).
    if (opts.target)
        await secrets;
    const provided = await provider.provide({
        stage: opts.config.stage,
        root,
        migrationsDir: opts.config.migrationsDir,
        givenUrl: opts.config.databaseUrl,
        policy: setup.policy,
        redactor,
        progress: line => opts.logSink?.('info', redactor.redact(line)),
        signal
    });
    try {
        const config = { ...opts.config, databaseUrl: provided.url };
        redactor.addDatabaseUrl(config.databaseUrl);
        const throwaway = opts.throwaway === true || provider.throwaway;
        const facts = runFacts({ ...opts, config, throwaway });
        redactor.add(facts.tokens.supabaseAccess);
        const target = {
            host: facts.target.host,
            port: facts.target.port,
            database: facts.target.database
        };
        const label = `${target.host}:${target.port}/${target.database}`;
        const results = [...(opts.preResults ?? []), ...provided.preResults];
        const preFailed = results.find(r => r.status === 'fail' || r.status === 'cancelled');
        let plan;
        const applied = [];
        // A swapped secret is refused (exit 2) before anything connects, when the URL alone shows the mismatch.
        (0,db_target/* refuseUrlPinMismatch */.J4)({
            databaseUrl: config.databaseUrl,
            environment: config.environment,
            policyPath: config.configPath,
            pin: setup.env.target,
            throwaway
        });
        const sessions = targetSessions(config.databaseUrl, redactor, signal, setup.env);
        // The main session connects (fork, authentication) while the parser's WASM compiles; a failure is
        // reported by openTarget, after the secrets are registered.
        const connecting = preFailed ? undefined : sessions.open();
        connecting?.catch(() => undefined);
        // A check that may start early gets its session opened as soon as the main one is in (not at the same time:
        // a refused password is then not tried twice at once, and poolers ban repeats).
        if (stages/* STAGE_TABLE */.Kp[config.stage].checks.some(c => c.startEarly))
            connecting?.then(() => sessions.warm()).catch(() => undefined);
        let client;
        try {
            await secrets;
            for (const w of setup.warnings)
                log.warn(w);
            log.info(`migration-runbook ${VERSION}: ${config.stage} on ${config.environment} (${label}), run ${facts.runId}`);
            if (preFailed) {
                for (const check of stages/* STAGE_TABLE */.Kp[config.stage].checks)
                    results.push(notRun(check, `${preFailed.id} ${preFailed.status === 'cancelled' ? 'was cancelled' : 'failed'}`));
            }
            else {
                const opening = openTarget({
                    connecting: connecting,
                    url: config.databaseUrl,
                    label,
                    sessions,
                    redactor,
                    log,
                    environment: config.environment,
                    policyPath: config.configPath,
                    env: setup.env,
                    throwaway,
                    startedAt
                });
                // The connection is under way: validate and apply parse their pending migrations next.
                if (config.stage === 'validate' || config.stage === 'apply')
                    parseNewest(setup.migrations);
                const opened = await opening;
                client = opened.client;
                results.push(...opened.results);
            }
            if (client) {
                const c = client;
                try {
                    // 2. Build the context: the plan against the target's history (the session has the run's defaults since
                    // it opened: targetSessions).
                    try {
                        plan = await makePlan(c, config.migrationsDir, setup.migrations);
                    }
                    catch (e) {
                        // Reported like any failed check, so the evidence, summary and comment still say what happened.
                        const message = redactor.redact((0,connect/* describeError */.Uc)(e));
                        log.error(`cannot read the migration history: ${message}`);
                        results.push(connectionFailure(signal.aborted ? 'cancelled' : 'fail', 'cannot read the migration history', [`reading supabase_migrations.schema_migrations failed: ${message}`], startedAt));
                    }
                    if (plan) {
                        const ctx = buildContext({
                            config,
                            setup,
                            plan,
                            client: c,
                            connect: () => sessions.open(PROBE),
                            log,
                            redactor,
                            facts,
                            applied,
                            signal
                        });
                        // 3. Run the checks.
                        await runStageChecks(ctx, setup.migrations, results);
                    }
                }
                catch (e) {
                    // Not a check's failure (those are caught by the runner): the session itself broke. Still a report.
                    const message = redactor.redact((0,connect/* describeError */.Uc)(e));
                    log.error(`the run stopped: ${message}`);
                    results.push(connectionFailure(signal.aborted ? 'cancelled' : 'fail', 'the session to the target failed', [message], startedAt));
                }
            }
        }
        finally {
            // The early connection, when nothing took it (an error before openTarget, a pin that did not match).
            if (!client)
                await connecting?.then(c => c.end()).catch(() => undefined);
            await client?.end().catch(() => undefined);
            await sessions.stop();
        }
        // 4. Write the evidence.
        const report = buildReport({
            environment: config.environment,
            stage: config.stage,
            startedAt,
            target,
            pending: (plan?.pending ?? []).map(m => m.version),
            applied,
            results,
            signal,
            run: opts.run
        });
        const { markdown, reportPath } = writeEvidence(report, setup.evidence, log, redactor);
        const exitCode = report.status === 'failed' || report.status === 'cancelled' ? 1 : 0;
        return {
            report,
            exitCode,
            markdown,
            reportPath,
            evidence: setup.evidence,
            publish: { artifactRetentionDays: setup.env.artifactRetentionDays }
        };
    }
    finally {
        await provided.release();
    }
}


/***/ })

};
