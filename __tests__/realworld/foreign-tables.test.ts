/**
 * Foreign tables (Supabase's Stripe wrapper, here postgres_fdw without a user mapping, as a project whose
 * mapping is made in the dashboard): counting their rows calls the remote service or fails. The evidence
 * must not count them, and nothing read after the migrations committed may fail the apply check.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { check, project, type Project } from './helpers.js'

let p: Project | undefined
afterEach(async () => {
  await p?.done()
  p = undefined
})

const evidence = (pr: Project, name: string) =>
  readFileSync(path.join(pr.repo.root, 'artifacts', 'staging', name), 'utf8')

test('a Stripe foreign table: applied, and the evidence says "foreign table: not counted"', async () => {
  p = await project('realworld-stripe')
  // Reading it really fails: that is what apply used to run into after the commit.
  const run = await p.stage('apply')
  await expect(p.query('SELECT count(*) FROM public.stripe_customers')).rejects.toThrow(
    /user mapping not found/
  )
  expect(check(run, 'apply').status).toBe('pass')
  expect(run.report.applied).toEqual(['20230530034630'])
  expect(run.report.status).not.toBe('failed')
  expect(evidence(p, 'post-migration-tables.txt')).toContain(
    'public.stripe_customers: foreign table: not counted'
  )

  // The next migration alters the foreign table: table sizes and the state before it do not count it either.
  p.repo.write(
    '20230601000000_stripe_customers_currency.sql',
    'alter foreign table public.stripe_customers add column currency text;\n'
  )
  const second = await p.stage('apply')
  expect(check(second, 'table-sizes').status).toBe('pass')
  expect(JSON.stringify(check(second, 'table-sizes').details)).toContain(
    '"rowsSource":"not counted"'
  )
  expect(check(second, 'apply').status).toBe('pass')
  expect(second.report.applied).toEqual(['20230601000000'])
  expect(check(second, 'verify').reasons.filter(r => r.includes('expected'))).toEqual([])
  expect(evidence(p, 'pre-migration-state.txt')).toContain(
    'public.stripe_customers: foreign table: not counted'
  )
})

test('an error while writing the post-migration evidence is a warning: the migrations stay reported as applied', async () => {
  p = await project('realworld-stripe')
  // The evidence file cannot be written (a directory in its place, like a full or read-only disk).
  mkdirSync(path.join(p.repo.root, 'artifacts', 'staging', 'post-migration-tables.txt'), {
    recursive: true
  })
  const run = await p.stage('apply')
  const apply = check(run, 'apply')
  expect(apply.status).toBe('warn')
  expect(apply.summary).toMatch(/^applied 20230530034630 in \d+ ms/)
  expect(apply.reasons.join('\n')).toMatch(
    /post-migration evidence could not be written after the migrations committed: .*EISDIR/
  )
  expect(run.report.applied).toEqual(['20230530034630'])
  expect(run.report.status).not.toBe('failed')
  expect(evidence(p, 'staging-migration.log')).toMatch(
    /apply: post-migration evidence could not be written after the migrations committed/
  )
  // The other file still says what happened.
  expect(evidence(p, 'post-migration-constraints.txt')).toContain('public.customers')
  const history = await p.query('SELECT version FROM supabase_migrations.schema_migrations')
  expect(history.rows).toEqual([{ version: '20230530034630' }])
})
