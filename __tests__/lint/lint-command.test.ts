/**
 * `migration-runbook lint` through the CLI front end (runCli), on temp repositories: no database, no
 * environment. A realistic migrations folder (sidecars, a stray file, an error, a warning, a suppressed
 * finding) in text, json and SARIF; exit codes 0/1/2; version order across files; a DO-block body position.
 * The SARIF checks are written out: what GitHub code scanning needs from an upload.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli.js'
import { RULES } from '../../src/lint/rules.js'
import { VERSION } from '../../src/version.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-lint-command-'))
  // A repository: SARIF URIs are relative to the folder holding .git.
  mkdirSync(path.join(root, '.git'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, text)
}

async function cli(args: string[], cwd = root) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: t => out.push(t),
    err: t => err.push(t),
    env: {},
    cwd
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const CUSTOMERS = 'db/migrations/20250103000000_customers.sql'
const INDEX_ORDERS = 'db/migrations/20250102000000_index_orders.sql'

/**
 * db/migrations: orders created and indexed in one file (new: no finding), then indexed by a later file (a
 * warning when the folder is linted, as a history; none when the two files are named, as one change), an index
 * on an existing table (warning), a suppressed DROP COLUMN, a dropped Realtime publication (error), sidecars, a
 * stray file.
 */
function realisticFolder(): void {
  write(
    'db/migrations/20250101000000_create_orders.sql',
    'CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);\n' +
      'CREATE INDEX orders_total_idx ON public.orders (total);\n'
  )
  write(INDEX_ORDERS, 'CREATE INDEX orders_id_total_idx ON public.orders (id, total);\n')
  write(
    CUSTOMERS,
    [
      'CREATE INDEX customers_email_idx ON public.customers (email);',
      '-- runbook:allow drop-column unused since release 2.3',
      'ALTER TABLE public.customers DROP COLUMN legacy_code;',
      'DROP PUBLICATION supabase_realtime;',
      ''
    ].join('\n')
  )
  write(
    'db/migrations/rollback/20250103000000_customers.sql',
    // CONCURRENTLY: the index is on an existing table (require-concurrent-index-drop); IF EXISTS: the file
    // runs outside a transaction (prefer-robust).
    'DROP INDEX CONCURRENTLY IF EXISTS public.customers_email_idx;\n'
  )
  write(
    'db/migrations/verify/20250103000000_customers.sql',
    'SELECT 1 FROM public.customers LIMIT 1;\n'
  )
  write('db/migrations/notes.txt', 'deploy on Tuesdays\n')
}

describe('a realistic migrations folder', () => {
  beforeEach(realisticFolder)

  test('text: one line per unsuppressed finding, a summary, skipped names warned on stderr, exit 1', async () => {
    const r = await cli(['lint', 'db/migrations'])
    expect(r.code).toBe(1)
    expect(r.out.split('\n')).toEqual([
      // gonasi's and pgflow's trials: linting the folder found nothing on the index a later file builds on a table
      // an earlier one created, though by then that table has rows.
      expect.stringMatching(
        new RegExp(
          `^${INDEX_ORDERS}:1:1: warning require-concurrent-index: CREATE INDEX orders_id_total_idx on existing table public.orders `
        )
      ),
      expect.stringMatching(
        new RegExp(
          `^${CUSTOMERS}:1:1: warning require-concurrent-index: CREATE INDEX customers_email_idx `
        )
      ),
      expect.stringMatching(
        new RegExp(
          `^${CUSTOMERS}:4:1: error drop-supabase-publication: DROP PUBLICATION supabase_realtime `
        )
      ),
      // 3 migrations + 1 rollback + 1 verify; 8 statements.
      '5 file(s), 8 statement(s): 1 error(s), 2 warning(s), 1 suppressed'
    ])
    // The index the first file builds on the table it creates: no finding.
    expect(r.out).not.toContain('orders_total_idx')
    expect(r.err).toContain('Skipping migration db/migrations/notes.txt')
  })

  test('json: files, statements and every finding, the suppressed one with its reason', async () => {
    const r = await cli(['lint', '--format', 'json', 'db/migrations'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out)
    expect(Object.keys(json).sort()).toEqual(['files', 'findings', 'statements'])
    expect(json.files).toBe(5)
    expect(json.statements).toBe(8)
    expect(
      json.findings.map(
        (f: { file: string; line: number; column: number; rule: string; severity: string }) =>
          `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`
      )
    ).toEqual([
      `${INDEX_ORDERS}:1:1 warning require-concurrent-index`,
      `${CUSTOMERS}:1:1 warning require-concurrent-index`,
      `${CUSTOMERS}:3:30 warning drop-column`,
      `${CUSTOMERS}:4:1 error drop-supabase-publication`
    ])
    expect(json.findings[2].suppressed).toBe('unused since release 2.3')
    expect(json.findings[0].advice).toBe(RULES['require-concurrent-index'].advice)
  })

  test('sarif: a SARIF 2.1.0 log GitHub code scanning takes', async () => {
    // From a subfolder: text paths are relative to it, SARIF URIs to the repository root.
    const r = await cli(['lint', '--format', 'sarif', 'migrations'], path.join(root, 'db'))
    expect(r.code).toBe(1)
    const log = JSON.parse(r.out)
    expectGithubSarif(log)
    expect(log.$schema).toMatch(/sarif-2\.1\.0/)
    const run = log.runs[0]
    expect(run.tool.driver).toMatchObject({
      name: 'migration-runbook',
      version: VERSION,
      informationUri: expect.stringMatching(/^https:\/\//)
    })
    // Every rule is described, with its advice as help and its severity as default level.
    const rules = run.tool.driver.rules as {
      id: string
      help: { text: string }
      defaultConfiguration: { level: string }
    }[]
    expect(rules.map(r => r.id).sort()).toEqual(Object.keys(RULES).sort())
    for (const rule of rules) {
      const spec = RULES[rule.id as keyof typeof RULES]
      expect(rule.help.text).toBe(spec.advice)
      expect(rule.defaultConfiguration.level).toBe(
        spec.severity === 'info' ? 'note' : spec.severity
      )
    }
    const results = run.results as SarifResultShape[]
    expect(
      results.map(x => [
        x.ruleId,
        x.level,
        x.locations[0].physicalLocation.artifactLocation.uri,
        x.locations[0].physicalLocation.region.startLine,
        x.locations[0].physicalLocation.region.startColumn
      ])
    ).toEqual([
      ['require-concurrent-index', 'warning', INDEX_ORDERS, 1, 1],
      ['require-concurrent-index', 'warning', CUSTOMERS, 1, 1],
      ['drop-column', 'warning', CUSTOMERS, 3, 30],
      ['drop-supabase-publication', 'error', CUSTOMERS, 4, 1]
    ])
    expect(results[1].message.text).toContain('CREATE INDEX customers_email_idx')
    expect(results[1].suppressions).toBeUndefined()
    expect(results[2].suppressions).toEqual([
      { kind: 'inSource', justification: 'unused since release 2.3' }
    ])
    expect(results[3].suppressions).toBeUndefined()
  })

  test('the suppressed finding alone does not fail: exit 0 once the error is gone', async () => {
    write(
      CUSTOMERS,
      'ALTER TABLE public.customers DROP COLUMN legacy_code; -- runbook:allow drop-column gone\n'
    )
    const r = await cli(['lint', 'db/migrations'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(
      /5 file\(s\), 6 statement\(s\): 0 error\(s\), 1 warning\(s\), 1 suppressed$/
    )
  })

  test('the files of one change, named: a table an earlier one creates is new to the later ones', async () => {
    const r = await cli(['lint', 'db/migrations/20250101000000_create_orders.sql', INDEX_ORDERS])
    expect(r.code).toBe(0)
    expect(r.out).toBe('2 file(s), 3 statement(s): 0 error(s), 0 warning(s)')
  })
})

interface SarifResultShape {
  ruleId: string
  ruleIndex?: number
  level: string
  message: { text: string }
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string }
      region: { startLine: number; startColumn?: number }
    }
  }[]
  suppressions?: { kind: string; justification?: string }[]
}

/**
 * What GitHub code scanning requires of an uploaded SARIF file (docs: "SARIF support for code
 * scanning"), checked one by one: version 2.1.0, runs with tool.driver.name, rules with an id and the
 * descriptions and help GitHub shows, results with a rule, a message and a repository-relative location
 * with a start line.
 */
function expectGithubSarif(log: Record<string, unknown>): void {
  expect(log.version).toBe('2.1.0')
  expect(typeof log.$schema).toBe('string')
  const runs = log.runs as Record<string, unknown>[]
  expect(Array.isArray(runs)).toBe(true)
  expect(runs).toHaveLength(1)
  for (const run of runs) {
    const driver = (run.tool as { driver: Record<string, unknown> }).driver
    expect(typeof driver.name).toBe('string')
    expect(typeof driver.version === 'string' || typeof driver.semanticVersion === 'string').toBe(
      true
    )
    const rules = driver.rules as Record<string, unknown>[]
    const ids = new Set<string>()
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string')
      expect(ids.has(rule.id as string)).toBe(false)
      ids.add(rule.id as string)
      expect(typeof (rule.shortDescription as { text: string }).text).toBe('string')
      expect(typeof (rule.fullDescription as { text: string }).text).toBe('string')
      expect(typeof (rule.help as { text: string }).text).toBe('string')
      expect(['none', 'note', 'warning', 'error']).toContain(
        (rule.defaultConfiguration as { level: string }).level
      )
    }
    const results = run.results as SarifResultShape[]
    expect(Array.isArray(results)).toBe(true)
    for (const result of results) {
      expect(ids.has(result.ruleId)).toBe(true)
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex].id).toBe(result.ruleId)
      expect(['none', 'note', 'warning', 'error']).toContain(result.level)
      expect(result.message.text.length).toBeGreaterThan(0)
      // GitHub takes up to 10 locations and shows the first.
      expect(result.locations.length).toBeGreaterThanOrEqual(1)
      expect(result.locations.length).toBeLessThanOrEqual(10)
      const loc = result.locations[0].physicalLocation
      // Repository-relative, forward slashes, a valid relative URI: no scheme, no leading slash.
      expect(loc.artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|\\|\s|^\.\.\//i)
      expect(Number.isInteger(loc.region.startLine)).toBe(true)
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1)
      if (loc.region.startColumn !== undefined)
        expect(loc.region.startColumn).toBeGreaterThanOrEqual(1)
      for (const s of result.suppressions ?? []) expect(['inSource', 'external']).toContain(s.kind)
    }
  }
}

describe('single files', () => {
  test('linted as migrations whatever their name, in version order across the arguments', async () => {
    write('a/20250102000000_index.sql', 'CREATE INDEX orders_total_idx ON public.orders (total);\n')
    write('b/20250101000000_create.sql', 'CREATE TABLE public.orders (id bigint, total numeric);\n')
    // The index is named first but comes later: orders is then a new table.
    const r = await cli(['lint', 'a/20250102000000_index.sql', 'b/20250101000000_create.sql'])
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toBe('2 file(s), 2 statement(s): 0 error(s), 0 warning(s)')

    write(
      'scratch/add index.sql',
      'CREATE INDEX customers_email_idx ON public.customers (email);\n'
    )
    const named = await cli(['lint', '--format', 'sarif', 'scratch/add index.sql'])
    expect(named.code).toBe(0)
    const result = JSON.parse(named.out).runs[0].results[0]
    expect(result.ruleId).toBe('require-concurrent-index')
    expect(result.level).toBe('warning')
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'scratch/add%20index.sql'
    )
  })

  test('a migration named on its own is read with its folder: a version used twice there is refused as validate refuses it', async () => {
    write('supabase/migrations/20250101000000_orders.sql', 'CREATE TABLE public.orders (id int);\n')
    write('supabase/migrations/20250102000000_notes.sql', 'CREATE TABLE public.notes (id int);\n')
    write('supabase/migrations/rollback/20250102000000_notes.sql', 'DROP TABLE public.notes;\n')
    const file = 'supabase/migrations/20250102000000_notes.sql'
    expect((await cli(['lint', file])).code).toBe(0)
    // A rollback script named on its own lints with its migration, as a rollback: its DROP TABLE of the table the
    // migration creates is no drop-table warning (it was, linted as a migration of its own).
    const rollback = await cli([
      'lint',
      '--format',
      'json',
      'supabase/migrations/rollback/20250102000000_notes.sql'
    ])
    expect(rollback.code).toBe(0)
    expect(JSON.parse(rollback.out)).toMatchObject({ files: 2, statements: 2, findings: [] })

    // Another branch used the same timestamp.
    write('supabase/migrations/20250102000000_tags.sql', 'CREATE TABLE public.tags (id int);\n')
    const twice = await cli(['lint', file])
    expect(twice.code).toBe(2)
    expect(twice.err).toContain(
      'a version is used more than once in supabase/migrations: 20250102000000 (20250102000000_notes.sql, 20250102000000_tags.sql)'
    )
    // As when the folder itself is linted.
    const folder = await cli(['lint', 'supabase/migrations'])
    expect(folder.code).toBe(2)
    expect(folder.err).toContain(
      '20250102000000 (20250102000000_notes.sql, 20250102000000_tags.sql)'
    )
  })

  test('versions the Supabase CLI orders differently (one 8-digit version, joot-app): one finding, and the files are linted all the same', async () => {
    write('supabase/migrations/20250819100000_a.sql', 'CREATE TABLE public.a (id int);\n')
    write(
      'supabase/migrations/20250821_b.sql',
      'CREATE TABLE public.b (id int);\nDROP TABLE public.legacy;\n'
    )
    const r = await cli(['lint', 'supabase/migrations'])
    // Before: exit 2 and no finding at all.
    expect(r.code).toBe(1)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(
      /^supabase\/migrations\/20250821_b\.sql:1:1: error version-order: supabase\/migrations\/20250821_b\.sql and supabase\/migrations\/20250819100000_a\.sql: the Supabase CLI applies migrations in file-name order/
    )
    expect(r.out).toContain('supabase/migrations/20250821_b.sql:2:1: warning drop-table:')
    const json = JSON.parse((await cli(['lint', '--format', 'json', 'supabase/migrations'])).out)
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual([
      'version-order',
      'drop-table'
    ])
    // The file named on its own (a pre-commit hook): the same finding.
    const one = await cli(['lint', 'supabase/migrations/20250821_b.sql'])
    expect(one.code).toBe(1)
    expect(one.out).toContain('error version-order:')
  })

  test('a finding in a DO block body is placed at its line and column in the file', async () => {
    const line = '  UPDATE public.customers SET active = true WHERE id IN ();'
    write('fix.sql', ['-- a data fix', 'DO $$', 'BEGIN', line, 'END', '$$;', ''].join('\n'))
    const r = await cli(['lint', 'fix.sql'])
    expect(r.code).toBe(1)
    expect(r.out.split('\n')[0]).toBe(
      `fix.sql:4:${line.indexOf(')') + 1}: error syntax-error: in the PL/pgSQL body: syntax error at or near ")"`
    )
    const sarif = JSON.parse((await cli(['lint', '--format', 'sarif', 'fix.sql'])).out)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: line.indexOf(')') + 1
    })
  })
})

test('a password in another file of a folder is an error, named relative to the working folder', async () => {
  write('db/migrations/20250101000000_a.sql', 'SELECT 1;\n')
  write('db/migrations/runbook.yml', 'notes: postgres://app:hunter2@db.example.com:5432/app\n')
  const r = await cli(['lint', 'migrations'], path.join(root, 'db'))
  expect(r.code).toBe(1)
  expect(r.out.split('\n')[0]).toMatch(
    /^migrations\/runbook\.yml:1:8: error connection-string-password: /
  )
  expect(r.out).not.toContain('hunter2')
})

test("no path: the project's migrations folder, found from a folder inside the project", async () => {
  write('app/.git/HEAD', 'ref: refs/heads/main\n')
  write('app/supabase/migrations/20250101000000_a.sql', 'CREATE INDEX a_idx ON public.a (id);\n')
  mkdirSync(path.join(root, 'app', 'web', 'src'), { recursive: true })
  const r = await cli(['lint'], path.join(root, 'app', 'web', 'src'))
  expect(r.err).toContain(
    "lint: ../../supabase/migrations (no path given: the project's migrations, each linted as it runs after the ones before it; name the files of one change to lint them together, or pass --since <version>)"
  )
  expect(r.out).toMatch(/^\.\.\/\.\.\/supabase\/migrations\/20250101000000_a\.sql:1:1: \w+ /m)
})

describe('bad usage exits 2', () => {
  test('no paths, and no migrations folder here or above', async () => {
    const r = await cli(['lint'])
    expect(r.code).toBe(2)
    // Says what is missing and how to name it, as the stages do.
    expect(r.err).toContain('no migrations folder in ')
    expect(r.err).toContain(
      "allowed: run it in the project's folder, or name the folder or files to lint: lint <dir>"
    )
  })

  test('a path that does not exist is named', async () => {
    write('ok.sql', 'SELECT 1;\n')
    const r = await cli(['lint', 'ok.sql', 'missing/20250101000000_x.sql'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('"missing/20250101000000_x.sql" does not exist')
    expect(r.out).toBe('')
  })

  test('an unknown --format names the allowed ones', async () => {
    write('ok.sql', 'SELECT 1;\n')
    const r = await cli(['lint', '--format', 'xml', 'ok.sql'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('option --format is "xml"; allowed: text, json, sarif')
  })

  test('a --config that does not exist', async () => {
    write('ok.sql', 'SELECT 1;\n')
    const r = await cli(['lint', '--config', 'nope.yml', 'ok.sql'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('nope.yml')
  })

  test('a clean file exits 0', async () => {
    write('ok.sql', 'SELECT 1;\n')
    expect((await cli(['lint', 'ok.sql'])).code).toBe(0)
  })
})

describe('--since', () => {
  beforeEach(realisticFolder)

  test('reports the findings of that version and later only; the older files are still read as their history', async () => {
    // midday's re-test: 114 warnings on the folder buried the 13 of the newest file.
    const r = await cli(['lint', '--since', '20250102000000', 'db/migrations'])
    expect(r.code).toBe(1)
    const lines = r.out.split('\n')
    expect(lines.at(-1)).toBe(
      '5 file(s), 8 statement(s): 1 error(s), 2 warning(s), 1 suppressed (findings of 20250102000000 and later)'
    )
    // The index on orders, which the older file created, is found: that file is read though not reported on.
    expect(r.out).toContain(`${INDEX_ORDERS}:1:1: warning require-concurrent-index`)
    const later = await cli([
      'lint',
      '--since',
      '20250103000000',
      '--format',
      'json',
      'db/migrations'
    ])
    expect(
      JSON.parse(later.out).findings.map(
        (f: { file: string; rule: string }) => `${f.file} ${f.rule}`
      )
    ).toEqual([
      `${CUSTOMERS} require-concurrent-index`,
      `${CUSTOMERS} drop-column`,
      `${CUSTOMERS} drop-supabase-publication`
    ])
  })

  test('a value that is no version, or later than every migration, exits 2 naming it', async () => {
    const bad = await cli(['lint', '--since', 'last-week', 'db/migrations'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain(
      'option --since is "last-week"; allowed: a migration version, the digits a migration\'s file name starts with'
    )
    const late = await cli(['lint', '--since', '20990101000000', 'db/migrations'])
    expect(late.code).toBe(2)
    expect(late.err).toContain(
      'option --since is "20990101000000"; allowed: a version at or before the newest linted migration, 20250103000000'
    )
  })
})
