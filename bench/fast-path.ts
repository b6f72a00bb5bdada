/**
 * Issue 15's fast path, side by side in one run:
 * - start-up: `node dist/cli/index.js --help` (spawn to exit) and the action's first line (`node dist/index.js`
 *   with a runner's INPUT_* environment, spawn to the first line on stdout), median of BENCH_STARTUP_RUNS
 *   (default 5) after one warm-up each; target ≤ 250 ms each. `node -e 0` is printed as the floor.
 * - overhead: the two capacity migrations in migrations/ applied to fresh databases of one embedded
 *   PostgreSQL, each first given the Supabase-like bootstrap of `--embedded`, by (a) `migration-runbook apply
 *   --env staging` with every gate, (b) `supabase db push` (the pinned devDependency) and (c) `psql -1 -f` of
 *   each file; median of BENCH_APPLY_RUNS (default 9), the three interleaved; target (a) ≤ 0.8 × (b). (a)
 *   runs its tests gate with BENCH_TEST_COMMAND (default `true`: the user's suite is not the tool's overhead).
 *   The per-check durations of (a), from its summary.json, are printed below.
 * - real-world folders (not the target, which is the capacity pair): the same three tools, interleaved, on
 *   migration folders taken from public Supabase projects (__tests__/fixtures/realworld-*, BENCH_REALWORLD, default
 *   realworld-quivr and realworld-storage; `none` skips them), median of BENCH_REALWORLD_RUNS (default 5). Each
 *   tool's result is checked against psql's: the same count of relations, functions, constraints, policies and
 *   triggers outside the bookkeeping schemas.
 * - NODE_EXTRA_CA_CERTS: when the environment sets it, Node 20 reads and parses that bundle when it starts (Node 22+
 *   reads it when TLS first needs it): ~80 ms of every start here, where the sandbox sets it to the system's 144
 *   certificates. GitHub's hosted runners do not set it. The floor and (a) are then also measured without it and
 *   printed next to the figures above, which stay the environment's own.
 *
 *   npm run build && npm run bench -- --only fast-path
 *   BENCH_DIST=/tmp/my-dist node --import tsx bench/fast-path.ts    # another build of dist/
 *   BENCH_NODE=/path/to/node24 npm run bench -- --only fast-path     # the tool on another Node (the action's)
 *
 * A missed target is printed as MISS and is not an error; a tool that fails is (exit 1).
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { freePort, startEmbeddedPostgres } from '../src/embedded/server.js'
import { countRoundTrips } from './round-trips.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist')
/** The round trip of the far run: a hosted Supabase project seen from a CI runner is 10–100 ms away. */
const FAR_MS = Number(process.env.BENCH_FAR_MS ?? 30)
/**
 * The Node that runs the tool's CLI and action (default: the one running the bench). GitHub runs the action on
 * node24 (action.yml): BENCH_NODE=<path to a node 24 binary> measures it as it runs there.
 */
const NODE = process.env.BENCH_NODE ? path.resolve(process.env.BENCH_NODE) : process.execPath
const CLI = path.join(DIST, 'cli', 'index.js')
const ACTION = path.join(DIST, 'index.js')
const SUPABASE = path.join(ROOT, 'node_modules', '.bin', 'supabase')
const PSQL = process.env.BENCH_PSQL ?? '/usr/bin/psql'
const MIGRATIONS = path.join(ROOT, 'migrations')
const FIXTURES = path.join(ROOT, '__tests__', 'fixtures')
const STARTUP_TARGET_MS = 250
const RATIO_TARGET = 0.8
/**
 * The tests gate runs, with a suite that passes at once: staging's `npm run test:integration` is the user's
 * own test time (~12 s here), which neither peer runs.
 */
const TEST_COMMAND = process.env.BENCH_TEST_COMMAND ?? 'true'
/** A tool that takes longer than this is stuck: the bench fails instead of hanging. */
const TOOL_TIMEOUT_MS = 120_000
/** Set in this environment: the floor and apply are also measured without it. */
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS
const withoutExtraCa = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const out = { ...env }
  delete out.NODE_EXTRA_CA_CERTS
  return out
}

function runsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name] ?? String(fallback)
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Error(`${name} is "${raw}"; allowed: a whole number from 1 to 50`)
  return n
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const ms = (x: number): string => `${x.toFixed(0)} ms`
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS')

interface Timed {
  ms: number
  code: number | null
  output: string
  /** Milliseconds from spawn to the first complete line on stdout, and to the first one not a `::` command. */
  firstLineMs?: number
  firstVisibleMs?: number
  firstVisible?: string
}

/**
 * Runs a command, timing spawn to exit. With `untilVisibleLine`, the child is killed once it has written a
 * line that is not a runner command (the action then goes on to connect: that part is measured elsewhere).
 */
function timed(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; untilVisibleLine?: boolean } = {}
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(command, args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const result: Timed = { ms: 0, code: null, output: '' }
    let stdout = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), TOOL_TIMEOUT_MS)
    child.stdout.on('data', (chunk: Buffer) => {
      const now = performance.now() - t0
      stdout += chunk.toString('utf8')
      const lines = stdout.split('\n').slice(0, -1)
      if (lines.length > 0) result.firstLineMs ??= now
      const visible = lines.find(l => !l.startsWith('::'))
      if (visible !== undefined && result.firstVisibleMs === undefined) {
        result.firstVisibleMs = now
        result.firstVisible = visible
        if (opts.untilVisibleLine) child.kill('SIGKILL')
      }
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', e => {
      clearTimeout(timer)
      reject(new Error(`${command} could not start: ${e.message}`))
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ ...result, ms: performance.now() - t0, code, output: stdout + stderr })
    })
  })
}

/** Spawns `runs` + 1 times and drops the first (disk cache, lazy compilation caches). */
async function repeat(runs: number, once: () => Promise<Timed>): Promise<Timed[]> {
  await once()
  const out: Timed[] = []
  for (let i = 0; i < runs; i++) out.push(await once())
  return out
}

function requireBuild(): void {
  for (const f of [CLI, ACTION]) {
    if (!existsSync(f))
      throw new Error(`${f} does not exist: run \`npm run build\` first (or set BENCH_DIST)`)
  }
}

async function startUp(runs: number): Promise<void> {
  const closedPort = await freePort()
  const floor = await repeat(runs, () => timed(NODE, ['-e', '0']))
  const bareFloor = EXTRA_CA
    ? await repeat(runs, () => timed(NODE, ['-e', '0'], { env: withoutExtraCa(process.env) }))
    : undefined
  const help = await repeat(runs, () => timed(NODE, [CLI, '--help']))
  if (help.some(r => r.code !== 0)) throw new Error(`cli --help failed: ${help[0].output}`)
  const artifacts = mkdtempSync(path.join(os.tmpdir(), 'mr-bench-action-'))
  try {
    // What the runner passes for `with: { environment: staging, stage: validate, database-url: ... }`.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      INPUT_ENVIRONMENT: 'staging',
      INPUT_STAGE: 'validate',
      'INPUT_DATABASE-URL': `postgres://bench:bench-secret@127.0.0.1:${closedPort}/postgres`,
      'INPUT_MIGRATIONS-DIR': 'migrations',
      INPUT_COMMENT: 'never',
      'INPUT_ARTIFACTS-DIR': artifacts,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ROOT,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'acme/bookings',
      GITHUB_RUN_ID: '1',
      GITHUB_SHA: 'abc123',
      RUNNER_TEMP: artifacts
    }
    const action = await repeat(runs, () => timed(NODE, [ACTION], { env, untilVisibleLine: true }))
    if (action.some(r => r.firstLineMs === undefined))
      throw new Error(`the action wrote no line: ${action[0].output}`)
    const helpMs = median(help.map(r => r.ms))
    const firstMs = median(action.map(r => r.firstLineMs!))
    const visible = action.map(r => r.firstVisibleMs).filter((x): x is number => x !== undefined)
    const row = (label: string, xs: number[]) =>
      `${label.padEnd(34)} median ${ms(median(xs)).padStart(7)}   (${xs.map(x => x.toFixed(0)).join(', ')})`
    console.log(`\nstart-up, median of ${runs} after a warm-up (spawn to exit / to the line):`)
    console.log(
      row(
        'start-up node -e 0 (floor)',
        floor.map(r => r.ms)
      )
    )
    if (bareFloor)
      console.log(
        `${row(
          '  without NODE_EXTRA_CA_CERTS',
          bareFloor.map(r => r.ms)
        )}   (set here: ${EXTRA_CA})`
      )
    console.log(
      `${row(
        'start-up cli --help',
        help.map(r => r.ms)
      )}   target ≤ ${STARTUP_TARGET_MS} ms ${verdict(helpMs <= STARTUP_TARGET_MS)}`
    )
    console.log(
      `${row(
        'start-up action first line',
        action.map(r => r.firstLineMs!)
      )}   target ≤ ${STARTUP_TARGET_MS} ms ${verdict(firstMs <= STARTUP_TARGET_MS)}`
    )
    if (visible.length > 0)
      console.log(
        `${row('  action first log line', visible)}   (${JSON.stringify(action[0].firstVisible?.slice(0, 60))}: the engine loaded)`
      )
  } finally {
    rmSync(artifacts, { recursive: true, force: true })
  }
}

/** A folder of migrations the tools apply side by side, and how to tell that a tool really applied it. */
interface Folder {
  /** What the report calls it: "2 capacity migrations", "11 migrations of realworld-quivr". */
  label: string
  dir: string
  /** The capacity pair: the target. The real-world folders are printed without a verdict. */
  target: boolean
  /** Throws when the tool's database does not show the folder applied (`psqlShape`: psql's result, same round). */
  assertApplied: (url: string, tool: string, psqlShape: string | undefined) => Promise<void>
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** The capacity pair really ran: the table of the second migration and its constraint. */
const capacityApplied: Folder['assertApplied'] = (url, tool) =>
  withClient(url, async client => {
    const { rows } = await client.query<{ confirm: string | null; overlap: string | null }>(
      `SELECT to_regclass('public.booking_confirmation_results')::text AS confirm,
              (SELECT conname FROM pg_constraint WHERE conname = 'allocations_no_overlap') AS overlap`
    )
    if (!rows[0].confirm || !rows[0].overlap)
      throw new Error(`${tool} left the database without the second migration's objects`)
  })

/** Counts of the schema's objects outside the system and bookkeeping schemas: what each tool must agree on. */
const SHAPE_SQL = `WITH app AS (
  SELECT oid FROM pg_namespace
   WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'supabase_migrations', 'migration_runbook')
     AND nspname NOT LIKE 'pg\\_%')
SELECT format('%s relations, %s functions, %s constraints, %s policies, %s triggers',
  (SELECT count(*) FROM pg_class WHERE relnamespace IN (SELECT oid FROM app)),
  (SELECT count(*) FROM pg_proc WHERE pronamespace IN (SELECT oid FROM app)),
  (SELECT count(*) FROM pg_constraint WHERE connamespace IN (SELECT oid FROM app)),
  (SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace IN (SELECT oid FROM app)),
  (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace IN (SELECT oid FROM app))) AS shape`

const schemaShape = (url: string): Promise<string> =>
  withClient(url, async client => (await client.query<{ shape: string }>(SHAPE_SQL)).rows[0].shape)

/** A real-world folder really ran: the tool's database has the shape psql's has (psql runs first each round). */
const sameShapeAsPsql: Folder['assertApplied'] = async (url, tool, psqlShape) => {
  const shape = await schemaShape(url)
  if (psqlShape !== undefined && shape !== psqlShape)
    throw new Error(`${tool} left ${shape}; psql -1 -f left ${psqlShape}`)
}

function capacityFolder(): Folder {
  const n = sqlFilesOf(MIGRATIONS).length
  return {
    label: `${n} capacity migrations`,
    dir: MIGRATIONS,
    target: true,
    assertApplied: capacityApplied
  }
}

/** BENCH_REALWORLD: fixture names, comma-separated; `none` for none. */
function realWorldFolders(): Folder[] {
  const raw = process.env.BENCH_REALWORLD ?? 'realworld-quivr,realworld-storage'
  if (raw.trim() === 'none') return []
  const names = raw
    .split(',')
    .map(x => x.trim())
    .filter(Boolean)
  const known = readdirSync(FIXTURES).filter(f => f.startsWith('realworld-'))
  return names.map(name => {
    if (!known.includes(name))
      throw new Error(
        `BENCH_REALWORLD names "${name}"; allowed: ${known.join(', ')} (comma-separated), or none`
      )
    const dir = path.join(FIXTURES, name)
    return {
      label: `${sqlFilesOf(dir).length} migrations of ${name} (a public Supabase project's folder)`,
      dir,
      target: false,
      assertApplied: sameShapeAsPsql
    }
  })
}

const sqlFilesOf = (dir: string): string[] =>
  readdirSync(dir)
    .filter(f => f.endsWith('.sql'))
    .sort()

/** applyBare: apply without NODE_EXTRA_CA_CERTS, measured only when the environment sets it. */
type Tool = 'apply' | 'push' | 'psql' | 'applyBare'
const TOOL_LABEL: Record<Tool, string> = {
  apply: 'migration-runbook apply (all gates)',
  applyBare: '  same, NODE_EXTRA_CA_CERTS unset',
  push: 'supabase db push',
  psql: 'psql -1 -f (each file)'
}

/** summary.json's checks[].durationMs of one apply run, by check id. */
function checkDurations(artifactsDir: string): Map<string, number> {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name === 'summary.json') found.push(p)
    }
  }
  walk(artifactsDir)
  const out = new Map<string, number>()
  for (const f of found) {
    const summary = JSON.parse(readFileSync(f, 'utf8')) as {
      checks?: { id: string; durationMs?: number }[]
    }
    for (const c of summary.checks ?? []) out.set(c.id, (out.get(c.id) ?? 0) + (c.durationMs ?? 0))
  }
  return out
}

async function overhead(folder: Folder, runs: number, tmp: string): Promise<void> {
  const sqlFiles = sqlFilesOf(folder.dir)
  // A Supabase project folder with the same files, as `supabase db push` expects them.
  const project = mkdtempSync(path.join(tmp, 'supabase-project-'))
  mkdirSync(path.join(project, 'supabase', 'migrations'), { recursive: true })
  for (const f of sqlFiles)
    cpSync(path.join(folder.dir, f), path.join(project, 'supabase', 'migrations', f))
  const childEnv: NodeJS.ProcessEnv = { ...process.env }
  delete childEnv.DATABASE_URL
  delete childEnv.SUPABASE_DB_URL

  // The server and databases `--embedded` uses: each gets the Supabase-like bootstrap.
  // Durable, as a hosted database is: apply commits more often than push, and a commit's flush is part of its cost.
  const server = await startEmbeddedPostgres({ durable: true })
  try {
    const tools: Tool[] = ['apply', 'push', 'psql']
    const timedTools: Tool[] = EXTRA_CA ? [...tools, 'applyBare'] : tools
    const urls = new Map<string, string>()
    for (let i = 0; i < runs; i++)
      for (const t of timedTools)
        urls.set(`${t}${i}`, await server.createDatabase(`bench_${t.toLowerCase()}_${i}`))

    const times: Record<Tool, number[]> = { apply: [], push: [], psql: [], applyBare: [] }
    const checks: Map<string, number>[] = []
    const runTool = async (tool: Tool, i: number, through?: string): Promise<number> => {
      const url = through ?? urls.get(`${tool}${i}`)!
      if (tool === 'apply' || tool === 'applyBare') {
        const artifacts = path.join(tmp, `artifacts-${tool}-${i}${through ? '-rt' : ''}`)
        const r = await timed(
          NODE,
          [
            CLI,
            'apply',
            '--env',
            'staging',
            '--migrations-dir',
            folder.dir,
            '--database-url',
            url,
            '--artifacts-dir',
            artifacts,
            '--test-command',
            TEST_COMMAND
          ],
          { env: tool === 'applyBare' ? withoutExtraCa(childEnv) : childEnv }
        )
        if (r.code !== 0) throw new Error(`apply exited ${r.code}:\n${r.output.slice(-3000)}`)
        if (!through && tool === 'apply') checks.push(checkDurations(artifacts))
        return r.ms
      }
      if (tool === 'push') {
        // The embedded server has no TLS; the Supabase CLI insists on it unless told otherwise.
        const r = await timed(
          SUPABASE,
          ['db', 'push', '--db-url', `${url}?sslmode=disable`, '--yes'],
          {
            cwd: project,
            env: { ...childEnv, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' }
          }
        )
        if (r.code !== 0)
          throw new Error(`supabase db push exited ${r.code}:\n${r.output.slice(-3000)}`)
        return r.ms
      }
      let total = 0
      for (const f of sqlFiles) {
        const r = await timed(
          PSQL,
          ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', path.join(folder.dir, f), url],
          {
            env: childEnv
          }
        )
        if (r.code !== 0)
          throw new Error(`psql -1 -f ${f} exited ${r.code}:\n${r.output.slice(-3000)}`)
        total += r.ms
      }
      return total
    }
    for (let i = 0; i < runs; i++) {
      // Rotated so that no tool always runs first (or right after the heaviest one).
      const order = timedTools.map((_, k) => timedTools[(i + k) % timedTools.length])
      const ran = new Map<Tool, number>()
      for (const tool of order) ran.set(tool, await runTool(tool, i))
      const psqlShape = await schemaShape(urls.get(`psql${i}`)!)
      for (const tool of order) {
        times[tool].push(ran.get(tool)!)
        await folder.assertApplied(urls.get(`${tool}${i}`)!, TOOL_LABEL[tool], psqlShape)
      }
    }

    console.log(
      `\noverhead: ${folder.label} on fresh bootstrapped databases, median of ${runs} (spawn to exit):`
    )
    for (const t of ['psql', 'push', 'apply', ...(EXTRA_CA ? ['applyBare'] : [])] as Tool[])
      console.log(
        `overhead ${TOOL_LABEL[t].padEnd(36)} median ${ms(median(times[t])).padStart(8)}   (${times[t].map(x => x.toFixed(0)).join(', ')})`
      )
    const ratio = median(times.apply) / median(times.push)
    const goal = (r: number) =>
      folder.target
        ? `target ≤ ${RATIO_TARGET}× ${verdict(r <= RATIO_TARGET)}`
        : '(no target: a real project, for comparison)'
    console.log(`ratio apply / supabase db push ${ratio.toFixed(2)}×   ${goal(ratio)}`)
    // Each round's apply over the push that ran next to it: how far one sitting's noise moves the ratio.
    const perRound = times.apply.map((a, i) => a / times.push[i]).sort((a, b) => a - b)
    console.log(
      `  per round (apply / the push of the same round): ${perRound[0].toFixed(2)}–${perRound[perRound.length - 1].toFixed(2)}×, median ${median(perRound).toFixed(2)}×`
    )
    if (EXTRA_CA) {
      const bare = median(times.applyBare) / median(times.push)
      console.log(
        `  with NODE_EXTRA_CA_CERTS unset (as on GitHub's hosted runners) ${bare.toFixed(2)}×   ${folder.target ? verdict(bare <= RATIO_TARGET) : ''}`.trimEnd()
      )
    }

    /** One run of each tool, on a database of its own, through a proxy that counts (and may delay). */
    const throughProxy = async (latencyMs: number, prefix: string) => {
      const proxy = await countRoundTrips(Number(new URL(urls.get('apply0')!).port), { latencyMs })
      try {
        const out = {} as Record<Tool, { ms: number; roundTrips: number; connections: number }>
        for (const t of tools) {
          const direct = new URL(await server.createDatabase(`${prefix}_${t}`))
          direct.port = String(proxy.port)
          proxy.reset()
          const took = await runTool(t, 0, direct.toString())
          out[t] = { ms: took, ...proxy.counts() }
        }
        return out
      } finally {
        await proxy.close()
      }
    }

    // Round trips, counted once per tool behind a counting proxy (not timed): what each tool's time grows by per
    // millisecond of latency to a remote database.
    const trips = await throughProxy(0, 'bench_rt')
    console.log(
      `\nround trips (simple queries + extended-protocol syncs, one run each through a counting proxy):`
    )
    for (const t of ['psql', 'push', 'apply'] as Tool[]) {
      const estimate = median(times[t]) + trips[t].roundTrips * FAR_MS
      console.log(
        `round trips ${TOOL_LABEL[t].padEnd(36)} ${String(trips[t].roundTrips).padStart(5)} in ${trips[t].connections} connection(s); at ${FAR_MS} ms RTT about ${ms(estimate)}`
      )
    }

    // The same, measured: one run each through a proxy that delays what the server sends by FAR_MS (a hosted
    // project's distance). apply's read-only preflight then runs side by side (see src/stages/runner.ts).
    const far = await throughProxy(FAR_MS, 'bench_far')
    console.log(
      `\nat a ${FAR_MS} ms round trip (one run each through a delaying proxy, spawn to exit):`
    )
    for (const t of tools)
      console.log(
        `far ${TOOL_LABEL[t].padEnd(36)} ${ms(far[t].ms).padStart(8)}   (${far[t].roundTrips} round trips, ${far[t].connections} connection(s))`
      )
    console.log(
      `far ratio apply / supabase db push ${(far.apply.ms / far.push.ms).toFixed(2)}× (the target is measured next to the server, above)`
    )

    // Where apply's time goes, from its own evidence.
    const ids = [...new Set(checks.flatMap(c => [...c.keys()]))]
    const rows = ids
      .map(id => ({ id, ms: median(checks.map(c => c.get(id) ?? 0)) }))
      .sort((a, b) => b.ms - a.ms)
    const inChecks = rows.reduce((s, r) => s + r.ms, 0)
    console.log(`\napply, per check (summary.json durationMs, median of ${runs}):`)
    for (const r of rows) console.log(`  ${r.id.padEnd(24)} ${ms(r.ms).padStart(8)}`)
    console.log(
      `  ${'sum of checks'.padEnd(24)} ${ms(inChecks).padStart(8)}; outside the checks (process start-up, parser, connection, evidence): at least ${ms(median(times.apply) - inChecks)} (the rehearsal, started early, overlaps the checks before it and is counted in full)`
    )
  } finally {
    await server.stop()
  }
}

function nodeVersion(): string {
  if (NODE === process.execPath) return process.version
  const r = spawnSync(NODE, ['--version'], { encoding: 'utf8' })
  if (r.status !== 0)
    throw new Error(`BENCH_NODE=${NODE} does not run: ${r.error?.message ?? r.stderr}`)
  return `${r.stdout.trim()} (BENCH_NODE)`
}

async function main(): Promise<void> {
  const startupRuns = runsFromEnv('BENCH_STARTUP_RUNS', 5)
  const applyRuns = runsFromEnv('BENCH_APPLY_RUNS', 9)
  requireBuild()
  console.log(
    `fast path: ${path.relative(ROOT, DIST) || DIST}, node ${nodeVersion()}, load ${os.loadavg()[0].toFixed(1)}`
  )
  await startUp(startupRuns)
  const realWorld = realWorldFolders()
  const realWorldRuns = runsFromEnv('BENCH_REALWORLD_RUNS', 5)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mr-bench-fast-path-'))
  try {
    await overhead(capacityFolder(), applyRuns, tmp)
    for (const folder of realWorld) await overhead(folder, realWorldRuns, tmp)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  }
)
