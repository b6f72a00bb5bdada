/**
 * Two things real projects met through the CLI bundle (trial of six public Supabase projects):
 * - a monorepo keeps its Supabase project in a package (packages/db/supabase/migrations). `init` run there wrote
 *   the workflows to packages/db/.github, which GitHub never reads, with paths relative to the package. They go
 *   to the repository's top now, with paths relative to it, and the commands they run work from there.
 * - an index name cut in the log right after "…_for_post" was masked as the start of the throwaway's URL.
 * - a project with a table of its own named public.allocations (a budgeting app) was taken for the capacity
 *   sample: the rehearsal loaded the sample's demo data into it and failed ("relation public.restaurants does not
 *   exist"), and started the sample's API. Only the sample's whole schema gets them now, and the rehearsal says
 *   the tables hold no demo data.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseEnv, cli } from './processes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'supabase-app')

let top: string
beforeEach(() => {
  top = mkdtempSync(path.join(os.tmpdir(), 'mr-layout-'))
})
afterEach(() => rmSync(top, { recursive: true, force: true }))

const run = (args: string[], cwd = top) => cli(args, { cwd, env: baseEnv() })

/** Every file under the repository (but .git), relative to it. */
function files(dir = top): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git') continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...files(p))
    else out.push(path.relative(top, p))
  }
  return out.sort()
}

describe('init in a monorepo', () => {
  beforeEach(() => {
    expect(spawnSync('git', ['init', '-q', top]).status).toBe(0)
    cpSync(FIXTURE, path.join(top, 'packages', 'db'), { recursive: true })
    mkdirSync(path.join(top, 'apps', 'web'), { recursive: true })
  })

  test('run in the package: the workflows go to the top, with paths from there, and rehearse runs from there', async () => {
    const init = await run(['init'], path.join(top, 'packages', 'db'))
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toContain(`repository: ${top} (GitHub reads workflows at its top`)
    expect(init.stdout).toContain(`Next, from ${top}:`)
    expect(files().filter(f => !f.startsWith('packages/db/supabase/migrations/'))).toEqual([
      '.github/workflows/migrations-deploy.yml',
      '.github/workflows/migrations-pr.yml',
      'packages/db/supabase/runbook.yml'
    ])
    const pr = readFileSync(path.join(top, '.github/workflows/migrations-pr.yml'), 'utf8')
    expect(pr).toContain('  MIGRATIONS_DIR: packages/db/supabase/migrations\n')
    expect(pr).toContain('packages/db/supabase/runbook.yml')

    // What the PR workflow runs, from the top where GitHub runs it.
    const rehearse = await run([
      'rehearse',
      '--migrations-dir',
      'packages/db/supabase/migrations',
      '--config',
      'packages/db/supabase/runbook.yml',
      '--artifacts-dir',
      'artifacts',
      '--demo-rows',
      '0'
    ])
    expect(rehearse.stderr + rehearse.stdout).not.toMatch(/FAIL/)
    expect(rehearse.code).toBe(0)
  }, 120_000)

  test('run inside the migrations folder itself: the same files', async () => {
    const init = await run(['init'], path.join(top, 'packages', 'db', 'supabase', 'migrations'))
    expect(init.code).toBe(0)
    expect(existsSync(path.join(top, '.github/workflows/migrations-pr.yml'))).toBe(true)
    expect(existsSync(path.join(top, 'packages/db/supabase/runbook.yml'))).toBe(true)
    expect(existsSync(path.join(top, 'packages/db/supabase/migrations/.github'))).toBe(false)
  })

  test('run at the top: exit 2 naming the folder found below and the option to pass; nothing written', async () => {
    const before = files()
    const init = await run(['init'])
    expect(init.code).toBe(2)
    expect(init.stderr).toContain('found below it: packages/db/supabase/migrations')
    expect(init.stderr).toContain('(here: --migrations-dir packages/db/supabase/migrations)')
    expect(files()).toEqual(before)

    // A stage at the top: the missing folder is what is said (it said runbook.yml was missing), nothing started.
    const stage = await run(['validate', '--env', 'staging', '--embedded'])
    expect(stage.code).toBe(2)
    expect(stage.stderr).toContain(`no migrations folder in ${top}`)
    expect(stage.stderr).toContain('(here: --migrations-dir packages/db/supabase/migrations)')
    expect(stage.stderr).not.toContain('runbook.yml')

    // lint with no path at the top: the same, not "lint needs at least one file or folder" (deptrai/suna's layout).
    const lint = await run(['lint'])
    expect(lint.code).toBe(2)
    expect(lint.stderr).toContain(`no migrations folder in ${top}`)
    expect(lint.stderr).toContain('(here: lint packages/db/supabase/migrations)')
    expect(lint.stderr).not.toContain('lint needs at least one file or folder')

    const given = await run(['init', '--migrations-dir', 'packages/db/supabase/migrations'])
    expect(given.code).toBe(0)
    expect(
      readFileSync(path.join(top, '.github/workflows/migrations-deploy.yml'), 'utf8')
    ).toContain('MIGRATIONS_DIR: packages/db/supabase/migrations')
  })
})

test("a project's own public.allocations is not the capacity sample: no demo data, no sample API, rehearse passes", async () => {
  const dir = path.join(top, 'supabase', 'migrations')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, '20260101000000_budget.sql'),
    `create table public.budgets (id uuid primary key default gen_random_uuid(), owner uuid not null references auth.users(id), name text not null);
create table public.allocations (
  id uuid primary key default gen_random_uuid(),
  budget_id uuid not null references public.budgets(id) on delete cascade,
  category text not null,
  amount_cents bigint not null check (amount_cents >= 0)
);
alter table public.allocations enable row level security;
create policy "own" on public.allocations for select
  using (exists (select 1 from public.budgets b where b.id = budget_id and b.owner = auth.uid()));
`
  )
  writeFileSync(
    path.join(dir, '20260102000000_note.sql'),
    // A real project's index name, which the apply log cuts after "…_for_post": that was masked as the start of
    // the throwaway's URL (postgres://).
    'alter table public.allocations add column note text;\n' +
      'create index if not exists idx_blogs_author_lookup_for_posts_x on public.allocations (note);\n' +
      // Eight lint warnings in all: the table shows five reasons and says how many more there are.
      "alter table public.allocations add constraint category_set check (category <> '');\n" +
      [1, 2, 3, 4, 5, 6]
        .map(i => `create index allocations_extra_${i} on public.allocations (category, note);\n`)
        .join('')
  )
  writeFileSync(
    path.join(top, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  // The default --demo-rows (20000): the previous build loaded the sample's data here and failed.
  const r = await run(['rehearse', '--artifacts-dir', 'artifacts'])
  const out = r.stdout + r.stderr
  expect(out).not.toContain('restaurants')
  expect(out).not.toContain('capacity API')
  expect(out).toContain("no demo data (--demo-rows fills the capacity sample's tables only)")
  // No secret is written anywhere in these files: nothing is masked.
  expect(out).toContain('create index if not exists idx_blogs_author_lookup_for_post…')
  expect(out).not.toContain('***')
  // Cut, with a word: before, the reasons after the fifth were dropped from the table silently.
  expect(out).toContain('… and 3 more (above in the log; all in summary.json and report.md)')
  // What was counted on the throwaway is not said of staging.
  expect(out).toContain(
    "1 constraint(s) on existing rows: 0 violated, 0 not checked (on the throwaway database's rows, not staging's"
  )
  expect(out).toContain("rows counted on the throwaway database, not staging's")
  expect(out).not.toContain('rows counted on this database (staging)')
  expect(r.code).toBe(0)
  const validate = JSON.parse(
    readFileSync(
      path.join(top, 'artifacts', 'rehearsal', '1-validate', 'staging', 'summary.json'),
      'utf8'
    )
  ) as { checks: { id: string; status: string; summary: string }[] }
  const baseline = validate.checks.find(c => c.id === 'baseline')
  expect(baseline?.status).toBe('pass')
  expect(baseline?.summary).toContain('no demo data')
}, 120_000)

describe('the baseline names what the folder or the schema file says of a missing table', () => {
  const write = (file: string, sql: string) => {
    mkdirSync(path.dirname(path.join(top, file)), { recursive: true })
    writeFileSync(path.join(top, file), sql)
  }
  beforeEach(() => {
    write('supabase/runbook.yml', 'version: 1\nenvironments:\n  staging: {}\n')
  })

  test('no migration creates it (the tables come from an ORM): said, with setup-sql and --baseline-schema', async () => {
    write('supabase/migrations/20260101000000_dummy.sql', 'create table public.dummy (id int);\n')
    write(
      'supabase/migrations/20260102000000_ticket_index.sql',
      'create index ticket_status_idx on public.ticket (status);\n'
    )
    write(
      'supabase/migrations/20260103000000_more.sql',
      'alter table public.dummy add column x int;\n'
    )
    const r = await run(['rehearse', '--artifacts-dir', 'artifacts', '--demo-rows', '0'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('relation "public.ticket" does not exist')
    expect(r.stdout).toContain(
      'fix: no migration in the folder creates public.ticket, and the throwaway database'
    )
    expect(r.stdout).toContain('add it to setup-sql')
  }, 60_000)

  test('a schema file that uses a table before it creates it: the line that creates it', async () => {
    write('supabase/migrations/20260101000000_init.sql', 'create table public.a (id int);\n')
    write('supabase/migrations/20260102000000_next.sql', 'alter table public.a add column x int;\n')
    write(
      'schema.sql',
      [
        'create table public.a (id int);',
        'create view public.v as select * from public.email_transactions;',
        'create table public.email_transactions (id int);',
        ''
      ].join('\n')
    )
    const r = await run([
      'rehearse',
      '--artifacts-dir',
      'artifacts',
      '--demo-rows',
      '0',
      '--baseline-schema',
      'schema.sql'
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      'fix: schema.sql creates public.email_transactions only at line 3, after this use'
    )
    expect(r.stdout).not.toContain('lacks this object')
  }, 60_000)
})

test('rehearse in a Supabase project with no runbook.yml yet: the policy init would write, from a temporary file; the project gets only its evidence', async () => {
  // Both helpers of the eleventh session's trial typed `rehearse` first and got exit 2 until `init` had run.
  expect(spawnSync('git', ['init', '-q', top]).status).toBe(0)
  const dir = path.join(top, 'supabase', 'migrations')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, '20250101000000_notes.sql'),
    'create table public.notes (id bigint primary key, body text);\n'
  )
  writeFileSync(
    path.join(dir, '20250102000000_notes_body.sql'),
    'create index notes_body_idx on public.notes (body);\n'
  )
  const temporary = () =>
    readdirSync(os.tmpdir()).filter(f => f.startsWith('migration-runbook-policy-')).length
  const before = temporary()
  const r = await run(['rehearse'])
  expect(r.stderr).toContain(
    'no supabase/runbook.yml: rehearsing with the policy `migration-runbook init` would write (staging and production, every setting at its default); run init to keep it, with the workflows'
  )
  expect(r.code).toBe(0)
  expect(files().filter(f => !f.startsWith('artifacts/'))).toEqual([
    'supabase/migrations/20250101000000_notes.sql',
    'supabase/migrations/20250102000000_notes_body.sql'
  ])
  expect(temporary()).toBe(before)
  // The stages against a database still need the file: it names the environments and pins their databases.
  const stage = await run([
    'validate',
    '--env',
    'staging',
    '--database-url',
    'postgres://u:p@127.0.0.1:1/db'
  ])
  expect(stage.code).toBe(2)
  expect(stage.stderr).toContain('create supabase/runbook.yml with `migration-runbook init`')
})
