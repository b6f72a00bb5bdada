/**
 * The rehearsal's round trips: on a hosted database every query waits a network round trip, so the engine reads
 * its own locks in the same round trip as the next statement's SETs, and skips the catalog lookup for statements
 * that name no relation that existed before. Counted on a real client (every query still runs on the server).
 */
import type pg from 'pg'
import { loadParser, parseSql } from '../../src/sql/parser.js'
import { rehearseFiles, type RehearsalOptions } from '../../src/rehearse/engine.js'
import { mayLockExisting, type ShadowState } from '../../src/rehearse/shadow.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import type { SqlFile } from '../../src/plan/files.js'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let client: pg.Client
let sent: string[] = []

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('rehearse_rt')
  client = await db.client()
  await client.query(
    `CREATE TABLE public.items (id int PRIMARY KEY, name text);
     INSERT INTO public.items SELECT g, 'item ' || g FROM generate_series(1, 500) g;`
  )
  sent = recordQueries(client)
}, 120_000)

afterAll(async () => {
  await db?.drop()
})

function sqlFile(name: string, sql: string): { version: string; file: SqlFile } {
  return {
    version: name.split('_')[0],
    file: { file: `migrations/${name}`, path: `/nowhere/${name}`, sql, checksum: 'x' }
  }
}

function options(extra: Partial<RehearsalOptions> = {}): RehearsalOptions {
  return {
    lockBudgetMs: 10_000,
    lockTimeoutMs: 2_000,
    log: new Logger(new Redactor()),
    forecast: {
      settings: { mode: 'live', shadowMaxRows: 100_000 },
      envName: 'staging',
      forecastFor: 'staging',
      budgetMs: 10_000,
      copyTimeoutMs: 60_000,
      forecastBudgetMs: 10_000
    },
    ...extra
  }
}

/** Twelve statements on tables the migration creates: nothing existed before, so no catalog lookups. */
const NEW_TABLES = [
  'CREATE TABLE public.shelves (id int PRIMARY KEY, label text NOT NULL);',
  'CREATE TABLE public.slots (id int PRIMARY KEY, shelf_id int NOT NULL REFERENCES public.shelves (id));',
  'CREATE INDEX slots_shelf_idx ON public.slots (shelf_id);',
  'ALTER TABLE public.shelves ENABLE ROW LEVEL SECURITY;',
  'ALTER TABLE public.slots ENABLE ROW LEVEL SECURITY;',
  'CREATE POLICY shelves_read ON public.shelves FOR SELECT USING (true);',
  'CREATE POLICY slots_read ON public.slots FOR SELECT USING (true);',
  'ALTER TABLE public.slots ADD COLUMN note text;',
  'CREATE INDEX shelves_label_idx ON public.shelves (label);',
  'COMMENT ON TABLE public.shelves IS $$where items go$$;',
  'CREATE VIEW public.slot_labels AS SELECT s.id, h.label FROM public.slots s JOIN public.shelves h ON h.id = s.shelf_id;',
  'ALTER TABLE public.slots ALTER COLUMN note SET DEFAULT $$none$$;'
].join('\n')

test('a file of statements on new tables is one batch: one round trip for its statements', async () => {
  sent.length = 0
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260101000000_shelves.sql', NEW_TABLES)],
    options({ schemaDiffs: false })
  )
  expect(r.error).toBeUndefined()
  // The file's own locks are still read, after its last statement.
  expect(r.locks.map(l => l.relation)).toEqual(expect.arrayContaining(['shelves', 'slots']))
  expect(r.locks.find(l => l.relation === 'shelves')?.mode).toBe('AccessExclusiveLock')
  expect(r.diffText).toBe('')
  // The shadow state, BEGIN, the first lock read, the batch and the ROLLBACK. Statement by statement it was 6
  // round trips per statement (two SETs, a lookup, SETs, the statement, a lock read).
  expect(sent.length).toBeLessThanOrEqual(5)
  const batch = sent.find(q => q.includes('CREATE TABLE public.shelves'))
  expect(batch).toContain('CREATE VIEW public.slot_labels')
  // What pg_stat_activity shows a DBA first.
  expect(batch).toMatch(
    /^-- migration-runbook: rehearsal of migrations\/20260101000000_shelves\.sql \(rolled back\)\n/
  )
  expect(sent.filter(q => q.includes('to_regclass'))).toEqual([])
  // Nothing stayed: the transaction was rolled back.
  const left = await client.query(`SELECT to_regclass('public.shelves') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('files on new tables are one batch together: one round trip for all, each file with its own result', async () => {
  sent.length = 0
  const results = await rehearseFiles(
    client,
    [
      sqlFile('20260101000000_shelves.sql', NEW_TABLES),
      sqlFile(
        '20260101000001_bins.sql',
        'CREATE TABLE public.bins (id int PRIMARY KEY, shelf_id int REFERENCES public.shelves (id));\nSELECT pg_sleep(0.5);\n'
      ),
      sqlFile('20260101000002_crates.sql', 'CREATE TABLE public.crates (id int PRIMARY KEY);\n')
    ],
    options({ schemaDiffs: false })
  )
  expect(results.map(r => [r.version, r.error])).toEqual([
    ['20260101000000', undefined],
    ['20260101000001', undefined],
    ['20260101000002', undefined]
  ])
  const batches = sent.filter(q => q.includes('CREATE TABLE'))
  expect(batches).toHaveLength(1)
  expect(batches[0]).toMatch(
    /^-- migration-runbook: rehearsal of 3 files, migrations\/20260101000000_shelves\.sql, /
  )
  // Each file's locks are read after its last statement: the second holds the first's tables too (one transaction).
  expect(results[0].locks.map(l => l.relation)).not.toContain('bins')
  expect(results[1].locks.map(l => l.relation)).toEqual(expect.arrayContaining(['shelves', 'bins']))
  expect(results[2].locks.map(l => l.relation)).toContain('crates')
  // Each file's time is its own, read from the server's clock: the second's sleep is counted once, in the second.
  // The margin is wide: a CREATE TABLE on a busy machine takes tens of milliseconds, never hundreds.
  expect(results[1].lockMs).toBeGreaterThanOrEqual(450)
  expect(results[1].durationMs).toBeGreaterThanOrEqual(450)
  expect(results[0].lockMs).toBeLessThan(450)
  expect(results[2].lockMs).toBeLessThan(450)
  const left = await client.query(`SELECT to_regclass('public.bins') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('in one batch, a failure in the second file names its statement; the first passed, the third never ran', async () => {
  const results = await rehearseFiles(
    client,
    [
      sqlFile('20260106000000_ok.sql', 'CREATE TABLE public.fine (id int PRIMARY KEY);\n'),
      sqlFile(
        '20260106000001_broken.sql',
        'CREATE TABLE public.also_fine (id int);\n\nCREATE INDEX broken_idx ON public.also_fine (no_such_column);\n'
      ),
      sqlFile('20260106000002_after.sql', 'CREATE TABLE public.after_all (id int);\n')
    ],
    options({ schemaDiffs: false })
  )
  expect(results).toHaveLength(2)
  expect(results[0].error).toBeUndefined()
  expect(results[1].error).toMatch(
    /^migrations\/20260106000001_broken\.sql:3: column "no_such_column" does not exist/
  )
  expect(results[1].line).toBe(3)
  // The locks before the failing statement, from the lint module's table: the first file's and also_fine.
  expect(results[1].locks.map(l => l.relation)).toEqual(
    expect.arrayContaining(['fine', 'public.also_fine'])
  )
})

test('a file that does not parse is not pulled into the batch of the files before it: they pass, it fails in its turn', async () => {
  const log: string[] = []
  const logger = new Logger(new Redactor(), (_level, line) => log.push(line))
  await expect(
    rehearseFiles(
      client,
      [
        sqlFile('20260109000000_fine.sql', 'CREATE TABLE public.before_bad (id int);\n'),
        sqlFile('20260109000001_bad.sql', 'CREATE TABLE public.bad (id int;\n')
      ],
      options({ schemaDiffs: false, log: logger })
    )
  ).rejects.toThrow(/migrations\/20260109000001_bad\.sql:1:/)
  expect(log.join('\n')).toMatch(/rehearsed migrations\/20260109000000_fine\.sql in/)
})

test('in one batch each file has a lock budget of its own', async () => {
  const sleepy = 'CREATE TABLE public.%s (id int);\nSELECT pg_sleep(0.3);\n'
  const results = await rehearseFiles(
    client,
    [
      sqlFile('20260107000000_a.sql', sleepy.replace('%s', 'sleepy_a')),
      sqlFile('20260107000001_b.sql', sleepy.replace('%s', 'sleepy_b'))
    ],
    options({ schemaDiffs: false, lockBudgetMs: 500 })
  )
  // 600 ms in all, 300 ms per file: under a budget of 500 ms per file (a busy machine adds tens of ms, not 200).
  expect(results.map(r => [r.error, r.overBudget])).toEqual([
    [undefined, false],
    [undefined, false]
  ])
  expect(results[1].lockMs).toBeGreaterThanOrEqual(290)
  expect(results[1].lockMs).toBeLessThan(500)
})

test('a statement cancelled from outside (SIGINT, a DBA) is reported as cancelled, not as over the lock budget', async () => {
  const other = await db.client()
  try {
    const pid = (client as unknown as { processID: number }).processID
    const rehearsing = rehearseFiles(
      client,
      [
        sqlFile('20260108000000_a.sql', 'CREATE TABLE public.cancel_a (id int);\n'),
        sqlFile(
          '20260108000001_b.sql',
          'CREATE TABLE public.cancel_b (id int);\nSELECT pg_sleep(5);\n'
        )
      ],
      options({ schemaDiffs: false })
    )
    await new Promise(resolve => setTimeout(resolve, 400))
    await other.query('SELECT pg_cancel_backend($1)', [pid])
    const results = await rehearsing
    expect(results[1].line).toBe(2)
    expect(results[1].overBudget).toBe(false)
    expect(results[1].error).toMatch(/canceling statement due to user request \(SQLSTATE 57014\)/)
    expect(results[1].error).not.toMatch(/lock budget/)
  } finally {
    await other.end()
  }
})

test('with schema diffs (validate) each file still gets its diff, from two snapshots', async () => {
  sent.length = 0
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260101000000_shelves.sql', NEW_TABLES)],
    options()
  )
  expect(r.error).toBeUndefined()
  expect(r.diffText).toContain('public.shelves')
  expect(r.diffText).toContain('public.slots')
})

test('a statement on a table that existed before is still looked up, counted and forecast (statement by statement)', async () => {
  sent.length = 0
  const results = await rehearseFiles(
    client,
    [
      sqlFile(
        '20260102000000_items.sql',
        'CREATE TABLE public.bins (id int PRIMARY KEY);\nALTER TABLE public.items ADD COLUMN weight int;\n'
      )
    ],
    options({ schemaDiffs: false })
  )
  expect(results[0].error).toBeUndefined()
  const forecasts = results[0].forecasts ?? []
  expect(forecasts).toHaveLength(1)
  expect(forecasts[0]).toMatchObject({
    table: 'public.items',
    lock: 'AccessExclusiveLock',
    liveRows: 500,
    rehearsedOn: 'live'
  })
  // One lookup for the ALTER, none for the CREATE TABLE of a new name; two round trips per statement besides.
  const lookups = sent.filter(q => q.includes('to_regclass'))
  expect(lookups).toHaveLength(1)
  // The row count is one query: the estimate and the table's name came with the lookup.
  expect(sent.filter(q => q.includes('count(*)'))).toEqual([
    'SELECT count(*)::float8 AS n FROM "public"."items"'
  ])
  expect(sent.filter(q => /WHERE (c\.)?oid = \$1/.test(q))).toEqual([])
  // The copy's timeouts ride with the lookup: one round trip, not two.
  expect(lookups[0]).toMatch(
    /^SET LOCAL lock_timeout = \d+; SET LOCAL statement_timeout = 60000;\nSELECT w\.ord/
  )
  expect(
    sent.filter(
      q => q.startsWith('SET LOCAL lock_timeout') || q.includes('; SET LOCAL lock_timeout')
    )
  ).toHaveLength(3)
  expect(results[0].locks.find(l => l.relation === 'items')?.mode).toBe('AccessExclusiveLock')
})

/** n CREATE TABLEs of new names, one per line, from `from`: statements that need no preparation. */
const newTables = (prefix: string, from: number, n: number): string[] =>
  Array.from(
    { length: n },
    (_, k) => `CREATE TABLE public.${prefix}_${from + k} (id int PRIMARY KEY);`
  )

test('a file with one statement on an existing table: that one statement by statement, the statements around it in one round trip each', async () => {
  // The shape of a first migration from `supabase db pull`: hundreds of new objects, a foreign key to auth.users.
  const sql = [
    ...newTables('before', 0, 40),
    'ALTER TABLE public.items ADD COLUMN shelf int;',
    ...newTables('after', 0, 40)
  ].join('\n')
  sent.length = 0
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260110000000_dump.sql', sql)],
    options({ schemaDiffs: false })
  )
  expect(r.error).toBeUndefined()
  // The statement on items is still looked up, counted and forecast.
  expect(r.forecasts).toEqual([expect.objectContaining({ table: 'public.items', liveRows: 500 })])
  expect(r.locks.map(l => l.relation)).toEqual(
    expect.arrayContaining(['before_0', 'before_39', 'items', 'after_0', 'after_39'])
  )
  // Statement by statement it was two round trips per statement: 162 and more.
  expect(sent.length).toBeLessThan(20)
  const parts = sent.filter(q => q.includes('CREATE TABLE public.'))
  expect(parts).toHaveLength(2)
  expect(parts[0]).toContain('before_39')
  expect(parts[0]).not.toContain('items')
  expect(parts[1]).toContain('after_0')
  const left = await client.query(`SELECT to_regclass('public.after_39') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('the lock budget runs on across the parts of a file: the second part starts with what the first spent', async () => {
  // 250 + 250 ms in a budget of 400: only the file's total is over it.
  const sql = [
    'CREATE TABLE public.budget_a (id int);',
    'SELECT pg_sleep(0.25);',
    'ALTER TABLE public.items ADD COLUMN budget int;',
    'CREATE TABLE public.budget_b (id int);',
    'SELECT pg_sleep(0.25);'
  ].join('\n')
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260111000000_budget.sql', sql)],
    options({ schemaDiffs: false, lockBudgetMs: 400 })
  )
  expect(r.overBudget).toBe(true)
  expect(r.line).toBe(5)
  expect(r.lockMs).toBeGreaterThanOrEqual(390)
  expect(r.error).toMatch(
    /:5: "SELECT pg_sleep\(0\.25\)" would hold AccessExclusiveLock on \S+ for more than 400 ms/
  )
  // The locks from before the part (the first part's and the ALTER's) and those of its statements before the cut.
  expect(r.locks.map(l => l.relation)).toEqual(
    expect.arrayContaining(['budget_a', 'items', 'public.budget_b'])
  )
})

test('a failure in a part after a prepared statement names its own line, with the locks held before it', async () => {
  const sql = [
    ...newTables('fail_before', 0, 3),
    'ALTER TABLE public.items ADD COLUMN failing int;',
    'CREATE TABLE public.fail_after (id int);',
    'CREATE INDEX fail_idx ON public.fail_after (no_such_column);',
    'CREATE TABLE public.never (id int);'
  ].join('\n')
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260112000000_failing.sql', sql)],
    options({ schemaDiffs: false })
  )
  expect(r.line).toBe(6)
  expect(r.error).toMatch(
    /^migrations\/20260112000000_failing\.sql:6: column "no_such_column" does not exist/
  )
  expect(r.locks.map(l => l.relation)).toEqual(
    expect.arrayContaining(['fail_before_0', 'items', 'public.fail_after'])
  )
  const left = await client.query(`SELECT to_regclass('public.fail_before_0') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('a table whose name needs quoting is found by the lookup (its name is sent as a literal)', async () => {
  await client.query(
    `CREATE TABLE public."o'dd ""x""" (id int); INSERT INTO public."o'dd ""x""" VALUES (1), (2)`
  )
  const [r] = await rehearseFiles(
    client,
    [
      sqlFile(
        '20260113000000_quoted.sql',
        `ALTER TABLE public."o'dd ""x""" ADD COLUMN y int;\nCREATE INDEX ON public."o'dd ""x""" (y);\n`
      )
    ],
    options({ schemaDiffs: false })
  )
  expect(r.error).toBeUndefined()
  expect(r.forecasts).toEqual([
    expect.objectContaining({ table: `public.o'dd "x"`, liveRows: 2 }),
    expect.objectContaining({ table: `public.o'dd "x"`, lock: 'ShareLock' })
  ])
})

test.each([
  ['in a batch (nothing to forecast)', undefined],
  ['statement by statement (a forecast for the existing table)', 'forecast']
])(
  'a file over the lock budget still names the table and the lock it would hold, %s',
  async (_, how) => {
    const base = options()
    const t0 = performance.now()
    const results = await rehearseFiles(
      client,
      [
        sqlFile(
          '20260103000000_slow.sql',
          'ALTER TABLE public.items ADD COLUMN slow int;\nSELECT pg_sleep(0.2);\nSELECT pg_sleep(0.2);\nSELECT pg_sleep(0.2);\n'
        )
      ],
      { ...base, lockBudgetMs: 300, forecast: how ? base.forecast : undefined }
    )
    expect(results[0].overBudget).toBe(true)
    // Cut at the budget: the second sleep ran into what was left of it, the third never started.
    expect(results[0].line).toBe(3)
    expect(performance.now() - t0).toBeLessThan(2_000)
    // The blame comes from the locks held before the cancelled statement (in a batch: from the lint module's
    // table, as the statement names the table).
    expect(results[0].error).toMatch(
      how
        ? /would hold AccessExclusiveLock on items for more than 300 ms/
        : /would hold AccessExclusiveLock on public\.items for more than 300 ms/
    )
    expect(results[0].error).toMatch(/items is \d+ kB, ~\d+ rows/)
    expect(results[0].lockMs).toBeGreaterThanOrEqual(290)
  }
)

test.each([
  ['statement by statement', 'DROP TABLE public.old_stuff;\nCREATE TABLE public.newer (id int);\n'],
  [
    'in a batch',
    'CREATE TABLE public.scratch (id int);\nDROP TABLE public.scratch;\nCREATE TABLE public.newer (id int);\n'
  ]
])('locks of tables the file dropped are not listed (as bare OIDs), %s', async (_, sql) => {
  await client.query('CREATE TABLE IF NOT EXISTS public.old_stuff (id int)')
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260104000000_drop.sql', sql)],
    options({ schemaDiffs: false })
  )
  expect(r.error).toBeUndefined()
  expect(r.locks.map(l => l.relation)).toContain('newer')
  expect(
    r.locks.filter(l => /^\d+$/.test(l.relation) || l.relation.startsWith('pg_toast.'))
  ).toEqual([])
})

test("a migration that puts its own schema first in search_path does not redirect the batch's own SQL", async () => {
  // Functions named like pg_catalog's, in a schema the migration puts before pg_catalog.
  await client.query(`CREATE SCHEMA IF NOT EXISTS trap;
    CREATE OR REPLACE FUNCTION trap.pg_backend_pid() RETURNS int LANGUAGE sql AS 'SELECT 0';
    CREATE OR REPLACE FUNCTION trap.clock_timestamp() RETURNS timestamptz LANGUAGE sql AS $$SELECT '2000-01-01'::timestamptz$$;`)
  const [r] = await rehearseFiles(
    client,
    [
      sqlFile(
        '20260105000000_search_path.sql',
        'SET LOCAL search_path = trap, pg_catalog, public;\nCREATE TABLE public.trapped (id int);\nSELECT pg_sleep(0.05);\n'
      )
    ],
    options({ schemaDiffs: false })
  )
  expect(r.error).toBeUndefined()
  // Our pid and the real clock: the locks are ours, the time spent is the statements' own.
  expect(r.locks.map(l => l.relation)).toContain('trapped')
  expect(r.lockMs).toBeGreaterThanOrEqual(45)
  expect(r.lockMs).toBeLessThan(5_000)
})

test('mayLockExisting: the parse tree and the names that existed decide, conservatively', () => {
  const state = (names: string[]): ShadowState => ({
    schema: 'mr_shadow_1',
    created: false,
    tables: new Map(),
    redirects: new Map(),
    existing: new Set(),
    existingNames: new Set(names)
  })
  const ast = (sql: string) => parseSql(sql).statements[0].ast
  const existing = state(['items', 'items_name_idx', 'odd.name'])
  expect(mayLockExisting(ast('ALTER TABLE public.items ADD COLUMN x int'), existing)).toBe(true)
  // In another schema the name still counts: the lookup decides, as before.
  expect(mayLockExisting(ast('CREATE INDEX ON app.items (x)'), existing)).toBe(true)
  expect(
    mayLockExisting(ast('ALTER INDEX public.items_name_idx SET (fillfactor = 90)'), existing)
  ).toBe(true)
  // A quoted name with a dot in it.
  expect(mayLockExisting(ast('ALTER TABLE public."odd.name" ADD COLUMN y int'), existing)).toBe(
    true
  )
  expect(mayLockExisting(ast('CREATE TABLE public.bins (id int)'), existing)).toBe(false)
  // A foreign key takes SHARE ROW EXCLUSIVE on the table it references.
  expect(
    mayLockExisting(ast('CREATE TABLE public.bins (id int REFERENCES public.items (id))'), existing)
  ).toBe(true)
  // Reading or writing rows (ROW EXCLUSIVE at most) never needs a shadow.
  expect(mayLockExisting(ast('INSERT INTO public.items VALUES (1)'), existing)).toBe(false)
})

test("the log's lock line groups the file's locks by mode, strongest first, and shortens a long list", async () => {
  const log = new Logger(new Redactor())
  const indexes = Array.from(
    { length: 12 },
    (_, i) => `CREATE INDEX items_name_${i}_idx ON public.items (name, id);`
  )
  const [r] = await rehearseFiles(
    client,
    [sqlFile('20260102000000_items_indexes.sql', indexes.join('\n'))],
    options({ schemaDiffs: false, log })
  )
  expect(r.error).toBeUndefined()
  const line = log.lines.find(l =>
    l.includes('rehearsed migrations/20260102000000_items_indexes.sql')
  )
  // Before: every lock, one by one, in the order read (a first migration's line ran to 6 kB).
  expect(line).toMatch(
    /holds AccessExclusiveLock on items_name_\d+_idx, [^;]* and 4 more; ShareLock on items; AccessShareLock on items_pkey$/
  )
  expect(line?.match(/items_name_\d+_idx/g)).toHaveLength(8)
})
