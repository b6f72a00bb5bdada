/**
 * Issue 14 §4: in an ALTER TABLE with several clauses each finding points at its own clause, not at the
 * statement's start. Clauses without a location in the parse tree are found with the scanner.
 */
import { lintSql } from '../../src/lint/engine.js'
import { alterClauseOffsets } from '../../src/lint/position.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const rules = (sql: string) =>
  lintSql('m.sql', sql, { kind: 'migration', noTransaction: false })
    .findings.filter(f => f.suppressed === undefined)
    .map(f => `${f.line}:${f.column} ${f.rule}`)

test('one ADD COLUMN, one ADD CONSTRAINT, one SET NOT NULL, one TYPE, one DROP COLUMN: five lines, five positions', () => {
  const sql = [
    '/* 20240405 — orders: payment columns */',
    'ALTER TABLE ONLY "billing"."orders"',
    '  ADD COLUMN paid_by uuid DEFAULT auth.uid() REFERENCES auth.users (id),',
    '  -- a comment between clauses',
    '  ADD CONSTRAINT orders_total_fk FOREIGN KEY (currency, total) REFERENCES billing.prices (currency, amount),',
    '  ALTER COLUMN status SET NOT NULL,',
    '    ALTER COLUMN total TYPE numeric(12, 2),',
    '  DROP COLUMN legacy_ref;'
  ].join('\n')
  expect(rules(sql)).toEqual([
    '3:14 add-column-foreign-key',
    '5:7 foreign-key-not-valid',
    '6:3 set-not-null-without-check',
    '7:18 alter-column-type',
    '8:3 drop-column'
  ])
})

test('the scanner finds each clause after the name, skipping commas inside parentheses and quoted names', () => {
  const text =
    'ALTER TABLE IF EXISTS ONLY "we,ird"."t.x" * ADD COLUMN a numeric(10, 2) DEFAULT f(1, 2),\n  ALTER COLUMN b SET NOT NULL , DROP CONSTRAINT c'
  const offsets = alterClauseOffsets(text)
  expect(offsets.map(o => text.slice(o, o + 12))).toEqual([
    'ADD COLUMN a',
    'ALTER COLUMN',
    'DROP CONSTRA'
  ])
  // Multi-byte names before a clause: offsets are characters, not bytes.
  const utf = 'ALTER TABLE "café_🍽" ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP DEFAULT'
  expect(alterClauseOffsets(utf).map(o => utf.slice(o, o + 14))).toEqual([
    'ALTER COLUMN a',
    'ALTER COLUMN b'
  ])
  expect(alterClauseOffsets('SELECT 1')).toEqual([])
})

test('multi-clause statements inside a DO block point at their clauses too', () => {
  const sql = [
    'DO $$',
    'BEGIN',
    '  ALTER TABLE public.accounts',
    '    ADD COLUMN region text,',
    '    ALTER COLUMN email SET NOT NULL;',
    'END $$;'
  ].join('\n')
  expect(rules(sql)).toEqual(['5:5 set-not-null-without-check'])
})
