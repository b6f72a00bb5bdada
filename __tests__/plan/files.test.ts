import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import {
  discoverMigrations,
  discoverMigrationsWithWarnings,
  firstInvalidUtf8Byte,
  sha256
} from '../../src/plan/files.js'
import { ConfigError } from '../../src/config/errors.js'
import { loadParser, parseSql } from '../../src/sql/parser.js'
import { applyMigrations } from '../../src/apply/apply.js'
import { readHistory } from '../../src/plan/history.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let root: string
let dir: string

/** Writes files (text or bytes) under a fresh migrations folder. */
function write(files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
}

const discover = () => discoverMigrationsWithWarnings('migrations', root)

/** The ConfigError discovery throws (fails the test when there is none). */
function refusal(): ConfigError {
  try {
    discover()
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return e as ConfigError
  }
  throw new Error('discovery accepted the folder')
}

beforeAll(loadParser)
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'files-'))
  dir = path.join(root, 'migrations')
  mkdirSync(dir)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('bytes that are not UTF-8', () => {
  const latin1 = Buffer.concat([
    Buffer.from("SELECT 1;\n-- café\nSELECT 'caf"),
    Buffer.from([0xe9]), // é in Latin-1
    Buffer.from("';\n")
  ])

  test('a migration with a Latin-1 byte is refused at file:line:column, naming the byte', () => {
    write({ '1_a.sql': latin1 })
    expect(refusal().message).toBe(
      'migrations/1_a.sql:3:12: invalid UTF-8 byte 0xe9 (in Latin-1/Windows-1252 it is "é": the file was probably saved in that encoding); ' +
        'PostgreSQL would refuse it too (invalid byte sequence for encoding "UTF8"); save the file as UTF-8'
    )
  })

  test.each(['rollback', 'verify'])('so is a %s script', sub => {
    write({ '1_a.sql': 'SELECT 1;\n', [`${sub}/1_a.sql`]: latin1 })
    expect(refusal().message).toMatch(
      new RegExp(`^migrations/${sub}/1_a\\.sql:3:12: invalid UTF-8 byte 0xe9`)
    )
  })

  test('a NUL byte is refused (the server would cut the statement there)', () => {
    write({ '1_a.sql': Buffer.from('SELECT 1;\nSELECT 2;\u0000DROP TABLE t;\n') })
    expect(refusal().message).toMatch(/^migrations\/1_a\.sql:2:10: NUL byte \(0x00\)/)
  })

  test('the first invalid byte: broken sequences, overlong forms, surrogates', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8Byte(Uint8Array.from(bytes))
    expect(at(0x61, 0xc3, 0xa9, 0xf0, 0x9f, 0x8d, 0xbd)).toBe(-1) // aé🍽
    expect(at(0x61, 0x80)).toBe(1) // stray continuation byte
    expect(at(0x61, 0xe9, 0x20)).toBe(1) // lead byte, then ASCII
    expect(at(0xc0, 0xaf)).toBe(0) // overlong '/'
    expect(at(0xed, 0xa0, 0x80)).toBe(0) // a UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0) // above U+10FFFF
    expect(at(0x61, 0xe2, 0x82)).toBe(1) // cut at the end of the file
  })
})

test('a UTF-8 byte order mark is accepted and dropped: same text, same checksum, marker still seen', () => {
  const sql = '-- migration-runbook: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n'
  write({ '1_a.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sql)]) })
  const [m] = discover().migrations
  expect(m.sql).toBe(sql)
  expect(m.checksum).toBe(sha256(sql))
  expect(m.noTransaction).toBe(true)
  expect(parseSql(m.sql).error).toBeUndefined()
})

describe('files that cannot be used', () => {
  test.each([
    ['UTF-16LE', [0xff, 0xfe]],
    ['UTF-16BE', [0xfe, 0xff]]
  ])('a %s file (byte order mark) is named as such, not as Latin-1', (encoding, bom) => {
    const text = 'SELECT 1;\n'
    const body = Buffer.from(text, 'utf16le')
    const bytes = encoding === 'UTF-16LE' ? body : body.swap16()
    write({ '1_a.sql': Buffer.concat([Buffer.from(bom), bytes]) })
    const message = refusal().message
    expect(message).toMatch(new RegExp(`^migrations/1_a\\.sql: the file is ${encoding} \\(`))
    expect(message).toContain('save the file as UTF-8')
    expect(message).not.toContain('Latin-1')
  })

  test('every unusable file is named at once, not only the first', () => {
    write({
      '1_a.sql': Buffer.from([0xff, 0xfe, 0x53, 0x00]),
      '2_b.sql': 'SELECT 1;\n',
      '3_c.sql': Buffer.from([0x53, 0xe9, 0x0a]),
      'rollback/2_b.sql': '\n'
    })
    const message = refusal().message
    expect(message.split('\n')).toEqual([
      '3 files in migrations cannot be used:',
      expect.stringMatching(/^- migrations\/1_a\.sql: the file is UTF-16LE /),
      '- migrations/rollback/2_b.sql: empty rollback script (whitespace only); delete it or add SQL',
      expect.stringMatching(/^- migrations\/3_c\.sql:1:2: invalid UTF-8 byte 0xe9/)
    ])
  })
})

describe('empty and comment-only files', () => {
  test.each([
    ['0 bytes', ''],
    ['whitespace only', ' \n\t\r\n']
  ])(
    'an empty migration (%s) is read as 0 statements, with a warning (supabase db push applies it)',
    (what, content) => {
      write({ '1_a.sql': content, '2_b.sql': 'SELECT 1;\n' })
      const { migrations, warnings } = discover()
      expect(migrations.map(m => [m.version, m.sql])).toEqual([
        ['1', content],
        ['2', 'SELECT 1;\n']
      ])
      expect(warnings).toEqual([
        `migrations/1_a.sql: empty migration (${what}): nothing to run; it is applied as 0 statements and its version recorded, as \`supabase db push\` does`
      ])
    }
  )

  test('an empty rollback script is refused too', () => {
    write({ '1_a.sql': 'SELECT 1;\n', 'rollback/1_a.sql': '\n' })
    expect(refusal().message).toBe(
      'migrations/rollback/1_a.sql: empty rollback script (whitespace only); delete it or add SQL'
    )
  })

  describe('against PostgreSQL', () => {
    let db: TestDatabase
    let client: pg.Client
    beforeAll(async () => {
      db = await createTestDatabase('files')
      client = await db.client()
    })
    afterAll(() => db.drop())

    test('a comment-only migration is valid and applied with 0 statements', async () => {
      write({
        '1_note.sql':
          '-- nothing to do: the column was added by hand in 2024\n/* kept for history */\n',
        '2_t.sql': 'CREATE TABLE public.after_note (id int);\n'
      })
      const { migrations, warnings } = discover()
      expect(warnings).toEqual([])
      expect(parseSql(migrations[0].sql).statements).toEqual([])
      const applied = await applyMigrations(client, 'migrations', migrations, {
        environment: 'test',
        runId: 'files-test',
        lockTimeoutMs: 1000,
        statementTimeoutMs: 10_000,
        retries: 0,
        retryBackoffMs: 10,
        advisoryLockWaitMs: 1000,
        allowOutOfOrder: false,
        log: new Logger(new Redactor())
      })
      expect(applied.map(a => [a.version, a.statements.length])).toEqual([
        ['1', 0],
        ['2', 1]
      ])
      const history = await readHistory(client)
      expect(history.map(h => h.version)).toEqual(['1', '2'])
      const { rows } = await client.query(
        `SELECT statements FROM supabase_migrations.schema_migrations WHERE version = '1'`
      )
      expect(rows[0].statements).toEqual([])
    })
  })
})

describe('file names: one rule', () => {
  test('names that are not migrations are skipped with a warning, as the Supabase CLI does', () => {
    write({
      '20251113203000_ok.sql': 'SELECT 1;\n',
      '20251113203000-7f1c2a9e-uuid.sql': 'SELECT 2;\n',
      '20251113203000_ok.sql.bak': 'SELECT 3;\n',
      '20251114000000_x.psql': 'SELECT 4;\n',
      'seed.sql': 'SELECT 5;\n',
      'README.md': 'notes\n',
      'runbook.yml': 'environments: {}\n',
      '.gitkeep': '',
      'rollback/notes.txt': 'x\n'
    })
    const { migrations, warnings } = discover()
    expect(migrations.map(m => m.file)).toEqual(['migrations/20251113203000_ok.sql'])
    const pattern = '(file name must match pattern "<timestamp>_name.sql")'
    expect(warnings).toEqual([
      `Skipping migration migrations/20251113203000-7f1c2a9e-uuid.sql... ${pattern}`,
      `Skipping migration migrations/20251113203000_ok.sql.bak... ${pattern}`,
      `Skipping migration migrations/20251114000000_x.psql... ${pattern}`,
      `Skipping migration migrations/README.md... ${pattern}`,
      `Skipping migration migrations/seed.sql... ${pattern}`,
      `Skipping migration migrations/rollback/notes.txt... ${pattern}`
    ])
    // The plain function keeps its shape.
    expect(discoverMigrations('migrations', root).map(m => m.version)).toEqual(['20251113203000'])
  })

  test.each(['.SQL', '.Sql'])('a migration named with %s is refused with the name to use', ext => {
    write({ [`20251113203000_add_index${ext}`]: 'SELECT 1;\n' })
    expect(refusal().message).toBe(
      `migrations/20251113203000_add_index${ext}: the extension must be ".sql" in lower case; rename it to 20251113203000_add_index.sql ` +
        `(the Supabase CLI skips "20251113203000_add_index${ext}", so it would never be applied)`
    )
  })

  test('so is a rollback script named with .SQL (the rollback would silently be missing)', () => {
    write({ '1_a.sql': 'SELECT 1;\n', 'rollback/1_a.SQL': 'SELECT 2;\n' })
    expect(refusal().message).toMatch(/^migrations\/rollback\/1_a\.SQL: the extension must be/)
  })

  test('any name the Supabase CLI applies is a migration (supabase/dbdev deploys names with "@")', () => {
    write({
      '20230411175952_langchain@embedding_search-1.1.1.sql': 'SELECT 1;\n',
      '20230411175953_add index.sql': 'SELECT 2;\n',
      '20230411175954_.sql': 'SELECT 3;\n'
    })
    expect(discoverMigrations('migrations', root).map(m => [m.version, m.name])).toEqual([
      ['20230411175952', 'langchain@embedding_search-1.1.1'],
      ['20230411175953', 'add index'],
      ['20230411175954', '']
    ])
  })

  test('a name the Supabase CLI would apply but this runbook cannot is refused, not skipped', () => {
    write({ '20251113203000_add\tindex.sql': 'SELECT 1;\n' })
    expect(refusal().message).toMatch(
      /^migrations\/20251113203000_add\tindex\.sql: file name must be <version>_<name>\.sql .* \(the Supabase CLI would apply this file, so it is not skipped\)$/
    )
  })

  test('a sidecar must carry its migration\u2019s exact name, not only its version', () => {
    write({ '1_a.sql': 'SELECT 1;\n', 'verify/1_other.sql': 'SELECT 2;\n' })
    expect(refusal().message).toBe(
      'migrations/verify/1_other.sql has no migration of the same name in migrations/ (version 1 is 1_a.sql)'
    )
  })
})
