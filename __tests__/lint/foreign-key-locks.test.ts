/**
 * The lock table against the server: what a statement that drops or rebuilds a foreign key locks, as PostgreSQL
 * reports it in pg_locks, next to what statementLocks says with the foreign keys the connected lint reads from
 * the catalog (readLintCatalog) or learns from earlier statements (foreignKeysAfter).
 */
import type pg from 'pg'
import { loadParser, parseSql } from '../../src/sql/parser.js'
import { foreignKeysAfter, statementLocks, type ForeignKey } from '../../src/lint/locks.js'
import { readLintCatalog } from '../../src/lint/catalog.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let client: pg.Client

const SCHEMA = `
  CREATE SCHEMA fk;
  CREATE TABLE fk.parent (id int PRIMARY KEY, code text UNIQUE);
  CREATE TABLE fk.other (id int PRIMARY KEY);
  CREATE TABLE fk.child (
    id int PRIMARY KEY,
    parent_id int REFERENCES fk.parent,
    other_id int,
    parent_code text,
    CONSTRAINT child_other FOREIGN KEY (other_id) REFERENCES fk.other (id),
    CONSTRAINT child_code FOREIGN KEY (parent_code) REFERENCES fk.parent (code)
  );
  CREATE TABLE fk.bystander (id int PRIMARY KEY);
`

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('fk_locks')
  client = await db.client()
  await client.query(SCHEMA)
})
afterAll(async () => {
  await db.drop()
})

/** The tables of fk the statement locks in ACCESS EXCLUSIVE mode, as pg_locks shows them; rolled back. */
async function serverAccessExclusive(sql: string): Promise<string[]> {
  // The names first: a dropped table's oid no longer resolves inside the transaction that dropped it.
  const { rows: names } = await client.query<{ oid: number; name: string }>(
    `SELECT c.oid::int AS oid, 'fk.' || c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'fk'::regnamespace AND c.relkind = 'r'`
  )
  await client.query('BEGIN')
  try {
    await client.query(sql)
    const { rows } = await client.query<{ relation: number }>(
      `SELECT relation::int AS relation FROM pg_locks
        WHERE pid = pg_backend_pid() AND locktype = 'relation' AND mode = 'AccessExclusiveLock'`
    )
    const held = new Set(rows.map(r => r.relation))
    return names
      .filter(n => held.has(n.oid))
      .map(n => n.name)
      .sort()
  } finally {
    await client.query('ROLLBACK')
  }
}

function predicted(sql: string, foreignKeys: readonly ForeignKey[]): string[] {
  const [stmt] = parseSql(sql).statements
  return [
    ...new Set(
      statementLocks(stmt.ast, foreignKeys)
        .filter(l => l.lock === 'AccessExclusiveLock')
        .map(l => l.table)
    )
  ].sort()
}

const STATEMENTS = [
  'ALTER TABLE fk.child DROP CONSTRAINT child_parent_id_fkey',
  'ALTER TABLE fk.child DROP CONSTRAINT child_other',
  'ALTER TABLE fk.child DROP COLUMN parent_code',
  'ALTER TABLE fk.child ALTER COLUMN other_id TYPE bigint',
  'DROP TABLE fk.child',
  'ALTER TABLE fk.parent DROP CONSTRAINT parent_code_key CASCADE',
  'DROP TABLE fk.parent CASCADE',
  'TRUNCATE fk.parent CASCADE',
  // Not through a foreign key: only the table named.
  'ALTER TABLE fk.child DROP COLUMN id',
  'DROP TABLE fk.bystander'
]

test.each(STATEMENTS)('%s: the tables locked ACCESS EXCLUSIVE match the server', async sql => {
  const catalog = await readLintCatalog(client)
  expect(catalog.warnings).toEqual([])
  expect(predicted(sql, catalog.foreignKeys ?? [])).toEqual(await serverAccessExclusive(sql))
})

test('without the foreign keys a dropped constraint names only its own table (the offline assumption)', async () => {
  const sql = 'ALTER TABLE fk.child DROP CONSTRAINT child_other'
  expect(await serverAccessExclusive(sql)).toEqual(['fk.child', 'fk.other'])
  expect(predicted(sql, [])).toEqual(['fk.child'])
})

test('the catalog names foreign keys as PostgreSQL does; foreignKeysAfter names a new one the same way', async () => {
  const catalog = await readLintCatalog(client)
  const ofChild = (catalog.foreignKeys ?? []).filter(k => k.table === 'fk.child')
  expect(ofChild.map(k => `${k.name} (${k.columns.join(', ')}) -> ${k.references}`).sort()).toEqual(
    [
      'child_code (parent_code) -> fk.parent',
      'child_other (other_id) -> fk.other',
      'child_parent_id_fkey (parent_id) -> fk.parent'
    ]
  )
  // The same table written as a migration, learned offline statement by statement.
  let keys: ForeignKey[] = []
  for (const s of parseSql(SCHEMA).statements) keys = foreignKeysAfter(s.ast, keys)
  expect(
    keys.map(k => `${k.table} ${k.name} (${k.columns.join(', ')}) -> ${k.references}`).sort()
  ).toEqual(
    ofChild.map(k => `${k.table} ${k.name} (${k.columns.join(', ')}) -> ${k.references}`).sort()
  )
})

test('what later statements do to the known foreign keys: drops, renames, a dropped table', () => {
  let keys: ForeignKey[] = []
  const run = (sql: string) => {
    for (const s of parseSql(sql).statements) keys = foreignKeysAfter(s.ast, keys)
    return keys.map(k => `${k.table} ${k.name} (${k.columns.join(', ')}) -> ${k.references}`).sort()
  }
  run(SCHEMA)
  expect(run('ALTER TABLE fk.child RENAME CONSTRAINT child_other TO child_other_fk')).toContain(
    'fk.child child_other_fk (other_id) -> fk.other'
  )
  expect(run('ALTER TABLE fk.child RENAME COLUMN parent_code TO code')).toContain(
    'fk.child child_code (code) -> fk.parent'
  )
  expect(run('ALTER TABLE fk.parent RENAME TO mother')).toEqual([
    'fk.child child_code (code) -> fk.mother',
    'fk.child child_other_fk (other_id) -> fk.other',
    'fk.child child_parent_id_fkey (parent_id) -> fk.mother'
  ])
  expect(run('ALTER TABLE fk.child DROP COLUMN code')).toEqual([
    'fk.child child_other_fk (other_id) -> fk.other',
    'fk.child child_parent_id_fkey (parent_id) -> fk.mother'
  ])
  expect(run('DROP TABLE fk.mother CASCADE')).toEqual([
    'fk.child child_other_fk (other_id) -> fk.other'
  ])
  expect(run('ALTER TABLE fk.child ADD COLUMN p2 int REFERENCES fk.other')).toContain(
    'fk.child child_p2_fkey (p2) -> fk.other'
  )
})
