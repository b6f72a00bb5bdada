/**
 * runbook.yml `lint.no-transaction-markers` reach apply, not only lint: a file marked with the project's own
 * marker runs statement by statement through the built CLI, and the same file without the setting is refused
 * before anything is applied (the two doors must read a file the same way).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { cli } from './processes.js'

let db: TestDatabase
let root: string

function write(rel: string, text: string): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, text)
}

function policy(markers: string[]): string {
  return [
    'version: 1',
    ...(markers.length > 0
      ? ['lint:', '  no-transaction-markers:', ...markers.map(m => `    - "${m}"`)]
      : []),
    'environments:',
    '  dev: {}',
    ''
  ].join('\n')
}

beforeEach(async () => {
  db = await createTestDatabase('e2e_markers')
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-markers-apply-'))
  write('migrations/20250101000000_items.sql', 'CREATE TABLE public.items (id int PRIMARY KEY);\n')
  write(
    'migrations/20250102000000_items_note.sql',
    [
      '-- my-runner: no-tx',
      'ALTER TABLE public.items ADD COLUMN note text;',
      'CREATE INDEX CONCURRENTLY items_note_idx ON public.items (note);',
      ''
    ].join('\n')
  )
})
afterEach(async () => {
  await db.drop()
  rmSync(root, { recursive: true, force: true })
})

async function apply(): Promise<{ code: number | null; out: string }> {
  const r = await cli(
    ['apply', '--env', 'dev', '--migrations-dir', 'migrations', '--database-url', db.url],
    { cwd: root }
  )
  return { code: r.code, out: r.stdout + r.stderr }
}

async function indexes(): Promise<string[]> {
  const c = await db.client()
  const r = await c.query(
    `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'items' ORDER BY 1`
  )
  return r.rows.map(x => x.indexname)
}

test('a project marker from runbook.yml makes apply run the file outside a transaction', async () => {
  write('migrations/runbook.yml', policy(['-- my-runner: no-tx']))
  const r = await apply()
  expect(r.out).toContain('no-transaction')
  expect(r.code).toBe(0)
  expect(await indexes()).toEqual(['items_note_idx', 'items_pkey'])
}, 60_000)

test('the no-transaction file alone pending: snapshotted before it runs, so schema-diff shows its change', async () => {
  write('migrations/runbook.yml', policy(['-- my-runner: no-tx']))
  const second = path.join(root, 'migrations', '20250102000000_items_note.sql')
  const text = readFileSync(second, 'utf8')
  rmSync(second)
  expect((await apply()).code).toBe(0)
  writeFileSync(second, text)
  const r = await apply()
  expect(r.code).toBe(0)
  // Before: schema-diff WARN "no before-snapshot to diff against" after every CONCURRENTLY-only migration.
  expect(r.out).not.toContain('no before-snapshot')
  expect(r.out).toMatch(/schema-diff +PASS/)
  expect(readFileSync(path.join(root, 'artifacts', 'dev', 'db-diff.txt'), 'utf8')).toContain(
    'items_note_idx'
  )
}, 60_000)

test('without the setting, the same file is refused and nothing is applied', async () => {
  write('migrations/runbook.yml', policy([]))
  const r = await apply()
  expect(r.code).toBe(1)
  expect(r.out).toContain('there is no no-transaction marker')
  const c = await db.client()
  const items = await c.query(`SELECT to_regclass('public.items') AS t`)
  expect(items.rows[0].t).toBeNull()
}, 60_000)
