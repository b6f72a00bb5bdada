/**
 * Stand-in for PGroonga 3.2 (extension `pgroonga`, hosted Supabase's multilingual full-text search), written from its
 * reference manual: the v2 operators `&@` (a keyword) and `&@~` (a query) on text, varchar, text[] and jsonb, the
 * `pgroonga` index access method with the default operator classes of those types, and pgroonga_score,
 * pgroonga_highlight_html, pgroonga_snippet_html and pgroonga_query_escape. No Groonga runs: a match is a
 * case-insensitive substring of the whole query (its query language is not read), every score is 0, a highlight or
 * snippet is the text itself. The access method is the server's hash index (db/stand-in-index.ts leaves PGroonga's
 * WITH options out): one column per index, as the hash index takes; `USING pgroonga (title, body)` is refused.
 */
export const PGROONGA_VERSION = '3.2.5'

/** type, its match function's name and its right-hand type. */
const MATCHED: [string, string, string][] = [
  ['text', 'pgroonga_match_text', 'text'],
  ['varchar', 'pgroonga_match_varchar', 'varchar'],
  ['text[]', 'pgroonga_match_text_array', 'text'],
  ['jsonb', 'pgroonga_match_jsonb', 'text']
]

/** The text a match looks in, by type. */
const HAYSTACK: Record<string, string> = {
  text: 'target',
  varchar: 'target',
  'text[]': `pg_catalog.array_to_string(target, ' ')`,
  jsonb: 'target::text'
}

/** Operator classes: name, type, default, the equality and hash function the hash index needs. */
const CLASSES: [string, string, boolean, string, string][] = [
  [
    'pgroonga_text_full_text_search_ops_v2',
    'text',
    true,
    '= (text, text)',
    'pg_catalog.hashtext(text)'
  ],
  [
    'pgroonga_text_term_search_ops_v2',
    'text',
    false,
    '= (text, text)',
    'pg_catalog.hashtext(text)'
  ],
  ['pgroonga_text_regexp_ops_v2', 'text', false, '= (text, text)', 'pg_catalog.hashtext(text)'],
  [
    'pgroonga_varchar_term_search_ops_v2',
    'varchar',
    true,
    '= (text, text)',
    'pg_catalog.hashtext(text)'
  ],
  [
    'pgroonga_varchar_full_text_search_ops_v2',
    'varchar',
    false,
    '= (text, text)',
    'pg_catalog.hashtext(text)'
  ],
  [
    'pgroonga_text_array_full_text_search_ops_v2',
    'text[]',
    true,
    '= (anyarray, anyarray)',
    '@extschema@.pgroonga_stand_in_hash(text[])'
  ],
  [
    'pgroonga_text_array_term_search_ops_v2',
    'text[]',
    false,
    '= (anyarray, anyarray)',
    '@extschema@.pgroonga_stand_in_hash(text[])'
  ],
  ['pgroonga_jsonb_ops_v2', 'jsonb', true, '= (jsonb, jsonb)', 'pg_catalog.jsonb_hash(jsonb)'],
  [
    'pgroonga_jsonb_full_text_search_ops_v2',
    'jsonb',
    false,
    '= (jsonb, jsonb)',
    'pg_catalog.jsonb_hash(jsonb)'
  ]
]

export const PGROONGA_SQL = [
  ...MATCHED.map(
    ([type, fn, right]) =>
      `CREATE FUNCTION @extschema@.${fn}(target ${type}, query ${right}) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT pg_catalog.strpos(pg_catalog.lower(${HAYSTACK[type]}), pg_catalog.lower(query)) > 0
$$;`
  ),
  ...MATCHED.flatMap(([type, fn, right]) =>
    ['&@', '&@~'].map(
      op =>
        `CREATE OPERATOR @extschema@.${op} (LEFTARG = ${type}, RIGHTARG = ${right}, FUNCTION = @extschema@.${fn}, RESTRICT = contsel, JOIN = contjoinsel);`
    )
  ),
  `CREATE FUNCTION @extschema@.pgroonga_score(tableoid oid, ctid tid) RETURNS float8
  LANGUAGE sql VOLATILE AS $$ SELECT 0::float8 $$;`,
  `CREATE FUNCTION @extschema@.pgroonga_score("row" record) RETURNS float8
  LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN 0; END $$;`,
  `CREATE FUNCTION @extschema@.pgroonga_highlight_html(target text, keywords text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT target $$;`,
  `CREATE FUNCTION @extschema@.pgroonga_snippet_html(target text, keywords text[], width integer DEFAULT 200)
  RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[pg_catalog.left(target, width)] $$;`,
  `CREATE FUNCTION @extschema@.pgroonga_query_escape(query text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT query $$;`,
  `CREATE FUNCTION @extschema@.pgroonga_stand_in_hash(text[]) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.hashtext(pg_catalog.array_to_string($1, ' ')) $$;`,
  // The access method: PGroonga's name, the hash index handler of the server.
  `CREATE FUNCTION @extschema@.pgroonga_handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';`,
  'CREATE ACCESS METHOD pgroonga TYPE INDEX HANDLER @extschema@.pgroonga_handler;',
  "COMMENT ON ACCESS METHOD pgroonga IS 'pgroonga index access method (migration-runbook stand-in: a hash index)';",
  ...CLASSES.map(
    ([name, type, isDefault, eq, hash]) =>
      `CREATE OPERATOR CLASS @extschema@.${name} ${isDefault ? 'DEFAULT ' : ''}FOR TYPE ${type} USING pgroonga AS ` +
      `OPERATOR 1 ${eq}, FUNCTION 1 ${hash};`
  )
].join('\n')
