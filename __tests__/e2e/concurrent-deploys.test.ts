/**
 * Two deploys of one migration to one database, the second started while the first is rehearsing (two merges in
 * a row, found by trying the CLI as a hostile user). Before, the second's rehearsal ran the migration on the live
 * table while the first went on to apply: the first's apply failed on lock_timeout behind it, and the second
 * applied. Now a rehearsal holds the apply lock as apply does, and apply holds it from its first read: the second
 * waits for the other; whichever comes second finds the migration applied and applies nothing. Both exit 0; the
 * migration is applied once.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { baseEnv, cli, CLI, start } from './processes.js'

let repo: string
let db: TestDatabase
const V2 = '20260102000000'

beforeEach(async () => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-concurrent-'))
  mkdirSync(path.join(repo, 'supabase', 'migrations'), { recursive: true })
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\ndefaults:\n  lock-timeout: 2s\nenvironments:\n  staging: {}\n'
  )
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', '20260101000000_items.sql'),
    'create table public.items (id int primary key);\ninsert into public.items select generate_series(1, 100);\n'
  )
  db = await createTestDatabase('concurrent')
  const first = await cli(['apply', '--env', 'staging', '--artifacts-dir', 'a0'], {
    cwd: repo,
    env: baseEnv({ DATABASE_URL: db.url })
  })
  expect(first.code).toBe(0)
})
afterEach(async () => {
  await db.drop()
  rmSync(repo, { recursive: true, force: true })
})

test('a second apply started while the first rehearses: one waits for the other; both exit 0, applied once', async () => {
  // ACCESS EXCLUSIVE on public.items for 3 s (longer than the 2 s lock-timeout), in the rehearsal and in the apply.
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', `${V2}_note.sql`),
    'alter table public.items add column note text;\nselect pg_sleep(3);\n'
  )
  const env = baseEnv({ DATABASE_URL: db.url })
  const a = start(CLI, ['apply', '--env', 'staging', '--artifacts-dir', 'a'], { cwd: repo, env })
  await a.waitFor(/▶ rehearsal/)
  await new Promise(r => setTimeout(r, 1_000))
  const b = start(CLI, ['apply', '--env', 'staging', '--artifacts-dir', 'b'], { cwd: repo, env })
  const [ra, rb] = await Promise.all([a.done, b.done])
  const both = [ra, rb].map(r => r.stdout + r.stderr)
  for (const out of both) expect(out).not.toMatch(/lock timeout|could not get a lock/)
  expect([ra.code, rb.code]).toEqual([0, 0])
  // Which one applies is a race (the second's rehearsal may take the lock between the first's rehearsal and its
  // apply): one applies, the other waited for it and applies nothing.
  expect(both.filter(out => out.includes(`applied ${V2} in`))).toHaveLength(1)
  expect(both.filter(out => out.includes('nothing to apply'))).toHaveLength(1)
  expect(both.join('\n')).toMatch(/the apply lock is held by pid \d+ \(migration-runbook/)
  // The one that waited says why it applied nothing, and verifies what is now the newest migration, not the one
  // that was newest when it planned (it named 20260101000000 before).
  const waited = both[0].includes('nothing to apply') ? 'a' : 'b'
  const report = JSON.parse(
    readFileSync(path.join(repo, waited, 'staging', 'summary.json'), 'utf8')
  ) as { checks: { id: string; summary: string; details: Record<string, unknown> }[] }
  const check = (id: string) => report.checks.find(c => c.id === id)!
  expect(check('apply').summary).toBe(`nothing to apply: ${V2} applied by another run meanwhile`)
  expect(check('verify').details.scripts).toEqual([{ version: V2, error: null }])
  expect(check('verify').summary).toContain(`no verify/ script for ${V2}`)
  expect(check('schema-diff').details.since).toBe(V2)
  const c = await db.client()
  const history = await c.query(
    'SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1'
  )
  expect(history.rows.map(r => r.version)).toEqual(['20260101000000', V2])
  const audit = await c.query(
    `SELECT count(*)::int AS n FROM migration_runbook.audit_log WHERE version = $1 AND status = 'applied'`,
    [V2]
  )
  expect(audit.rows[0].n).toBe(1)
}, 120_000)
