/**
 * A schema snapshot read straight from the catalogs (no pg_dump: it is often missing or of the wrong
 * major version on CI runners). One catalog query per object kind; objects sorted by key so two
 * snapshots of the same database are identical and survive a JSON round trip.
 */
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { queryBatch, quoteTextArray } from '../db/connect.js'

export type SchemaObjectKind =
  | 'schema'
  | 'extension'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'function'
  | 'policy'
  | 'trigger'
  | 'rls'
  | 'grant'
  | 'sequence'
  | 'view'
  | 'type'

export const SCHEMA_OBJECT_KINDS: readonly SchemaObjectKind[] = [
  'schema',
  'extension',
  'table',
  'column',
  'constraint',
  'index',
  'function',
  'policy',
  'trigger',
  'rls',
  'grant',
  'sequence',
  'view',
  'type'
]

export interface SchemaObject {
  kind: SchemaObjectKind
  /** Stable identity, e.g. 'constraint public.allocations.allocations_no_overlap'. */
  key: string
  schema: string
  table?: string
  name: string
  /** Canonical text, e.g. pg_get_constraintdef + ' DEFERRABLE INITIALLY IMMEDIATE'. */
  definition: string
  hash?: string
  /** Columns only: 1-based position among the table's live columns (order is compared per table). */
  position?: number
}

export interface SchemaSnapshot {
  takenAt: string
  serverVersion: string
  schemas: string[]
  /** Sorted by key (code-point order, independent of locale). */
  objects: SchemaObject[]
}

export interface SnapshotOptions {
  /** Only these schemas (those that exist). Default: every non-system schema. */
  schemas?: string[]
  /** Left out in addition to the tool's bookkeeping schemas. */
  excludeSchemas?: string[]
}

/** The tool's own bookkeeping: never part of the application's schema. */
export const BOOKKEEPING_SCHEMAS = ['supabase_migrations', 'migration_runbook']

const SYSTEM_SCHEMA = /^(pg_catalog|information_schema|pg_toast.*|pg_temp.*)$/

/** SQL fragment: the object (catalog `cls`, oid expression `oid`) does not belong to an extension. */
function notExtensionOwned(cls: string, oid: string): string {
  return `${oid} not in (select d.objid from pg_depend d where d.classid = '${cls}'::regclass and d.deptype = 'e')`
}

function checkNames(input: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string' || v.length === 0)) {
    throw new Error(
      `snapshotSchema option "${input}" must be an array of non-empty schema names, got ${JSON.stringify(value)}`
    )
  }
  return value as string[]
}

export async function snapshotSchema(
  client: pg.ClientBase,
  opts: SnapshotOptions = {}
): Promise<SchemaSnapshot> {
  try {
    return await takeSnapshot(client, opts)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (
      (code === NO_SUCH_PREPARED || code === PREPARED_ALREADY) &&
      preparedOn.get(client) !== 'off'
    ) {
      // The session is not the one that prepared them (a pooler hands out server sessions), or it lost them
      // (DISCARD ALL): plain statements on this client from now on.
      preparedOn.set(client, 'off')
      return takeSnapshot(client, opts)
    }
    throw err
  }
}

/** SQLSTATEs of EXECUTE of a name the session does not have, and of PREPARE of one it has. */
const NO_SUCH_PREPARED = '26000'
const PREPARED_ALREADY = '42P05'

/**
 * The snapshot's statements this session has PREPAREd, by name ('off': prepare nothing on this client). A run
 * snapshots two or three times on one session (before each migration, after them); prepared, the dozen
 * catalog queries are planned once: planning is 15-20 ms of a snapshot's 40-60 (measured with psql).
 * PREPARE is not transactional: a rollback, to a savepoint or of the transaction, keeps them.
 */
const preparedOn = new WeakMap<pg.ClientBase, Set<string> | 'off'>()

function preparedName(text: string): string {
  return `migration_runbook_snapshot_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`
}

async function takeSnapshot(client: pg.ClientBase, opts: SnapshotOptions): Promise<SchemaSnapshot> {
  const only = checkNames('schemas', opts.schemas)
  const exclude = new Set([
    ...BOOKKEEPING_SCHEMAS,
    ...(checkNames('excludeSchemas', opts.excludeSchemas) ?? [])
  ])
  return withPinnedSearchPath(client, (first, last) =>
    readSnapshot(client, first, schemaFilterSql(only, exclude), last)
  )
}

/** Which schemas a snapshot reads, as a condition on pg_namespace.nspname (one rule for both uses below). */
function schemaFilterSql(only: string[] | undefined, exclude: Set<string>): string {
  if (only) return `nspname = any(${quoteTextArray(only)})`
  return `nspname !~ '${SYSTEM_SCHEMA.source}' and nspname <> all(${quoteTextArray([...exclude])})`
}

/**
 * The schemas as an SQL expression (a text[]): the readers' `$1`. Computed on the server, in the snapshot's own
 * round trip, so the schema list needs no round trip of its own. An array expression (the cast), not a subquery:
 * `any(...)` of it compares with each element.
 */
function schemaListSql(filter: string): string {
  return `(select coalesce(array_agg(nspname::text), '{}') from pg_namespace where ${filter})::text[]`
}

const SAVEPOINT = 'migration_runbook_snapshot'

interface Rows {
  rows: Record<string, unknown>[]
}

/**
 * Deparsed expressions name objects relative to search_path, so it is pinned to pg_catalog while
 * reading: every session, whatever its settings, then reads the same fully qualified text. Inside
 * the caller's transaction the change is scoped by a savepoint (rolling back to it undoes SET LOCAL
 * and leaves the caller's transaction as it was); outside one, the reads run in a read-only
 * repeatable-read transaction of their own, which also gives them one consistent view.
 *
 * `read` gets the statements that open the scope (to send with its first query) and the ones that close it
 * (to send with its last); when it fails, they are sent on their own.
 */
async function withPinnedSearchPath<T>(
  client: pg.ClientBase,
  read: (first: string[], last: string[]) => Promise<T>
): Promise<T> {
  const pin = 'SET LOCAL search_path = pg_catalog'
  // pg knows from the server whether the session is in a transaction ('I' idle, 'T' in one).
  const status = (client as { getTransactionStatus?: () => string | null }).getTransactionStatus?.()
  let ownTransaction = status === 'I'
  let first: string[]
  if (status === 'I') first = ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', pin]
  else if (status === 'T') first = [`SAVEPOINT ${SAVEPOINT}`, pin]
  else {
    try {
      await client.query(`SAVEPOINT ${SAVEPOINT}`)
    } catch (err) {
      // 25P01 no_active_sql_transaction: not inside a transaction block
      if ((err as { code?: string }).code !== '25P01') throw err
      ownTransaction = true
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    }
    first = [pin]
  }
  const last = ownTransaction
    ? ['ROLLBACK']
    : [`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`, `RELEASE SAVEPOINT ${SAVEPOINT}`]
  try {
    return await read(first, last)
  } catch (err) {
    // The read's own error is the one worth reporting; the clean-up is best effort (and harmless when the
    // scope was never opened or is closed already: a warning, or an error that is dropped).
    await client.query(last.join('; ')).catch(() => undefined)
    throw err
  }
}

/** A Reader's query as written (`$1` is the schema list), run later in one batch with the others. */
interface DeferredQuery {
  text: string
  params: unknown[]
  resolve: (result: Rows) => void
  reject: (error: unknown) => void
}

/** `$1` of a reader's query replaced by the schema list's expression (the readers' only parameter). */
function inlined(q: DeferredQuery, schemaList: string): string {
  if (q.params.length === 0) return q.text
  if (q.params.length > 1 || q.params[0] !== SCHEMA_LIST)
    throw new Error('a snapshot reader takes one parameter, the schema list')
  // A function, not a string: "$'" in the expression (the regex's end) is not a replacement pattern.
  return q.text.replace(/\$1\b/g, () => schemaList)
}

/** What the readers are given for the schema list: their `$1`, filled in on the server (schemaListSql). */
const SCHEMA_LIST: string[] = []

async function readSnapshot(
  client: pg.ClientBase,
  first: string[],
  /** schemaFilterSql's condition. */
  schemaFilter: string,
  last: string[]
): Promise<SchemaSnapshot> {
  // Each reader runs one catalog query. They are collected first and sent in one round trip, with the
  // statements that open and close the read's scope, the server's version and the schemas.
  const deferred: DeferredQuery[] = []
  let sent = false
  const collecting = {
    query: (text: string, params: unknown[] = []) =>
      sent
        ? Promise.reject(new Error('a snapshot reader runs one query, before its first await'))
        : new Promise<Rows>((resolve, reject) => deferred.push({ text, params, resolve, reject }))
  } as unknown as pg.ClientBase
  const reading = READERS.map(read => read(collecting, SCHEMA_LIST))
  sent = true
  let head: { version: string; namespaces: { nspname: string; def: string }[] }
  try {
    // Each query as PREPARE and EXECUTE the first time on this session, as EXECUTE after.
    const schemaList = schemaListSql(schemaFilter)
    const texts = deferred.map(q => inlined(q, schemaList))
    const prepared = preparedOn.get(client)
    const sent: string[] = [
      ...first,
      "select current_setting('server_version') as version",
      `select nspname,
              format('CREATE SCHEMA %I AUTHORIZATION %I', nspname, pg_get_userbyid(nspowner)) as def
         from pg_namespace where ${schemaFilter}`
    ]
    const resultOf: number[] = []
    for (const text of texts) {
      if (prepared === 'off') {
        resultOf.push(sent.push(text) - 1)
        continue
      }
      const name = preparedName(text)
      if (!prepared?.has(name)) sent.push(`PREPARE ${name} AS ${text}`)
      resultOf.push(sent.push(`EXECUTE ${name}`) - 1)
    }
    const results = await queryBatch(client, [...sent, ...last])
    if (prepared !== 'off')
      preparedOn.set(client, new Set([...(prepared ?? []), ...texts.map(preparedName)]))
    head = {
      version: String(results[first.length].rows[0].version),
      namespaces: results[first.length + 1].rows as { nspname: string; def: string }[]
    }
    deferred.forEach((q, i) => q.resolve(results[resultOf[i]]))
  } catch (err) {
    for (const q of deferred) q.reject(err)
    await Promise.allSettled(reading)
    throw err
  }
  const schemas = head.namespaces.map(r => r.nspname).sort(byCodePoint)
  const objects: SchemaObject[] = head.namespaces.map(r => ({
    kind: 'schema',
    key: `schema ${r.nspname}`,
    schema: r.nspname,
    name: r.nspname,
    definition: r.def
  }))
  for (const found of await Promise.all(reading)) objects.push(...found)

  objects.sort((a, b) => byCodePoint(a.key, b.key))
  return {
    takenAt: new Date().toISOString(),
    serverVersion: head.version,
    schemas,
    objects
  }
}

type Reader = (client: pg.ClientBase, schemas: string[]) => Promise<SchemaObject[]>

/** Extensions are database-wide: all are listed, whatever schema they live in. */
const readExtensions: Reader = async client => {
  const { rows } = await client.query<{ extname: string; nspname: string; def: string }>(
    `select e.extname, n.nspname,
            format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L', e.extname, n.nspname, e.extversion)
              as def
       from pg_extension e join pg_namespace n on n.oid = e.extnamespace`
  )
  return rows.map(r => ({
    kind: 'extension',
    key: `extension ${r.extname}`,
    schema: r.nspname,
    name: r.extname,
    definition: r.def
  }))
}

interface TableRow {
  nspname: string
  relname: string
  qualified: string
  relkind: string
  relpersistence: string
  relrowsecurity: boolean
  relforcerowsecurity: boolean
  partkey: string | null
  parent: string | null
  bound: string | null
  inherits: string | null
  options: string | null
}

/** Tables (one object each, without columns) and their row level security flags. */
const readTables: Reader = async (client, schemas) => {
  const { rows } = await client.query<TableRow>(
    `select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            c.relkind::text as relkind, c.relpersistence::text as relpersistence, c.relrowsecurity, c.relforcerowsecurity,
            case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
            case when c.relispartition then
              (select format('%I.%I', pn.nspname, pc.relname)
                 from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                 join pg_namespace pn on pn.oid = pc.relnamespace
                where i.inhrelid = c.oid) end as parent,
            case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound,
            case when not c.relispartition then
              (select string_agg(format('%I.%I', pn.nspname, pc.relname), ', ' order by i.inhseqno)
                 from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                 join pg_namespace pn on pn.oid = pc.relnamespace
                where i.inhrelid = c.oid) end as inherits,
            array_to_string(c.reloptions, ', ') as options
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'f') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`,
    [schemas]
  )
  const out: SchemaObject[] = []
  for (const r of rows) {
    const qualified = r.qualified
    const prefix =
      r.relkind === 'f' ? 'FOREIGN TABLE' : r.relpersistence === 'u' ? 'UNLOGGED TABLE' : 'TABLE'
    let def = `CREATE ${prefix} ${qualified}`
    if (r.parent) def += ` PARTITION OF ${r.parent} ${r.bound ?? ''}`.trimEnd()
    if (r.inherits) def += ` INHERITS (${r.inherits})`
    if (r.partkey) def += ` PARTITION BY ${r.partkey}`
    if (r.options) def += ` WITH (${r.options})`
    const base = { schema: r.nspname, table: r.relname, name: r.relname }
    out.push({ kind: 'table', key: `table ${r.nspname}.${r.relname}`, ...base, definition: def })
    const rls = r.relrowsecurity ? 'ENABLE ROW LEVEL SECURITY' : 'DISABLE ROW LEVEL SECURITY'
    const force = r.relforcerowsecurity ? 'FORCE ROW LEVEL SECURITY' : 'NO FORCE ROW LEVEL SECURITY'
    out.push({
      kind: 'rls',
      key: `rls ${r.nspname}.${r.relname}`,
      ...base,
      definition: `ALTER TABLE ${qualified} ${rls}, ${force}`
    })
  }
  return out
}

interface ColumnRow {
  nspname: string
  relname: string
  attname: string
  qname: string
  pos: number
  typ: string
  coll: string | null
  attnotnull: boolean
  def: string | null
  attidentity: string
  attgenerated: string
}

const readColumns: Reader = async (client, schemas) => {
  const { rows } = await client.query<ColumnRow>(
    `select n.nspname, c.relname, a.attname, quote_ident(a.attname) as qname,
            (row_number() over (partition by a.attrelid order by a.attnum))::int as pos,
            format_type(a.atttypid, a.atttypmod) as typ,
            case when a.attcollation <> t.typcollation then
              (select format('%I.%I', cn.nspname, co.collname)
                 from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
                where co.oid = a.attcollation) end as coll,
            a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) as def, a.attidentity, a.attgenerated
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_type t on t.oid = a.atttypid
       left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'f')
        and n.nspname = any($1) and ${notExtensionOwned('pg_class', 'c.oid')}`,
    [schemas]
  )
  return rows.map(r => {
    let def = `${r.qname} ${r.typ}`
    if (r.coll) def += ` COLLATE ${r.coll}`
    if (r.attidentity === 'a') def += ' GENERATED ALWAYS AS IDENTITY'
    else if (r.attidentity === 'd') def += ' GENERATED BY DEFAULT AS IDENTITY'
    if (r.attgenerated === 's') def += ` GENERATED ALWAYS AS (${r.def}) STORED`
    else if (r.attgenerated === 'v') def += ` GENERATED ALWAYS AS (${r.def}) VIRTUAL`
    else if (r.def !== null) def += ` DEFAULT ${r.def}`
    if (r.attnotnull) def += ' NOT NULL'
    return {
      kind: 'column' as const,
      key: `column ${r.nspname}.${r.relname}.${r.attname}`,
      schema: r.nspname,
      table: r.relname,
      name: r.attname,
      definition: def,
      position: r.pos
    }
  })
}

interface ConstraintRow {
  nspname: string
  relname: string
  conname: string
  contype: string
  condeferrable: boolean
  condeferred: boolean
  def: string
}

/** What pg_get_constraintdef appends after the body: deferrability, then validity/enforcement. */
const CONSTRAINT_TAIL =
  /^([\s\S]*?)( DEFERRABLE)?( INITIALLY DEFERRED)?((?: NOT VALID| NOT ENFORCED| NOT DEFERRABLE)*)$/

/**
 * pg_get_constraintdef only mentions deferrability when it is not the default; the canonical text
 * always states it for constraints that can be deferred, so a change reads plainly in the diff.
 */
export function canonicalConstraintDef(
  def: string,
  contype: string,
  deferrable: boolean,
  deferred: boolean
): string {
  if (!['p', 'u', 'x', 'f'].includes(contype)) return def
  const m = CONSTRAINT_TAIL.exec(def)
  const body = m ? m[1] : def
  const rest = m ? m[4] : ''
  const timing = !deferrable
    ? ' NOT DEFERRABLE'
    : deferred
      ? ' DEFERRABLE INITIALLY DEFERRED'
      : ' DEFERRABLE INITIALLY IMMEDIATE'
  return body + timing + rest
}

/** NOT NULL constraints (pg_constraint rows since PG18) are left out: columns carry NOT NULL on every version. */
const readConstraints: Reader = async (client, schemas) => {
  const { rows } = await client.query<ConstraintRow>(
    `select n.nspname, c.relname, k.conname, k.contype::text as contype, k.condeferrable, k.condeferred,
            pg_get_constraintdef(k.oid) as def
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype <> 'n' and c.relkind in ('r', 'p', 'f') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`,
    [schemas]
  )
  return rows.map(r => ({
    kind: 'constraint' as const,
    key: `constraint ${r.nspname}.${r.relname}.${r.conname}`,
    schema: r.nspname,
    table: r.relname,
    name: r.conname,
    definition: canonicalConstraintDef(r.def, r.contype, r.condeferrable, r.condeferred)
  }))
}

const readIndexes: Reader = async (client, schemas) => {
  const { rows } = await client.query<{
    nspname: string
    tablename: string
    indexname: string
    def: string
    indisvalid: boolean
  }>(
    `select n.nspname, t.relname as tablename, i.relname as indexname,
            pg_get_indexdef(x.indexrelid) as def, x.indisvalid
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = i.relnamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_class', 't.oid')}`,
    [schemas]
  )
  return rows.map(r => ({
    kind: 'index' as const,
    key: `index ${r.nspname}.${r.tablename}.${r.indexname}`,
    schema: r.nspname,
    table: r.tablename,
    name: r.indexname,
    // An invalid index (a failed CREATE INDEX CONCURRENTLY) is not the same as a working one.
    definition: r.indisvalid ? r.def : `${r.def} /* INVALID */`
  }))
}

interface FunctionRow {
  nspname: string
  proname: string
  argtypes: string
  def: string
}

const readFunctions: Reader = async (client, schemas) => {
  const { rows } = await client.query<FunctionRow>(
    `select n.nspname, p.proname, oidvectortypes(p.proargtypes) as argtypes,
            case when p.prokind = 'a' then
              (select format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %s, STYPE = %s%s%s)',
                        n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),
                        ag.aggtransfn::regprocedure, format_type(ag.aggtranstype, null),
                        case when ag.aggfinalfn::oid <> 0
                          then ', FINALFUNC = ' || ag.aggfinalfn::regprocedure::text end,
                        case when ag.agginitval is not null
                          then ', INITCOND = ' || quote_literal(ag.agginitval) end)
                 from pg_aggregate ag where ag.aggfnoid = p.oid)
            else pg_get_functiondef(p.oid) end as def
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_proc', 'p.oid')}`,
    [schemas]
  )
  return rows.map(r => {
    const definition = r.def.trimEnd()
    return {
      kind: 'function' as const,
      key: `function ${r.nspname}.${r.proname}(${r.argtypes})`,
      schema: r.nspname,
      name: r.proname,
      definition,
      hash: createHash('sha256').update(definition).digest('hex')
    }
  })
}

const readViews: Reader = async (client, schemas) => {
  const { rows } = await client.query<{
    nspname: string
    relname: string
    qualified: string
    relkind: string
    def: string
    options: string | null
  }>(
    `select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            c.relkind::text as relkind, pg_get_viewdef(c.oid, true) as def,
            array_to_string(c.reloptions, ', ') as options
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('v', 'm') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`,
    [schemas]
  )
  return rows.map(r => {
    const what = r.relkind === 'm' ? 'MATERIALIZED VIEW' : 'VIEW'
    const withOpts = r.options ? ` WITH (${r.options})` : ''
    // pg_get_viewdef ends with ';': the statement terminator is the renderer's business.
    const query = r.def.trimEnd().replace(/;$/, '')
    const definition = `CREATE ${what} ${r.qualified}${withOpts} AS\n${query}`
    return {
      kind: 'view' as const,
      key: `view ${r.nspname}.${r.relname}`,
      schema: r.nspname,
      name: r.relname,
      definition,
      hash: createHash('sha256').update(definition).digest('hex')
    }
  })
}

interface SequenceRow {
  nspname: string
  relname: string
  qualified: string
  typ: string
  seqstart: string
  seqincrement: string
  seqmin: string
  seqmax: string
  seqcache: string
  seqcycle: boolean
  owned: string | null
}

/** Identity sequences are left out: the column's GENERATED ... AS IDENTITY says it. */
const readSequences: Reader = async (client, schemas) => {
  const { rows } = await client.query<SequenceRow>(
    `select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            format_type(s.seqtypid, null) as typ,
            s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text, s.seqcache::text,
            s.seqcycle,
            (select format('%I.%I.%I', tn.nspname, t.relname, a.attname)
               from pg_depend d
               join pg_class t on t.oid = d.refobjid
               join pg_namespace tn on tn.oid = t.relnamespace
               join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
              where d.classid = 'pg_class'::regclass and d.objid = c.oid
                and d.refclassid = 'pg_class'::regclass and d.deptype = 'a') as owned
       from pg_sequence s
       join pg_class c on c.oid = s.seqrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_class', 'c.oid')}
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and d.deptype = 'i')`,
    [schemas]
  )
  return rows.map(r => {
    let def =
      `CREATE SEQUENCE ${r.qualified} AS ${r.typ}` +
      ` INCREMENT BY ${r.seqincrement} MINVALUE ${r.seqmin} MAXVALUE ${r.seqmax}` +
      ` START WITH ${r.seqstart} CACHE ${r.seqcache}${r.seqcycle ? ' CYCLE' : ' NO CYCLE'}`
    if (r.owned) def += ` OWNED BY ${r.owned}`
    return {
      kind: 'sequence' as const,
      key: `sequence ${r.nspname}.${r.relname}`,
      schema: r.nspname,
      name: r.relname,
      definition: def
    }
  })
}

/** Enums, domains, standalone composite types and ranges (not row types, arrays or multiranges). */
const readTypes: Reader = async (client, schemas) => {
  const { rows } = await client.query<{ nspname: string; typname: string; def: string }>(
    `select n.nspname, t.typname,
            case t.typtype
              when 'e' then format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname,
                (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                   from pg_enum e where e.enumtypid = t.oid))
              when 'd' then format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname,
                  format_type(t.typbasetype, t.typtypmod))
                || coalesce(' DEFAULT ' || t.typdefault, '')
                || case when t.typnotnull then ' NOT NULL' else '' end
                || coalesce((select string_agg(format(' CONSTRAINT %I %s', k.conname,
                                pg_get_constraintdef(k.oid)), '' order by k.conname)
                               from pg_constraint k where k.contypid = t.oid and k.contype <> 'n'), '')
              when 'r' then format('CREATE TYPE %I.%I AS RANGE (SUBTYPE = %s)', n.nspname, t.typname,
                (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid))
              else format('CREATE TYPE %I.%I AS (%s)', n.nspname, t.typname,
                (select string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)),
                                   ', ' order by a.attnum)
                   from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0
                    and not a.attisdropped))
            end as def
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = any($1)
        and (t.typtype in ('e', 'd', 'r')
             or (t.typtype = 'c' and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
        and ${notExtensionOwned('pg_type', 't.oid')}`,
    [schemas]
  )
  return rows.map(r => ({
    kind: 'type' as const,
    key: `type ${r.nspname}.${r.typname}`,
    schema: r.nspname,
    name: r.typname,
    definition: r.def
  }))
}

const POLICY_COMMANDS: Record<string, string> = {
  '*': 'ALL',
  r: 'SELECT',
  a: 'INSERT',
  w: 'UPDATE',
  d: 'DELETE'
}

const readPolicies: Reader = async (client, schemas) => {
  const { rows } = await client.query<{
    nspname: string
    relname: string
    polname: string
    head: string
    polpermissive: boolean
    polcmd: string
    roles: string
    qual: string | null
    chk: string | null
  }>(
    `select n.nspname, c.relname, p.polname,
            format('CREATE POLICY %I ON %I.%I', p.polname, n.nspname, c.relname) as head,
            p.polpermissive, p.polcmd::text as polcmd,
            (select string_agg(x.name, ', ' order by x.name)
               from (select case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end
                              as name
                       from unnest(p.polroles) as r) x) as roles,
            pg_get_expr(p.polqual, p.polrelid) as qual,
            pg_get_expr(p.polwithcheck, p.polrelid) as chk
       from pg_policy p
       join pg_class c on c.oid = p.polrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1)`,
    [schemas]
  )
  return rows.map(r => {
    let def =
      r.head +
      ` AS ${r.polpermissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${POLICY_COMMANDS[r.polcmd] ?? r.polcmd}` +
      ` TO ${r.roles}`
    if (r.qual !== null) def += ` USING (${r.qual})`
    if (r.chk !== null) def += ` WITH CHECK (${r.chk})`
    return {
      kind: 'policy' as const,
      key: `policy ${r.nspname}.${r.relname}.${r.polname}`,
      schema: r.nspname,
      table: r.relname,
      name: r.polname,
      definition: def
    }
  })
}

const TRIGGER_STATE: Record<string, string> = {
  O: '',
  D: ' /* DISABLED */',
  R: ' /* ENABLE REPLICA */',
  A: ' /* ENABLE ALWAYS */'
}

/** User triggers only: internal ones (foreign keys, deferred uniqueness) belong to their constraint. */
const readTriggers: Reader = async (client, schemas) => {
  const { rows } = await client.query<{
    nspname: string
    relname: string
    tgname: string
    def: string
    tgenabled: string
  }>(
    `select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid) as def,
            t.tgenabled::text as tgenabled
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`,
    [schemas]
  )
  return rows.map(r => ({
    kind: 'trigger' as const,
    key: `trigger ${r.nspname}.${r.relname}.${r.tgname}`,
    schema: r.nspname,
    table: r.relname,
    name: r.tgname,
    definition: r.def + (TRIGGER_STATE[r.tgenabled] ?? ` /* tgenabled=${r.tgenabled} */`)
  }))
}

interface GrantRow {
  objtype: string
  nspname: string
  relname: string | null
  target: string
  objkey: string
  grantee: string
  privs: string
  grantable: string | null
}

/**
 * Explicit privileges on schemas, relations, columns and functions, one object per (object,
 * grantee). The owner's own implicit rights are left out: they appear in the ACL as soon as
 * anyone else is granted something and would read as noise.
 */
const readGrants: Reader = async (client, schemas) => {
  const grantee = `case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end`
  const privs = `string_agg(a.privilege_type, ', ' order by a.privilege_type) as privs,
            string_agg(case when a.is_grantable then a.privilege_type end, ', '
                       order by a.privilege_type) as grantable`
  const { rows } = await client.query<GrantRow>(
    `select 'SCHEMA' as objtype, n.nspname, null as relname, quote_ident(n.nspname) as target,
            'schema ' || n.nspname as objkey, ${grantee} as grantee, ${privs}
       from pg_namespace n, aclexplode(n.nspacl) a
      where n.nspname = any($1) and a.grantee <> n.nspowner
      group by n.nspname, a.grantee
     union all
     select case when c.relkind = 'S' then 'SEQUENCE' else 'TABLE' end, n.nspname, c.relname,
            format('%I.%I', n.nspname, c.relname),
            case when c.relkind = 'S' then 'sequence ' when c.relkind in ('v', 'm') then 'view '
                 else 'table ' end || n.nspname || '.' || c.relname,
            ${grantee}, ${privs}
       from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
      where c.relacl is not null and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and n.nspname = any($1)
        and a.grantee <> c.relowner and ${notExtensionOwned('pg_class', 'c.oid')}
      group by c.relkind, n.nspname, c.relname, a.grantee
     union all
     select 'COLUMN', n.nspname, c.relname, format('%I.%I(%I)', n.nspname, c.relname, att.attname),
            'column ' || n.nspname || '.' || c.relname || '.' || att.attname, ${grantee}, ${privs}
       from pg_attribute att
       join pg_class c on c.oid = att.attrelid
       join pg_namespace n on n.oid = c.relnamespace, aclexplode(att.attacl) a
      where att.attacl is not null and not att.attisdropped and n.nspname = any($1)
        and a.grantee <> c.relowner and ${notExtensionOwned('pg_class', 'c.oid')}
      group by n.nspname, c.relname, att.attname, a.grantee
     union all
     select case when p.prokind = 'p' then 'PROCEDURE' else 'FUNCTION' end, n.nspname, null,
            format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)),
            'function ' || n.nspname || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
            ${grantee}, ${privs}
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace, aclexplode(p.proacl) a
      where p.proacl is not null and n.nspname = any($1) and a.grantee <> p.proowner
        and ${notExtensionOwned('pg_proc', 'p.oid')}
      group by p.prokind, n.nspname, p.proname, p.proargtypes, a.grantee`,
    [schemas]
  )
  return rows.map(r => {
    const on =
      r.objtype === 'COLUMN'
        ? columnGrantTarget(r.target, r.privs)
        : `${r.privs} ON ${r.objtype} ${r.target}`
    let def = `GRANT ${on} TO ${r.grantee}`
    if (r.grantable) def += ` /* WITH GRANT OPTION: ${r.grantable} */`
    const obj: SchemaObject = {
      kind: 'grant',
      key: `grant ${r.objkey} to ${r.grantee}`,
      schema: r.nspname,
      name: `${r.objkey} to ${r.grantee}`,
      definition: def
    }
    if (r.relname !== null) obj.table = r.relname
    return obj
  })
}

/** 's.t(c)' + 'SELECT, UPDATE' -> 'SELECT (c), UPDATE (c) ON TABLE s.t' */
function columnGrantTarget(target: string, privs: string): string {
  const open = target.lastIndexOf('(')
  const table = target.slice(0, open)
  const column = target.slice(open + 1, -1)
  const list = privs
    .split(', ')
    .map(p => `${p} (${column})`)
    .join(', ')
  return `${list} ON TABLE ${table}`
}

const READERS: Reader[] = [
  readExtensions,
  readTypes,
  readSequences,
  readTables,
  readColumns,
  readConstraints,
  readIndexes,
  readViews,
  readFunctions,
  readPolicies,
  readTriggers,
  readGrants
]

/**
 * Finds an object by kind and name. `name` may be the bare name, 'schema.name', or the key without
 * its kind ('public.t.c'); `table` narrows it to one table (bare or schema-qualified).
 */
export function findObject(
  s: SchemaSnapshot,
  kind: SchemaObjectKind,
  name: string,
  table?: string
): SchemaObject | undefined {
  return s.objects.find(
    o =>
      o.kind === kind &&
      (o.name === name || `${o.schema}.${o.name}` === name || o.key === `${kind} ${name}`) &&
      (table === undefined || o.table === table || `${o.schema}.${o.table}` === table)
  )
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
