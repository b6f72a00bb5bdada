/**
 * Stand-in for pg_graphql 1.5.11 (installed on every hosted Supabase project, in schema graphql: the control file
 * fixes it, as the real one does). `supabase db pull` writes `CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH
 * SCHEMA "graphql"` into every dump, and migrations set `@graphql(...)` comment directives on their tables. Here:
 * graphql.resolve with the real signature, answering with a GraphQL error (nothing is resolved),
 * graphql.comment_directive (reads the JSON of an `@graphql(...)` comment, as the real one does) and
 * graphql.exception.
 */
export const PG_GRAPHQL_SQL = String.raw`
CREATE FUNCTION graphql.exception(message text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING errcode = '22000', message = message;
END
$$;

CREATE FUNCTION graphql.comment_directive(comment_ text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT (pg_catalog.regexp_match(comment_, '@graphql\((.*)\)', 's'))[1]::jsonb
$$;

CREATE FUNCTION graphql.resolve(
  query text DEFAULT NULL, variables jsonb DEFAULT '{}', "operationName" text DEFAULT NULL,
  extensions jsonb DEFAULT NULL
) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.jsonb_build_object('data', NULL, 'errors', pg_catalog.jsonb_build_array(
    pg_catalog.jsonb_build_object('message', 'pg_graphql is a stand-in on this throwaway database: nothing is resolved')))
$$;

GRANT USAGE ON SCHEMA graphql TO public;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphql TO public;
`
