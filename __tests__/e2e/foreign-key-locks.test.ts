/**
 * Dropping a foreign key locks the table it references, a table the statement never names. A reader holding that
 * table (a long report on `parent`) would queue the migration's ACCESS EXCLUSIVE, and every writer behind it. Through
 * the CLI bundle against a real database: validate's lint reads the key from the catalog, names the referenced
 * table in its lock lines, and lock-holders finds the reader on it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { baseEnv, cli } from './processes.js'

let db: TestDatabase
let repo: string

const write = (name: string, text: string) =>
  writeFileSync(path.join(repo, 'migrations', name), text)

const stage = (name: string) =>
  cli([name, '--env', 'staging', '--artifacts-dir', path.join(repo, 'artifacts')], {
    cwd: repo,
    env: baseEnv({ DATABASE_URL: db.url })
  })

interface CheckJson {
  status: string
  summary: string
  reasons?: string[]
  details: { tables?: string[] }
}

function check(id: string): CheckJson {
  const summary = JSON.parse(
    readFileSync(path.join(repo, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
  return summary.checks.find((c: { id: string }) => c.id === id)
}

beforeAll(async () => {
  db = await createTestDatabase('e2e_fk_locks')
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-fk-locks-'))
  mkdirSync(path.join(repo, 'migrations'))
  write(
    'runbook.yml',
    'version: 1\nenvironments:\n  staging:\n    lock-holders: fail\n    long-transactions: warn\n    lock-timeout: 1s\n'
  )
  write(
    '20250101000000_orders.sql',
    'create table public.customers (id bigint primary key);\n' +
      'create table public.orders (id bigint primary key, customer_id bigint references public.customers);\n'
  )
  expect((await stage('apply')).code).toBe(0)
  write(
    '20250102000000_drop_fk.sql',
    'alter table public.orders drop constraint orders_customer_id_fkey;\n'
  )
})
/** A long report on the referenced table: a session in a transaction that has read it (ACCESS SHARE held). */
async function readingCustomers() {
  const reader = await db.client()
  await reader.query(`SET application_name = 'nightly-customer-report'`)
  await reader.query('BEGIN')
  await reader.query('SELECT count(*) FROM public.customers')
  return reader
}

afterAll(async () => {
  await db.drop()
  rmSync(repo, { recursive: true, force: true })
})

test('validate: a reader of the referenced table is a lock holder; without it validate passes and changes nothing', async () => {
  const reader = await readingCustomers()
  try {
    const r = await stage('validate')
    expect(r.code).toBe(1)
    const out = r.stdout + r.stderr
    expect(out).toContain('AccessExclusiveLock on public.customers')
    const holders = check('lock-holders')
    expect(holders.status).toBe('fail')
    expect(holders.details.tables).toEqual(['public.customers', 'public.orders'])
    expect(holders.reasons?.join('\n')).toContain('nightly-customer-report')
    expect(holders.reasons?.join('\n')).toContain('public.customers')
  } finally {
    await reader.query('ROLLBACK')
  }

  const r = await stage('validate')
  expect(r.code).toBe(0)
  expect(check('lock-holders').status).toBe('pass')
  // The rehearsal measured the same lock the lint named.
  expect(JSON.stringify(check('rehearsal').details)).toContain('public.customers')
  const c = await db.client()
  const { rows } = await c.query(
    `SELECT conname FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND contype = 'f'`
  )
  expect(rows).toEqual([{ conname: 'orders_customer_id_fkey' }])
}, 120_000)

test('with lock-holders at warn, the rehearsal waits on the referenced table and its lock timeout names who holds it', async () => {
  write(
    'runbook.yml',
    // apply-retries: 0: one attempt, not three more after backoffs (~11 s); the retries have their own tests.
    'version: 1\nenvironments:\n  staging:\n    lock-holders: warn\n    long-transactions: warn\n    lock-timeout: 1s\n    apply-retries: 0\n'
  )
  const reader = await readingCustomers()
  try {
    const r = await stage('validate')
    expect(r.code).toBe(1)
    expect(check('lock-holders').status).toBe('warn')
    const rehearsal = check('rehearsal')
    expect(rehearsal.status).toBe('fail')
    const why = (rehearsal.reasons ?? []).join('\n')
    expect(why).toContain('drop_fk.sql:1: could not get a lock within lock_timeout (1000 ms)')
    expect(why).toMatch(
      /application nightly-customer-report, .*holds AccessShareLock on public\.customers/
    )
  } finally {
    await reader.query('ROLLBACK')
  }
}, 120_000)
