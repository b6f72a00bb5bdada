/**
 * throwawayGap (src/embedded/throwaway-gaps.ts) on the server's own errors: what the throwaway database lacks is
 * named as its gap, with a fix that can work (setup-sql cannot add an extension: there is no control file).
 */
import type pg from 'pg'
import { describeError } from '../../src/db/connect.js'
import { throwawayGap } from '../../src/embedded/throwaway-gaps.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('throwaway_gaps')
  client = await db.client()
}, 60_000)

afterAll(async () => {
  await db?.drop()
})

/** The server's error for `sql`, as the run describes it. */
async function errorOf(sql: string): Promise<string> {
  try {
    await client.query(sql)
  } catch (e) {
    return describeError(e)
  }
  throw new Error(`expected ${sql} to fail`)
}

test("an extension hosted Supabase offers: the gap is the throwaway server's, and no setup-sql advice", async () => {
  const gap = throwawayGap(await errorOf('CREATE EXTENSION postgis'))
  expect(gap).toContain(
    'the throwaway server does not ship extension "postgis" (hosted Supabase offers it)'
  )
  expect(gap).toContain('--database-url of a Supabase branch or staging')
  expect(gap).not.toContain('setup-sql')
})

test('an extension Supabase offers only on Postgres 15 projects: a project created today fails too', async () => {
  const gap = throwawayGap(
    await errorOf('CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA extensions')
  )
  expect(gap).toContain(
    `extension "timescaledb" is offered on Supabase's Postgres 15 projects but not on Postgres 17 ones`
  )
  expect(gap).not.toContain('hosted Supabase offers it')
})

test('an extension neither has: not claimed to be on hosted Supabase', async () => {
  const gap = throwawayGap(await errorOf('CREATE EXTENSION made_up_extension'))
  expect(gap).toContain(
    `extension "made_up_extension" is neither on the throwaway server nor in hosted Supabase's list of extensions`
  )
})

test("a function missing from a schema hosted Supabase manages: maybe the stand-in's gap, setup-sql can fill it", async () => {
  const gap = throwawayGap(await errorOf(`SELECT realtime.not_in_the_stand_in('x')`))
  expect(gap).toContain(
    'realtime.not_in_the_stand_in is in the realtime schema, which hosted Supabase manages and the throwaway database imitates'
  )
  expect(gap).toContain('setup-sql')
})

test("an object of the project's own schema is not the throwaway's gap", async () => {
  expect(throwawayGap(await errorOf('SELECT public.nowhere()'))).toBeUndefined()
  expect(throwawayGap(await errorOf('SELECT * FROM public.missing_table'))).toBeUndefined()
})

test("an index of two columns on a stand-in's access method (a hash index): the throwaway's gap", async () => {
  const gap = throwawayGap(
    await errorOf(
      `CREATE EXTENSION IF NOT EXISTS pgroonga WITH SCHEMA extensions;
       CREATE TABLE public.gap_docs (title text, body text);
       CREATE INDEX ON public.gap_docs USING pgroonga (title, body)`
    )
  )
  expect(gap).toContain(
    "the throwaway server's pgroonga is a stand-in whose pgroonga index is a hash index, which takes one column"
  )
})
