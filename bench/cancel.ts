/**
 * Cancellation through the CLI bundle on a slow apply: the fixture's exclusion constraint built on N bookings
 * (seconds under ACCESS EXCLUSIVE). Prints the time from SIGTERM to the process's exit and to the server
 * releasing every lock on the table, then the same after SIGKILL (the server notices the vanished client by
 * client_connection_check_interval). Needs a built dist/ (npm run build).
 *
 *   node --import tsx bench/cancel.ts [rows]          # BENCH_ROWS, default 300000
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/embedded/server.js'
import { intArg } from './args.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const ROWS = intArg(2, 'BENCH_ROWS', '300000', 1000)
const V2_FILE = '20250201000000_bookings_no_overlap.sql'

async function query(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(sql, params)
  } finally {
    await c.end()
  }
}

function runCli(args: string[], cwd: string, url: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url }
  })
  let stderr = ''
  child.stderr.on('data', d => (stderr += d))
  const done = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return { child, done, stderr: () => stderr }
}

async function until(fn: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now()
  while (!(await fn())) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out')
    await new Promise(r => setTimeout(r, 20))
  }
}

const building = (url: string) => async () =>
  (
    await query(
      url,
      `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query ILIKE '%bookings_no_overlap%'
          AND application_name = 'migration-runbook' AND pid <> pg_backend_pid()`
    )
  ).rowCount! > 0
const unlocked = (url: string) => async () =>
  (
    await query(
      url,
      `SELECT 1 FROM pg_locks WHERE relation = to_regclass('public.bookings') AND pid <> pg_backend_pid()`
    )
  ).rowCount === 0

const server = await startEmbeddedPostgres()
const repo = mkdtempSync(path.join(os.tmpdir(), 'mr-bench-cancel-'))
try {
  cpSync(path.join(ROOT, '__tests__', 'fixtures', 'slow'), path.join(repo, 'migrations'), {
    recursive: true
  })
  renameSync(path.join(repo, 'migrations', V2_FILE), path.join(repo, V2_FILE))
  const template = await server.createDatabase('cancel_template')
  const first = runCli(['apply', '--env', 'staging'], repo, template)
  if ((await first.done) !== 0) throw new Error(`baseline apply failed:\n${first.stderr()}`)
  await query(
    template,
    `INSERT INTO public.bookings
       SELECT i, i % 1000,
              tstzrange(timestamptz '2025-01-01' + (i / 1000) * interval '2 hours',
                        timestamptz '2025-01-01' + (i / 1000) * interval '2 hours' + interval '1 hour')
         FROM generate_series(1, $1::int) AS i`,
    [ROWS]
  )
  await query(template, 'ANALYZE public.bookings')
  renameSync(path.join(repo, V2_FILE), path.join(repo, 'migrations', V2_FILE))
  const admin = server.adminUrl

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const name = `cancel_${signal.toLowerCase()}`
    await query(admin, `CREATE DATABASE ${name} TEMPLATE cancel_template`)
    const url = admin.replace(/\/postgres$/, `/${name}`)
    const run = runCli(['apply', '--env', 'staging'], repo, url)
    await until(building(url))
    await new Promise(r => setTimeout(r, 1_000))
    const t0 = performance.now()
    run.child.kill(signal)
    const released = until(unlocked(url)).then(() => performance.now() - t0)
    const code = await run.done
    const exitMs = performance.now() - t0
    const lockMs = await released
    console.log(
      `${signal} on ${ROWS} rows: exit ${code ?? 'killed'} after ${exitMs.toFixed(0)} ms; locks on public.bookings released after ${lockMs.toFixed(0)} ms`
    )
  }
} finally {
  rmSync(repo, { recursive: true, force: true })
  await server.stop()
}
