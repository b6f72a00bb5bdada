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
