import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { makeContext } from '../helpers/context.js'
import { conflictsCheck } from '../../src/checks/conflicts.js'
import type { Migration } from '../../src/plan/files.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
beforeAll(async () => {
  db = await createTestDatabase('conflicts_check')
  client = await db.client()
  await client.query(`CREATE TABLE slots (id int PRIMARY KEY, r int, w int4range);
    INSERT INTO slots VALUES (1, 1, '[1,5)'), (2, 1, '[4,8)'), (3, 1, '[8,9)'), (4, 2, '[1,5)');`)
})
afterAll(() => db.drop())

function migration(version: string, sql: string): Migration {
  const file = `migrations/${version}_m.sql`
  return { file, path: file, sql, checksum: '', version, name: 'm', noTransaction: false }
}

/** A staging context whose evidence goes to `dir`/staging, with one sampled violation per constraint. */
function context(pending: Migration[]): { ctx: StageContext; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflicts-'))
  const ctx = makeContext({
    client,
    url: db.url,
    policyYaml: 'environments:\n  staging:\n    conflicts-sample: 1\n    conflicts-timeout: 10s\n',
    plan: { pending },
    artifactsDir: dir
  })
  return { ctx, dir }
}

test('fails on existing overlaps, writes pre-migration-violations.txt capped at the sample, skips new tables', async () => {
  const { ctx, dir } = context([
    migration('1', 'CREATE TABLE fresh (id int, w int4range);'),
    migration(
      '2',
      'ALTER TABLE fresh ADD CONSTRAINT f EXCLUDE USING gist (w WITH &&);\nALTER TABLE slots ADD CONSTRAINT x EXCLUDE USING gist (r WITH =, w WITH &&);'
    )
  ])
  const outcome = await conflictsCheck.run(ctx)
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons).toEqual([
    'migrations/2_m.sql:2: 1 existing row(s) violate x on public.slots, e.g. x: r=1 — id 2 [4,8) overlaps id 1 [1,5)'
  ])
  const text = readFileSync(path.join(dir, 'staging', 'pre-migration-violations.txt'), 'utf8')
  expect(text).toContain(
    'migrations/2_m.sql:2 exclude x on public.slots: 1 row(s) overlapping an earlier row'
  )
  expect(text).toContain('  x: r=1 — id 2 [4,8) overlaps id 1 [1,5)\n')
  expect(outcome.annotations).toEqual([
    expect.objectContaining({ level: 'error', file: 'migrations/2_m.sql', line: 2 })
  ])
})

test('skips when nothing is added to a table with rows', async () => {
  const { ctx } = context([migration('3', 'CREATE TABLE other (id int PRIMARY KEY);')])
  expect((await conflictsCheck.run(ctx)).status).toBe('skip')
})
