/**
 * runbook.yml `lint.no-transaction-markers`: the project's own no-transaction comments. Validated with the
 * policy (each entry named with its value and what is allowed), and honoured by `migration-runbook lint`:
 * a file opening with one runs statement by statement, so CREATE INDEX CONCURRENTLY beside other statements
 * is fine there and an error without it. Through runCli, on temp folders; no database (lint is offline).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli.js'
import { parsePolicy } from '../../src/config/policy.js'
import { ConfigError } from '../../src/config/errors.js'
import { findNoTransactionMarker } from '../../src/plan/files.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-lint-markers-'))
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

function policyError(yaml: string): string {
  try {
    parsePolicy(yaml, 'runbook.yml')
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return (e as Error).message
  }
  throw new Error('the policy was accepted')
}

const RUNBOOK = `environments:
  staging: {}
lint:
  no-transaction-markers:
    - '-- @no-tx'
    - '--! run outside transaction'
`

/** A hand-written index migration: a backfill and a CONCURRENTLY index, as teams with a marker write them. */
const INDEX_MIGRATION = (firstLine: string) =>
  [
    firstLine,
    '-- Backfill, then index without blocking writes.',
    "UPDATE public.orders SET status = 'open' WHERE status IS NULL;",
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON public.orders (status);',
    ''
  ].join('\n')

describe('the setting in runbook.yml', () => {
  test('valid markers are kept as written (trimmed); no lint section means none', () => {
    const policy = parsePolicy(RUNBOOK, 'runbook.yml')
    expect(policy.lint).toEqual({
      noTransactionMarkers: ['-- @no-tx', '--! run outside transaction'],
      formatIn: undefined
    })
    expect(parsePolicy('environments: {}\n', 'runbook.yml').lint).toEqual({
      noTransactionMarkers: [],
      formatIn: undefined
    })
  })

  test('each bad entry is named with its value and what is allowed', () => {
    const message = policyError(`environments: {}
lint:
  no-transaction-markers: ['no-transaction', 7, '--', "-- a\\n-- b"]
  format-in: flyway
`)
    expect(message).toContain('runbook.yml: invalid runbook policy:')
    const allowed =
      'allowed: one SQL line comment starting with "--", e.g. "-- disable-transaction"'
    expect(message).toContain(
      `lint.no-transaction-markers.0: is "no-transaction", which is not a SQL line comment; ${allowed}`
    )
    expect(message).toContain(`lint.no-transaction-markers.1: is 7, not a string; ${allowed}`)
    expect(message).toContain(
      `lint.no-transaction-markers.2: is "--", an empty comment; ${allowed}`
    )
    expect(message).toContain(
      `lint.no-transaction-markers.3: is "-- a\\n-- b", which spans more than one line; ${allowed}`
    )
    expect(message).toContain('lint.format-in: is "flyway"; allowed: dbmate, goose')
  })

  test('an unknown key under lint: is refused', () => {
    expect(policyError('environments: {}\nlint:\n  no-transaction-marker: []\n')).toContain(
      'lint.no-transaction-marker: unknown key (did you mean "no-transaction-markers"?); allowed: '
    )
  })
})

describe('recognising a marker', () => {
  const extra = ['-- @no-tx', '--! run outside transaction']

  test('case and spaces do not matter; words may follow; it must open the file', () => {
    expect(findNoTransactionMarker('--@NO-TX\nSELECT 1;', extra)).toEqual({
      comment: '--@NO-TX',
      tool: 'runbook.yml'
    })
    expect(
      findNoTransactionMarker(
        '-- header\n--!   Run Outside  Transaction (index build)\nSELECT 1;',
        extra
      )?.comment
    ).toBe('--!   Run Outside  Transaction (index build)')
    // Another word glued on is another comment; after the first statement it is no longer the header.
    expect(findNoTransactionMarker('-- @no-txn\nSELECT 1;', extra)).toBeUndefined()
    expect(findNoTransactionMarker('SELECT 1;\n-- @no-tx\n', extra)).toBeUndefined()
    // Without the setting, the project's marker is a plain comment.
    expect(findNoTransactionMarker('-- @no-tx\nSELECT 1;')).toBeUndefined()
  })
})

describe('lint honours the markers', () => {
  test('CONCURRENTLY beside a backfill: an error in a transactional file, fine under a marker', async () => {
    write('runbook.yml', RUNBOOK)
    write('migrations/20250101000000_orders_status_idx.sql', INDEX_MIGRATION('-- @no-tx'))

    const without = await cli(['lint', 'migrations/20250101000000_orders_status_idx.sql'])
    expect(without.code).toBe(1)
    expect(without.out).toContain(
      'migrations/20250101000000_orders_status_idx.sql:4:1: error concurrently-in-transaction: '
    )

    const withConfig = await cli(['lint', '--config', 'runbook.yml', 'migrations'])
    expect(withConfig.err).toBe('')
    expect(withConfig.out).not.toContain('concurrently-in-transaction')
    expect(withConfig.code).toBe(0)
  })

  test('the other marker, on the second comment line, works for a single file too', async () => {
    write('runbook.yml', RUNBOOK)
    write('idx.sql', INDEX_MIGRATION('-- orders\n--! run outside transaction'))
    const r = await cli(['lint', '--config', 'runbook.yml', 'idx.sql'])
    expect(r.out).not.toContain('concurrently-in-transaction')
    expect(r.code).toBe(0)
  })

  test('a file without the marker still fails with the config', async () => {
    write('runbook.yml', RUNBOOK)
    write('idx.sql', INDEX_MIGRATION('-- no marker here'))
    const r = await cli(['lint', '--config', 'runbook.yml', 'idx.sql'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('idx.sql:4:1: error concurrently-in-transaction')
  })

  test('a bad setting stops lint with exit 2, naming the file and the entry', async () => {
    write('runbook.yml', "environments: {}\nlint:\n  no-transaction-markers: ['@no-tx']\n")
    write('idx.sql', INDEX_MIGRATION('-- @no-tx'))
    const r = await cli(['lint', '--config', 'runbook.yml', 'idx.sql'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('runbook.yml: invalid runbook policy:')
    expect(r.err).toContain(
      'lint.no-transaction-markers.0: is "@no-tx", which is not a SQL line comment'
    )
    expect(r.out).toBe('')
  })
})
