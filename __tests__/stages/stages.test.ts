/** The stages end to end through runStage: rehearsal, verify, rollback and monitor gates on a real database. */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { parseInputs } from '../../src/config/inputs.js'
import { Redactor } from '../../src/report/redact.js'
import { runStage } from '../../src/run.js'
import { snapshotSchema } from '../../src/schema/index.js'
import { ROLLBACK_CHECKS } from '../../src/stages/index.js'
import {
  findCheck,
  type CheckResult,
  type Stage,
  type CheckId,
  type CheckResultOf
} from '../../src/types.js'

let db: TestDatabase
let repo: FixtureRepo

async function stage(name: Stage, environment = 'staging') {
  const config = parseInputs({ environment, stage: name, 'database-url': db.url })
  return runStage({ config, redactor: new Redactor(), root: repo.root, environ: process.env })
}

function check<K extends CheckId>(
  results: { report: { checks: CheckResult[] } },
  id: K
): CheckResultOf<K> {
  const c = findCheck(results.report.checks, id)
  if (!c) throw new Error(`no ${id} check in ${results.report.checks.map(x => x.id).join(', ')}`)
  return c
}

async function versions(): Promise<string[]> {
  const c = await db.client()
  const r = await c.query('SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1')
  await c.end()
  return r.rows.map(x => x.version)
}

async function query(sql: string) {
  const c = await db.client()
  try {
    return await c.query(sql)
  } finally {
    await c.end()
  }
}

beforeEach(async () => {
  db = await createTestDatabase('stages')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

describe('rehearsal', () => {
  test('applies the pending migration in a rolled-back transaction: locks and diff recorded, nothing changed', async () => {
    repo.write('20250301000000_weight.sql', 'ALTER TABLE public.items ADD COLUMN weight int;\n')
    await stage('apply')
    repo.write(
      '20250401000000_weight_check.sql',
      'ALTER TABLE public.items ADD CONSTRAINT items_weight_check CHECK (weight >= 0);\n'
    )
    const run = await stage('validate')
    expect(run.report.status).not.toBe('failed')
    const rehearsal = check(run, 'rehearsal')
    expect(rehearsal.status).toBe('pass')
    const [result] = rehearsal.details.migrations ?? []
    expect(result.version).toBe('20250401000000')
    expect(result.locks).toContainEqual({ relation: 'items', mode: 'AccessExclusiveLock' })
    expect(result.diffText).toContain('items_weight_check')
    // Rolled back: the constraint is not there and nothing new is recorded.
    const con = await query(`SELECT 1 FROM pg_constraint WHERE conname = 'items_weight_check'`)
    expect(con.rowCount).toBe(0)
    expect(await versions()).not.toContain('20250401000000')
  })

  test('a migration over the lock budget is cancelled and reported by policy (warn on staging, fail on production)', async () => {
    await stage('apply')
    repo.write(
      'runbook.yml',
      // backup off: this test database has no Supabase backups (production fails the backup check without).
      'defaults:\n  lock-budget: 300ms\nenvironments:\n  staging: {}\n  production:\n    production: true\n    backup: { off: true, reason: test database }\n'
    )
    repo.write(
      '20250301000000_slow.sql',
      'ALTER TABLE public.items ADD COLUMN weight int;\nSELECT pg_sleep(5);\n'
    )
    const staging = await stage('validate')
    const r = check(staging, 'rehearsal')
    expect(r.status).toBe('warn')
    expect(r.reasons[0]).toMatch(
      /would hold AccessExclusiveLock on items for more than 300 ms \(the lock budget\)/
    )
    expect((r.details.migrations ?? [])[0].overBudget).toBe(true)
    const production = await stage('validate', 'production')
    expect(check(production, 'rehearsal').status).toBe('fail')
    expect(production.exitCode).toBe(1)
    const col = await query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'weight'`
    )
    expect(col.rowCount).toBe(0)

    // The cancelled statement itself names the table and the lock it was taking.
    repo.write(
      '20250301000000_slow.sql',
      'ALTER TABLE public.items ADD CONSTRAINT items_slow CHECK (pg_sleep(0.2) IS NOT NULL);\n'
    )
    const slowCheck = check(await stage('validate'), 'rehearsal')
    expect(slowCheck.reasons[0]).toMatch(
      /would hold AccessExclusiveLock on public\.items for more than 300 ms/
    )
  })

  test('rows that violate a new CHECK fail validate at conflicts, before the rehearsal runs', async () => {
    await stage('apply')
    repo.write(
      '20250301000000_bad.sql',
      'ALTER TABLE public.items\n  ADD CONSTRAINT items_name_short CHECK (length(name) < 1);\n'
    )
    const run = await stage('validate')
    expect(check(run, 'conflicts').status).toBe('fail')
    expect(check(run, 'rehearsal').status).toBe('skip')
  })

  test('a migration that fails on this database fails validate with file:line and the Postgres error', async () => {
    await stage('apply')
    repo.write(
      '20250301000000_bad.sql',
      'SELECT 1;\nALTER TABLE public.items RENAME COLUMN nope TO x;\n'
    )
    const r = check(await stage('validate'), 'rehearsal')
    expect(r.status).toBe('fail')
    expect(r.reasons[0]).toMatch(
      /migrations\/20250301000000_bad\.sql:2: column "nope" does not exist \(SQLSTATE 42703\)/
    )
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'migrations/20250301000000_bad.sql',
        line: 2
      })
    ])
  })
})

describe('verify', () => {
  test('fails when an object the migration created is gone, naming it, and when the verify script raises', async () => {
    await stage('apply')
    await query('ALTER TABLE public.items DROP CONSTRAINT items_price_positive')
    let run = await stage('verify')
    const v = check(run, 'verify')
    expect(v.status).toBe('fail')
    expect(v.reasons.join('\n')).toMatch(
      /20250201000000_add_sku\.sql:3: expected constraint items_price_positive on public\.items \(CHECK\); not found/
    )
    await query('DROP TABLE public.item_tags')
    run = await stage('verify')
    expect(check(run, 'verify').reasons.join('\n')).toContain('item_tags is missing')
  })

  test('passes after apply, with the schema diff against the snapshot taken before the migration', async () => {
    await stage('apply')
    const run = await stage('verify')
    expect(check(run, 'verify').status).toBe('pass')
    const diff = readFileSync(path.join(repo.root, 'artifacts', 'staging', 'db-diff.txt'), 'utf8')
    expect(diff).toMatch(/\+ .*item_tags/)
    expect(diff).toMatch(/items_price_positive/)
  })
})

describe('rollback', () => {
  test('rolls back the newest migration and its history row; the schema equals the snapshot before it', async () => {
    await stage('apply')
    const run = await stage('rollback')
    expect(run.report.checks.slice(-5).map(c => [c.id, c.status])).toEqual([
      ['rollback-target', 'pass'],
      ['rollback-conflicts', 'pass'],
      ['rollback-rehearsal', 'pass'],
      ['rollback', 'pass'],
      ['schema-equals-before', 'pass']
    ])
    expect(check(run, 'rollback').details.version).toBe('20250201000000')
    expect(check(run, 'schema-equals-before').summary).toBe(
      'schema equals the snapshot before 20250201000000 was applied'
    )
    expect(run.exitCode).toBe(0)
    expect(await versions()).toEqual(['20250101000000'])
    const tags = await query(`SELECT to_regclass('public.item_tags') AS t`)
    expect(tags.rows[0].t).toBeNull()
    // The audit entry was committed with the rollback (sent with its COMMIT), statements and all.
    const audit = await query(
      `SELECT version, stage, jsonb_array_length(details->'statements') AS statements
         FROM migration_runbook.audit_log WHERE status = 'rolled-back'`
    )
    expect(audit.rows).toEqual([
      { version: '20250201000000', stage: 'rollback', statements: expect.any(Number) }
    ])
    expect(audit.rows[0].statements).toBeGreaterThan(0)
  })

  test('refuses when rows written since would violate what the rollback re-adds, changing nothing', async () => {
    repo.write(
      '20250301000000_allow_free.sql',
      'ALTER TABLE public.items DROP CONSTRAINT items_price_positive;\n'
    )
    repo.write(
      'rollback/20250301000000_allow_free.sql',
      'ALTER TABLE public.items ADD CONSTRAINT items_price_positive CHECK (price > 0);\n'
    )
    await stage('apply')
    await query(`INSERT INTO public.items (name, price) VALUES ('free', 0)`)
    const run = await stage('rollback')
    const r = check(run, 'rollback-conflicts')
    expect(r.status).toBe('fail')
    expect(r.reasons.join('\n')).toMatch(/1 row\(s\) violate items_price_positive/)
    expect(r.details.conflicts?.map(c => [c.constraint, c.count])).toEqual([
      ['items_price_positive', 1]
    ])
    expect(
      readFileSync(
        path.join(repo.root, 'artifacts', 'staging', 'pre-rollback-violations.txt'),
        'utf8'
      )
    ).toContain('items_price_positive')
    // The gate stops the rest: nothing is rehearsed or run.
    expect(check(run, 'rollback-rehearsal').status).toBe('skip')
    expect(check(run, 'rollback').status).toBe('skip')
    expect(run.exitCode).toBe(1)
    expect(await versions()).toContain('20250301000000')
  })

  test('a rollback script that would not restore the schema is refused by its rehearsal, before anything commits', async () => {
    repo.write(
      'rollback/20250201000000_add_sku.sql',
      'DROP TABLE public.item_tags;\nALTER TABLE public.items DROP CONSTRAINT items_price_positive;\n'
    )
    await stage('apply')
    const run = await stage('rollback')
    // pgflow's trial: the script ran, committed, and only then was the schema found wrong (the app broken).
    const r = check(run, 'rollback-rehearsal')
    expect(r.status).toBe('fail')
    expect(r.summary).toBe(
      'migrations/rollback/20250201000000_add_sku.sql would leave the schema different from before 20250201000000 was applied; nothing was rolled back'
    )
    expect(r.reasons[0]).toBe(
      'fix migrations/rollback/20250201000000_add_sku.sql so that it undoes migrations/20250201000000_add_sku.sql whole (db-diff.txt has every difference), then run the rollback again'
    )
    expect(r.reasons[1]).toBe('+ column public.items.sku: not there before')
    expect(r.details.schema).toBe('differs')
    expect(check(run, 'rollback').status).toBe('skip')
    expect(check(run, 'schema-equals-before').status).toBe('skip')
    expect(
      readFileSync(path.join(repo.root, 'artifacts', 'staging', 'db-diff.txt'), 'utf8')
    ).toContain(
      '# schema after the rehearsed rollback (not committed) vs before 20250201000000 was applied'
    )
    expect(run.exitCode).toBe(1)
    // Nothing was rolled back: the history row and the table are there.
    expect(await versions()).toEqual(['20250101000000', '20250201000000'])
    const tags = await query(`SELECT to_regclass('public.item_tags') AS t`)
    expect(tags.rows[0].t).toBe('item_tags')
  })

  test('a rollback that re-adds a dropped column passes with a warning: PostgreSQL cannot restore the column order', async () => {
    // midday's trial: every rollback of a DROP COLUMN failed schema-equals-before on the column order alone.
    repo.write('20250301000000_drop_name.sql', 'ALTER TABLE public.items DROP COLUMN name;\n')
    repo.write(
      'rollback/20250301000000_drop_name.sql',
      "ALTER TABLE public.items ADD COLUMN name text;\nUPDATE public.items SET name = 'item ' || id;\nALTER TABLE public.items ALTER COLUMN name SET NOT NULL;\n"
    )
    await stage('apply')
    const run = await stage('rollback')
    const rehearsal = check(run, 'rollback-rehearsal')
    expect(rehearsal.status).toBe('pass')
    expect(rehearsal.summary).toContain(
      'it restores the schema from before 20250301000000 but for the column order'
    )
    expect(check(run, 'rollback').status).toBe('pass')
    const r = check(run, 'schema-equals-before')
    expect(r.status).toBe('warn')
    expect(r.summary).toBe(
      'schema equals the snapshot before 20250301000000 was applied but for the column order of 1 table(s)'
    )
    expect(r.reasons[0]).toBe(
      '~ table public.items: column order differs (name is now in another place)'
    )
    expect(run.exitCode).toBe(0)
    expect(await versions()).toEqual(['20250101000000', '20250201000000'])
  })

  test('a rollback script that fails in rehearsal stops before anything is changed', async () => {
    repo.write(
      'rollback/20250201000000_add_sku.sql',
      'DROP TABLE public.item_tags;\nALTER TABLE public.items DROP COLUMN no_such_column;\n'
    )
    await stage('apply')
    const run = await stage('rollback')
    expect(check(run, 'rollback-conflicts').status).toBe('pass')
    const r = check(run, 'rollback-rehearsal')
    expect(r.status).toBe('fail')
    expect(r.summary).toBe('the rollback fails in rehearsal; nothing was changed')
    expect(r.reasons[0]).toMatch(/rollback\/20250201000000_add_sku\.sql:2: .*no_such_column/)
    expect(check(run, 'rollback').status).toBe('skip')
    expect(check(run, 'schema-equals-before').status).toBe('skip')
    expect(run.exitCode).toBe(1)
    expect(await versions()).toEqual(['20250101000000', '20250201000000'])
    const tags = await query(`SELECT to_regclass('public.item_tags') AS t`)
    expect(tags.rows[0].t).toBe('item_tags')
  })

  test('without a before-snapshot the rollback runs and the comparison warns', async () => {
    await stage('apply')
    await query('UPDATE migration_runbook.audit_log SET schema_before = NULL')
    const run = await stage('rollback')
    expect(check(run, 'rollback').status).toBe('pass')
    const r = check(run, 'schema-equals-before')
    expect(r.status).toBe('warn')
    expect(r.reasons).toEqual(['no schema snapshot was recorded when 20250201000000 was applied'])
    expect(run.report.status).toBe('warned')
    expect(run.exitCode).toBe(0)
    expect(await versions()).toEqual(['20250101000000'])
  })

  test('fails clearly when there is no rollback script', async () => {
    repo.write('20250301000000_no_revert.sql', 'CREATE TABLE public.notes (id int);\n')
    await stage('apply')
    const run = await stage('rollback')
    const r = check(run, 'rollback-target')
    expect(r.status).toBe('fail')
    expect(r.summary).toBe('no rollback possible')
    expect(r.reasons[0]).toContain(
      'has no rollback script: create migrations/rollback/20250301000000_no_revert.sql'
    )
    expect(check(run, 'rollback').status).toBe('skip')
    expect(run.exitCode).toBe(1)
    expect(await versions()).toContain('20250301000000')
  })
})

test('monitor: a breached threshold fails the stage and on-breach: rollback rolls back', async () => {
  await stage('apply')
  repo.write(
    'runbook.yml',
    [
      'environments:',
      '  staging:',
      '    monitor:',
      '      duration: 600ms',
      '      interval: 150ms',
      '      on-breach: rollback',
      '      checks:',
      '        - name: error-rate',
      '          sql: select 12.5 as value',
      '          max: 5',
      "          unit: '%'",
      ''
    ].join('\n')
  )
  const run = await stage('monitor')
  expect(check(run, 'monitor').status).toBe('fail')
  expect(check(run, 'rollback').status).toBe('pass')
  expect(check(run, 'schema-equals-before').status).toBe('pass')
  expect(run.exitCode).toBe(1)
  expect(await versions()).toEqual(['20250101000000'])
  expect(run.markdown).toContain('xychart-beta')
})

test('verify fails when a replaced constraint still has its old definition under the same name', async () => {
  repo.write(
    '20250301000000_price_rule.sql',
    'ALTER TABLE public.items DROP CONSTRAINT items_price_positive;\nALTER TABLE public.items ADD CONSTRAINT items_price_positive UNIQUE (name, price);\n'
  )
  await stage('apply')
  // Someone puts the old CHECK back under the same name: the name alone would pass.
  await query('ALTER TABLE public.items DROP CONSTRAINT items_price_positive')
  await query('ALTER TABLE public.items ADD CONSTRAINT items_price_positive CHECK (price > 0)')
  const v = check(await stage('verify'), 'verify')
  expect(v.status).toBe('fail')
  expect(v.reasons.join('\n')).toMatch(
    /expected constraint items_price_positive on public\.items \(UNIQUE \(name, price\)\); found: CHECK/
  )
})

test('validate changes nothing: no history tables on a fresh database, same schema and rows after', async () => {
  const fresh = await stage('validate')
  expect(fresh.report.status).not.toBe('failed')
  const created = await query(
    `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname IN ('supabase_migrations', 'migration_runbook')`
  )
  expect(created.rows[0].n).toBe(0)
  expect(await query(`SELECT to_regclass('public.items') AS t`).then(r => r.rows[0].t)).toBeNull()

  await stage('apply')
  repo.write(
    '20250301000000_more.sql',
    'ALTER TABLE public.items ADD COLUMN weight int;\nUPDATE public.items SET weight = 1;\n'
  )
  const c = await db.client()
  const counts = `SELECT (SELECT count(*) FROM public.items) AS items,
                         (SELECT count(*) FROM migration_runbook.audit_log) AS audit,
                         (SELECT count(*) FROM supabase_migrations.schema_migrations) AS history`
  const before = { schema: await snapshotSchema(c), rows: (await c.query(counts)).rows[0] }
  const run = await stage('validate')
  expect(check(run, 'rehearsal').status).toBe('pass')
  const after = { schema: await snapshotSchema(c), rows: (await c.query(counts)).rows[0] }
  await c.end()
  expect(after.schema.objects).toEqual(before.schema.objects)
  expect(after.rows).toEqual(before.rows)
})

test('several migrations in one run are verified against the final state, not each against its own', async () => {
  repo.write(
    'verify/20250201000000_add_sku.sql',
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'items_price_positive') THEN RAISE EXCEPTION 'items_price_positive missing'; END IF; END $$;\n"
  )
  repo.write(
    '20250301000000_drop_rule.sql',
    'ALTER TABLE public.items DROP CONSTRAINT items_price_positive;\n'
  )
  // An index created by one migration and dropped by a later one of the same run: gone is right.
  repo.write('20250401000000_index.sql', 'CREATE INDEX items_name_idx ON public.items (name);\n')
  repo.write('20250501000000_drop_index.sql', 'DROP INDEX public.items_name_idx;\n')
  const run = await stage('apply')
  const v = check(run, 'verify')
  expect(v.status).toBe('warn') // no verify/ script for the newest migration
  expect(v.reasons).toEqual([
    'add migrations/verify/ scripts (SQL that raises when the change is not in place) for 20250501000000'
  ])
  const scripts = v.details.scripts as { version: string; skipped?: string }[]
  expect(scripts.find(s => s.version === '20250201000000')?.skipped).toMatch(/later migration/)
  expect(run.report.applied).toHaveLength(5)
})

test('monitor: a failing monitor query fails the stage but does not roll back', async () => {
  await stage('apply')
  repo.write(
    'runbook.yml',
    [
      'environments:',
      '  staging:',
      '    monitor:',
      '      duration: 300ms',
      '      interval: 100ms',
      '      on-breach: rollback',
      '      checks:',
      '        - name: typo',
      '          sql: select count(*) as value from public.no_such_table',
      '          max: 5',
      ''
    ].join('\n')
  )
  const run = await stage('monitor')
  expect(check(run, 'monitor').status).toBe('fail')
  const rollbackIds: string[] = ROLLBACK_CHECKS.map(c => c.id)
  expect(run.report.checks.filter(c => rollbackIds.includes(c.id))).toEqual([])
  expect(await versions()).toEqual(['20250101000000', '20250201000000'])
})
