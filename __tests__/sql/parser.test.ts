import { loadParser, parseSql, relationsOf } from '../../src/sql/parser.js'

beforeAll(loadParser)

test('statements carry 1-based line and column of their first token, past comments', () => {
  const sql =
    '-- é header\nCREATE TABLE a (id int);\n\n/* note */ ALTER TABLE s.b\n  ADD COLUMN c text;\n'
  const { statements, error } = parseSql(sql)
  expect(error).toBeUndefined()
  expect(statements.map(s => [s.kind, s.line, s.column])).toEqual([
    ['CreateStmt', 2, 1],
    ['AlterTableStmt', 4, 12]
  ])
  expect(statements[1].text).toBe('ALTER TABLE s.b\n  ADD COLUMN c text')
  expect(relationsOf(statements[1].ast)).toEqual(['s.b'])
})

test("the runbook's bare `window` is reported at `window`, line and column", () => {
  const sql =
    "SELECT 'é';\nALTER TABLE allocations ADD CONSTRAINT x\n  EXCLUDE USING gist (resource_id WITH =, window WITH &&);\n"
  const { statements, error } = parseSql(sql)
  expect(statements).toEqual([])
  expect(error?.message).toBe('syntax error at or near "window"')
  expect([error?.line, error?.column]).toEqual([3, 43])
})

test.each([
  ['empty', ''],
  ['whitespace', ' \n\t\r\n'],
  ['a comment', '-- nothing to do\n']
])(
  'a text with no statement (%s) parses to none, no error (libpg_query alone refuses an empty one)',
  (_what, text) => {
    expect(parseSql(text)).toEqual({ statements: [] })
  }
)
