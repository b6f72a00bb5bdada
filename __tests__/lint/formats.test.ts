/**
 * `migration-runbook lint --format-in dbmate|goose`: only the up section of each file is linted, findings
 * keep the file's real lines, goose's StatementBegin/StatementEnd blocks and NO TRANSACTION, dbmate's
 * transaction:false are honoured, and files the runner would refuse are refused (exit 2, file:line).
 * Through runCli on temp folders; the built CLI is exercised in format-in-cli.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli.js'
import { upSection } from '../../src/lint/formats.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-lint-formats-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, text)
}

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: t => out.push(t),
    err: t => err.push(t),
    env: {},
    cwd: root
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** A goose migration as `goose create add_status sql` starts it, filled in. Line numbers in comments. */
const GOOSE = [
  '-- +goose Up', // 1
  '-- +goose StatementBegin', // 2
  'CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger', // 3
  'LANGUAGE plpgsql AS $$', // 4
  'BEGIN', // 5
  '  NEW.updated_at := now();', // 6
  '  RETURN NEW;', // 7
  'END;', // 8
  '$$;', // 9
  '-- +goose StatementEnd', // 10
  'ALTER TABLE orders ADD COLUMN status text NOT NULL;', // 11
  'CREATE INDEX orders_status_idx ON orders (status);', // 12
  '', // 13
  '-- +goose Down', // 14
  '-- +goose StatementBegin', // 15
  'DROP FUNCTION set_updated_at();', // 16
  '-- +goose StatementEnd', // 17
  'ALTER TABLE orders DROP COLUMN status;', // 18
  'DROP TABLE orders;', // 19
  ''
].join('\n')

const DBMATE = [
  '-- migrate:down', // 1: dbmate takes the sections in any order
  'DROP TABLE accounts;', // 2
  '', // 3
  '-- migrate:up', // 4
  '-- a comment in the up section', // 5
  'ALTER TABLE accounts ADD COLUMN plan text NOT NULL;', // 6
  ''
].join('\n')

describe('goose', () => {
  test('only the up section is linted, at the lines of the file', async () => {
    write('db/migrations/20250101000000_add_status.sql', GOOSE)
    const r = await cli(['lint', '--format-in', 'goose', '--format', 'json', 'db/migrations'])
    expect(r.err).toBe('')
    const json = JSON.parse(r.out)
    // The function (one StatementBegin block), the ADD COLUMN and the index: nothing of the Down section.
    expect(json.statements).toBe(3)
    const at = json.findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)
    expect(at).toEqual(
      expect.arrayContaining([
        '11 add-column-not-null-without-default',
        '12 require-concurrent-index'
      ])
    )
    expect(json.findings.every((f: { line: number }) => f.line <= 12)).toBe(true)
    expect(at.join('\n')).not.toMatch(/drop-(table|column)/)
  })

  test('without --format-in the down section is linted too: the difference the option makes', async () => {
    write('db/migrations/20250101000000_add_status.sql', GOOSE)
    const r = await cli(['lint', 'db/migrations'])
    expect(r.out).toContain('db/migrations/20250101000000_add_status.sql:19:1: warning drop-table')
  })

  test('NO TRANSACTION: CONCURRENTLY beside another statement is fine; without it, an error', async () => {
    const file = (marker: string) =>
      [
        ...(marker ? [marker] : []),
        '-- +goose Up',
        "UPDATE orders SET status = 'open' WHERE status IS NULL;",
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);',
        '-- +goose Down',
        'DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;',
        ''
      ].join('\n')
    write('marked/00001_index.sql', file('-- +goose NO TRANSACTION'))
    write('plain/00001_index.sql', file(''))
    const marked = await cli(['lint', '--format-in', 'goose', 'marked'])
    expect(marked.out).not.toContain('concurrently-in-transaction')
    expect(marked.code).toBe(0)
    const plain = await cli(['lint', '--format-in', 'goose', 'plain'])
    expect(plain.code).toBe(1)
    expect(plain.out).toContain('plain/00001_index.sql:3:1: error concurrently-in-transaction')
  })

  test('annotations are case-insensitive; lint.format-in in runbook.yml does what the option does', async () => {
    write(
      'x/00002_t.sql',
      '-- +GOOSE UP\nCREATE INDEX t_a_idx ON t (a);\n-- +goose down\nDROP TABLE t;\n'
    )
    write('runbook.yml', 'environments: {}\nlint:\n  format-in: goose\n')
    const r = await cli(['lint', '--config', 'runbook.yml', 'x'])
    expect(r.out).toContain('x/00002_t.sql:2:1: warning require-concurrent-index')
    expect(r.out).not.toContain('drop-table')
  })

  test('files goose refuses are refused with file:line, exit 2', async () => {
    const cases: [string, string][] = [
      [
        '-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\nSELECT 2;\n',
        'bad.sql:2: "-- +goose StatementBegin" has no StatementEnd before the Down annotation'
      ],
      [
        '-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n',
        'bad.sql:3: "-- +goose StatementEnd" with no StatementBegin'
      ],
      ['CREATE TABLE t (id int);\n', 'bad.sql:1: no "-- +goose Up" line; goose needs one'],
      ['SELECT 1;\n-- +goose Up\nSELECT 2;\n', 'bad.sql:1: SQL before "-- +goose Up"'],
      [
        '-- +goose Up\nSELECT 1;\n-- +goose Up\n',
        'bad.sql:3: a second "-- +goose Up" (the first is on line 1)'
      ]
    ]
    for (const [sql, message] of cases) {
      write('bad.sql', sql)
      const r = await cli(['lint', '--format-in', 'goose', 'bad.sql'])
      expect({ code: r.code, err: r.err }).toEqual({
        code: 2,
        err: expect.stringContaining(message)
      })
      expect(r.err).toContain('(read with --format-in goose)')
    }
  })
})

describe('dbmate', () => {
  test('the up section wherever it is, at the lines of the file; the down section ignored', async () => {
    write('db/migrations/20250101000000_plan.sql', DBMATE)
    const r = await cli(['lint', '--format-in', 'dbmate', 'db/migrations'])
    expect(r.out.split('\n')).toEqual([
      expect.stringMatching(
        /^db\/migrations\/20250101000000_plan\.sql:6:\d+: warning add-column-not-null-without-default: /
      ),
      '1 file(s), 1 statement(s): 0 error(s), 1 warning(s)'
    ])
  })

  test('transaction:false on the up directive runs the up section outside a transaction', async () => {
    const file = (options: string) =>
      [
        `-- migrate:up${options}`,
        "UPDATE accounts SET plan = 'free' WHERE plan IS NULL;",
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_plan_idx ON accounts (plan);',
        '-- migrate:down transaction:false',
        'DROP INDEX CONCURRENTLY IF EXISTS accounts_plan_idx;',
        ''
      ].join('\n')
    write('a/20250101000000_idx.sql', file(' transaction:false'))
    write('b/20250101000000_idx.sql', file(''))
    expect((await cli(['lint', '--format-in', 'dbmate', 'a'])).code).toBe(0)
    const b = await cli(['lint', '--format-in', 'dbmate', 'b'])
    expect(b.code).toBe(1)
    expect(b.out).toContain('b/20250101000000_idx.sql:3:1: error concurrently-in-transaction')
  })

  test('a file with no up directive or with SQL outside the sections is refused', async () => {
    write('none.sql', 'CREATE TABLE t (id int);\n')
    const none = await cli(['lint', '--format-in', 'dbmate', 'none.sql'])
    expect(none.code).toBe(2)
    expect(none.err).toContain('none.sql:1: no "-- migrate:up" line; dbmate needs one')
    write('outside.sql', '-- header\nCREATE TABLE t (id int);\n-- migrate:up\nSELECT 1;\n')
    const outside = await cli(['lint', '--format-in', 'dbmate', 'outside.sql'])
    expect(outside.code).toBe(2)
    expect(outside.err).toContain('outside.sql:2: SQL before "-- migrate:up"')
  })
})

describe('upSection', () => {
  test('keeps every line (the rest blanked), columns included', () => {
    const up = upSection(DBMATE, 'dbmate', 'x.sql')
    const lines = up.split('\n')
    expect(lines).toHaveLength(DBMATE.split('\n').length)
    expect(lines.slice(0, 4)).toEqual(['', '', '', '-- migrate:up'])
    expect(lines[5]).toBe('ALTER TABLE accounts ADD COLUMN plan text NOT NULL;')
  })
})
