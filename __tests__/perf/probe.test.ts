/**
 * timeStatement: the timed runs of a probe. Each run is timed on the server (clock_timestamp() before and after
 * it), all runs in one batch: one round trip, and a database far from the runner does not add its distance to
 * every sample. Read-only probes share one read-only transaction; a probe that writes is refused there and timed
 * in a read-write one, each run undone before the next. Text the parser cannot vouch for as one statement is
 * timed on the client, a round trip per run. Either way nothing a probe does stays.
 */
import pg from 'pg'
import { inlinedStatement, PROBE_BATCH_ROWS, timeStatement } from '../../src/perf/probe.js'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'
import { countRoundTrips, type RoundTripCounter } from '../../bench/round-trips.js'

let db: TestDatabase
let client: pg.Client
let sent: string[] = []

beforeAll(async () => {
  db = await createTestDatabase('perf_probe')
  client = await db.client()
  await client.query(`
    CREATE TABLE public.items (id int PRIMARY KEY, restaurant_id int NOT NULL, name text);
    INSERT INTO public.items SELECT g, g % 50, 'item ' || g FROM generate_series(1, 1000) g;
    UPDATE public.items SET name = E'it''s a \\\\ test' WHERE id = 7;
    CREATE SEQUENCE public.ticket;`)
  sent = recordQueries(client)
}, 120_000)

afterAll(async () => {
  await db?.drop()
})

const inTransaction = (c: pg.Client) =>
  (c as unknown as { getTransactionStatus: () => string }).getTransactionStatus() !== 'I'

test('a read-only probe: every run timed on the server, the first alone, the rest in one more round trip', async () => {
  sent.length = 0
  const timed = await timeStatement(
    client,
    'select count(*) from public.items where restaurant_id = $1',
    [7],
    5,
    10_000
  )
  expect(timed.timedOn).toBe('server')
  expect(timed.samplesMs).toHaveLength(5)
  expect(timed.samplesMs.every(ms => ms > 0 && ms < 1_000)).toBe(true)
  // Two batches: BEGIN, the timeout, read only and the first run between clock reads; then the other four
  // runs and ROLLBACK.
  expect(sent).toHaveLength(2)
  const [first, rest] = sent.map(q => q.split('\n;\n'))
  const probe = "select count(*) from public.items where restaurant_id = E'7'"
  expect(first).toEqual([
    'BEGIN',
    'SET LOCAL statement_timeout = 10000',
    'SET TRANSACTION READ ONLY',
    expect.stringContaining('clock_timestamp()'),
    probe,
    expect.stringContaining('clock_timestamp()')
  ])
  expect(rest.filter(s => s === probe)).toHaveLength(4)
  expect(rest.at(-1)).toBe('ROLLBACK')
  expect(inTransaction(client)).toBe(false)
})

test('a probe that returns many rows is sent in smaller batches: no more than PROBE_BATCH_ROWS rows held at once', async () => {
  sent.length = 0
  const rows = Math.floor(PROBE_BATCH_ROWS / 2.5)
  const timed = await timeStatement(
    client,
    'select g from generate_series(1, $1::int) g',
    [rows],
    5,
    10_000
  )
  expect(timed.samplesMs).toHaveLength(5)
  // The first run alone, then two runs a batch.
  const runsPerBatch = sent.map(q => q.split('\n;\n').filter(s => s.startsWith('select g')).length)
  expect(runsPerBatch).toEqual([1, 2, 2])
  expect(inTransaction(client)).toBe(false)
})

test('a value is written as a literal the server reads as the parameter: quotes, backslashes, null', async () => {
  const sql =
    'select count(*)::int AS n from public.items where name = $1 or ($2::int is null and id = 1)'
  const values = ["it's a \\ test", null]
  const text = await inlinedStatement(sql, values)
  expect(text).toBe(
    "select count(*)::int AS n from public.items where name = E'it\\'s a \\\\ test' or (NULL::int is null and id = 1)"
  )
  // The same answer as the parameters sent apart: the one row named so, and row 1.
  const asParams = await client.query(sql, values)
  const asText = await client.query(text!)
  expect(asText.rows).toEqual(asParams.rows)
  expect(asText.rows[0].n).toBe(2)
  // A $n inside a string or a comment is not a placeholder.
  expect(await inlinedStatement("select '$1', $1 -- $2\n;", [5])).toBe("select '$1', E'5' -- $2\n")
})

test('text that is not exactly one statement, or values that do not fill the placeholders, is not batched', async () => {
  expect(await inlinedStatement('select 1; commit; delete from public.items', [])).toBeUndefined()
  expect(await inlinedStatement('select $1', [])).toBeUndefined()
  expect(await inlinedStatement('select $2', [1, 2])).toBeUndefined()
  expect(await inlinedStatement('select 1', [5])).toBeUndefined()
  expect(await inlinedStatement('select from where', [])).toBeUndefined()
  // Timed on the client instead, as the extended protocol runs it: the server refuses the second statement
  // (and the surplus value) with its own error, and nothing was deleted.
  sent.length = 0
  await expect(
    timeStatement(client, 'select 1; commit; delete from public.items', [], 3, 10_000)
  ).rejects.toMatchObject({ code: '42601' })
  await expect(timeStatement(client, 'select 1', [5], 3, 10_000)).rejects.toMatchObject({
    code: '08P01'
  })
  expect(sent.some(q => q.includes('\n;\n'))).toBe(false)
  const left = await client.query('SELECT count(*)::int AS n FROM public.items')
  expect(left.rows[0].n).toBe(1000)
  expect(inTransaction(client)).toBe(false)
})

test.each([
  ['deletes rows', 'delete from public.items where restaurant_id = 3'],
  ['calls nextval', "select nextval('public.ticket')"]
])(
  'a probe that %s is timed in a read-write transaction, each run undone, and changes nothing',
  async (_, sql) => {
    sent.length = 0
    const timed = await timeStatement(client, sql, [], 3, 10_000)
    expect(timed).toMatchObject({ timedOn: 'server' })
    expect(timed.samplesMs).toHaveLength(3)
    // Refused in the read-only batch (then its ROLLBACK), then two read-write batches: four round trips.
    expect(sent).toHaveLength(4)
    expect(sent[1]).toBe('ROLLBACK')
    const undone = sent
      .slice(2)
      .flatMap(q => q.split('\n;\n'))
      .filter(s => s === 'ROLLBACK TO SAVEPOINT migration_runbook_probe')
    expect(undone).toHaveLength(3)
    const left = await client.query(
      `SELECT (SELECT count(*)::int FROM public.items WHERE restaurant_id = 3) AS rows,
              (SELECT last_value FROM public.ticket) AS last, (SELECT is_called FROM public.ticket) AS called`
    )
    expect(left.rows[0].rows).toBe(20)
    // nextval is not transactional: the three runs advanced the sequence, the refused one did not.
    if (sql.includes('nextval')) expect(left.rows[0]).toMatchObject({ last: '3', called: true })
    expect(inTransaction(client)).toBe(false)
  }
)

test('a probe that fails for another reason fails as before, its transaction rolled back', async () => {
  await expect(
    timeStatement(client, 'select * from public.no_such_table', [], 3, 10_000)
  ).rejects.toMatchObject({ code: '42P01' })
  expect(inTransaction(client)).toBe(false)
  const state = await client.query('SELECT 1 AS ok')
  expect(state.rows[0].ok).toBe(1)
})

test('a runaway probe is stopped by its statement_timeout, and the session is usable after', async () => {
  await expect(timeStatement(client, 'select pg_sleep(5)', [], 3, 200)).rejects.toMatchObject({
    code: '57014'
  })
  expect(inTransaction(client)).toBe(false)
})

describe('a database 150 ms away', () => {
  let far: RoundTripCounter
  let farClient: pg.Client
  beforeAll(async () => {
    far = await countRoundTrips(Number(new URL(db.url).port), { latencyMs: 150 })
    const u = new URL(db.url)
    u.port = String(far.port)
    farClient = new pg.Client({ connectionString: u.toString() })
    await farClient.connect()
  })
  afterAll(async () => {
    await farClient?.end()
    await far?.close()
  })

  test('its distance is in no sample: the query is timed where it runs, in two round trips', async () => {
    far.reset()
    const timed = await timeStatement(
      farClient,
      'select count(*) from public.items where restaurant_id = $1',
      [7],
      10,
      10_000
    )
    expect(far.counts().roundTrips).toBe(2)
    expect(timed.timedOn).toBe('server')
    // Each sample is the server's time for a count over 1,000 rows, far below the 150 ms each way.
    expect(Math.max(...timed.samplesMs)).toBeLessThan(100)
  })
})
