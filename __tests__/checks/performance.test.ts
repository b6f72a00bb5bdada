import { readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { makeContext } from '../helpers/context.js'
import { performanceCheck } from '../../src/checks/performance.js'
import { topStatements } from '../../src/perf/statements.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('post_perf')
  client = await db.client()
  await client.query(`
    CREATE TABLE public.items (id int PRIMARY KEY, restaurant_id int NOT NULL, payload text NOT NULL);
    INSERT INTO public.items SELECT g, g % 500, md5(g::text) FROM generate_series(1, 20000) g;
    CREATE INDEX items_restaurant_idx ON public.items (restaurant_id);
    ANALYZE public.items;`)
})
afterAll(async () => {
  await db.drop()
})

function ctxWith(probesYaml: string): StageContext {
  const yaml = `environments:\n  staging:\n    probes:\n${probesYaml}`
  return makeContext({
    client,
    url: db.url,
    stage: 'verify',
    policyYaml: yaml,
    plan: { touchedTables: ['public.items'] }
  })
}

const FAST = `      - name: lookup
        sql: select id, payload from public.items where restaurant_id = $1
        params: [7]
        runs: 5
        max-p95-ms: 5000
        expect-index: public.items_restaurant_idx
`

test('probes within thresholds using the expected index pass, with p50/p95 and the EXPLAIN kept', async () => {
  const ctx = ctxWith(FAST)
  const out = await performanceCheck.run(ctx)
  expect(out.status).toBe('pass')
  const probes = out.details!.probes
  expect(probes).toEqual([
    {
      name: 'lookup',
      runs: 5,
      p50Ms: expect.any(Number),
      p95Ms: expect.any(Number),
      maxP95Ms: 5000,
      indexesUsed: ['items_restaurant_idx'],
      expectedIndex: 'public.items_restaurant_idx',
      pass: true
    }
  ])
  expect(probes[0].p95Ms).toBeGreaterThanOrEqual(probes[0].p50Ms)
  const plans = out.details!.plans
  expect(plans[0].samplesMs).toHaveLength(5)
  expect(plans[0].executionTimeMs).toEqual(expect.any(Number))
  expect(JSON.stringify(plans[0].plan)).toContain('items_restaurant_idx')
  const text = readFileSync(path.join(ctx.evidence.dir, 'performance-test.txt'), 'utf8')
  expect(text).toContain('### lookup: PASS')
  expect(text).toContain('EXPLAIN ANALYZE: execution')
  expect(text).toContain('"Shared Hit Blocks"') // BUFFERS
})

test('each gate fails on its own: slow probe, expected index not used, probe that errors', async () => {
  const ctx = ctxWith(`${FAST}      - name: slow
        sql: select pg_sleep(0.02)
        runs: 3
        max-p95-ms: 1
      - name: wrong-index
        sql: select id from public.items where payload = $1
        params: [abc]
        runs: 2
        expect-index: items_restaurant_idx
      - name: broken
        sql: select * from public.nope
        runs: 2
`)
  const out = await performanceCheck.run(ctx)
  expect(out.status).toBe('fail')
  const byName = Object.fromEntries(out.details!.probes.map(p => [p.name, p]))
  expect(byName.lookup.pass).toBe(true)
  expect(byName.slow).toMatchObject({ pass: false, maxP95Ms: 1 })
  expect(byName.slow.p95Ms).toBeGreaterThan(1)
  expect(byName['wrong-index']).toMatchObject({ pass: false, indexesUsed: [] })
  expect(byName.broken.pass).toBe(false)
  expect(out.reasons).toEqual([
    expect.stringMatching(/^probe "slow": p95 [\d.]+ ms over 3 runs exceeds max-p95-ms 1$/),
    'probe "wrong-index": expected index items_restaurant_idx is not used (plan uses no index)',
    'probe "broken" failed to run: relation "public.nope" does not exist (SQLSTATE 42P01)'
  ])
  const broken = out.details!.plans.find(p => p.name === 'broken')!
  expect(broken.error).toMatchObject({ code: '42P01' })
})

test('a probe never changes data: its transaction is rolled back', async () => {
  const ctx = ctxWith(`      - name: writes
        sql: delete from public.items where restaurant_id = 1
        runs: 2
`)
  const out = await performanceCheck.run(ctx)
  expect(out.status).toBe('pass')
  const n = await client.query(
    'select count(*)::int as n from public.items where restaurant_id = 1'
  )
  expect(n.rows[0].n).toBe(40)
})

test('top statements: a noted skip without pg_stat_statements, the touched tables only with it', async () => {
  const without = await topStatements(client, ['public.items'])
  expect(without.available).toBe(false)
  expect(without.note).toContain('pg_stat_statements is not installed')

  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions')
  await client.query('CREATE TABLE public.other (id int)')
  for (let i = 0; i < 3; i++) {
    await client.query('select count(*) from public.items where restaurant_id = $1', [i])
    await client.query('select count(*) from public.other')
  }
  const top = await topStatements(client, ['public.items'])
  expect(top.available).toBe(true)
  const texts = top.statements.map(s => s.query)
  expect(texts).toContain('select count(*) from public.items where restaurant_id = $1')
  expect(texts.some(t => t.includes('public.other'))).toBe(false)
  expect(
    top.statements.find(s => s.query.startsWith('select count(*) from public.items'))
  ).toMatchObject({ calls: 3, tables: ['public.items'] })

  const out = await performanceCheck.run(ctxWith(FAST))
  expect(out.details!.topStatements.length).toBeGreaterThan(0)
})
