/**
 * The throwaway database's baseline replay (rehearse, --embedded) on a long history, through the CLI bundle.
 * Found on a real project of 1,262 migrations: the replay took a schema snapshot before every file (quadratic:
 * it timed out at the 931st) and did not hear SIGTERM (it went on replaying, then the hard deadline exited 130
 * with no evidence written).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baseEnv, cli, CLI, start } from './processes.js'

let repo: string
const FILES = 300

/** A migrations folder of `count` small files, each a table with an index and a comment. */
function writeHistory(dir: string, count: number): void {
  mkdirSync(path.join(dir, 'migrations', 'rollback'), { recursive: true })
  for (let i = 1; i <= count; i++) {
    const version = `2025010100${String(i).padStart(4, '0')}`
    writeFileSync(
      path.join(dir, 'migrations', `${version}_t${i}.sql`),
      `create table public.t${i} (id bigint primary key, a text);\n` +
        `create index t${i}_a_idx on public.t${i} (a);\n` +
        `comment on table public.t${i} is 'table ${i}';\n`
    )
  }
  writeFileSync(
    path.join(dir, 'migrations', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
}

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-replay-'))
  writeHistory(repo, FILES)
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

function summaryOf(dir: string): {
  status: string
  checks: { id: string; status: string; summary: string }[]
} {
  return JSON.parse(readFileSync(path.join(dir, 'staging', 'summary.json'), 'utf8'))
}

test('SIGTERM during the baseline replay cancels it: exit 1, the baseline reported cancelled, evidence written', async () => {
  const artifacts = path.join(repo, 'artifacts-cancel')
  const run = start(CLI, ['rehearse', '--artifacts-dir', artifacts], {
    cwd: repo,
    env: baseEnv()
  })
  // Well into the replay: the 30th of the 299 deployed files applied (they run in version order).
  await run.waitFor(/^applied 20250101000030 in/m, 120_000)
  run.child.kill('SIGTERM')
  const done = await run.done
  expect(done.code).toBe(1)
  expect(done.stderr).toMatch(
    /baseline cancelled \(cancelled by SIGTERM\): \d+ of 299 deployed migration\(s\) replayed/
  )
  // It stopped: far from all 299 files were applied after the signal.
  const applied = done.stderr.match(/^applied 2025010100\d{4} in/gm) ?? []
  expect(applied.length).toBeLessThan(FILES - 1)
  const summary = summaryOf(path.join(artifacts, 'rehearsal', '1-validate'))
  expect(summary.status).toBe('cancelled')
  const baseline = summary.checks.find(c => c.id === 'baseline')
  expect(baseline?.status).toBe('cancelled')
  expect(baseline?.summary).toContain('cancelled while preparing the throwaway database')
  expect(summary.checks.find(c => c.id === 'rehearsal')?.summary).toBe(
    'not run: baseline was cancelled'
  )
}, 180_000)

test('after a long replay, rollback on the throwaway still compares with the schema before the newest', async () => {
  // The replay snapshots only before the newest deployed migration: the one rollback acts on.
  const small = mkdtempSync(path.join(os.tmpdir(), 'mr-replay-small-'))
  try {
    writeHistory(small, 40)
    writeFileSync(
      path.join(small, 'migrations', 'rollback', '20250101000040_t40.sql'),
      'drop table public.t40;\n'
    )
    const artifacts = path.join(small, 'artifacts')
    const r = await cli(
      ['rollback', '--env', 'staging', '--embedded', '--artifacts-dir', artifacts],
      { cwd: small, env: baseEnv() }
    )
    expect(r.code).toBe(0)
    const summary = summaryOf(artifacts)
    const equals = summary.checks.find(c => c.id === 'schema-equals-before')
    expect(equals?.status).toBe('pass')
    expect(equals?.summary).not.toMatch(/no snapshot|missing/i)
  } finally {
    rmSync(small, { recursive: true, force: true })
  }
}, 180_000)

test('a deployed file that needs a relation a later file creates: the advice names the order, not setup-sql', async () => {
  const tiny = mkdtempSync(path.join(os.tmpdir(), 'mr-replay-order-'))
  try {
    mkdirSync(path.join(tiny, 'migrations'))
    const files: Record<string, string> = {
      // Sorts before every timestamped file (a real project's Drizzle-style name).
      '0043_view.sql': 'create view public.items_v as select id from public.items;\n',
      '20240101000000_init.sql': 'create table public.items (id int primary key);\n',
      '20240102000000_pending.sql': 'alter table public.items add column name text;\n',
      'runbook.yml': 'version: 1\nenvironments:\n  staging: {}\n'
    }
    for (const [name, text] of Object.entries(files))
      writeFileSync(path.join(tiny, 'migrations', name), text)
    const r = await cli(['rehearse', '--artifacts-dir', path.join(tiny, 'artifacts')], {
      cwd: tiny,
      env: baseEnv()
    })
    expect(r.code).toBe(1)
    const out = r.stdout + r.stderr
    expect(out).toContain('relation "public.items" does not exist')
    expect(out).toContain(
      'fix: public.items is created by a later migration, migrations/20240101000000_init.sql: the files run in version order'
    )
    expect(out).not.toContain('add it to setup-sql')
  } finally {
    rmSync(tiny, { recursive: true, force: true })
  }
}, 180_000)
