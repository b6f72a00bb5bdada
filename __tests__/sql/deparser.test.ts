/**
 * The deparser is loaded on first use only (issue 15: 500 kB of start-up that most runs never call). A pure
 * function that turns out to need it is run again once it is loaded.
 */
import {
  deparse,
  DeparserNotLoaded,
  loadParser,
  parseSql,
  withDeparser
} from '../../src/sql/parser.js'
import { deriveForMigrations } from '../../src/conflicts/derive.js'
import type { Migration } from '../../src/plan/files.js'

beforeAll(async () => {
  await loadParser()
})

test('deparse before the deparser is loaded says so; withDeparser loads it only for a function that deparses', async () => {
  const [stmt] = parseSql('SELECT 1 WHERE a > 2').statements
  const where = stmt.ast.SelectStmt.whereClause
  expect(() => deparse(where)).toThrow(DeparserNotLoaded)
  // Nothing deparsed: nothing loaded.
  await expect(withDeparser(() => 'no deparse')).resolves.toBe('no deparse')
  expect(() => deparse(where)).toThrow(/await loadDeparser\(\) first/)

  const migration = {
    file: 'migrations/1_check.sql',
    path: '/nowhere/1_check.sql',
    version: '1',
    name: 'check',
    sql: 'ALTER TABLE public.items ADD CONSTRAINT items_qty_positive CHECK (qty > 0);',
    checksum: 'x',
    noTransaction: false
  } as Migration
  const derived = await withDeparser(() => deriveForMigrations([migration]))
  expect(derived.map(d => d.spec)).toEqual([
    expect.objectContaining({ kind: 'check', expr: 'qty > 0' })
  ])
  expect(deparse(where)).toBe('a > 2')
  // An error of the function's own is not swallowed.
  await expect(
    withDeparser(() => {
      throw new Error('its own')
    })
  ).rejects.toThrow('its own')
})
