import { lintSql } from '../../src/lint/engine.js'
import { bytePositions } from '../../src/lint/position.js'
import { lineColumn, loadParser, parseSql, TextIndex } from '../../src/sql/parser.js'

beforeAll(loadParser)

const migration = { kind: 'migration' as const, noTransaction: false }
const at = (sql: string) =>
  lintSql('m.sql', sql, migration).findings.map(f => `${f.line}:${f.column} ${f.rule}`)

test('findings keep their line and column after multi-byte characters (2, 3 and 4 bytes)', () => {
  const sql = [
    '-- café, 東京, 🍽 (comments before the statements)',
    "INSERT INTO bookings (note) VALUES ('crème brûlée 🍰'); CREATE INDEX i ON bookings (a);",
    "/* 料理 🍣 */ ALTER TABLE bookings ADD COLUMN n int NOT NULL, ADD CONSTRAINT c CHECK (note <> 'é');",
    'DO $$ BEGIN PERFORM 1; END $$; -- 🍽',
    'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$',
    'BEGIN',
    "  RAISE NOTICE 'ünïcödé 🍽';",
    '  LOCK TABLE bookings;',
    'END $$;'
  ].join('\n')
  // Columns count UTF-16 code units, as editors and GitHub annotations do: 🍽 and 🍰 count 2.
  expect(at(sql)).toEqual([
    '2:57 require-concurrent-index',
    '3:45 add-column-not-null-without-default',
    '3:65 constraint-full-scan',
    '8:3 lock-in-function'
  ])
})

test('statement positions deep in a large file are exact', () => {
  const lines: string[] = []
  for (let i = 0; i < 3000; i++) lines.push(`-- Schritt ${i}: Tabelle für 🍽`, `SELECT ${i};`)
  lines.push('  CREATE INDEX late ON bookings (a);')
  expect(at(lines.join('\n'))).toEqual(['6001:3 require-concurrent-index'])
  const { statements } = parseSql(lines.join('\n'))
  expect(statements[2999]).toMatchObject({ line: 6000, column: 1, text: 'SELECT 2999' })
})

test('TextIndex agrees with counting from the start, for every offset of a mixed text', () => {
  const text = 'a\né\n東京🍽x\n\n\u{1F600}\uD800z\nend' // includes a lone surrogate
  const index = new TextIndex(text)
  const bytes = Buffer.from(text, 'utf8')
  const pos = bytePositions(text)
  for (let c = 0; c <= text.length; c++) {
    expect(index.lineColumn(c)).toEqual(lineColumn(text, c))
    // The byte offset where character c starts maps back to c (except inside a surrogate pair).
    const byte = Buffer.byteLength(text.slice(0, c), 'utf8')
    const inPair = /[\uD800-\uDBFF]/.test(text[c - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[c])
    if (!inPair) {
      expect(index.charOffset(byte)).toBe(c)
      expect(pos(byte, { line: 0, column: 0 })).toEqual(lineColumn(text, c))
    }
  }
  expect(index.charOffset(bytes.length + 10)).toBe(text.length)
  expect([index.lineText(3), index.lineText(6), index.lineText(7)]).toEqual(['東京🍽x', 'end', ''])
})

test('a PL/pgSQL complaint that depends on types is a warning; a variable of a user-defined type is no complaint; a grammar error stays an error', async () => {
  const { lintSql } = await import('../../src/lint/engine.js')
  // basejump and midday: the offline compiler has no catalog and takes an enum variable for a row. The body is
  // parsed again with the variable declared as text: no finding (it was a warning, and noise).
  const enumVariables = `create type public.account_role as enum ('owner', 'member');
create function public.accept_invitation(token text) returns jsonb language plpgsql as $$
declare
  lookup_account_id uuid;
  new_member_role public.account_role;
  v_frequency transaction_frequency := 'monthly';
begin
  select account_id, account_role into lookup_account_id, new_member_role
    from public.invitations where invitations.token = accept_invitation.token;
  v_frequency := 'weekly';
  return jsonb_build_object('account_id', lookup_account_id);
end;
$$;
`
  expect(
    lintSql('m.sql', enumVariables, { kind: 'migration', noTransaction: false }).findings
  ).toEqual([])
  // A %ROWTYPE field assigned: the offline compiler cannot build the row, the server takes it (it checks record
  // fields when the function runs, not when it is created). Read as a record: no finding (it was a warning that a
  // real project's valid function got).
  const rowtype = `create function public.rename_item() returns void language plpgsql as $$
declare
  v public.items%rowtype;
begin
  v.name := 'x';
end;
$$;
`
  const soft = lintSql('m.sql', rowtype, { kind: 'migration', noTransaction: false }).findings
  expect(soft.filter(f => f.rule === 'syntax-error')).toEqual([])
  const broken = lintSql(
    'm.sql',
    'create function f() returns int language plpgsql as $$ begin retrun 1; end $$;\n',
    { kind: 'migration', noTransaction: false }
  ).findings.filter(f => f.rule === 'syntax-error')
  expect(broken.map(f => f.severity)).toEqual(['error'])
})
