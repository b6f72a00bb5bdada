/**
 * `rehearse` runs five stages on one throwaway database, and each reads the migrations folder. A folder warning (an
 * empty migration, as `supabase migration new` leaves one) is printed once on the terminal, not once per stage;
 * every stage's log in the evidence still has it. Through the CLI bundle.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baseEnv, cli } from './processes.js'

let repo: string

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-rehearse-warnings-'))
  const dir = path.join(repo, 'migrations')
  mkdirSync(path.join(dir, 'rollback'), { recursive: true })
  writeFileSync(path.join(dir, 'runbook.yml'), 'version: 1\nenvironments:\n  staging: {}\n')
  writeFileSync(path.join(dir, '20250101000000_notes.sql'), 'create table public.notes (id int);\n')
  writeFileSync(path.join(dir, '20250102000000_placeholder.sql'), '')
  writeFileSync(path.join(dir, '20250103000000_tags.sql'), 'create table public.tags (id int);\n')
  writeFileSync(path.join(dir, 'rollback', '20250103000000_tags.sql'), 'drop table public.tags;\n')
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

test('an empty migration: its warning once on the terminal, in every stage log', async () => {
  const r = await cli(['rehearse', '--demo-rows', '0'], { cwd: repo, env: baseEnv() })
  expect(r.code).toBe(0)
  const warning = '20250102000000_placeholder.sql: empty migration (0 bytes)'
  const out = r.stdout + r.stderr
  expect(out.split(warning).length - 1).toBe(1)
  const stages = readdirSync(path.join(repo, 'artifacts', 'rehearsal'))
  expect(stages.length).toBe(5)
  for (const s of stages) {
    const log = readFileSync(
      path.join(repo, 'artifacts', 'rehearsal', s, 'staging', 'staging-migration.log'),
      'utf8'
    )
    expect(log).toContain(warning)
  }
}, 180_000)
