/**
 * `--format-in` and `lint.no-transaction-markers` through the door users use: the built CLI bundle
 * (dist/cli/index.js, `npm run build`) as a child process. Bad usage exits 2 naming the option, the value
 * and what is allowed; a goose file is linted by its up section at its real lines.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cli } from '../e2e/processes.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-lint-format-in-cli-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, text)
}

test('an unknown --format-in names the option, the value and the allowed ones: exit 2', async () => {
  write('20250101000000_x.sql', 'SELECT 1;\n')
  const r = await cli(['lint', '--format-in', 'flyway', '20250101000000_x.sql'], { cwd: root })
  expect(r.code).toBe(2)
  expect(r.stderr).toBe('error: option --format-in is "flyway"; allowed: dbmate, goose\n')
  expect(r.stdout).toBe('')
})

test('--format-in with no value is bad usage too', async () => {
  const r = await cli(['lint', 'x.sql', '--format-in'], { cwd: root })
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('option --format-in needs a value')
})

test('a goose file: the up section at its real lines, the down section left out', async () => {
  write(
    'migrations/00003_orders_index.sql',
    [
      '-- +goose Up',
      '-- +goose StatementBegin',
      'DO $$ BEGIN RAISE NOTICE $m$indexing$m$; END $$;',
      '-- +goose StatementEnd',
      'CREATE INDEX orders_created_idx ON orders (created_at);',
      '-- +goose Down',
      'DROP TABLE orders;',
      ''
    ].join('\n')
  )
  const r = await cli(['lint', '--format-in', 'goose', 'migrations'], { cwd: root })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(r.stdout).toContain(
    'migrations/00003_orders_index.sql:5:1: warning require-concurrent-index: '
  )
  expect(r.stdout).not.toContain('drop-table')
  expect(r.stdout).toContain('1 file(s), 2 statement(s): 0 error(s), 1 warning(s)')
})

test('a project marker from runbook.yml; a bad one exits 2 naming the entry', async () => {
  const migration = [
    '-- @no-tx',
    "UPDATE orders SET status = 'open' WHERE status IS NULL;",
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);',
    ''
  ].join('\n')
  write('migrations/20250101000000_idx.sql', migration)
  write('runbook.yml', "environments: {}\nlint:\n  no-transaction-markers: ['-- @no-tx']\n")
  const ok = await cli(['lint', '--config', 'runbook.yml', 'migrations'], { cwd: root })
  expect(ok.code).toBe(0)
  const plain = await cli(['lint', 'migrations'], { cwd: root })
  expect(plain.code).toBe(1)
  expect(plain.stdout).toContain('error concurrently-in-transaction')

  write('bad.yml', "environments: {}\nlint:\n  no-transaction-markers: ['@no-tx']\n")
  const bad = await cli(['lint', '--config', 'bad.yml', 'migrations'], { cwd: root })
  expect(bad.code).toBe(2)
  expect(bad.stderr).toContain(
    'lint.no-transaction-markers.0: is "@no-tx", which is not a SQL line comment; allowed: one SQL line comment starting with "--"'
  )
})
