/**
 * The Supabase stand-in every throwaway database gets (src/embedded/bootstrap.ts): a fresh database has
 * the objects of a fresh hosted project, and a small app's real-style migrations (fixture supabase-app,
 * Supabase CLI layout) apply to it and behave: the signup trigger on auth.users, RLS with auth.uid(),
 * storage policies with storage.foldername(), uuid_generate_v4() unqualified, the realtime publication, and
 * Broadcast from the database (realtime.send, realtime.broadcast_changes).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { bootstrapDatabase, startEmbeddedPostgres } from '../../src/embedded/server.js'
import { diffSnapshots, isEmptyDiff, renderDiff, snapshotSchema } from '../../src/schema/index.js'

const MIGRATIONS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'supabase-app',
  'supabase',
  'migrations'
)

const ALICE = '0d6c3f52-8b1e-4c57-9a3e-2f1d7b6a0001'
const BOB = '0d6c3f52-8b1e-4c57-9a3e-2f1d7b6a0002'

const PLATFORM_ROLES = [
  'anon',
  'authenticated',
  'authenticator',
  'dashboard_user',
  'pgbouncer',
  'service_role',
  'supabase_admin',
  'supabase_auth_admin',
  'supabase_realtime_admin',
  'supabase_storage_admin'
]

/**
 * Broadcast from the database as projects write it (repro-realtime-send, repro-realtime-broadcast): realtime.send from
 * a function, realtime.broadcast_changes from a trigger with `set search_path = ''`, and a row written at once.
 */
const BROADCAST_MIGRATION = `
create table public.runs (id uuid primary key default gen_random_uuid(), status text not null default 'created');
create or replace function public.notify_run(run_id uuid) returns void language sql set search_path = '' as $$
  select realtime.send(jsonb_build_object('run_id', run_id), 'run:started', 'run:' || run_id::text, false);
$$;
create or replace function public.runs_broadcast() returns trigger language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.broadcast_changes('runs:' || new.id::text, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
  return new;
end $$;
create trigger runs_broadcast after insert or update on public.runs for each row execute function public.runs_broadcast();
insert into public.runs default values;
`

function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS)
    .filter(f => f.endsWith('.sql'))
    .sort()
}

/** The engine does not accept a file wrapped in its own BEGIN/COMMIT yet: the test unwraps it. */
function unwrapTransaction(sql: string): string {
  return sql.replace(/^\s*begin\s*;/i, '').replace(/commit\s*;\s*$/i, '')
}

async function applyFixture(client: pg.Client): Promise<void> {
  for (const file of migrationFiles()) {
    const sql = unwrapTransaction(readFileSync(path.join(MIGRATIONS, file), 'utf8'))
    await client.query('BEGIN')
    try {
      await client.query(sql)
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK')
      throw new Error(`${file}: ${(err as Error).message}`)
    }
  }
}

/** Runs `fn` as PostgREST would for a signed-in user, and commits what it wrote. */
async function asUser<T>(client: pg.Client, userId: string, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    await client.query('SET LOCAL ROLE authenticated')
    await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated', email: `${userId}@example.com` })
    ])
    const result = await fn()
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  }
}

async function signUp(client: pg.Client, id: string, email: string, fullName: string) {
  await client.query(
    `INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     VALUES ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
             extensions.crypt('secret', extensions.gen_salt('bf', 4)), now(),
             '{"provider":"email","providers":["email"]}', $3, now(), now())`,
    [id, email, JSON.stringify({ full_name: fullName })]
  )
}

describe('a fresh database', () => {
  let db: TestDatabase
  let client: pg.Client

  beforeAll(async () => {
    db = await createTestDatabase('embedded_fresh')
    client = await db.client()
  })

  afterAll(async () => {
    await db?.drop()
  })

  test('has the hosted roles and memberships', async () => {
    const roles = await client.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname',
      [PLATFORM_ROLES]
    )
    expect(roles.rows.map(r => r.rolname)).toEqual(PLATFORM_ROLES)

    const attributes = await client.query(
      `SELECT rolname, rolbypassrls, rolinherit FROM pg_roles
        WHERE rolname IN ('anon', 'service_role', 'authenticator') ORDER BY rolname`
    )
    expect(attributes.rows).toEqual([
      { rolname: 'anon', rolbypassrls: false, rolinherit: true },
      { rolname: 'authenticator', rolbypassrls: false, rolinherit: false },
      { rolname: 'service_role', rolbypassrls: true, rolinherit: true }
    ])

    // pg_has_role is always true for a superuser such as postgres: read the memberships themselves.
    const memberships = await client.query<{ granted: string; member: string; admin: boolean }>(
      `SELECT r.rolname AS granted, m.rolname AS member, bool_or(am.admin_option) AS admin
         FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
        WHERE m.rolname IN ('authenticator', 'postgres') AND r.rolname = ANY($1)
        GROUP BY 1, 2 ORDER BY 2, 1`,
      [PLATFORM_ROLES]
    )
    expect(memberships.rows).toEqual([
      { granted: 'anon', member: 'authenticator', admin: false },
      { granted: 'authenticated', member: 'authenticator', admin: false },
      { granted: 'service_role', member: 'authenticator', admin: false },
      { granted: 'anon', member: 'postgres', admin: true },
      { granted: 'authenticated', member: 'postgres', admin: true },
      { granted: 'authenticator', member: 'postgres', admin: true },
      { granted: 'service_role', member: 'postgres', admin: true },
      { granted: 'supabase_realtime_admin', member: 'postgres', admin: false }
    ])
  })

  test('has the platform schemas, but not the history schema the tool creates itself', async () => {
    const schemas = await client.query<{ nspname: string; owner: string }>(
      `SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace
        WHERE nspname IN ('auth', 'storage', 'realtime', 'graphql_public', 'extensions', 'supabase_migrations')
        ORDER BY nspname`
    )
    expect(schemas.rows).toEqual([
      { nspname: 'auth', owner: 'supabase_admin' },
      { nspname: 'extensions', owner: 'postgres' },
      { nspname: 'graphql_public', owner: 'supabase_admin' },
      { nspname: 'realtime', owner: 'supabase_admin' },
      { nspname: 'storage', owner: 'supabase_admin' }
    ])
  })

  test('a new session searches extensions, so uuid-ossp and pgcrypto work unqualified', async () => {
    const ext = await client.query(
      `SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname IN ('uuid-ossp', 'pgcrypto') ORDER BY 1`
    )
    expect(ext.rows).toEqual([
      { extname: 'pgcrypto', nspname: 'extensions' },
      { extname: 'uuid-ossp', nspname: 'extensions' }
    ])
    const fresh = await db.client()
    const sp = await fresh.query<{ search_path: string }>('SHOW search_path')
    expect(sp.rows[0].search_path).toBe('"$user", public, extensions')
    const res = await fresh.query(
      `SELECT uuid_generate_v4()::text ~ '^[0-9a-f-]{36}$' AS uuid, length(gen_random_bytes(16)) AS bytes,
              crypt('pw', gen_salt('bf', 4)) LIKE '$2a$04$%' AS hashed`
    )
    expect(res.rows[0]).toEqual({ uuid: true, bytes: 16, hashed: true })
  })

  test('auth.users and auth.identities have GoTrue’s columns, generated ones included', async () => {
    const cols = await client.query<{
      table_name: string
      column_name: string
      is_generated: string
    }>(
      `SELECT table_name, column_name, is_generated FROM information_schema.columns
        WHERE table_schema = 'auth' AND table_name IN ('users', 'identities')`
    )
    const users = cols.rows.filter(c => c.table_name === 'users').map(c => c.column_name)
    expect(users).toEqual(
      expect.arrayContaining([
        'id',
        'instance_id',
        'aud',
        'role',
        'email',
        'encrypted_password',
        'email_confirmed_at',
        'invited_at',
        'confirmation_token',
        'recovery_token',
        'email_change',
        'last_sign_in_at',
        'raw_app_meta_data',
        'raw_user_meta_data',
        'is_super_admin',
        'created_at',
        'updated_at',
        'phone',
        'phone_confirmed_at',
        'confirmed_at',
        'banned_until',
        'deleted_at',
        'is_anonymous',
        'is_sso_user'
      ])
    )
    const generated = cols.rows
      .filter(c => c.is_generated === 'ALWAYS')
      .map(c => `${c.table_name}.${c.column_name}`)
      .sort()
    expect(generated).toEqual(['identities.email', 'users.confirmed_at'])
    const tables = await client.query<{ name: string; rls: boolean }>(
      `SELECT c.oid::regclass::text AS name, c.relrowsecurity AS rls FROM pg_class c
        WHERE c.relnamespace IN ('auth'::regnamespace, 'storage'::regnamespace) AND c.relkind = 'r'
        ORDER BY 1`
    )
    expect(tables.rows).toEqual(
      [
        'auth.audit_log_entries',
        'auth.identities',
        'auth.instances',
        'auth.mfa_factors',
        'auth.refresh_tokens',
        'auth.schema_migrations',
        'auth.sessions',
        'auth.users',
        'storage.buckets',
        'storage.objects'
      ].map(name => ({ name, rls: true }))
    )
  })

  test('auth functions read the claims PostgREST sets, and nothing without them', async () => {
    const read = `SELECT auth.uid()::text AS uid, auth.role() AS role, auth.email() AS email,
                         auth.jwt() ->> 'aal' AS aal`
    expect((await client.query(read)).rows[0]).toEqual({
      uid: null,
      role: null,
      email: null,
      aal: null
    })
    await client.query('BEGIN')
    try {
      await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({
          sub: ALICE,
          role: 'authenticated',
          email: 'alice@example.com',
          aal: 'aal1'
        })
      ])
      expect((await client.query(read)).rows[0]).toEqual({
        uid: ALICE,
        role: 'authenticated',
        email: 'alice@example.com',
        aal: 'aal1'
      })
    } finally {
      await client.query('ROLLBACK')
    }
  })

  test('storage path helpers split names as the Storage API does', async () => {
    const res = await client.query(
      `SELECT storage.foldername('team-1/u/avatar.final.png') AS folders,
              storage.filename('team-1/u/avatar.final.png') AS file,
              storage.extension('team-1/u/avatar.final.png') AS ext,
              storage.foldername('avatar.png') AS top_level`
    )
    expect(res.rows[0]).toEqual({
      folders: ['team-1', 'u'],
      file: 'avatar.final.png',
      ext: 'png',
      top_level: []
    })
  })

  test('a Database Webhook as `supabase db pull` writes it: the trigger is created, a write records the call', async () => {
    await client.query(`CREATE TABLE public.hooked (id int PRIMARY KEY);
      CREATE OR REPLACE TRIGGER "hooked_webhook" AFTER INSERT OR UPDATE ON "public"."hooked" FOR EACH ROW
        EXECUTE FUNCTION "supabase_functions"."http_request"('https://example.com/hook', 'POST',
          '{"Content-type":"application/json"}', '{}', '5000')`)
    try {
      await client.query('INSERT INTO public.hooked VALUES (1)')
      const calls = await client.query(
        `SELECT hook_table_id::regclass::text AS t, hook_name FROM supabase_functions.hooks`
      )
      expect(calls.rows).toEqual([{ t: 'hooked', hook_name: 'hooked_webhook' }])
      // A webhook with a method the real function refuses fails the same way here.
      await client.query(`CREATE TRIGGER bad_webhook AFTER INSERT ON public.hooked FOR EACH ROW
        EXECUTE FUNCTION supabase_functions.http_request('https://example.com', 'PUT')`)
      await expect(client.query('INSERT INTO public.hooked VALUES (2)')).rejects.toThrow(
        'method argument PUT is invalid'
      )
    } finally {
      await client.query('DROP TABLE public.hooked; TRUNCATE supabase_functions.hooks')
    }
  })

  test('Broadcast from the database: realtime.send and realtime.broadcast_changes work from a function and a trigger', async () => {
    // The Realtime server's definitions (supabase/realtime tenant migrations), owner and grants as a hosted dump shows.
    const functions = await client.query(
      `SELECT p.proname, pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result,
              pg_get_userbyid(p.proowner) AS owner,
              (SELECT array_agg(g::text ORDER BY g COLLATE "C")
                 FROM (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS g
                         FROM aclexplode(p.proacl) a WHERE a.privilege_type = 'EXECUTE') x) AS execute,
              has_function_privilege('authenticated', p.oid, 'EXECUTE')
                AND has_function_privilege('service_role', p.oid, 'EXECUTE') AS api_roles
         FROM pg_proc p WHERE p.pronamespace = 'realtime'::regnamespace
          AND p.proname IN ('send', 'broadcast_changes') ORDER BY 1`
    )
    const grants = { owner: 'supabase_realtime_admin', api_roles: true, result: 'void' }
    const execute = ['PUBLIC', 'dashboard_user', 'postgres', 'supabase_realtime_admin']
    expect(functions.rows).toEqual([
      {
        proname: 'broadcast_changes',
        args:
          'topic_name text, event_name text, operation text, table_name text, table_schema text, ' +
          "new record, old record, level text DEFAULT 'ROW'::text",
        execute,
        ...grants
      },
      {
        proname: 'send',
        args: 'payload jsonb, event text, topic text, private boolean DEFAULT true',
        execute,
        ...grants
      }
    ])

    const notices: string[] = []
    const onNotice = (n: { message?: string }) => notices.push(String(n.message))
    client.on('notice', onNotice)
    try {
      await client.query('BEGIN')
      try {
        await client.query(BROADCAST_MIGRATION)
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
      await client.query(`UPDATE public.runs SET status = 'started'`)
      await client.query('SELECT public.notify_run(id) FROM public.runs')
      // No partition takes the messages (hosted, the Realtime server adds one a day): they are dropped quietly.
      expect(notices).toEqual([])
      const none = await client.query('SELECT count(*)::int AS n FROM realtime.messages')
      expect(none.rows).toEqual([{ n: 0 }])

      // With a partition, the messages are what the Realtime server would read and send.
      const run = (await client.query<{ id: string }>('SELECT id FROM public.runs')).rows[0].id
      const other = '00000000-0000-0000-0000-000000000001'
      await client.query('BEGIN')
      try {
        await client.query(
          'CREATE TABLE realtime.messages_today PARTITION OF realtime.messages DEFAULT'
        )
        await client.query(`UPDATE public.runs SET status = 'done'`)
        await client.query('SELECT public.notify_run($1)', [other])
        const messages = await client.query(
          `SELECT topic, event, extension, private, payload - 'id' AS payload, payload ? 'id' AS has_id
             FROM realtime.messages ORDER BY event COLLATE "C"`
        )
        expect(messages.rows).toEqual([
          {
            topic: `runs:${run}`,
            event: 'UPDATE',
            extension: 'broadcast',
            private: true,
            payload: {
              operation: 'UPDATE',
              table: 'runs',
              schema: 'public',
              record: { id: run, status: 'done' },
              old_record: { id: run, status: 'started' }
            },
            has_id: true
          },
          {
            topic: `run:${other}`,
            event: 'run:started',
            extension: 'broadcast',
            private: false,
            payload: { run_id: other },
            has_id: true
          }
        ])
        // send sets the topic Realtime Authorization policies read, for the rest of the transaction.
        expect((await client.query('SELECT realtime.topic() AS t')).rows).toEqual([
          { t: `run:${other}` }
        ])
      } finally {
        await client.query('ROLLBACK')
      }
      expect(notices).toEqual([])
      // As hosted: a statement-level trigger is refused.
      await expect(
        client.query(
          `SELECT realtime.broadcast_changes('t', 'INSERT', 'INSERT', 'runs', 'public', NULL::public.runs,
                                             NULL::public.runs, 'STATEMENT')`
        )
      ).rejects.toThrow(
        'Failed to process the row: function can only be triggered for each row, not for each statement'
      )
    } finally {
      client.removeListener('notice', onNotice)
      await client.query(
        'DROP TABLE IF EXISTS public.runs; DROP FUNCTION IF EXISTS public.notify_run(uuid), public.runs_broadcast()'
      )
    }
  })

  test("pgsodium's schema exists for `supabase db pull`'s CREATE EXTENSION ... WITH SCHEMA, the extension does not", async () => {
    const r = await client.query(
      `SELECT to_regnamespace('pgsodium') IS NOT NULL AS schema,
              EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pgsodium') AS extension`
    )
    expect(r.rows).toEqual([{ schema: true, extension: false }])
  })

  test("a `supabase db pull` file's grants and revokes on GoTrue's own tables run (a real project's remote_schema)", async () => {
    await client.query('BEGIN')
    try {
      // As written by `supabase db pull`, on easyword's 20250815133736_remote_schema.sql.
      await client.query(`revoke select on table "auth"."schema_migrations" from "postgres"`)
      await client.query(`grant select on table "auth"."schema_migrations" to "postgres"`)
      await client.query(`revoke delete on table "auth"."instances" from "postgres"`)
      await client.query(
        `select f.id from auth.mfa_factors f where f.status = 'verified' and f.factor_type = 'totp'`
      )
    } finally {
      await client.query('ROLLBACK')
    }
    const owners = await client.query(
      `SELECT c.relname, pg_get_userbyid(c.relowner) AS owner, c.relrowsecurity AS rls FROM pg_class c
        WHERE c.oid IN ('auth.schema_migrations'::regclass, 'auth.instances'::regclass, 'auth.mfa_factors'::regclass)
        ORDER BY 1`
    )
    expect(owners.rows).toEqual(
      ['instances', 'mfa_factors', 'schema_migrations'].map(relname => ({
        relname,
        owner: 'supabase_auth_admin',
        rls: true
      }))
    )
  })

  test('supabase_realtime exists and publishes nothing yet', async () => {
    const pub = await client.query(
      `SELECT p.puballtables, (SELECT count(*)::int FROM pg_publication_tables t WHERE t.pubname = p.pubname) AS tables
         FROM pg_publication p WHERE p.pubname = 'supabase_realtime'`
    )
    expect(pub.rows).toEqual([{ puballtables: false, tables: 0 }])
  })
})

describe('the supabase-app fixture on a bootstrapped database', () => {
  let db: TestDatabase
  let client: pg.Client

  beforeAll(async () => {
    db = await createTestDatabase('embedded_app')
    client = await db.client()
  })

  afterAll(async () => {
    await db?.drop()
  })

  test('is a Supabase CLI migrations folder, one file wrapped in begin/commit', () => {
    const files = migrationFiles()
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const f of files) expect(f).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/)
    const wrapped = files.filter(f =>
      /^\s*begin\s*;[\s\S]*commit\s*;\s*$/i.test(readFileSync(path.join(MIGRATIONS, f), 'utf8'))
    )
    expect(wrapped).toEqual(['20240315143000_teams.sql'])
  })

  test('applies, and a signup creates the profile through the trigger on auth.users', async () => {
    await applyFixture(client)
    await signUp(client, ALICE, 'alice@example.com', 'Alice Example')
    await signUp(client, BOB, 'bob@example.com', 'Bob Example')
    const profiles = await client.query(
      `SELECT p.id, p.full_name, u.confirmed_at = u.email_confirmed_at AS confirmed
         FROM public.profiles p JOIN auth.users u USING (id) ORDER BY p.full_name`
    )
    expect(profiles.rows).toEqual([
      { id: ALICE, full_name: 'Alice Example', confirmed: true },
      { id: BOB, full_name: 'Bob Example', confirmed: true }
    ])
  })

  test('row level security with auth.uid(): a member sees the team’s todos, a stranger nothing', async () => {
    await asUser(client, ALICE, async () => {
      await client.query(`INSERT INTO public.teams (name) VALUES ('Alpha')`)
      const team = await client.query<{ id: string }>('SELECT id FROM public.teams')
      await client.query(
        `INSERT INTO public.todos (team_id, title) VALUES ($1, 'Ship the runbook')`,
        [team.rows[0].id]
      )
    })
    const todos = await client.query(
      'SELECT id::text ~ $1 AS v4, created_by, title FROM public.todos',
      ['^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$']
    )
    expect(todos.rows).toEqual([{ v4: true, created_by: ALICE, title: 'Ship the runbook' }])
    const seenByAlice = await asUser(client, ALICE, () =>
      client.query('SELECT title FROM public.todos')
    )
    expect(seenByAlice.rows).toEqual([{ title: 'Ship the runbook' }])
    const seenByBob = await asUser(client, BOB, () =>
      client.query('SELECT title FROM public.todos')
    )
    expect(seenByBob.rows).toEqual([])
  })

  test('storage: the avatars bucket exists and uploads are limited to the user’s own folder', async () => {
    const bucket = await client.query(`SELECT id, public FROM storage.buckets`)
    expect(bucket.rows).toEqual([{ id: 'avatars', public: true }])
    const upload = (name: string) =>
      asUser(client, ALICE, () =>
        client.query(
          `INSERT INTO storage.objects (bucket_id, name, owner_id) VALUES ('avatars', $1, $2)`,
          [name, ALICE]
        )
      )
    await upload(`${ALICE}/avatar.png`)
    await expect(upload(`${BOB}/avatar.png`)).rejects.toMatchObject({ code: '42501' })
    const stored = await client.query('SELECT name, path_tokens FROM storage.objects')
    expect(stored.rows).toEqual([
      { name: `${ALICE}/avatar.png`, path_tokens: [ALICE, 'avatar.png'] }
    ])
  })

  test('todos are published to realtime, and grants follow the hosted defaults', async () => {
    const published = await client.query(
      `SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime'`
    )
    expect(published.rows).toEqual([{ schemaname: 'public', tablename: 'todos' }])
    const privileges = await client.query(
      `SELECT has_table_privilege('anon', 'public.profiles', 'SELECT') AS anon_profiles,
              has_table_privilege('anon', 'public.todos', 'SELECT') AS anon_todos,
              has_table_privilege('authenticated', 'public.todos', 'DELETE') AS authenticated_todos,
              has_table_privilege('authenticated', 'auth.users', 'SELECT') AS authenticated_users,
              has_table_privilege('authenticated', 'storage.objects', 'INSERT') AS authenticated_objects`
    )
    // profiles relies on the default privileges for postgres in public; todos revokes anon's.
    expect(privileges.rows[0]).toEqual({
      anon_profiles: true,
      anon_todos: false,
      authenticated_todos: true,
      authenticated_users: false,
      authenticated_objects: true
    })
  })

  test('bootstrapping again changes nothing: schema, data and publication stay', async () => {
    const before = await snapshotSchema(client)
    await bootstrapDatabase(db.url)
    await bootstrapDatabase(db.url)
    const diff = diffSnapshots(before, await snapshotSchema(client))
    expect(renderDiff(diff)).toBe('no schema changes\n')
    expect(isEmptyDiff(diff)).toBe(true)
    const counts = await client.query(
      `SELECT (SELECT count(*)::int FROM auth.users) AS users,
              (SELECT count(*)::int FROM storage.buckets) AS buckets,
              (SELECT count(*)::int FROM pg_publication_tables WHERE pubname = 'supabase_realtime') AS published`
    )
    expect(counts.rows[0]).toEqual({ users: 2, buckets: 1, published: 1 })
  })

  test('deleting a user cascades to everything that references auth.users', async () => {
    await client.query('DELETE FROM auth.users WHERE id = $1', [ALICE])
    const left = await client.query(
      `SELECT (SELECT count(*)::int FROM public.profiles) AS profiles,
              (SELECT count(*)::int FROM public.teams) AS teams,
              (SELECT count(*)::int FROM public.todos) AS todos`
    )
    expect(left.rows[0]).toEqual({ profiles: 1, teams: 0, todos: 0 })
  })
})

test('databases of a new cluster bootstrapped at the same moment all succeed (roles are shared)', async () => {
  const server = await startEmbeddedPostgres()
  try {
    const names = ['race_a', 'race_b', 'race_c', 'race_d', 'race_e', 'race_f']
    const results = await Promise.allSettled(names.map(n => server.createDatabase(n)))
    expect(results.map(r => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(
      names.map(() => 'ok')
    )
    const urls = results.map(r => (r as PromiseFulfilledResult<string>).value)
    await Promise.all(urls.map(url => bootstrapDatabase(url)))
    const c = new pg.Client({ connectionString: urls[0] })
    await c.connect()
    try {
      const roles = await c.query(
        'SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ANY($1)',
        [PLATFORM_ROLES]
      )
      expect(roles.rows[0].n).toBe(PLATFORM_ROLES.length)
      const users = await c.query(`SELECT to_regclass('auth.users') IS NOT NULL AS present`)
      expect(users.rows[0].present).toBe(true)
    } finally {
      await c.end()
    }
  } finally {
    await server.stop()
  }
})
