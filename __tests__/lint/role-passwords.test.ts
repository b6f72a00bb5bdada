import { loadParser, lineColumn } from '../../src/sql/parser.js'
import { findPasswordLiterals, rolePasswordsIn } from '../../src/lint/secrets.js'
import { lintSql } from '../../src/lint/engine.js'

beforeAll(loadParser)

const migration = { kind: 'migration' as const, noTransaction: false }

const SQL = `CREATE ROLE app LOGIN PASSWORD 'secret-1';
ALTER ROLE reporting WITH PASSWORD 'it''s-2';
CREATE USER z ENCRYPTED PASSWORD E'back\\\\slash\\'q-3';
ALTER USER w PASSWORD $pw$dollar-4$pw$;
CREATE ROLE nobody PASSWORD NULL;
CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'a', password 'mapping-5');
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'q') THEN
    CREATE ROLE q LOGIN PASSWORD 'in-do-6';
  END IF;
  EXECUTE 'ALTER ROLE q PASSWORD ''execute-7''';
END $$;
CREATE ROLE templated PASSWORD '\${APP_PASSWORD}';
CREATE TABLE users (password text);
INSERT INTO users (password) VALUES ('not-a-role-password');
`

test('role passwords are found with the parser, in every form they can be written', () => {
  expect(rolePasswordsIn(SQL)).toEqual([
    'secret-1',
    "it's-2",
    "back\\slash'q-3",
    'dollar-4',
    'mapping-5',
    'in-do-6',
    'execute-7'
  ])
  // Each is placed at its PASSWORD option (inside the DO block too), so lint can point at it.
  const at = findPasswordLiterals(SQL).map(p => {
    const { line, column } = lineColumn(SQL, p.offset)
    return `${line}:${column}`
  })
  expect(at).toEqual(['1:23', '2:27', '3:15', '4:14', '6:62', '10:25', '12:25'])
})

test('a file that does not parse is still searched (scanner tokens), nested strings included', () => {
  const broken =
    "CREATE ROLE app PASSWORD 'broken-8' LOGIN;\nCREATE TABLE (;\nDO $$ BEGIN CREATE ROLE r PASSWORD 'in-broken-9'; END $$;\n"
  expect(rolePasswordsIn(broken)).toEqual(['broken-8', 'in-broken-9'])
  expect(rolePasswordsIn('SELECT 1;')).toEqual([])
  expect(rolePasswordsIn("CREATE ROLE x PASSWORD 'unterminated")).toEqual([])
})

test('lint warns on a role password literal, at the option, without echoing it', () => {
  const { findings } = lintSql(
    'm.sql',
    "SELECT 1;\nCREATE ROLE app\n  LOGIN PASSWORD 'hunter2-secret';\n",
    migration
  )
  expect(findings).toEqual([
    expect.objectContaining({
      rule: 'role-password-literal',
      severity: 'warning',
      line: 3,
      column: 9,
      message:
        'password literal in migration SQL: it will be stored in the migration history; set it outside the migration (e.g. \\password or the dashboard)'
    })
  ])
  expect(JSON.stringify(findings)).not.toContain('hunter2')
})

test('lint reports it in rollback and verify scripts, in files that do not parse, and honours a reasoned allow', () => {
  const rules = (sql: string, kind: 'migration' | 'rollback' | 'verify' = 'migration') =>
    lintSql('m.sql', sql, { kind, noTransaction: false }).findings.map(
      f => `${f.line}:${f.column} ${f.rule}${f.suppressed ? ' (suppressed)' : ''}`
    )
  const sql = "ALTER ROLE app PASSWORD 'x-secret';"
  expect(rules(sql, 'rollback')).toEqual(['1:16 role-password-literal'])
  expect(rules(sql, 'verify')).toEqual(['1:16 role-password-literal'])
  expect(rules("CREATE ROLE app PASSWORD 'x-secret' LOGIN;\nSELECT (;")).toEqual([
    '1:17 role-password-literal',
    '2:9 syntax-error'
  ])
  expect(
    rules(
      '-- runbook:allow role-password-literal local-only demo role, the password is public\n' +
        "CREATE ROLE demo\n  LOGIN PASSWORD 'demo-password';"
    )
  ).toEqual(['3:9 role-password-literal (suppressed)'])
})
