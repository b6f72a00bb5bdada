/**
 * Stand-ins for hypopg 1.4.1 and index_advisor 0.2.0, the pair the dashboard's Index Advisor enables (hosted
 * Supabase, schema extensions): `supabase db pull` writes both CREATE EXTENSIONs into the dumps of projects that
 * turned it on. Written from their documented interfaces. No hypothetical index is ever made: hypopg's functions
 * and its hypopg_list_indexes view exist and hold nothing, and index_advisor answers one row with its
 * error array saying so.
 */
export const HYPOPG_SQL = String.raw`
CREATE FUNCTION @extschema@.hypopg_create_index(sql_order text, OUT indexrelid oid, OUT indexname text)
  RETURNS SETOF record LANGUAGE sql VOLATILE AS $$
  SELECT NULL::oid, NULL::text WHERE false
$$;
CREATE FUNCTION @extschema@.hypopg(
  OUT indexname text, OUT indexrelid oid, OUT indrelid oid, OUT innatts integer, OUT indisunique boolean,
  OUT indkey int2vector, OUT indcollation oidvector, OUT indclass oidvector, OUT indoption oidvector,
  OUT indexprs pg_node_tree, OUT indpred pg_node_tree, OUT amid oid
) RETURNS SETOF record LANGUAGE sql VOLATILE AS $$
  SELECT NULL::text, NULL::oid, NULL::oid, NULL::integer, NULL::boolean, NULL::int2vector, NULL::oidvector,
         NULL::oidvector, NULL::oidvector, NULL::pg_node_tree, NULL::pg_node_tree, NULL::oid
   WHERE false
$$;
CREATE VIEW @extschema@.hypopg_list_indexes AS
  SELECT h.indexrelid, h.indexname AS index_name, NULL::name AS schema_name, NULL::name AS table_name,
         NULL::name AS am_name
    FROM @extschema@.hypopg() h;
CREATE FUNCTION @extschema@.hypopg_reset() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_reset_index() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_drop_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_relation_size(indexid oid) RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT NULL::bigint
$$;
CREATE FUNCTION @extschema@.hypopg_get_indexdef(indexid oid) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT NULL::text
$$;
CREATE FUNCTION @extschema@.hypopg_hide_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_unhide_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_unhide_all_indexes() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_hidden_indexes() RETURNS TABLE(indexid oid) LANGUAGE sql VOLATILE AS $$
  SELECT NULL::oid WHERE false
$$;
`

export const INDEX_ADVISOR_SQL = String.raw`
CREATE FUNCTION @extschema@.index_advisor(query text)
  RETURNS TABLE(
    startup_cost_before jsonb, startup_cost_after jsonb, total_cost_before jsonb, total_cost_after jsonb,
    index_statements text[], errors text[]
  ) LANGUAGE sql VOLATILE AS $$
  SELECT NULL::jsonb, NULL::jsonb, NULL::jsonb, NULL::jsonb, '{}'::text[],
         ARRAY['index_advisor is a stand-in on this throwaway database: no index is advised']
$$;
`
