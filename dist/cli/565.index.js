export const id = 565;
export const ids = [565,790];
export const modules = {

/***/ 7565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REHEARSAL_STAGES: () => (/* binding */ REHEARSAL_STAGES),
  REHEARSAL_STAGES_WITHOUT_ROLLBACK: () => (/* binding */ REHEARSAL_STAGES_WITHOUT_ROLLBACK),
  prepareEmbeddedTarget: () => (/* binding */ prepareEmbeddedTarget),
  rehearse: () => (/* binding */ rehearse)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/embedded/baseline-inputs.ts
var baseline_inputs = __webpack_require__(417);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/lint/secrets.ts
var secrets = __webpack_require__(4936);
// EXTERNAL MODULE: ./src/apply/apply.ts
var apply = __webpack_require__(5256);
// EXTERNAL MODULE: ./src/apply/statements.ts
var statements = __webpack_require__(1644);
// EXTERNAL MODULE: ./src/embedded/throwaway-gaps.ts
var throwaway_gaps = __webpack_require__(3736);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/plan/history.ts
var plan_history = __webpack_require__(3547);
// EXTERNAL MODULE: ./src/db/connect.ts
var connect = __webpack_require__(8008);
// EXTERNAL MODULE: ./src/db/timeouts.ts
var timeouts = __webpack_require__(6400);
;// CONCATENATED MODULE: ./src/schema/replay.ts

/** duplicate schema, object, table, function, column, alias: the destination has the object already. */
const DUPLICATE = new Set(['42P06', '42710', '42P07', '42723', '42701', '42P16']);
/**
 * Runs one statement under a savepoint of the open transaction: 'done', 'exists' (a duplicate-object error: the
 * destination already has it), or the error, with the transaction still usable either way.
 */
async function runInSavepoint(client, sql) {
    await client.query('SAVEPOINT replay_statement');
    try {
        await client.query(sql);
        await client.query('RELEASE SAVEPOINT replay_statement');
        return 'done';
    }
    catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT replay_statement');
        const code = e.code;
        return code && DUPLICATE.has(code) ? 'exists' : { error: e };
    }
}
/** Kinds replayed even on schemas the destination owns: what a project adds to auth.users, storage.objects. */
const ON_FOREIGN_TABLES = new Set(['policy', 'trigger', 'grant', 'rls']);
/** A table's CREATE statement with its columns (the snapshot keeps them as separate objects). */
function tableStatement(table, columns) {
    const head = /^CREATE (?:FOREIGN |UNLOGGED )?TABLE (?:"(?:[^"]|"")*"|[^ ."]+)\.(?:"(?:[^"]|"")*"|[^ ."]+)/.exec(table.definition);
    if (!head || / PARTITION OF /.test(table.definition))
        return table.definition;
    const rest = table.definition.slice(head[0].length);
    const cols = [...columns]
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
        .map(c => c.definition);
    return `${head[0]} (${cols.join(', ')})${rest}`;
}
function quoteName(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}
/** The snapshot as an ordered list of statements; `ownedSchemas` are those the destination already provides. */
function replayStatements(snapshot, ownedSchemas) {
    const objs = snapshot.objects.filter(o => !ownedSchemas.has(o.schema) || ON_FOREIGN_TABLES.has(o.kind));
    const byKind = (kind) => objs.filter(o => o.kind === kind);
    const out = [];
    const add = (o, sql) => out.push({ key: o.key, schema: o.schema, sql });
    for (const o of byKind('schema'))
        add(o, `CREATE SCHEMA IF NOT EXISTS ${quoteName(o.name)}`);
    for (const o of byKind('extension'))
        add(o, `CREATE EXTENSION IF NOT EXISTS ${quoteName(o.name)} WITH SCHEMA ${quoteName(o.schema)}`);
    for (const o of byKind('type'))
        add(o, o.definition);
    const owned = [];
    for (const o of byKind('sequence')) {
        const m = / OWNED BY (.+)$/.exec(o.definition);
        add(o, m ? o.definition.slice(0, m.index) : o.definition);
        if (m)
            owned.push(`ALTER SEQUENCE ${o.schema}.${quoteName(o.name)} OWNED BY ${m[1]}`);
    }
    for (const o of byKind('function'))
        add(o, o.definition);
    const columns = byKind('column');
    for (const t of byKind('table'))
        add(t, tableStatement(t, columns.filter(c => c.schema === t.schema && c.table === t.table)));
    const constraints = byKind('constraint');
    // Foreign keys last: they need the referenced key in place.
    const fkLast = [...constraints].sort((a, b) => Number(a.definition.startsWith('FOREIGN KEY')) -
        Number(b.definition.startsWith('FOREIGN KEY')));
    const tableName = (o) => `${quoteName(o.schema)}.${quoteName(o.table ?? '')}`;
    for (const c of fkLast)
        add(c, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${quoteName(c.name)} ${c.definition}`);
    const constraintNames = new Set(constraints.map(c => `${c.schema}.${c.name}`));
    for (const i of byKind('index'))
        if (!constraintNames.has(`${i.schema}.${i.name}`))
            add(i, i.definition.replace(/ \/\* INVALID \*\/$/, ''));
    for (const v of byKind('view'))
        add(v, v.definition);
    for (const o of byKind('rls'))
        add(o, o.definition);
    for (const o of byKind('policy'))
        add(o, o.definition);
    for (const o of byKind('trigger'))
        add(o, o.definition);
    for (const o of byKind('grant'))
        add(o, o.definition.replace(/ \/\* WITH GRANT OPTION: .* \*\/$/, ''));
    owned.forEach((sql, i) => out.push({ key: `sequence owner ${i}`, schema: '', sql }));
    return out;
}
/**
 * Runs the statements in the open transaction, each under a savepoint, passing over the list again while a pass
 * makes progress (an object created later may be what an earlier one needed).
 */
async function replay(client, statements) {
    // Function bodies may name tables created after them.
    await client.query('SET LOCAL check_function_bodies = off');
    let pending = statements;
    let applied = 0;
    let existing = 0;
    let errors = new Map();
    for (let pass = 0; pending.length > 0 && pass < 6; pass++) {
        const next = [];
        errors = new Map();
        for (const s of pending) {
            const outcome = await runInSavepoint(client, s.sql);
            if (outcome === 'done')
                applied++;
            else if (outcome === 'exists')
                existing++;
            else {
                next.push(s);
                errors.set(s.key, (0,connect/* describeError */.Uc)(outcome.error));
            }
        }
        if (next.length === pending.length) {
            pending = next;
            break;
        }
        pending = next;
    }
    return {
        applied,
        existing,
        failed: pending.map(s => ({ key: s.key, error: errors.get(s.key) ?? '' }))
    };
}

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/report/logger.ts
var logger = __webpack_require__(7116);
// EXTERNAL MODULE: ./src/run.ts + 87 modules
var run = __webpack_require__(4214);
;// CONCATENATED MODULE: ./examples/capacity/src/generate.ts
/** The sample's tables, all in public: what the generator fills and the reference API reads and writes. */
const CAPACITY_TABLES = [
    'restaurants',
    'restaurant_memberships',
    'table_inventory',
    'table_adjacencies',
    'bookings',
    'table_holds',
    'allocations'
];
/**
 * Whether the database has the capacity sample's schema: every table of CAPACITY_TABLES. A project that only
 * shares a name with it (a budgeting app's public.allocations, found on a real project) does not, and gets no
 * demo data.
 */
async function hasCapacitySchema(client) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY ($1::text[])`, [CAPACITY_TABLES]);
    return rows[0].n === CAPACITY_TABLES.length;
}
/** Where the first window of every table starts; history goes forward a day per window. */
const HISTORY_START = '2025-01-01 17:00:00+00';
function positiveInteger(name, value, min, max) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`generateCapacityData: option "${name}" is ${JSON.stringify(value)}; allowed: an integer from ${min} to ${max}`);
    }
    return value;
}
function checkOptions(opts) {
    const restaurants = positiveInteger('restaurants', opts.restaurants, 1, 1_000_000);
    const tablesPerRestaurant = positiveInteger('tablesPerRestaurant', opts.tablesPerRestaurant, 1, 10_000);
    const windowsPerTable = positiveInteger('windowsPerTable', opts.windowsPerTable, 1, 100_000);
    const conflicts = positiveInteger('conflicts', opts.conflicts ?? 0, 0, 1_000_000);
    const seed = positiveInteger('seed', opts.seed ?? 1, 0, 2_147_483_647);
    const allocations = restaurants * tablesPerRestaurant * windowsPerTable;
    if (allocations > 50_000_000) {
        throw new RangeError(`generateCapacityData: restaurants × tablesPerRestaurant × windowsPerTable is ${allocations}; allowed: at most 50000000`);
    }
    if (conflicts > allocations) {
        throw new RangeError(`generateCapacityData: option "conflicts" is ${conflicts}; allowed: at most the number of allocations (${allocations})`);
    }
    return { restaurants, tablesPerRestaurant, windowsPerTable, conflicts, seed };
}
/** Kinds of generated ids (the first hex group after the seed). */
const KIND = { restaurant: 1, owner: 2, host: 3, table: 4, booking: 5, allocation: 6 };
/**
 * SQL for a deterministic uuid: 8 hex digits of seed, 4 of kind, 8 of restaurant, 4 of table, 8 of
 * window number; e.g. restaurant 3 of seed 1 is 00000001-0001-0000-0003-000000000000.
 */
function id(kind, r, t = '0', k = '0') {
    const hex = (expr, width) => `lpad(to_hex(${expr}), ${width}, '0')`;
    return `(${hex('$1::int', 8)} || '${kind.toString(16).padStart(4, '0')}' || ${hex(`(${r})`, 8)} || ${hex(`(${t})`, 4)} || ${hex(`(${k})`, 8)})::uuid`;
}
/** The statements, in order; $1 seed, $2 restaurants, $3 tables per restaurant, $4 windows (conflicts: $4 count). */
const RESTAURANTS = `
  INSERT INTO public.restaurants (id, name, timezone)
  SELECT ${id(KIND.restaurant, 'r')}, format('Demo restaurant %s-%s', $1::int, r), 'UTC'
  FROM generate_series(1, $2::int) AS r`;
// An owner per restaurant, and a host who works at this restaurant and the next one (RLS demos).
const MEMBERSHIPS = `
  INSERT INTO public.restaurant_memberships (user_id, restaurant_id, role)
  SELECT ${id(KIND.owner, 'r')}, ${id(KIND.restaurant, 'r')}, 'owner'
  FROM generate_series(1, $2::int) AS r
  UNION ALL
  SELECT ${id(KIND.host, 'r')},
         ${id(KIND.restaurant, '(r - 1 + s) % $2::int + 1')}, 'host'
  FROM generate_series(1, $2::int) AS r, generate_series(0, least(1, $2::int - 1)) AS s`;
const TABLES = `
  INSERT INTO public.table_inventory (id, restaurant_id, table_number, capacity)
  SELECT ${id(KIND.table, 'r', 't')}, ${id(KIND.restaurant, 'r')},
         format('T%s', t), 2 + (t % 4) * 2
  FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int) AS t`;
// Tables stand in a row: t is next to t + 1. Stored once per pair, smaller id first.
const ADJACENCIES = `
  INSERT INTO public.table_adjacencies (restaurant_id, table_a, table_b)
  SELECT rid, least(a, b), greatest(a, b)
  FROM (
    SELECT ${id(KIND.restaurant, 'r')} AS rid,
           ${id(KIND.table, 'r', 't')} AS a,
           ${id(KIND.table, 'r', 't + 1')} AS b
    FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int - 1) AS t
  ) pairs`;
// Window k of table t: day k of the history, a seeded start between 17:00 and 20:30, 90 to 150 min.
// One day apart, so one table's windows never overlap each other. The hash inputs are reduced
// in bigint so large seeds do not overflow int4 (small seeds hash exactly as before).
const WINDOWS = `
  SELECT r, t, k,
         ${id(KIND.restaurant, 'r')} AS rid,
         ${id(KIND.table, 'r', 't')} AS tid,
         ${id(KIND.booking, 'r', 't', 'k')} AS bid,
         tstzrange(
           '${HISTORY_START}'::timestamptz + (k - 1) * interval '1 day'
             + ((hashint4(((($1::int::bigint * 7919 + t * 31 + k) % 2147483648)::int)) & 7) * interval '30 minutes'),
           '${HISTORY_START}'::timestamptz + (k - 1) * interval '1 day'
             + ((hashint4(((($1::int::bigint * 7919 + t * 31 + k) % 2147483648)::int)) & 7) * interval '30 minutes')
             + interval '90 minutes' + ((hashint4(((($1::int::bigint + k * 17 + t) % 2147483648)::int)) & 2) * interval '30 minutes'),
           '[)') AS w
  FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int) AS t, generate_series(1, $4::int) AS k`;
// customer_name keeps its default (''): formatting a million names cost time and showed nothing.
const BOOKINGS = `
  INSERT INTO public.bookings (id, restaurant_id, party_size, start_at, end_at, status)
  SELECT bid, rid, 2 + (t % 4) * 2, lower(w), upper(w), 'completed'
  FROM (${WINDOWS}) g
  ORDER BY r, t, k`;
// (r, t, k) order is (resource, window) order: index builds and inserts touch pages in sequence.
const ALLOCATIONS = `
  INSERT INTO public.allocations (id, restaurant_id, booking_id, resource_type, resource_id, "window")
  SELECT ${id(KIND.allocation, 'r', 't', 'k')}, rid, bid, 'table', tid, w FROM (${WINDOWS}) g
  ORDER BY r, t, k`;
/**
 * What the load drops and re-creates, each as [name, SQL that re-creates it]: foreign keys of
 * bookings and allocations, allocations' exclusion constraints, then its other gist indexes. Read
 * with search_path = pg_catalog (set by the caller), so every name in the definitions is qualified.
 */
const DETACHABLE = `
  SELECT kind, name, drop, restore FROM (
    SELECT CASE c.contype WHEN 'f' THEN 1 ELSE 2 END AS ord, c.contype::text AS kind,
           c.conname::text AS name, c.conrelid::regclass::text AS table_name,
           format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
           format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                  pg_get_constraintdef(c.oid)) AS restore
    FROM pg_constraint c
    WHERE (c.contype = 'f' AND c.conrelid IN ('public.bookings'::regclass, 'public.allocations'::regclass))
       OR (c.contype = 'x' AND c.conrelid = 'public.allocations'::regclass)
    UNION ALL
    SELECT 3, 'i', ic.relname::text, i.indrelid::regclass::text,
           format('DROP INDEX public.%I', ic.relname), pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = 'public.allocations'::regclass AND am.amname = 'gist'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  ) d
  ORDER BY ord, table_name, name`;
/** Drops what DETACHABLE lists and returns it, in the order it must be re-created. */
async function detach(client) {
    const res = await client.query(DETACHABLE);
    for (const d of res.rows)
        await client.query(d.drop);
    return res.rows;
}
// Conflict i (of $4) overlaps allocation number i (in restaurant, table, window order) by starting 30 minutes
// into it; it has no booking of its own, like a manual block.
const CONFLICTS = `
  INSERT INTO public.allocations (restaurant_id, booking_id, resource_type, resource_id, "window", shadow)
  SELECT a.restaurant_id, NULL, a.resource_type, a.resource_id,
         tstzrange(lower(a."window") + interval '30 minutes', upper(a."window") + interval '30 minutes', '[)'),
         false
  FROM public.allocations a
  JOIN (
    SELECT ${id(KIND.booking, '(i - 1) % $2::int + 1', '((i - 1) / $2::int) % $3::int + 1', '(i - 1) / ($2::int * $3::int) + 1')} AS bid
    FROM generate_series(1, $4::int) AS i
  ) c ON c.bid = a.booking_id`;
async function countOf(client, sql, params) {
    const res = await client.query(sql, params);
    return res.rowCount ?? 0;
}
async function timed(hooks, step, run) {
    const started = performance.now();
    const result = await run();
    hooks.onStep?.(step, performance.now() - started);
    return result;
}
async function generateCapacityData(client, opts, hooks = {}) {
    const o = checkOptions(opts);
    const params = [o.seed, o.restaurants, o.tablesPerRestaurant, o.windowsPerTable];
    await client.query('BEGIN');
    try {
        // Definitions are read and re-created with fully qualified names; see DETACHABLE.
        await client.query("SET LOCAL search_path = 'pg_catalog'");
        const restaurants = await countOf(client, RESTAURANTS, params.slice(0, 2));
        await client.query(MEMBERSHIPS, params.slice(0, 2));
        const tables = await countOf(client, TABLES, params.slice(0, 3));
        if (o.tablesPerRestaurant > 1)
            await client.query(ADJACENCIES, params.slice(0, 3));
        const detached = await detach(client);
        await timed(hooks, 'insert bookings', () => client.query(BOOKINGS, params));
        let allocations = await timed(hooks, 'insert allocations', () => countOf(client, ALLOCATIONS, params));
        let conflicts = 0;
        if (o.conflicts > 0) {
            conflicts = await countOf(client, CONFLICTS, [...params.slice(0, 3), o.conflicts]);
            allocations += conflicts;
        }
        // The gist build is sorted in memory rather than spilled; 512MB is for this transaction only.
        await client.query("SET LOCAL maintenance_work_mem = '512MB'");
        for (const d of detached) {
            // With conflicts the overlap constraint stays dropped: either version would refuse those rows.
            if (d.kind === 'x' && d.name === 'allocations_no_overlap' && o.conflicts > 0)
                continue;
            await timed(hooks, `re-create ${d.name}`, () => client.query(d.restore));
        }
        await timed(hooks, 'commit', () => client.query('COMMIT'));
        return { restaurants, tables, allocations, conflicts };
    }
    catch (err) {
        await client.query('ROLLBACK').catch(() => { });
        throw err;
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./examples/capacity/src/api.ts
/**
 * The reference HTTP service of the capacity model, on node:http (no framework): what the runbook's smoke
 * checks talk to in `npm run rehearse`. It books the way the application does: a booking and a table hold,
 * then a confirmation through public.confirm_hold_assignment_tx.
 *
 *   GET  /health                  200 {status:"ok"} when the database answers, else 503
 *   POST /bookings                {party_size?, tables?: 1|2, restaurant_id?, start_at?, minutes?}
 *                                 201 {booking, hold}: free table(s) (2 = an adjacent pair) held 10 minutes
 *   POST /bookings/:id/confirm    {hold_id, idempotency_key?, adjacency_mode?}
 *                                 200 {result} when confirmed, 409 {result} when the function recorded a failure
 *
 * With a token, every route but /health needs `Authorization: Bearer <token>`.
 */



const MAX_BODY = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
function readJson(req) {
    return new Promise((resolve, reject) => {
        let size = 0;
        const chunks = [];
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY)
                reject(new HttpError(413, `body is over ${MAX_BODY} bytes`));
            else
                chunks.push(c);
        });
        req.on('error', reject);
        req.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8').trim();
            if (text === '')
                return resolve({});
            try {
                const value = JSON.parse(text);
                if (value === null || typeof value !== 'object' || Array.isArray(value))
                    return reject(new HttpError(400, 'body is not a JSON object'));
                resolve(value);
            }
            catch {
                reject(new HttpError(400, 'body is not valid JSON'));
            }
        });
    });
}
function intField(body, name, fallback, min, max) {
    const v = body[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        throw new HttpError(400, `${name} is ${JSON.stringify(v)}; allowed: an integer from ${min} to ${max}`);
    return v;
}
function uuidField(body, name, required) {
    const v = body[name];
    if (v === undefined && !required)
        return undefined;
    if (typeof v !== 'string' || !UUID.test(v))
        throw new HttpError(400, `${name} is ${JSON.stringify(v) ?? 'missing'}; allowed: a uuid`);
    return v;
}
/** Free tables of one restaurant for the window: one table, or two adjacent ones (table_adjacencies). */
const FIND_TABLES = `
  WITH w AS (SELECT tstzrange($1::timestamptz, $1::timestamptz + make_interval(mins => $2::int)) AS win),
  free AS (
    SELECT t.id, t.restaurant_id, t.capacity
      FROM public.table_inventory t, w
     WHERE t.active
       AND ($3::uuid IS NULL OR t.restaurant_id = $3::uuid)
       AND NOT EXISTS (SELECT 1 FROM public.allocations a
                        WHERE a.resource_id = t.id AND NOT a.shadow AND a."window" && w.win)
       AND NOT EXISTS (SELECT 1 FROM public.table_holds h
                        WHERE t.id = ANY (h.table_ids) AND h.expires_at > now() AND h."window" && w.win)
  )
  SELECT restaurant_id, ARRAY[id] AS table_ids
    FROM free WHERE $4::int = 1 AND capacity >= $5::int
  UNION ALL
  SELECT a.restaurant_id, ARRAY[a.table_a, a.table_b]
    FROM public.table_adjacencies a
    JOIN free fa ON fa.id = a.table_a
    JOIN free fb ON fb.id = a.table_b
   WHERE $4::int = 2 AND fa.capacity + fb.capacity >= $5::int
   LIMIT 1`;
async function createBooking(pool, body) {
    const partySize = intField(body, 'party_size', 2, 1, 50);
    const tables = intField(body, 'tables', 1, 1, 2);
    const minutes = intField(body, 'minutes', 90, 15, 600);
    const restaurantId = uuidField(body, 'restaurant_id', false) ?? null;
    const startAt = body.start_at === undefined
        ? // A week ahead, on the hour: clear of the demo history.
            new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000).toISOString()
        : String(body.start_at);
    if (Number.isNaN(Date.parse(startAt)))
        throw new HttpError(400, `start_at is ${JSON.stringify(body.start_at)}; allowed: an ISO timestamp`);
    const client = await pool.connect();
    try {
        await client.query('BEGIN');
        const found = await client.query(FIND_TABLES, [
            startAt,
            minutes,
            restaurantId,
            tables,
            partySize
        ]);
        if (found.rows.length === 0)
            throw new HttpError(409, 'no free table for this party and window');
        const { restaurant_id, table_ids } = found.rows[0];
        const booking = await client.query(`INSERT INTO public.bookings (restaurant_id, customer_name, party_size, start_at, end_at)
       VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + make_interval(mins => $5::int))
       RETURNING id, restaurant_id, customer_name, party_size, start_at, end_at, status`, [restaurant_id, String(body.customer_name ?? 'smoke test'), partySize, startAt, minutes]);
        const hold = await client.query(`INSERT INTO public.table_holds (restaurant_id, booking_id, table_ids, "window", expires_at)
       VALUES ($1, $2, $3::uuid[], tstzrange($4::timestamptz, $5::timestamptz), now() + interval '10 minutes')
       RETURNING id, table_ids, "window"::text AS "window", expires_at`, [
            restaurant_id,
            booking.rows[0].id,
            table_ids,
            booking.rows[0].start_at,
            booking.rows[0].end_at
        ]);
        await client.query('COMMIT');
        return { booking: booking.rows[0], hold: hold.rows[0] };
    }
    catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
    }
    finally {
        client.release();
    }
}
async function confirmBooking(pool, bookingId, body) {
    if (!UUID.test(bookingId))
        throw new HttpError(404, `booking ${JSON.stringify(bookingId)} not found`);
    const holdId = uuidField(body, 'hold_id', true);
    const key = body.idempotency_key === undefined ? (0,external_node_crypto_.randomUUID)() : String(body.idempotency_key);
    const mode = body.adjacency_mode === undefined ? null : String(body.adjacency_mode);
    try {
        const res = await pool.query('SELECT public.confirm_hold_assignment_tx($1::uuid, $2::uuid, $3::text, $4::text) AS result', [holdId, bookingId, key, mode]);
        return res.rows[0].result;
    }
    catch (e) {
        const code = e.code;
        if (code === 'P0002')
            throw new HttpError(404, `booking ${bookingId} not found`);
        if (code === '22023' || code === '22004')
            throw new HttpError(400, e.message);
        throw e;
    }
}
function send(res, status, value) {
    const text = JSON.stringify(value);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text)
    });
    res.end(text);
}
async function startCapacityApi(opts) {
    const pool = new esm/* default.Pool */.Ay.Pool({
        connectionString: opts.databaseUrl,
        max: 4,
        application_name: 'capacity-api'
    });
    // An idle client's error (the server stopping) must not crash the process.
    pool.on('error', () => undefined);
    const server = external_node_http_default().createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const route = async () => {
            if (req.method === 'GET' && url.pathname === '/health') {
                try {
                    await pool.query('SELECT 1');
                    return send(res, 200, { status: 'ok' });
                }
                catch {
                    return send(res, 503, { status: 'unavailable', error: 'the database does not answer' });
                }
            }
            if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`)
                throw new HttpError(401, 'missing or wrong Authorization: Bearer token');
            if (req.method === 'POST' && url.pathname === '/bookings')
                return send(res, 201, await createBooking(pool, await readJson(req)));
            const confirm = /^\/bookings\/([^/]+)\/confirm$/.exec(url.pathname);
            if (req.method === 'POST' && confirm) {
                const result = await confirmBooking(pool, decodeURIComponent(confirm[1]), await readJson(req));
                return send(res, result.status === 'confirmed' ? 200 : 409, { result });
            }
            throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
        };
        route().catch((e) => {
            if (e instanceof HttpError)
                send(res, e.status, { error: e.message });
            // A reference service: the database's own words help the smoke report more than a bare 500.
            else
                send(res, 500, { error: e.message });
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return {
        url: `http://${address.address}:${address.port}`,
        stop: async () => {
            server.closeAllConnections();
            await new Promise(resolve => server.close(() => resolve()));
            await pool.end().catch(() => undefined);
        }
    };
}
/**
 * For `rehearse`: the service on a free local port against the throwaway database, with a fresh token
 * (registered as a secret), and the variables the runbook's smoke scenarios read.
 */
async function startRehearsalApi(databaseUrl, addSecret) {
    const token = (0,external_node_crypto_.randomUUID)();
    addSecret(token);
    const api = await startCapacityApi({ databaseUrl, token });
    return { api, variables: { CAPACITY_API_URL: api.url, CAPACITY_API_TOKEN: token } };
}

// EXTERNAL MODULE: ./src/report/table.ts
var report_table = __webpack_require__(790);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/engine/embedded-target.ts
var embedded_target = __webpack_require__(2158);
// EXTERNAL MODULE: ./src/schema/index.ts + 2 modules
var schema = __webpack_require__(7675);
;// CONCATENATED MODULE: ./src/embedded/rehearse.ts
/**
 * The README's main job: on a throwaway Postgres, apply what is deployed (every migration but the newest, or up
 * to --baseline), load demo data, then validate → apply → verify → rollback → apply the pending migrations,
 * writing artifacts/ and a readable summary.
 */






















/** A step of preparing the throwaway database failed: where, and Postgres's own words. */
class BaselineStepError extends Error {
    file;
    line;
    constructor(message, file, line) {
        super(message);
        this.file = file;
        this.line = line;
    }
}
/** The relation a statement creates (CREATE TABLE, VIEW, MATERIALIZED VIEW, TABLE AS), schema-qualified. */
function createdRelation(ast) {
    const made = ast.CreateStmt?.relation ?? ast.ViewStmt?.view ?? ast.CreateTableAsStmt?.into?.rel;
    return typeof made?.relname === 'string' ? (0,parser/* qualifiedName */.OL)(made) : undefined;
}
/** The relation a "relation ... does not exist" error names, schema-qualified (public when unqualified). */
function missingRelation(message) {
    const named = /relation "([^"]+)" does not exist/.exec(message)?.[1];
    return named === undefined ? undefined : named.includes('.') ? named : `public.${named}`;
}
/** The first statement of `sql` that creates `relation`, or undefined (also when the text does not parse). */
function creatorIn(sql, relation) {
    const parsed = (0,parser/* parseSql */.eg)(sql);
    return parsed.error
        ? undefined
        : parsed.statements.find(st => createdRelation(st.ast) === relation);
}
/** The fix to print for a failure while preparing the throwaway database. */
function baselineAdvice(message, failedFile, migrations, schemaFile) {
    const gap = (0,throwaway_gaps/* throwawayGap */.J)(message);
    if (gap)
        return gap;
    const missing = missingRelation(message);
    const outside = 'If your project made it outside the migrations (the dashboard, an ORM, an extension), add it to setup-sql: ' +
        'in runbook.yml';
    if (missing && schemaFile && failedFile === schemaFile.file) {
        // The dump is run in file order: a hand-made or edited one can use a table before it creates it.
        const creator = creatorIn(schemaFile.sql.replace(/^\\.*$/gm, m => ' '.repeat(m.length)), missing);
        return creator
            ? `${schemaFile.file} creates ${missing} only at line ${creator.line}, after this use: its statements run in ` +
                'file order, as psql runs a dump. Move the CREATE above the first use, or take a fresh dump (supabase db dump)'
            : `${schemaFile.file} never creates ${missing}. ${outside}, or take a fresh dump (supabase db dump)`;
    }
    const at = migrations.findIndex(m => m.file === failedFile);
    if (missing && at >= 0) {
        // When the missing relation is created by a migration after the failed one, the files are out of order
        // (found on a real project whose `0043_x.sql` sorts before every timestamped file).
        const later = migrations.slice(at + 1).find(m => creatorIn(m.sql, missing));
        if (later)
            return (`${missing} is created by a later migration, ${later.file}: the files run in version order (as ` +
                `\`supabase db push\` runs them), so ${failedFile} runs first and cannot see it. Give ${failedFile} a version ` +
                `after ${later.file}'s (if a database applied them in another order, start from its real schema: ` +
                '--baseline-schema <supabase db dump file>)');
        if (!migrations.slice(0, at).some(m => creatorIn(m.sql, missing)))
            return (`no migration in the folder creates ${missing}, and the throwaway database (a fresh hosted Supabase ` +
                `project's stand-in) has no such table. ${outside}, or start from the real schema: --baseline-schema ` +
                '<supabase db dump file>');
    }
    if (/does not exist/.test(message))
        return ('the throwaway database is a stand-in for a fresh hosted Supabase project and lacks this object. ' +
            `${outside}, or start from the real schema: --baseline-schema <supabase db dump file>`);
    return 'fix the migration (the Supabase CLI would stop here too), or start from the real schema with --baseline-schema <file>';
}
/** Runs a file statement by statement (a dump holds objects the stand-in already has: those are skipped). */
async function runSchemaFile(client, file, sql, signal) {
    // psql meta-commands (\connect, \restrict in newer pg_dump output) are not SQL.
    const text = sql.replace(/^\\.*$/gm, match => ' '.repeat(match.length));
    const parsed = (0,parser/* parseSql */.eg)(text);
    if (parsed.error)
        throw new BaselineStepError(`${file}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`, file, parsed.error.line);
    let skipped = 0;
    for (const s of parsed.statements) {
        // A dump's statements are short: the run stops between two of them.
        (0,cancel/* throwIfCancelled */.dZ)(signal, `${file}:${s.line}`);
        const outcome = await runInSavepoint(client, s.text);
        if (outcome === 'exists')
            skipped++;
        else if (outcome !== 'done')
            throw new BaselineStepError(`${file}:${s.line}: ${(0,connect/* describeError */.Uc)(outcome.error)}`, file, s.line);
    }
    return skipped;
}
/** The source environment's snapshot and applied versions, read in a read-only session. */
async function readSource(url, redactor) {
    const source = await (0,connect/* connect */.Ng)({ url, redactor, applicationName: 'migration-runbook-baseline' });
    try {
        // Read only, by the server's word: nothing of this step can write to the source.
        await source.query(`SET default_transaction_read_only = on; ${(0,timeouts/* setTimeoutsSql */.VU)('SESSION', { lockMs: 5_000, statementMs: 60_000 })}`);
        const snapshot = await (0,schema/* snapshotSchema */.ap)(source);
        const applied = (await (0,plan_history/* readHistory */.Lu)(source)).map(h => h.version);
        return { snapshot, applied };
    }
    finally {
        await source.end().catch(() => undefined);
    }
}
/**
 * A fresh database on the server: the Supabase stand-in, setup-sql, then the baseline (a schema dump, or the
 * deployed migrations replayed), then demo data. A failure is returned as a failed `baseline` check.
 */
async function prepareEmbeddedTarget(server, opts) {
    const t0 = Date.now();
    const migrations = opts.migrations;
    // --baseline-from: the target's shape and history, read before anything is created here.
    const source = opts.baselineFrom
        ? await readSource(opts.baselineFrom.url, opts.redactor)
        : undefined;
    const deployed = source
        ? migrations.filter(m => source.applied.includes(m.version))
        : opts.baseline === undefined
            ? opts.deployAll
                ? migrations
                : migrations.slice(0, -1)
            : migrations.filter(m => (0,files/* compareVersions */.Zy)(m.version, opts.baseline) <= 0);
    const url = await server.createDatabase(opts.databaseName ?? 'runbook');
    opts.redactor.addDatabaseUrl(url);
    await (0,parser/* loadParser */.qd)();
    (0,secrets/* registerRolePasswords */.Yu)(opts.redactor, migrations);
    const client = await (0,connect/* connect */.Ng)({
        url,
        redactor: opts.redactor,
        applicationName: 'migration-runbook-baseline'
    });
    const steps = [];
    /** Deployed migrations replayed so far (a cancelled replay says how far it got). */
    let replayed = 0;
    const result = (status, summary, reasons = [], e) => ({
        id: 'baseline',
        title: 'Prepare the throwaway database',
        status,
        summary,
        reasons,
        details: { steps, deployed: deployed.map(m => m.version) },
        annotations: e?.file && e.line
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
    });
    try {
        const log = new logger/* Logger */.V(opts.redactor, (_level, line) => opts.log(line));
        for (const setup of opts.setupSql ?? []) {
            await client.query('BEGIN');
            try {
                await runSchemaFile(client, setup.label, setup.sql, opts.signal);
                await client.query('COMMIT');
            }
            catch (e) {
                await client.query('ROLLBACK').catch(() => undefined);
                throw e;
            }
            steps.push(`setup-sql: ${setup.label}`);
        }
        if (source && opts.baselineFrom) {
            const owned = new Set((await client.query(`SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public') AND nspname !~ '^pg_' AND nspname <> 'information_schema'`)).rows.map(r => r.nspname));
            await client.query('BEGIN');
            try {
                const replayed = await replay(client, replayStatements(source.snapshot, owned));
                await (0,plan_history/* ensureHistoryTables */.Y1)(client);
                for (const m of deployed)
                    await (0,plan_history/* recordApplied */.RC)(client, m.version, m.name, []);
                await client.query('COMMIT');
                const from = opts.baselineFrom.environment;
                steps.push(`replayed ${from}'s schema (${replayed.applied} objects, ${replayed.existing} already in the stand-in); ` +
                    `recorded as applied, as on ${from}: ${deployed.map(m => m.version).join(', ') || 'nothing'}`);
                const unknown = source.applied.filter(v => !migrations.some(m => m.version === v));
                if (unknown.length > 0)
                    steps.push(`${from} has applied ${unknown.join(', ')}, which this folder does not have (not recorded here)`);
                const tablesFailed = replayed.failed.filter(f => f.key.startsWith('table '));
                if (replayed.failed.length > 0)
                    steps.push(`${replayed.failed.length} object(s) could not be replayed: ` +
                        replayed.failed
                            .slice(0, 10)
                            .map(f => `${f.key} (${f.error})`)
                            .join('; '));
                if (tablesFailed.length > 0)
                    throw new BaselineStepError(`${tablesFailed.length} table(s) of ${from} could not be replayed: ${tablesFailed.map(f => `${f.key}: ${f.error}`).join('; ')}`);
            }
            catch (e) {
                await client.query('ROLLBACK').catch(() => undefined);
                throw e;
            }
        }
        else if (opts.baselineSchema) {
            await client.query('BEGIN');
            let skipped = 0;
            try {
                skipped = await runSchemaFile(client, opts.baselineSchema.file, opts.baselineSchema.sql, opts.signal);
                // The dump is the deployed state: its migrations are recorded as applied without running them.
                await (0,plan_history/* ensureHistoryTables */.Y1)(client);
                for (const m of deployed)
                    await (0,plan_history/* recordApplied */.RC)(client, m.version, m.name, []);
                await client.query('COMMIT');
            }
            catch (e) {
                await client.query('ROLLBACK').catch(() => undefined);
                throw e;
            }
            steps.push(`baseline schema ${opts.baselineSchema.file}` +
                (skipped
                    ? ` (${skipped} statement(s) for objects the stand-in already has skipped)`
                    : '') +
                `; recorded as applied: ${deployed.map(m => m.version).join(', ') || 'nothing'}`);
        }
        else {
            try {
                await (0,apply/* applyMigrations */.KV)(client, opts.migrationsDir, deployed, {
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
                    snapshot: async (c, m) => m === deployed[deployed.length - 1] ? (0,schema/* snapshotSchema */.ap)(c) : undefined,
                    redact: text => opts.redactor.redact(text),
                    replayingDeployed: true,
                    signal: opts.signal,
                    onApplied: () => {
                        replayed++;
                    }
                });
            }
            catch (e) {
                if (e instanceof apply/* ApplyError */.d5 || e instanceof statements/* MigrationFileError */.lm)
                    throw new BaselineStepError(e.message, e.file, e.line);
                throw e;
            }
            steps.push(deployed.length > 5
                ? `applied ${deployed.length} migrations, ${deployed[0].version} … ${deployed[deployed.length - 1].version}`
                : `applied ${deployed.map(m => m.version).join(', ') || 'nothing'}`);
        }
        opts.log(`baseline: ${steps.join('; ') || 'nothing to prepare'}`);
        (0,cancel/* throwIfCancelled */.dZ)(opts.signal, 'the demo data');
        const sample = await hasCapacitySchema(client);
        if (sample && opts.demoRows > 0) {
            const restaurants = 20;
            const tablesPerRestaurant = 10;
            const windowsPerTable = Math.max(1, Math.round(opts.demoRows / (restaurants * tablesPerRestaurant)));
            const made = await generateCapacityData(client, {
                restaurants,
                tablesPerRestaurant,
                windowsPerTable,
                seed: 42
            });
            await client.query('ANALYZE');
            const demo = `demo data: ${made.restaurants} restaurants, ${made.tables} tables, ${made.allocations} allocations`;
            steps.push(demo);
            opts.log(demo);
        }
        else if (!sample && opts.demoRows > 0) {
            // Said where the reader looks (the baseline check's summary): the checks that count rows (conflicts, the
            // lock forecast) then see what the migrations and setup-sql inserted, often nothing.
            const none = "no demo data (--demo-rows fills the capacity sample's tables only): the tables hold what the migrations and setup-sql insert";
            steps.push(none);
            opts.log(none);
        }
        return {
            url,
            baseline: deployed.map(m => m.version),
            result: result('pass', steps.join('; ') || 'a fresh Supabase stand-in'),
            sample
        };
    }
    catch (e) {
        const failed = e instanceof BaselineStepError ? e : new BaselineStepError((0,connect/* describeError */.Uc)(e));
        const message = opts.redactor.redact(failed.message);
        if (opts.signal?.aborted || e instanceof cancel/* CancelledError */.cc) {
            // Whatever the cancelled statement made of it, the truth is: cancelled (its transaction rolled back).
            const why = String(opts.signal?.reason?.message ?? 'cancelled');
            const done = [
                ...steps,
                ...(replayed > 0
                    ? [`${replayed} of ${deployed.length} deployed migration(s) replayed`]
                    : [])
            ];
            opts.log(`baseline cancelled (${why}): ${done.join('; ') || 'nothing prepared yet'}`);
            return {
                url,
                baseline: deployed.map(m => m.version),
                result: result('cancelled', `cancelled while preparing the throwaway database (${why}); the file running was rolled back`, [message]),
                sample: false
            };
        }
        opts.log(`baseline failed: ${message}`);
        return {
            url,
            baseline: deployed.map(m => m.version),
            result: result('fail', `the throwaway database could not be prepared${failed.file ? ` (${failed.file}${failed.line ? `:${failed.line}` : ''})` : ''}`, [message, `fix: ${baselineAdvice(message, failed.file, migrations, opts.baselineSchema)}`], failed),
            sample: false
        };
    }
    finally {
        await client.end();
    }
}
const REHEARSAL_STAGES = ['validate', 'apply', 'verify', 'rollback', 'apply'];
/** Without a rollback script for every pending migration, the round trip stops after verify (with a warning). */
const REHEARSAL_STAGES_WITHOUT_ROLLBACK = ['validate', 'apply', 'verify'];
async function rehearse(opts) {
    const migrationsDir = opts.inputs['migrations-dir'] ?? 'migrations';
    const artifactsRoot = opts.inputs['artifacts-dir'] ?? 'artifacts';
    // Bad usage is found before any server starts. The policy is loaded once, for every stage.
    const policy = (0,baseline_inputs/* policyFor */.KV)(opts.inputs, opts.environment, opts.cwd);
    // So is a folder the engine refuses (a version used twice, a file that is not UTF-8): read here, once.
    const discovered = (0,files/* discoverMigrationsWithWarnings */.Aq)(migrationsDir, opts.cwd, {
        noTransactionMarkers: policy.lint.noTransactionMarkers
    });
    const migrations = discovered.migrations;
    // The folder's warnings (an empty migration) are the same in every stage: printed once here, while each
    // stage's own log (its evidence) still has them.
    const folderWarnings = new Set(discovered.warnings.map(w => opts.redactor.redact(w)));
    const printed = new Set();
    // The engine's embedded provider: one throwaway database through every stage, stopped at the end.
    const target = (0,embedded_target.embeddedTarget)({
        baseline: opts.baseline,
        baselineSchema: opts.baselineSchema,
        baselineFrom: opts.baselineFrom,
        demoRows: opts.demoRows,
        databaseName: 'rehearsal',
        keep: true
    });
    const runs = [];
    const notes = [];
    // The reference capacity API the smoke checks call (issue 13), stopped with the server.
    let api;
    try {
        // Prepared before the first stage: the smoke API needs its URL, the stage list its pending migrations.
        const prepared = await target.prepare({
            stage: REHEARSAL_STAGES[0],
            root: opts.cwd,
            migrationsDir,
            givenUrl: inputs.PROVIDED_TARGET_URL,
            policy,
            redactor: opts.redactor,
            progress: opts.log,
            signal: opts.signal
        });
        const pending = migrations.filter(m => !prepared.baseline.includes(m.version));
        const withoutRollback = pending.filter(m => !m.rollback);
        let stages = REHEARSAL_STAGES;
        if (pending.length === 0 && prepared.result.status === 'pass') {
            // Nothing to apply, so nothing this round trip could roll back: the rollback stage would only fail.
            stages = REHEARSAL_STAGES_WITHOUT_ROLLBACK;
            notes.push(`WARN nothing to rehearse: no pending migration in ${migrationsDir}` +
                (prepared.baseline.length > 0
                    ? ` (the baseline deployed all ${prepared.baseline.length})`
                    : '') +
                '; rollback not rehearsed.');
            opts.log(notes[notes.length - 1]);
        }
        else if (withoutRollback.length > 0 && prepared.result.status === 'pass') {
            stages = REHEARSAL_STAGES_WITHOUT_ROLLBACK;
            const dir = external_node_path_default().join(migrationsDir, 'rollback');
            const many = withoutRollback.length > 1;
            notes.push(`WARN rollback not rehearsed: ${many ? `${withoutRollback.length} pending migrations have` : `${withoutRollback[0].file} has`} no rollback script${many ? ` (${(0,format/* shortList */.pg)(withoutRollback.map(m => external_node_path_default().basename(m.file)))})` : ''}. ` +
                `Rollback is optional; to rehearse it, add ${many ? external_node_path_default().join(dir, '<the same file name>') : external_node_path_default().join(dir, external_node_path_default().basename(withoutRollback[0].file))} with the SQL that undoes the migration.`);
            opts.log(notes[notes.length - 1]);
        }
        // The sample app's service, for the sample's smoke scenarios: only when the schema is the sample's.
        const smoke = prepared.result.status === 'pass' && prepared.sample
            ? await startRehearsalApi(prepared.url, s => opts.redactor.add(s))
            : undefined;
        api = smoke?.api;
        if (api)
            opts.log(`capacity API (smoke checks) on ${api.url}`);
        for (const [i, stage] of stages.entries()) {
            const config = (0,inputs.parseInputs)({
                ...opts.inputs,
                environment: opts.environment,
                stage,
                'database-url': inputs.PROVIDED_TARGET_URL,
                'artifacts-dir': external_node_path_default().join(artifactsRoot, 'rehearsal', `${i + 1}-${stage}`)
            }, { root: opts.cwd, env: { ...opts.env, ...smoke?.variables } });
            opts.log(`\n=== ${i + 1}/${stages.length} ${stage} ===`);
            const outcome = await (0,run.runStage)({
                config,
                redactor: opts.redactor,
                root: opts.cwd,
                environ: opts.env,
                signal: opts.signal,
                // The first stage's report carries how the throwaway database was prepared (and why it failed).
                target,
                policy,
                logSink: (level, line) => {
                    if (level === 'debug')
                        return;
                    if (level === 'warn' && folderWarnings.has(line)) {
                        if (printed.has(line))
                            return;
                        printed.add(line);
                    }
                    opts.log(line);
                }
            });
            runs.push(outcome);
            if (outcome.exitCode !== 0 || opts.signal?.aborted)
                break;
        }
    }
    finally {
        await api?.stop().catch(() => undefined);
        await target.stop();
    }
    const failed = runs.some(r => r.exitCode !== 0);
    const table = (0,report_table.renderTable)(runs.map(r => r.report)) +
        (notes.length ? notes.join('\n') + '\n' : '') +
        `\nevidence: ${external_node_path_default().join(artifactsRoot, 'rehearsal')}/\n`;
    return { runs, table, exitCode: failed ? 1 : 0 };
}


/***/ }),

/***/ 790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderTable: () => (/* binding */ renderTable)
/* harmony export */ });
const MARK = {
    pass: 'PASS',
    warn: 'WARN',
    fail: 'FAIL',
    skip: 'skip',
    cancelled: 'CANCEL'
};
function pad(text, width) {
    return text.length > width
        ? text.slice(0, width - 1) + '…'
        : text + ' '.repeat(width - text.length);
}
/** Reasons a check shows in the terminal table. */
const MAX_REASONS = 5;
function renderTable(reports) {
    const lines = [];
    for (const r of reports) {
        lines.push(`${r.stage.toUpperCase()} on ${r.environment}: ${r.status.toUpperCase()} in ${(r.durationMs / 1000).toFixed(1)} s` +
            (r.applied.length ? ` (applied ${r.applied.join(', ')})` : ''));
        lines.push(`  ${pad('check', 18)} ${pad('status', 6)} ${pad('ms', 8)} summary`);
        for (const c of r.checks) {
            lines.push(`  ${pad(c.id, 18)} ${pad(MARK[c.status], 6)} ${pad(String(c.durationMs), 8)} ${c.summary}`);
            if (c.status === 'fail' || c.status === 'warn' || c.status === 'cancelled') {
                for (const reason of c.reasons.slice(0, MAX_REASONS))
                    lines.push(`      - ${reason}`);
                // Cut, not dropped without a word: the log printed each one, summary.json and report.md have them all.
                if (c.reasons.length > MAX_REASONS)
                    lines.push(`      … and ${c.reasons.length - MAX_REASONS} more (above in the log; all in summary.json and report.md)`);
            }
        }
        lines.push('');
    }
    return lines.join('\n');
}


/***/ })

};
