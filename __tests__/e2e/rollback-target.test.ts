/**
 * `rollback` when the newest migration has no rollback script, or when --migration names one that is not the
 * newest: through the CLI bundle against a real database, the run fails under rollback-target (not under a check
 * about conflicting rows), says what to create or roll back first, and changes nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { baseEnv, cli } from './processes.js'

let db: TestDatabase
let repo: string

const write = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, 'migrations', name)), { recursive: true })
  writeFileSync(path.join(repo, 'migrations', name), text)
}

const stage = (name: string, ...extra: string[]) =>
  cli([name, '--env', 'staging', '--artifacts-dir', path.join(repo, 'artifacts'), ...extra], {
    cwd: repo,
    env: baseEnv({ DATABASE_URL: db.url })
  })

function checks(): { id: string; status: string; reasons?: string[] }[] {
  return JSON.parse(readFileSync(path.join(repo, 'artifacts', 'staging', 'summary.json'), 'utf8'))
    .checks
}

async function history(): Promise<string[]> {
  const c = await db.client()
  const { rows } = await c.query(
    'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version'
  )
  return rows.map(r => r.version)
}

beforeAll(async () => {
  db = await createTestDatabase('e2e_rollback_target')
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-rollback-target-'))
  write('runbook.yml', 'version: 1\nenvironments:\n  staging: {}\n')
  write('20250101000000_notes.sql', 'create table public.notes (id bigint primary key);\n')
  write('rollback/20250101000000_notes.sql', 'drop table public.notes;\n')
  write('20250102000000_tags.sql', 'create table public.tags (id bigint primary key);\n')
  expect((await stage('apply')).code).toBe(0)
})
afterAll(async () => {
  await db.drop()
  rmSync(repo, { recursive: true, force: true })
})

test('no rollback script for the newest migration: rollback-target fails, naming the file to create', async () => {
  const r = await stage('rollback')
  expect(r.code).toBe(1)
  const [target, ...after] = checks().slice(-5)
  expect(target.id).toBe('rollback-target')
  expect(target.status).toBe('fail')
  expect(target.reasons).toEqual([
    expect.stringMatching(
      /20250102000000_tags\.sql has no rollback script: create .*rollback\/20250102000000_tags\.sql$/
    )
  ])
  expect(after.map(c => [c.id, c.status])).toEqual([
    ['rollback-conflicts', 'skip'],
    ['rollback-rehearsal', 'skip'],
    ['rollback', 'skip'],
    ['schema-equals-before', 'skip']
  ])
  expect(r.stdout + r.stderr).toContain('rollback-target')
  expect(await history()).toEqual(['20250101000000', '20250102000000'])
}, 60_000)

test('--migration of one that is not the newest: refused under rollback-target, nothing changes', async () => {
  const r = await stage('rollback', '--migration', '20250101000000')
  expect(r.code).toBe(1)
  const target = checks().find(c => c.id === 'rollback-target')
  expect(target?.reasons).toEqual([
    'version 20250101000000 is not the newest applied (20250102000000); roll back 20250102000000 first'
  ])
  expect(await history()).toEqual(['20250101000000', '20250102000000'])
}, 60_000)
