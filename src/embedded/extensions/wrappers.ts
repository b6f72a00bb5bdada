/**
 * Stand-in for Supabase Wrappers 0.5.3 (extension `wrappers`): for each foreign data wrapper of the hosted
 * build, the handler, validator and meta functions under Wrappers' names (`<snake name>_fdw_handler`, ...),
 * plus the wrappers_fdw_stats table. So `CREATE FOREIGN DATA WRAPPER stripe_wrapper HANDLER
 * stripe_fdw_handler VALIDATOR stripe_fdw_validator`, `CREATE SERVER ... OPTIONS (...)` and
 * `CREATE FOREIGN TABLE` apply (the validator accepts any option).
 *
 * A handler must be a C function returning fdw_handler; the stand-in's is the server's built-in
 * fdw_handler_in, which raises "cannot accept a value of type fdw_handler" when called: querying a foreign
 * table fails at once, and nothing is ever contacted.
 */

/** Wrappers' FDWs in the hosted build (feature all_fdws of 0.5.3), by the snake-case prefix of their functions. */
const FDWS: [prefix: string, title: string][] = [
  ['airtable_fdw', 'Airtable'],
  ['auth0_fdw', 'Auth0'],
  ['big_query_fdw', 'BigQuery'],
  ['click_house_fdw', 'ClickHouse'],
  ['cognito_fdw', 'Cognito'],
  ['duckdb_fdw', 'DuckDB'],
  ['firebase_fdw', 'Firebase'],
  ['iceberg_fdw', 'Iceberg'],
  ['logflare_fdw', 'Logflare'],
  ['mssql_fdw', 'Mssql'],
  ['redis_fdw', 'Redis'],
  ['s3_fdw', 'S3'],
  ['stripe_fdw', 'Stripe'],
  ['wasm_fdw', 'Wasm']
]

export const WRAPPERS_VERSION = '0.5.3'

export const WRAPPERS_SQL = [
  `CREATE TABLE @extschema@.wrappers_fdw_stats (
  fdw_name text NOT NULL PRIMARY KEY,
  create_times bigint NULL,
  rows_in bigint NULL,
  rows_out bigint NULL,
  bytes_in bigint NULL,
  bytes_out bigint NULL,
  metadata jsonb NULL,
  created_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now()),
  updated_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now())
);`,
  "COMMENT ON TABLE @extschema@.wrappers_fdw_stats IS 'Wrappers Foreign Data Wrapper statistics';",
  ...FDWS.flatMap(([prefix, title]) => [
    `CREATE FUNCTION @extschema@.${prefix}_handler() RETURNS fdw_handler LANGUAGE internal STRICT AS 'fdw_handler_in';`,
    `CREATE FUNCTION @extschema@.${prefix}_validator(options text[], catalog oid) RETURNS void ` +
      'LANGUAGE plpgsql AS $$ BEGIN END $$;',
    `CREATE FUNCTION @extschema@.${prefix}_meta() RETURNS TABLE (name text, version text, author text, website text) ` +
      `LANGUAGE sql AS $$ SELECT '${title} FDW (migration-runbook stand-in)', '${WRAPPERS_VERSION}', ` +
      `'Supabase', 'https://github.com/supabase/wrappers' $$;`
  ])
].join('\n')
