import { Redactor } from '../../src/report/redact.js'

test('every printed form of the password is scrubbed: raw, percent-encoded, form-encoded, JSON-escaped', () => {
  const password = 'p@ss:w/o#r%d+X y"q'
  const url = `postgres://app:${encodeURIComponent(password)}@db.example.com:5432/app`
  const r = new Redactor()
  const seen: string[] = []
  r.onSecret(s => seen.push(s))
  r.addDatabaseUrl(url)
  const forms = [
    url,
    password,
    encodeURIComponent(password),
    encodeURIComponent(password).replace(/%20/g, '+'),
    JSON.stringify(password).slice(1, -1)
  ]
  for (const f of forms) expect(r.redact(`before ${f} after`)).toBe('before *** after')
  // Every form was handed to the sink (core.setSecret in the action) too.
  expect(seen).toEqual(expect.arrayContaining([password, encodeURIComponent(password)]))
})

test('a password given as a query parameter is registered too', () => {
  const r = new Redactor()
  r.addDatabaseUrl('postgres://app@db.example.com/app?sslmode=require&password=s3cr%40t')
  expect(r.redact('auth failed for s3cr@t and s3cr%40t')).toBe('auth failed for *** and ***')
})

test('an error keeps its Postgres fields, scrubbed', () => {
  const r = new Redactor()
  r.addDatabaseUrl('postgres://app:hunter22@db/app')
  const e = Object.assign(new Error('bad hunter22'), { code: '28P01', detail: 'for hunter22' })
  const copy = r.redactError(e) as Error & { code?: string; detail?: string }
  expect([copy.message, copy.code, copy.detail]).toEqual(['bad ***', '28P01', 'for ***'])
})

test('a password from SQL is scrubbed as written in SQL: quotes doubled, backslash-escaped, in JSON', () => {
  const r = new Redactor()
  const seen: string[] = []
  r.onSecret(s => seen.push(s))
  r.addSqlSecret(`it's a "secret"`)
  expect(r.redact(`CREATE ROLE app PASSWORD 'it''s a "secret"';`)).toBe(
    `CREATE ROLE app PASSWORD '***';`
  )
  expect(r.redact(`ALTER ROLE app PASSWORD E'it\\'s a "secret"';`)).toBe(
    `ALTER ROLE app PASSWORD E'***';`
  )
  expect(r.redact(`EXECUTE 'ALTER ROLE app PASSWORD ''it''''s a "secret"''';`)).toBe(
    `EXECUTE 'ALTER ROLE app PASSWORD ''***''';`
  )
  const json = JSON.stringify({ statement: `CREATE ROLE app PASSWORD 'it''s a "secret"'` })
  expect(r.redact(json)).toBe('{"statement":"CREATE ROLE app PASSWORD \'***\'"}')
  expect(seen).toEqual(expect.arrayContaining([`it's a "secret"`, `it''s a "secret"`]))
})

test('a secret cut short by an ellipsis (shortened statement texts) is scrubbed too', () => {
  const r = new Redactor()
  r.addSqlSecret('correct horse battery staple')
  // firstLine(s.text, 60) in the apply log; statementLabel's " …" after six words.
  expect(r.redact(`1_a.sql:3 ALTER ROLE app WITH LOGIN PASSWORD 'correct horse…'`)).toBe(
    `1_a.sql:3 ALTER ROLE app WITH LOGIN PASSWORD '***…'`
  )
  expect(r.redact(`CREATE ROLE x PASSWORD 'correct horse …`)).toBe(`CREATE ROLE x PASSWORD '*** …`)
  // Text that only looks like a start of it is left alone when it is not followed by an ellipsis.
  expect(r.redact('a correct horse, and more…')).toBe('a correct horse, and more…')
  expect(r.redact('two cuts: cor… and correct h…')).toBe('two cuts: ***… and ***…')
})

test("a cut is matched against passwords, not the URL's public start (postgres://postgres:)", () => {
  const r = new Redactor()
  r.addDatabaseUrl('postgres://postgres:Xk29-pw@127.0.0.1:5432/postgres')
  // A real project's index name, cut in the apply log: before, its "…_for_pos" was masked as a cut URL.
  expect(r.redact('create index idx_blogs_author_lookup_for_pos…')).toBe(
    'create index idx_blogs_author_lookup_for_pos…'
  )
  expect(r.redact('grant select on t to postgres…')).toBe('grant select on t to postgres…')
  // The URL cut inside its password: the password's start is still masked, as a password.
  expect(r.redact('connecting to postgres://postgres:Xk2…')).toBe(
    'connecting to postgres://postgres:***…'
  )
  // Whole, every form is masked as before.
  expect(r.redact('url postgres://postgres:Xk29-pw@127.0.0.1:5432/postgres')).toBe('url ***')
})

describe('hideRowValues (conflicts-sample: 0): the values PostgreSQL quotes from rows', () => {
  const HIDDEN = 'values hidden: conflicts-sample is 0'
  const cases: [string, string, string][] = [
    [
      'a duplicate key, the hint kept',
      'duplicate key value violates unique constraint "users_email_key" (SQLSTATE 23505) detail: Key (email)=(carol@example.com) already exists. hint: x',
      `duplicate key value violates unique constraint "users_email_key" (SQLSTATE 23505) detail: Key (email)=(${HIDDEN}) already exists. hint: x`
    ],
    [
      'both keys of an exclusion conflict, values holding parentheses and quotes',
      'Key (room, during)=(1, ["2025-01-01 00:00:00+00","2025-01-01 01:00:00+00")) conflicts with existing key (room, during)=(1, ["2025-01-01 00:30:00+00",)).',
      `Key (room, during)=(${HIDDEN}) conflicts with existing key (room, during)=(${HIDDEN}).`
    ],
    [
      'a failing row, inside JSON',
      '{"reasons":["violates check constraint \\"c\\" detail: Failing row contains (4, carol (boss)@example.com, -1).\\nnext"]}',
      `{"reasons":["violates check constraint \\"c\\" detail: Failing row contains (${HIDDEN}).\\nnext"]}`
    ],
    [
      'a value a cast refused, raw and JSON-escaped',
      'invalid input syntax for type integer: "carol@example.com"; {"m":"invalid input syntax for type uuid: \\"carol@example.com\\""}',
      `invalid input syntax for type integer: "${HIDDEN}"; {"m":"invalid input syntax for type uuid: \\"${HIDDEN}\\""}`
    ],
    [
      "an expression index's key (a case-insensitive unique e-mail)",
      'detail: Key (lower(email::text))=(carol@example.com) already exists.',
      `detail: Key (lower(email::text))=(${HIDDEN}) already exists.`
    ],
    [
      'a foreign key, the table kept',
      'Key (owner_id)=(1001) is not present in table "users".',
      `Key (owner_id)=(${HIDDEN}) is not present in table "users".`
    ],
    [
      'a line cut inside the value',
      'detail: Key (email)=(carol@exam…',
      `detail: Key (email)=(${HIDDEN}…`
    ]
  ]
  test.each(cases)('%s', (_what, text, masked) => {
    const r = new Redactor()
    // Shown as PostgreSQL wrote them until the policy asks.
    expect(r.redact(text)).toBe(text)
    r.hideRowValues()
    expect(r.redact(text)).toBe(masked)
    // Masking twice changes nothing: evidence is redacted again on its way out.
    expect(r.redact(masked)).toBe(masked)
  })
})
