import { createTestDatabase } from './helpers/db.js'

test('each test file gets its own bootstrapped database', async () => {
  const db = await createTestDatabase('harness')
  try {
    const c = await db.client()
    const roles = await c.query(
      "select rolname from pg_roles where rolname in ('anon','authenticated','service_role') order by 1"
    )
    expect(roles.rows.map(r => r.rolname)).toEqual(['anon', 'authenticated', 'service_role'])
    await c.query(
      `select set_config('request.jwt.claims', '{"sub":"6f1c1d2e-0000-4000-8000-000000000001"}', false)`
    )
    const uid = await c.query('select auth.uid() as uid')
    expect(uid.rows[0].uid).toBe('6f1c1d2e-0000-4000-8000-000000000001')
  } finally {
    await db.drop()
  }
})
