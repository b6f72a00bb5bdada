/**
 * Shadow copies for the rehearsal: a statement that would lock an existing table more than ROW EXCLUSIVE runs
 * on a copy of the table in a scratch schema instead, inside the rehearsal's rolled-back transaction. Making the
 * copy only reads the live table (ACCESS SHARE), which no writer waits on.
 *
 * The copy has the table's columns, defaults, CHECK and NOT NULL constraints (LIKE ... INCLUDING ALL EXCLUDING
 * INDEXES), its rows (or a TABLESAMPLE of about `maxRows` of them), then its primary key, unique and exclusion
 * constraints, indexes and triggers under their own names, built after the rows are in (a bulk build, as a
 * restore does). Foreign keys come along NOT VALID when they point at the table itself or at a table already
 * shadowed; any other foreign key gets a stand-in of the same name (CHECK (true) NOT VALID), because a real one
 * would lock the live table it references until the rollback. Dropping, renaming or validating the constraint
 * then works on the copy as on the live table. Policies are not copied.
 *
 * Statements are redirected by rewriting the parse tree (RangeVars and DROP's name lists) and deparsing it.
 */
import type pg from 'pg'
import { lockedRelation, statementLocks, LOCK_MODES } from '../lint/locks.js'
import { queryBatch, quoteIdent, quoteTextArray } from '../db/connect.js'
import { regclassName } from '../db/sessions.js'
import {
  deparse,
  loadDeparser,
  parseSql,
  qualifiedName,
  walk,
  type AstNode
} from '../sql/parser.js'

/** Locks stronger than this on a live table make a statement run on the shadow. */
const WRITERS_LOCK = LOCK_MODES.indexOf('RowExclusiveLock')

export interface ShadowTable {
  /** schema.name of the live table. */
  live: string
  shadowSchema: string
  name: string
  /** Rows of the live table (count(*), or the planner's estimate for a very large table). */
  liveRows: number
  /** Rows copied into the shadow. */
  rows: number
  /** The columns a copy is written through (not generated), in table order. */
  columns: string[]
  sampled: boolean
  /** TABLESAMPLE SYSTEM percentage when sampled. */
  percent?: number
  copyMs: number
}

/** The rehearsal's shadows: live relation (table or one of its indexes) -> where its shadow is. */
export interface ShadowState {
  schema: string
  created: boolean
  tables: Map<string, ShadowTable>
  /** schema.name of live tables and their indexes -> the shadow's (same name, scratch schema). */
  redirects: Map<string, { schema: string; name: string }>
  /** Plain tables that existed before the rehearsal: the pending migrations' own tables need no shadow. */
  existing: Set<number>
  /**
   * Names (relname, as stored) of the relations outside the system schemas before the rehearsal: a statement that
   * names none of them cannot lock an existing table, so it needs no catalog lookup (see mayLockExisting).
   */
  existingNames: Set<string>
}

/** Reads the session's pid and the existing tables; call before the rehearsal's first statement. */
export async function newShadowState(client: pg.ClientBase): Promise<ShadowState> {
  const res = await client.query(
    `SELECT pg_backend_pid() AS pid,
            coalesce((SELECT array_agg(oid::int8) FROM pg_class WHERE relkind = 'r'), '{}') AS oids,
            coalesce((SELECT array_agg(DISTINCT c.relname::text) FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                         AND n.nspname NOT LIKE 'pg_toast%'), '{}') AS names`
  )
  const { pid, oids, names } = res.rows[0]
  return {
    // One schema per session: two validates at once must not wait on each other's uncommitted schema.
    schema: `mr_shadow_${pid}`,
    created: false,
    tables: new Map(),
    redirects: new Map(),
    existing: new Set((oids as string[]).map(Number)),
    existingNames: new Set(names as string[])
  }
}

const quoteQualified = (schema: string, name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`

/** A table lock a statement takes, with the table resolved (an index's lock is its table's). */
export interface LockedTable {
  table: string
  lock: string
  oid: number
  schema: string
  name: string
  /** The planner's row estimate (pg_class.reltuples; -1 when never analyzed), read with the lookup. */
  estimate: number
}

/**
 * The existing plain tables the statement would lock more than ROW EXCLUSIVE (what writers would wait on),
 * strongest first. Tables created by the pending migrations are not in the catalog yet and need no shadow.
 */
export async function lockedTables(
  client: pg.ClientBase,
  ast: AstNode,
  /** Statements of the tool's own (SETs) sent first, in the same round trip. */
  before: readonly string[] = []
): Promise<LockedTable[]> {
  const wanted = strongLocks(ast)
  if (wanted.length === 0) {
    if (before.length > 0) await client.query(before.join(';\n'))
    return []
  }
  // One round trip for every name (a remote database costs a round trip per query, not per row), and for the
  // statements before it: the names as literals then, as a simple-protocol batch takes no parameters.
  const names = quoteTextArray(wanted.map(w => regclassName(w.name)))
  const isIndex = `'{${wanted.map(w => (w.isIndex ? 't' : 'f')).join(',')}}'::bool[]`
  const lookup = `SELECT w.ord, c.oid, n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS estimate
       FROM unnest(${names}, ${isIndex}) WITH ORDINALITY AS w(name, is_index, ord)
       JOIN pg_class c ON c.oid = CASE WHEN w.is_index
                                       THEN (SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass(w.name))
                                       ELSE to_regclass(w.name) END
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r'
      ORDER BY w.ord`
  const res = (await queryBatch(client, [...before, lookup])).at(-1) as pg.QueryResult
  const out: LockedTable[] = []
  for (const r of res.rows) {
    const table = `${r.schema}.${r.name}`
    if (!out.some(o => o.table === table))
      out.push({
        table,
        lock: wanted[Number(r.ord) - 1].lock,
        oid: Number(r.oid),
        schema: r.schema,
        name: r.name,
        estimate: Number(r.estimate)
      })
  }
  return out.sort(
    (a, b) => LOCK_MODES.indexOf(b.lock as never) - LOCK_MODES.indexOf(a.lock as never)
  )
}

/** The relations a statement locks more than ROW EXCLUSIVE, as written (an index's lock is its table's). */
function strongLocks(ast: AstNode): { name: string; isIndex: boolean; lock: string }[] {
  return statementLocks(ast)
    .filter(l => LOCK_MODES.indexOf(l.lock) > WRITERS_LOCK)
    .map(l => ({ ...lockedRelation(l), lock: l.lock }))
}

/**
 * Whether the statement may lock a relation that existed before the rehearsal more than ROW EXCLUSIVE, judged
 * from the parse tree and the names read at the start: false means lockedTables would find nothing, without a
 * round trip. Conservative: a name matches on its relname alone, whatever the schema.
 */
export function mayLockExisting(ast: AstNode, state: ShadowState): boolean {
  // Every tail after a dot: a schema or table name may itself hold a dot.
  const tails = (name: string) => name.split('.').map((_, i, parts) => parts.slice(i).join('.'))
  return strongLocks(ast).some(({ name }) => tails(name).some(t => state.existingNames.has(t)))
}

/** Rows of a table: count(*) unless the planner already knows it is far larger than what we would copy. */
export async function countRows(
  client: pg.ClientBase,
  table: Pick<LockedTable, 'schema' | 'name' | 'estimate'>,
  maxRows: number
): Promise<number> {
  // The estimate and the name came with the lookup: one round trip here at most.
  if (table.estimate > 5 * maxRows) return Math.round(table.estimate)
  const res = await client.query(
    `SELECT count(*)::float8 AS n FROM ${quoteQualified(table.schema, table.name)}`
  )
  return Number(res.rows[0].n)
}

/** A CREATE INDEX / CREATE TRIGGER definition from the catalog, moved onto the shadow table. */
function onShadow(definition: string, schema: string, name: string): string {
  const [stmt] = parseSql(definition).statements
  if (!stmt) throw new Error(`could not parse the catalog's definition: ${definition}`)
  // Parse results are shared (and frozen): rewrite a copy.
  const ast = structuredClone(stmt.ast)
  const node = ast.IndexStmt ?? ast.CreateTrigStmt
  node.relation.schemaname = schema
  node.relation.relname = name
  return deparse(ast)
}

/**
 * Creates the shadow of one live table (the scratch schema on first use) and registers it and its indexes
 * for redirection. Only reads the live table.
 */
export async function createShadow(
  client: pg.ClientBase,
  state: ShadowState,
  t: LockedTable,
  maxRows: number
): Promise<ShadowTable> {
  const t0 = performance.now()
  // The copy's indexes and the statements redirected to it are deparsed.
  await loadDeparser()
  if (!state.created) {
    await client.query(`CREATE SCHEMA ${quoteIdent(state.schema)}`)
    state.created = true
  }
  const live = quoteQualified(t.schema, t.name)
  const shadow = quoteQualified(state.schema, t.name)
  const liveRows = await countRows(client, t, maxRows)
  await client.query(`CREATE TABLE ${shadow} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`)
  const cols = await client.query(
    `SELECT array_agg(attname::text ORDER BY attnum) AS names FROM pg_attribute
      WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
    [t.oid]
  )
  const columns = cols.rows[0].names as string[]
  const list = columns.map(quoteIdent).join(', ')
  const sampled = liveRows > maxRows
  // SYSTEM reads whole pages: about maxRows rows for a fraction of a full scan. REPEATABLE: the same sample.
  const percent = sampled ? Math.min(100, (100 * maxRows) / liveRows) : undefined
  const from = sampled ? `${live} TABLESAMPLE SYSTEM (${percent}) REPEATABLE (1)` : live
  const copied = await client.query(
    `INSERT INTO ${shadow} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${from}`
  )
  const constraints = await client.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1 AND contype IN ('p', 'u', 'x') ORDER BY conname`,
    [t.oid]
  )
  for (const c of constraints.rows)
    await client.query(`ALTER TABLE ${shadow} ADD CONSTRAINT ${quoteIdent(c.conname)} ${c.def}`)
  await copyForeignKeys(client, state, t, shadow)
  const indexes = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def,
            (SELECT relname FROM pg_class WHERE oid = i.indexrelid) AS relname,
            EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                      AND k.contype IN ('p', 'u', 'x')) AS of_constraint
       FROM pg_index i WHERE i.indrelid = $1 ORDER BY 1`,
    [t.oid]
  )
  for (const ix of indexes.rows) {
    if (!ix.of_constraint) await client.query(onShadow(ix.def, state.schema, t.name))
    state.redirects.set(`${t.schema}.${ix.relname}`, { schema: state.schema, name: ix.relname })
  }
  const triggers = await client.query(
    `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal`,
    [t.oid]
  )
  for (const tr of triggers.rows) await client.query(onShadow(tr.def, state.schema, t.name))
  const result: ShadowTable = {
    live: t.table,
    shadowSchema: state.schema,
    name: t.name,
    liveRows,
    rows: copied.rowCount ?? 0,
    columns,
    sampled,
    percent,
    copyMs: Math.round(performance.now() - t0)
  }
  state.tables.set(t.table, result)
  state.redirects.set(t.table, { schema: state.schema, name: t.name })
  return result
}

/** The table's own foreign keys on its shadow: see the module comment. */
async function copyForeignKeys(
  client: pg.ClientBase,
  state: ShadowState,
  t: LockedTable,
  shadow: string
): Promise<void> {
  const fks = await client.query(
    `SELECT k.conname, pg_get_constraintdef(k.oid) AS def, k.confrelid = k.conrelid AS self,
            n.nspname || '.' || c.relname AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.conrelid = $1 AND k.contype = 'f' ORDER BY k.conname`,
    [t.oid]
  )
  for (const fk of fks.rows) {
    const name = quoteIdent(fk.conname)
    const parent = fk.self
      ? { schema: state.schema, name: t.name }
      : state.tables.has(fk.parent)
        ? state.redirects.get(fk.parent)
        : undefined
    if (!parent) {
      await client.query(`ALTER TABLE ${shadow} ADD CONSTRAINT ${name} CHECK (true) NOT VALID`)
      continue
    }
    const [stmt] = parseSql(`ALTER TABLE ${shadow} ADD CONSTRAINT ${name} ${fk.def}`).statements
    if (!stmt) throw new Error(`could not parse the catalog's definition: ${fk.def}`)
    // Parse results are shared (and frozen): rewrite a copy.
    const ast = structuredClone(stmt.ast)
    walk(ast, (key, value) => {
      if (key === 'Constraint' && value.contype === 'CONSTR_FOREIGN') {
        value.pktable.schemaname = parent.schema
        value.pktable.relname = parent.name
        // The copy (maybe a sample) is not checked against its parent's copy: NOT VALID.
        value.skip_validation = true
        value.initially_valid = false
      }
    })
    await client.query(deparse(ast))
  }
}

const columnNames = (items: AstNode[] | undefined): string[] =>
  (items ?? []).map(i => i.String?.sval as string)

/**
 * A sampled parent's copy lacks most rows a child's copy references, so adding or validating a foreign key
 * between copies would fail where the live tables pass. Before such a statement, the parent's copy gets the
 * live rows the child's copy references (read from the live parent: ACCESS SHARE only), its triggers off.
 */
export async function completeForeignKeyParents(
  client: pg.ClientBase,
  ast: AstNode,
  state: ShadowState
): Promise<void> {
  const alter = ast.AlterTableStmt
  if (!alter?.relation) return
  const child = state.tables.get(qualifiedName(alter.relation))
  if (!child) return
  const childShadow = quoteQualified(child.shadowSchema, child.name)
  for (const cmd of alter.cmds ?? []) {
    const c = cmd.AlterTableCmd
    let link: { parent: string; childCols: string[]; parentCols: string[] } | undefined
    const con = c?.def?.Constraint
    if (c?.subtype === 'AT_AddConstraint' && con?.contype === 'CONSTR_FOREIGN') {
      link = {
        parent: qualifiedName(con.pktable),
        childCols: columnNames(con.fk_attrs),
        parentCols: columnNames(con.pk_attrs)
      }
    } else if (c?.subtype === 'AT_ValidateConstraint') {
      const res = await client.query(
        `SELECT n.nspname || '.' || p.relname AS parent,
                array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS child_cols,
                array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS parent_cols
           FROM pg_constraint k JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = p.relnamespace
          WHERE k.conrelid = to_regclass($1) AND k.conname = $2 AND k.contype = 'f'`,
        [childShadow, c.name]
      )
      const r = res.rows[0]
      // The parent is already the copy here: find which live table it stands for.
      const parent =
        r && [...state.tables.values()].find(t => `${t.shadowSchema}.${t.name}` === r.parent)
      if (parent) link = { parent: parent.live, childCols: r.child_cols, parentCols: r.parent_cols }
    }
    const parent = link && state.tables.get(link.parent)
    if (!link || !parent?.sampled) continue
    await topUpParent(client, childShadow, link.childCols, parent, link.parentCols)
  }
}

async function topUpParent(
  client: pg.ClientBase,
  childShadow: string,
  childCols: string[],
  parent: ShadowTable,
  parentColsGiven: string[]
): Promise<void> {
  const [schema, name] = [parent.live.slice(0, parent.live.indexOf('.')), parent.name]
  const live = quoteQualified(schema, name)
  const copy = quoteQualified(parent.shadowSchema, parent.name)
  const parentCols =
    parentColsGiven.length > 0
      ? parentColsGiven
      : ((
          await client.query(
            `SELECT array(SELECT a.attname::text FROM pg_constraint k, unnest(k.conkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
                          WHERE k.conrelid = to_regclass($1) AND k.contype = 'p' ORDER BY u.o) AS cols`,
            [live]
          )
        ).rows[0].cols as string[])
  if (parentCols.length === 0 || parentCols.length !== childCols.length) return
  const names = parent.columns
  const on = (alias: string, columns: string[]) =>
    columns.map(n => `${alias}.${quoteIdent(n)}`).join(', ')
  await client.query(`ALTER TABLE ${copy} DISABLE TRIGGER USER`)
  const added = await client.query(
    `INSERT INTO ${copy} (${names.map(quoteIdent).join(', ')}) OVERRIDING SYSTEM VALUE
     SELECT ${on('p', names)} FROM ${live} p
      WHERE (${on('p', parentCols)}) IN (SELECT ${on('c', childCols)} FROM ${childShadow} c)
        AND NOT EXISTS (SELECT 1 FROM ${copy} q WHERE (${on('q', parentCols)}) = (${on('p', parentCols)}))`
  )
  await client.query(`ALTER TABLE ${copy} ENABLE TRIGGER USER`)
  parent.rows += added.rowCount ?? 0
}

/** DROP's object lists (["public", "items"] or ["items"]) name tables and indexes without a RangeVar. */
function redirectNameList(items: AstNode[], state: ShadowState): boolean {
  const parts = items.map(i => i.String?.sval as string | undefined)
  if (parts.some(p => p === undefined) || parts.length > 2) return false
  const qualified = parts.length === 2 ? `${parts[0]}.${parts[1]}` : `public.${parts[0]}`
  const to = state.redirects.get(qualified)
  if (!to) return false
  items.splice(0, items.length, { String: { sval: to.schema } }, { String: { sval: to.name } })
  return true
}

/**
 * The statement's SQL with every shadowed relation it names pointing at its shadow, or undefined when it
 * names none. Function bodies and DO blocks are strings to the parser and are not rewritten.
 */
export function redirectStatement(ast: AstNode, state: ShadowState): string | undefined {
  if (state.redirects.size === 0) return undefined
  const copy = structuredClone(ast)
  let changed = false
  walk(copy, (key, value) => {
    if (
      (key === 'RangeVar' || key === 'relation' || key === 'pktable') &&
      typeof value.relname === 'string'
    ) {
      const to = state.redirects.get(qualifiedName(value))
      if (to) {
        value.schemaname = to.schema
        value.relname = to.name
        changed = true
      }
    }
  })
  const drop = copy.DropStmt
  if (drop && ['OBJECT_TABLE', 'OBJECT_INDEX'].includes(drop.removeType)) {
    for (const o of drop.objects ?? [])
      if (o.List?.items && redirectNameList(o.List.items, state)) changed = true
  }
  return changed ? deparse(copy) : undefined
}
