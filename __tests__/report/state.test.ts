/**
 * readTableStates (pre-migration-state.txt, post-migration-*.txt): rows are counted in local tables only.
 * A foreign table's count calls the remote service or fails (no user mapping), a view's runs its query.
 */
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { readTableStates, renderTableStates } from '../../src/report/state.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('post_state')
  client = await db.client()
  await client.query(`
    CREATE EXTENSION postgres_fdw WITH SCHEMA extensions;
    CREATE SERVER stripe_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'stripe.invalid', dbname 'stripe');
    CREATE FOREIGN TABLE public.stripe_prices (id text, unit_amount bigint) SERVER stripe_server OPTIONS (table_name 'prices');
    CREATE TABLE public.prices (id text PRIMARY KEY, unit_amount bigint);
    INSERT INTO public.prices VALUES ('a', 1), ('b', 2);
    -- A view whose query fails when run: counting it would fail the read.
    CREATE VIEW public.price_ratios AS SELECT id, 1 / (unit_amount - unit_amount) AS r FROM public.prices;
    CREATE MATERIALIZED VIEW public.price_totals AS SELECT sum(unit_amount) AS total FROM public.prices;
    -- Partitioned, one partition local and one remote (archived rows kept elsewhere).
    CREATE TABLE public.events (id bigint, at date) PARTITION BY RANGE (at);
    CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    CREATE FOREIGN TABLE public.events_archive PARTITION OF public.events FOR VALUES FROM ('2000-01-01') TO ('2025-01-01')
      SERVER stripe_server OPTIONS (table_name 'events');
  `)
})

afterAll(async () => {
  await db.drop()
})

test('foreign tables, views, materialized views and tables with foreign partitions are not counted; local tables are', async () => {
  await expect(client.query('SELECT count(*) FROM public.stripe_prices')).rejects.toThrow(
    /user mapping not found/
  )
  const states = await readTableStates(client, [
    'public.prices',
    'public.stripe_prices',
    'public.price_ratios',
    'public.price_totals',
    'public.events'
  ])
  const by = Object.fromEntries(states.map(s => [s.table, s]))
  expect(by['public.prices']).toMatchObject({ kind: 'table', rows: 2, estimated: false })
  expect(by['public.stripe_prices']).toMatchObject({
    exists: true,
    kind: 'foreign table',
    notCounted: 'foreign table'
  })
  expect(by['public.stripe_prices'].rows).toBeUndefined()
  expect(by['public.price_ratios']).toMatchObject({ kind: 'view', notCounted: 'view' })
  expect(by['public.price_totals']).toMatchObject({ notCounted: 'materialized view' })
  expect(by['public.events']).toMatchObject({
    notCounted: 'partitioned table with foreign partitions or children'
  })
  const text = renderTableStates('Touched tables', states, {
    constraints: false,
    indexes: false,
    sizes: true
  })
  expect(text).toContain('public.stripe_prices: foreign table: not counted, ')
  expect(text).toContain('public.price_ratios: view: not counted, ')
  expect(text).toMatch(/public\.prices: 2 rows, /)
})

test('the small tables are counted in one round trip; one that refuses SELECT gets its own error, the rest their counts', async () => {
  await client.query(`
    CREATE TABLE public.fees (id int); INSERT INTO public.fees VALUES (1), (2), (3);
    CREATE TABLE public.secret_fees (id int);
    DO $$ BEGIN CREATE ROLE state_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    GRANT USAGE ON SCHEMA public TO state_reader;
    GRANT SELECT ON public.prices, public.fees TO state_reader;`)
  const sent: string[] = []
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const counting = {
    query: (...args: unknown[]) => {
      sent.push(String(args[0]))
      return query(...args)
    }
  } as unknown as pg.Client
  const tables = ['public.prices', 'public.fees', 'public.secret_fees']
  const states = await readTableStates(counting, tables)
  expect(states.map(s => s.rows)).toEqual([2, 3, 0])
  expect(sent.filter(q => q.includes('count(*)'))).toHaveLength(1)
  // Two round trips for all three tables: relations (with constraints and indexes), then the counts.
  expect(sent).toHaveLength(2)

  await client.query('SET ROLE state_reader')
  try {
    sent.length = 0
    const limited = await readTableStates(counting, tables)
    expect(limited.map(s => s.rows)).toEqual([2, 3, undefined])
    expect(limited[2].countError).toMatch(/permission denied for table secret_fees/)
  } finally {
    await client.query('RESET ROLE')
  }
})

test("each table's constraints and indexes, by name, with their kind and deferrability", async () => {
  await client.query(`
    CREATE TABLE public.st_parent (id int PRIMARY KEY);
    CREATE TABLE public.st_child (
      id int CONSTRAINT st_child_pk PRIMARY KEY,
      parent_id int CONSTRAINT st_child_fk REFERENCES public.st_parent (id) DEFERRABLE INITIALLY DEFERRED,
      qty int CONSTRAINT st_child_qty CHECK (qty > 0),
      code text CONSTRAINT st_child_code UNIQUE
    );
    CREATE INDEX st_child_a_idx ON public.st_child (qty);`)
  const [child, parent] = await readTableStates(client, ['public.st_child', 'public.st_parent'])
  expect(child.constraints).toEqual([
    {
      name: 'st_child_code',
      type: 'UNIQUE',
      definition: 'UNIQUE (code)',
      deferrable: 'NOT DEFERRABLE'
    },
    {
      name: 'st_child_fk',
      type: 'FOREIGN KEY',
      definition: 'FOREIGN KEY (parent_id) REFERENCES st_parent(id) DEFERRABLE INITIALLY DEFERRED',
      deferrable: 'DEFERRABLE INITIALLY DEFERRED'
    },
    {
      name: 'st_child_pk',
      type: 'PRIMARY KEY',
      definition: 'PRIMARY KEY (id)',
      deferrable: 'NOT DEFERRABLE'
    },
    {
      name: 'st_child_qty',
      type: 'CHECK',
      definition: 'CHECK ((qty > 0))',
      deferrable: 'NOT DEFERRABLE'
    }
  ])
  expect(child.indexes).toEqual([
    {
      name: 'st_child_a_idx',
      definition: 'CREATE INDEX st_child_a_idx ON public.st_child USING btree (qty)'
    },
    {
      name: 'st_child_code',
      definition: 'CREATE UNIQUE INDEX st_child_code ON public.st_child USING btree (code)'
    },
    {
      name: 'st_child_pk',
      definition: 'CREATE UNIQUE INDEX st_child_pk ON public.st_child USING btree (id)'
    }
  ])
  expect(parent.constraints.map(c => c.name)).toEqual(['st_parent_pkey'])
  expect(parent.indexes.map(i => i.name)).toEqual(['st_parent_pkey'])
  const text = renderTableStates('Touched tables', [child], {
    constraints: true,
    indexes: true,
    sizes: false
  })
  expect(text).toContain(
    '  constraint st_child_fk FOREIGN KEY: FOREIGN KEY (parent_id) REFERENCES st_parent(id) DEFERRABLE INITIALLY DEFERRED [DEFERRABLE INITIALLY DEFERRED]'
  )
})
