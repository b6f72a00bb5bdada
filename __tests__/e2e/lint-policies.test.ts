/**
 * rls-without-policy in validate reads the target's policies (found on a real project): a pending migration that
 * enables row level security again on a table a deployed migration gave a policy is no finding; on a table with
 * none it still is. Through the CLI bundle, on a throwaway database (--embedded).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baseEnv, cli } from './processes.js'

let repo: string

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-lint-policies-'))
  mkdirSync(path.join(repo, 'migrations'))
  const files: Record<string, string> = {
    '20250101000000_notes.sql':
      'create table public.notes (id bigint primary key, owner uuid);\n' +
      'alter table public.notes enable row level security;\n' +
      'create policy notes_owner on public.notes for select using (owner = auth.uid());\n' +
      'create table public.drafts (id bigint primary key);\n',
    '20250102000000_again.sql':
      'alter table public.notes enable row level security;\n' +
      'alter table public.drafts enable row level security;\n',
    'runbook.yml': 'version: 1\nenvironments:\n  staging: {}\n'
  }
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(repo, 'migrations', name), text)
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

test('validate: enabling row level security again where a policy exists is no finding; where none does, it is', async () => {
  const artifacts = path.join(repo, 'artifacts')
  const r = await cli(
    ['validate', '--env', 'staging', '--embedded', '--artifacts-dir', artifacts],
    {
      cwd: repo,
      env: baseEnv()
    }
  )
  expect(r.code).toBe(0)
  const summary = JSON.parse(readFileSync(path.join(artifacts, 'staging', 'summary.json'), 'utf8'))
  const lint = summary.checks.find((c: { id: string }) => c.id === 'lint')
  const rls = lint.details.findings
    .filter((f: { rule: string }) => f.rule === 'rls-without-policy')
    .map((f: { line: number; message: string }) => `${f.line}: ${f.message}`)
  expect(rls).toEqual([
    '2: row level security is enabled on public.drafts and no CREATE POLICY for it is in this change'
  ])
}, 120_000)
