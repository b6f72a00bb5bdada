/**
 * Stand-in for pgvector 0.8.0 (extension `vector`), written from its documented SQL interface: the same type,
 * function, operator, cast, access method and operator class names and signatures, so migrations using
 * them apply. Nothing is computed: a vector is stored as the text it was written as, distances are 0.
 *
 * How it works without C code (Postgres allows these only to a superuser, hence `superuser = true`):
 * - the types reuse built-in internal functions: text I/O (textin/textout/textrecv/textsend) and the typmod
 *   parser of `bit` (bittypmodin stores n as is, so vector(1536) has atttypmod 1536 and prints as
 *   vector(1536), as pgvector's does); comparisons are the byte-wise ones of bytea;
 * - hnsw and ivfflat are index access methods with the hash handler, each operator class an equality
 *   operator plus a hash function, so `CREATE INDEX ... USING hnsw (embedding vector_cosine_ops)` builds a
 *   (hash) index. Gap: the hash handler rejects reloptions other than fillfactor, so `WITH (m = 16)`,
 *   `WITH (ef_construction = 64)` and ivfflat's `WITH (lists = 100)` fail with `unrecognized parameter`;
 *   no built-in handler (btree, hash, gist, gin, spgist, brin, bloom) accepts them, and new reloptions can
 *   only be registered from C;
 * - relocatable as pgvector is: no @extschema@, and every SQL function has a SQL-standard body (RETURN ...),
 *   which is bound to the objects at creation, so ALTER EXTENSION vector SET SCHEMA keeps them working.
 */

const IMMUTABLE = 'IMMUTABLE STRICT PARALLEL SAFE'

/** A function of the stand-in that is a built-in C function of the server (LANGUAGE internal). */
function internal(signature: string, returns: string, builtin: string): string {
  return `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE internal ${IMMUTABLE} AS '${builtin}';`
}

/** A SQL function with a SQL-standard body (bound at creation: survives SET SCHEMA). */
function sql(signature: string, returns: string, body: string): string {
  return `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql ${IMMUTABLE} RETURN ${body};`
}

/** The elements of a dense vector's text, '[1,2,3]' → {1,2,3} (text[]). */
const ELEMENTS = (arg: string): string => `string_to_array(btrim(${arg}::text, '[] '), ',')`

const ARRAY_TYPES = ['integer', 'real', 'double precision', 'numeric']

/** The I/O, comparison and btree parts every stand-in vector type has. */
function baseType(t: string, storage: 'extended' | 'external'): string[] {
  const ops: [string, string, string, string][] = [
    // operator, function, builtin, commutator/negator/selectivity
    [
      '<',
      'lt',
      'bytealt',
      'COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel'
    ],
    [
      '<=',
      'le',
      'byteale',
      'COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel'
    ],
    ['=', 'eq', 'byteaeq', 'COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel'],
    ['<>', 'ne', 'byteane', 'COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel'],
    [
      '>=',
      'ge',
      'byteage',
      'COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel'
    ],
    [
      '>',
      'gt',
      'byteagt',
      'COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel'
    ]
  ]
  return [
    `CREATE TYPE ${t};`,
    internal(`${t}_in(cstring, oid, integer)`, t, 'textin'),
    internal(`${t}_out(${t})`, 'cstring', 'textout'),
    internal(`${t}_typmod_in(cstring[])`, 'integer', 'bittypmodin'),
    internal(`${t}_recv(internal, oid, integer)`, t, 'textrecv'),
    internal(`${t}_send(${t})`, 'bytea', 'textsend'),
    `CREATE TYPE ${t} (INPUT = ${t}_in, OUTPUT = ${t}_out, TYPMOD_IN = ${t}_typmod_in, ` +
      `RECEIVE = ${t}_recv, SEND = ${t}_send, STORAGE = ${storage});`,
    ...ops.map(([, name, builtin]) => internal(`${t}_${name}(${t}, ${t})`, 'bool', builtin)),
    internal(`${t}_cmp(${t}, ${t})`, 'int4', 'byteacmp'),
    ...ops.map(
      ([op, name, , extra]) =>
        `CREATE OPERATOR ${op} (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_${name}, ${extra});`
    ),
    `CREATE OPERATOR CLASS ${t}_ops DEFAULT FOR TYPE ${t} USING btree AS OPERATOR 1 <, OPERATOR 2 <=, ` +
      `OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 ${t}_cmp(${t}, ${t});`,
    // Not in pgvector: the support function the hash-handled hnsw/ivfflat operator classes need.
    internal(`${t}_stand_in_hash(${t})`, 'integer', 'hashvarlena')
  ]
}

/** Distance functions and the four distance operators (all distances are 0). */
function distances(t: string, spherical: boolean): string[] {
  const zero = '0::float8'
  return [
    ...['l2_distance', 'inner_product', 'cosine_distance', 'l1_distance'].map(f =>
      sql(`${f}(${t}, ${t})`, 'float8', zero)
    ),
    sql(`${t}_l2_squared_distance(${t}, ${t})`, 'float8', zero),
    sql(`${t}_negative_inner_product(${t}, ${t})`, 'float8', zero),
    ...(spherical ? [sql(`${t}_spherical_distance(${t}, ${t})`, 'float8', zero)] : []),
    `CREATE OPERATOR <-> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = l2_distance, COMMUTATOR = '<->');`,
    `CREATE OPERATOR <#> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_negative_inner_product, COMMUTATOR = '<#>');`,
    `CREATE OPERATOR <=> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = cosine_distance, COMMUTATOR = '<=>');`,
    `CREATE OPERATOR <+> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = l1_distance, COMMUTATOR = '<+>');`
  ]
}

/** vector and halfvec: dense types with arithmetic, aggregates, dims, subvector, quantization. */
function dense(t: 'vector' | 'halfvec'): string[] {
  const norm = t === 'vector' ? 'vector_norm' : 'l2_norm'
  return [
    ...baseType(t, t === 'vector' ? 'extended' : 'external'),
    ...distances(t, true),
    sql(`vector_dims(${t})`, 'integer', `coalesce(cardinality(${ELEMENTS('$1')}), 0)`),
    sql(`${norm}(${t})`, 'float8', '0::float8'),
    sql(`l2_normalize(${t})`, t, '$1'),
    sql(`binary_quantize(${t})`, 'bit', `repeat('0', vector_dims($1))::varbit`),
    sql(
      `subvector(${t}, int, int)`,
      t,
      `('[' || array_to_string((${ELEMENTS('$1')})[$2:$2 + $3 - 1], ',') || ']')::${t}`
    ),
    sql(`${t}_add(${t}, ${t})`, t, '$1'),
    sql(`${t}_sub(${t}, ${t})`, t, '$1'),
    sql(`${t}_mul(${t}, ${t})`, t, '$1'),
    sql(
      `${t}_concat(${t}, ${t})`,
      t,
      `('[' || array_to_string(${ELEMENTS('$1')} || ${ELEMENTS('$2')}, ',') || ']')::${t}`
    ),
    `CREATE OPERATOR + (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_add, COMMUTATOR = +);`,
    `CREATE OPERATOR - (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_sub);`,
    `CREATE OPERATOR * (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_mul, COMMUTATOR = *);`,
    `CREATE OPERATOR || (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_concat);`,
    sql(`${t}_accum(double precision[], ${t})`, 'double precision[]', '$1'),
    sql(`${t}_avg(double precision[])`, t, `NULL::${t}`),
    sql(`${t}_combine(double precision[], double precision[])`, 'double precision[]', '$1'),
    `CREATE AGGREGATE avg(${t}) (SFUNC = ${t}_accum, STYPE = double precision[], FINALFUNC = ${t}_avg, ` +
      `COMBINEFUNC = ${t}_combine, INITCOND = '{0}', PARALLEL = SAFE);`,
    `CREATE AGGREGATE sum(${t}) (SFUNC = ${t}_add, STYPE = ${t}, COMBINEFUNC = ${t}_add, PARALLEL = SAFE);`,
    // Casts: the typmod coercion keeps the value (no dimension check), arrays go through the text form.
    sql(`${t}(${t}, integer, boolean)`, t, '$1'),
    `CREATE CAST (${t} AS ${t}) WITH FUNCTION ${t}(${t}, integer, boolean) AS IMPLICIT;`,
    ...ARRAY_TYPES.flatMap(a => [
      sql(
        `array_to_${t}(${a}[], integer, boolean)`,
        t,
        `('[' || array_to_string($1, ',') || ']')::${t}`
      ),
      `CREATE CAST (${a}[] AS ${t}) WITH FUNCTION array_to_${t}(${a}[], integer, boolean) AS ASSIGNMENT;`
    ]),
    sql(`${t}_to_float4(${t}, integer, boolean)`, 'real[]', `${ELEMENTS('$1')}::real[]`),
    `CREATE CAST (${t} AS real[]) WITH FUNCTION ${t}_to_float4(${t}, integer, boolean) AS ${
      t === 'vector' ? 'IMPLICIT' : 'ASSIGNMENT'
    };`
  ]
}

/** sparsevec: text form '{1:0.5,3:2}/5'. */
function sparse(): string[] {
  const t = 'sparsevec'
  const fromDense = (arg: string): string =>
    `(SELECT ('{' || coalesce(string_agg(i || ':' || btrim(v), ',' ORDER BY i) ` +
    `FILTER (WHERE btrim(v)::float8 <> 0), '') || '}/' || count(*))::sparsevec ` +
    `FROM unnest(${arg}) WITH ORDINALITY AS e(v, i))`
  const toDense = (target: string): string =>
    `(SELECT ('[' || string_agg(coalesce(m.v, '0'), ',' ORDER BY g) || ']')::${target} ` +
    `FROM generate_series(1, split_part($1::text, '/', 2)::int) AS g ` +
    `LEFT JOIN (SELECT split_part(p, ':', 1)::int AS i, split_part(p, ':', 2) AS v ` +
    `FROM unnest(string_to_array(btrim(split_part($1::text, '/', 1), '{} '), ',')) AS p) AS m ON m.i = g)`
  return [
    ...baseType(t, 'external'),
    ...distances(t, false),
    sql(`l2_norm(${t})`, 'float8', '0::float8'),
    sql(`l2_normalize(${t})`, t, '$1'),
    sql(`${t}(${t}, integer, boolean)`, t, '$1'),
    `CREATE CAST (${t} AS ${t}) WITH FUNCTION ${t}(${t}, integer, boolean) AS IMPLICIT;`,
    sql(`vector_to_sparsevec(vector, integer, boolean)`, t, fromDense(ELEMENTS('$1'))),
    sql(`sparsevec_to_vector(sparsevec, integer, boolean)`, 'vector', toDense('vector')),
    sql(`halfvec_to_sparsevec(halfvec, integer, boolean)`, t, fromDense(ELEMENTS('$1'))),
    sql(`sparsevec_to_halfvec(sparsevec, integer, boolean)`, 'halfvec', toDense('halfvec')),
    `CREATE CAST (sparsevec AS vector) WITH FUNCTION sparsevec_to_vector(sparsevec, integer, boolean) AS ASSIGNMENT;`,
    `CREATE CAST (vector AS sparsevec) WITH FUNCTION vector_to_sparsevec(vector, integer, boolean) AS IMPLICIT;`,
    `CREATE CAST (sparsevec AS halfvec) WITH FUNCTION sparsevec_to_halfvec(sparsevec, integer, boolean) AS ASSIGNMENT;`,
    `CREATE CAST (halfvec AS sparsevec) WITH FUNCTION halfvec_to_sparsevec(halfvec, integer, boolean) AS IMPLICIT;`,
    ...ARRAY_TYPES.flatMap(a => [
      sql(`array_to_sparsevec(${a}[], integer, boolean)`, t, fromDense('$1::text[]')),
      `CREATE CAST (${a}[] AS ${t}) WITH FUNCTION array_to_sparsevec(${a}[], integer, boolean) AS ASSIGNMENT;`
    ])
  ]
}

/** Operator classes of the (hash-handled) hnsw and ivfflat access methods, pgvector's names and defaults. */
function indexOperatorClasses(): string[] {
  const classes: [type: string, opclass: string, am: 'hnsw' | 'ivfflat', isDefault?: boolean][] = [
    ['vector', 'vector_l2_ops', 'ivfflat', true],
    ['vector', 'vector_ip_ops', 'ivfflat'],
    ['vector', 'vector_cosine_ops', 'ivfflat'],
    ['vector', 'vector_l2_ops', 'hnsw'],
    ['vector', 'vector_ip_ops', 'hnsw'],
    ['vector', 'vector_cosine_ops', 'hnsw'],
    ['vector', 'vector_l1_ops', 'hnsw'],
    ['halfvec', 'halfvec_l2_ops', 'ivfflat'],
    ['halfvec', 'halfvec_ip_ops', 'ivfflat'],
    ['halfvec', 'halfvec_cosine_ops', 'ivfflat'],
    ['halfvec', 'halfvec_l2_ops', 'hnsw'],
    ['halfvec', 'halfvec_ip_ops', 'hnsw'],
    ['halfvec', 'halfvec_cosine_ops', 'hnsw'],
    ['halfvec', 'halfvec_l1_ops', 'hnsw'],
    ['bit', 'bit_hamming_ops', 'ivfflat'],
    ['bit', 'bit_hamming_ops', 'hnsw'],
    ['bit', 'bit_jaccard_ops', 'hnsw'],
    ['sparsevec', 'sparsevec_l2_ops', 'hnsw'],
    ['sparsevec', 'sparsevec_ip_ops', 'hnsw'],
    ['sparsevec', 'sparsevec_cosine_ops', 'hnsw'],
    ['sparsevec', 'sparsevec_l1_ops', 'hnsw']
  ]
  return classes.map(
    ([t, name, am, isDefault]) =>
      `CREATE OPERATOR CLASS ${name} ${isDefault ? 'DEFAULT ' : ''}FOR TYPE ${t} USING ${am} AS ` +
      `OPERATOR 1 = (${t}, ${t}), FUNCTION 1 ${t}_stand_in_hash(${t});`
  )
}

export const VECTOR_SQL = [
  ...dense('vector'),
  ...dense('halfvec'),
  sql('halfvec_to_vector(halfvec, integer, boolean)', 'vector', '$1::text::vector'),
  sql('vector_to_halfvec(vector, integer, boolean)', 'halfvec', '$1::text::halfvec'),
  'CREATE CAST (halfvec AS vector) WITH FUNCTION halfvec_to_vector(halfvec, integer, boolean) AS ASSIGNMENT;',
  'CREATE CAST (vector AS halfvec) WITH FUNCTION vector_to_halfvec(vector, integer, boolean) AS IMPLICIT;',
  ...sparse(),
  // bit: pgvector adds distances and index support to the built-in type.
  sql('hamming_distance(bit, bit)', 'float8', '0::float8'),
  sql('jaccard_distance(bit, bit)', 'float8', '0::float8'),
  `CREATE OPERATOR <~> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = hamming_distance, COMMUTATOR = '<~>');`,
  `CREATE OPERATOR <%> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = jaccard_distance, COMMUTATOR = '<%>');`,
  internal('bit_stand_in_hash(bit)', 'integer', 'hashvarlena'),
  // The access methods: pgvector's names, the hash index handler of the server.
  "CREATE FUNCTION ivfflathandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';",
  'CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER ivfflathandler;',
  "COMMENT ON ACCESS METHOD ivfflat IS 'ivfflat index access method (migration-runbook stand-in: a hash index)';",
  "CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';",
  'CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;',
  "COMMENT ON ACCESS METHOD hnsw IS 'hnsw index access method (migration-runbook stand-in: a hash index)';",
  ...indexOperatorClasses()
].join('\n')
