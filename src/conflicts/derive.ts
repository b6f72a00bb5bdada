/**
 * Which constraints a script adds, read from its parse tree: EXCLUDE, UNIQUE / PRIMARY KEY (constraints and
 * unique indexes), CHECK, FOREIGN KEY, NOT NULL. Tables the script creates have no rows and are skipped;
 * NOT VALID constraints check no existing rows until a VALIDATE CONSTRAINT in the same script.
 *
 * A column the pending migrations add to a table with rows does not exist in the target yet: every existing row
 * will hold its DEFAULT (or NULL). A constraint reading it carries the column (`newColumns`), so the query can
 * give the rows that value, or leave the constraint to the rehearsal when no one value stands for them.
 */
import type { ConflictReport } from '../types.js'
import { deparse, names, parseSql, qualifiedName, walk, type AstNode } from '../sql/parser.js'
import { bytePositions } from '../lint/position.js'
import type { Migration } from '../plan/files.js'
import { quoteIdent } from '../db/connect.js'

export interface ExcludeElement {
  /** SQL of the column or expression (columns quoted). */
  expr: string
  operator: string
}

export type ConstraintSpec =
  | { kind: 'exclude'; elements: ExcludeElement[]; where?: string }
  | { kind: 'unique' | 'primary-key'; columns: string[]; where?: string; nullsNotDistinct: boolean }
  | { kind: 'check'; expr: string; columns: string[] }
  | {
      kind: 'foreign-key'
      columns: string[]
      refTable: string
      refColumns: string[]
      matchFull: boolean
    }
  | { kind: 'not-null'; column: string; newColumn: boolean }

/**
 * A column the pending migrations add (before the constraint that reads it) to a table with rows. Adding it
 * gives every existing row the DEFAULT, evaluated once when it is not volatile, or NULL.
 */
export interface NewColumn {
  /** schema.table it is added to. */
  table: string
  name: string
  /** Where it is added. */
  file: string
  line: number
  /** Its type as written, e.g. varchar(20)[]. */
  type: string
  /** Its DEFAULT as written, if any. */
  default?: string
  /** The functions its DEFAULT calls, each as its name parts (schema-qualified if written so). */
  calls: string[][]
  /** SQL of the value every existing row gets: CAST(<default> AS <type>) or CAST(NULL AS <type>), with its COLLATE. */
  value: string
  /** Why no one value stands for the existing rows (identity, generated, serial, written before the constraint). */
  unknown?: string
}

export interface DerivedConstraint {
  file: string
  line: number
  /** schema.table (unqualified names are taken as public). */
  table: string
  constraint: string
  kind: ConflictReport['kind']
  spec: ConstraintSpec
  /** The columns it reads that the pending migrations add (of its table, or the table a foreign key references). */
  newColumns?: NewColumn[]
  /** Why no query can check it before the migrations run: the rehearsal, which runs them on the rows, does. */
  rehearsal?: string
}

/** SQL text of an expression node (libpg_query's deparser: the same SQL Postgres would read). */
export function deparseExpr(node: AstNode): string {
  return deparse(node)
}

function columnsIn(expr: AstNode): string[] {
  const out = new Set<string>()
  walk({ expr }, (key, value) => {
    if (key === 'ColumnRef') {
      const parts = names(value.fields)
      if (parts.length) out.add(parts[parts.length - 1])
    }
  })
  return [...out]
}

/** The columns of its own table a constraint reads: keys, FK columns, EXCLUDE elements, CHECK and WHERE. */
function constraintColumns(con: AstNode): string[] {
  const out = new Set([...names(con.keys), ...names(con.fk_attrs)])
  walk({ e: con.raw_expr, w: con.where_clause, x: con.exclusions }, (key, value) => {
    if (key === 'IndexElem' && value.name) out.add(value.name)
  })
  for (const c of columnsIn({ e: con.raw_expr, w: con.where_clause, x: con.exclusions })) out.add(c)
  return [...out]
}

/** The columns a unique index reads: its columns, expressions and WHERE. */
function indexColumns(s: AstNode): string[] {
  const out = new Set<string>()
  for (const p of s.indexParams ?? []) if (p.IndexElem?.name) out.add(p.IndexElem.name)
  for (const c of columnsIn({ p: s.indexParams, w: s.whereClause })) out.add(c)
  return [...out]
}

function indexElemSql(elem: AstNode): string {
  return elem.name ? quoteIdent(elem.name) : `(${deparseExpr(elem.expr)})`
}

function fromConstraint(con: AstNode): ConstraintSpec | undefined {
  switch (con.contype) {
    case 'CONSTR_EXCLUSION':
      return {
        kind: 'exclude',
        elements: (con.exclusions ?? []).map((x: AstNode) => {
          const [elem, ops] = x.List.items
          return { expr: indexElemSql(elem.IndexElem), operator: names(ops.List.items).join('.') }
        }),
        where: con.where_clause ? deparseExpr(con.where_clause) : undefined
      }
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY':
      if (con.indexname) return undefined // USING INDEX: the index already holds the rows
      return {
        kind: con.contype === 'CONSTR_UNIQUE' ? 'unique' : 'primary-key',
        columns: names(con.keys).map(quoteIdent),
        nullsNotDistinct: !!con.nulls_not_distinct
      }
    case 'CONSTR_CHECK':
      return { kind: 'check', expr: deparseExpr(con.raw_expr), columns: columnsIn(con.raw_expr) }
    case 'CONSTR_FOREIGN':
      return {
        kind: 'foreign-key',
        columns: names(con.fk_attrs),
        refTable: qualifiedName(con.pktable),
        refColumns: names(con.pk_attrs),
        matchFull: con.fk_matchtype === 'f'
      }
    case 'CONSTR_NOTNULL': {
      const [column] = names(con.keys)
      return column ? { kind: 'not-null', column, newColumn: false } : undefined
    }
    default:
      return undefined
  }
}

function describe(spec: ConstraintSpec): string {
  switch (spec.kind) {
    case 'exclude':
      return `EXCLUDE (${spec.elements.map(e => `${e.expr} WITH ${e.operator}`).join(', ')})${spec.where ? ` WHERE (${spec.where})` : ''}`
    case 'unique':
    case 'primary-key':
      return `${spec.kind === 'unique' ? 'UNIQUE' : 'PRIMARY KEY'} (${spec.columns.join(', ')})`
    case 'check':
      return `CHECK (${spec.expr})`
    case 'foreign-key':
      return `FOREIGN KEY (${spec.columns.join(', ')}) REFERENCES ${spec.refTable}`
    case 'not-null':
      return `NOT NULL ${spec.column}`
  }
}

/** A column added to a table with rows, as the tree gives it (deparsed only when a constraint reads it). */
interface AddedColumn {
  table: string
  file: string
  line: number
  def: AstNode
  unknown?: string
}

/** Columns added by the scripts so far: table -> column name -> how it is added. */
export type AddedColumns = Map<string, Map<string, AddedColumn>>

export interface DeriveOptions {
  /** Tables created by earlier scripts of the change set: empty, nothing to check. */
  createdTables?: Set<string>
  /**
   * Columns earlier scripts of the change set add to tables with rows; updated in place with the columns this
   * script adds, drops, renames or writes.
   */
  addedColumns?: AddedColumns
  /**
   * Columns of existing tables whose type earlier statements of the change set change (`schema.table.column` →
   * where): a constraint on them is checked by the rehearsal, since the rows hold the old type until then.
   */
  retypedColumns?: Map<string, string>
}

const STATEMENT_NAMES: Record<string, string> = {
  UpdateStmt: 'UPDATE',
  MergeStmt: 'MERGE',
  InsertStmt: 'INSERT ... ON CONFLICT DO UPDATE',
  DoStmt: 'DO block',
  CallStmt: 'CALL',
  SelectStmt: 'function call'
}

/**
 * What a statement may change in existing rows, for the columns added before it: the tables it updates, or
 * `any` (a DO block, a procedure or a function called by SELECT may write anything). INSERT adds rows (which the
 * rehearsal checks) and DELETE removes them: neither changes what an existing row holds.
 */
function rowWrites(stmt: AstNode, kind: string): { what: string; tables: Set<string> | 'any' } {
  const tables = new Set<string>()
  let what = ''
  if (kind === 'DoStmt' || kind === 'CallStmt')
    return { what: STATEMENT_NAMES[kind], tables: 'any' }
  let calls = false
  walk(stmt, (key, value) => {
    const written =
      key === 'UpdateStmt' ||
      key === 'MergeStmt' ||
      (key === 'InsertStmt' && value.onConflictClause?.action === 'ONCONFLICT_UPDATE')
    if (written && value.relation) {
      tables.add(qualifiedName(value.relation))
      what ||= STATEMENT_NAMES[key]
    }
    if (key === 'FuncCall' && names(value.funcname).pop() !== 'set_config') calls = true
  })
  if (kind === 'SelectStmt' && calls) return { what: STATEMENT_NAMES.SelectStmt, tables: 'any' }
  return { what, tables }
}

/** The column as a constraint reading it sees it (deparsed here: only then is the deparser needed). */
function newColumn(name: string, a: AddedColumn): NewColumn {
  const def = a.def
  const cons: AstNode[] = (def.constraints ?? []).map((k: AstNode) => k.Constraint).filter(Boolean)
  const dflt = cons.find(k => k.contype === 'CONSTR_DEFAULT')?.raw_expr
  const typeName = names(def.typeName?.names).pop() ?? ''
  let unknown = a.unknown
  if (cons.some(k => k.contype === 'CONSTR_IDENTITY'))
    unknown ??= `${name} is an identity column: existing rows get their values when the ALTER runs`
  if (cons.some(k => k.contype === 'CONSTR_GENERATED'))
    unknown ??= `${name} is a generated column: existing rows get their values when the ALTER runs`
  if (/serial/i.test(typeName))
    unknown ??= `${name} is ${typeName}: existing rows get their values from a sequence when the ALTER runs`
  const calls: string[][] = []
  walk({ dflt }, (key, value) => {
    if (key === 'FuncCall') calls.push(names(value.funcname))
  })
  const cast: AstNode = {
    TypeCast: { arg: dflt ?? { A_Const: { isnull: true } }, typeName: def.typeName }
  }
  const value = def.collClause
    ? { CollateClause: { arg: cast, collname: def.collClause.collname } }
    : cast
  return {
    table: a.table,
    name,
    file: a.file,
    line: a.line,
    type: deparse({ TypeName: def.typeName }),
    ...(dflt ? { default: deparseExpr(dflt) } : {}),
    calls,
    value: deparse(value),
    ...(unknown ? { unknown } : {})
  }
}

/** The constraints `sql` adds to tables that already have rows. The parser must be loaded (loadParser()). */
export function deriveConflictQueries(
  file: string,
  sql: string,
  opts: DeriveOptions = {}
): DerivedConstraint[] {
  const { statements } = parseSql(sql)
  const pos = bytePositions(sql)
  const created = new Set(opts.createdTables ?? [])
  const added: AddedColumns = opts.addedColumns ?? new Map()
  const retyped = opts.retypedColumns ?? new Map<string, string>()
  const notValid = new Map<
    string,
    { spec: ConstraintSpec; line: number; columns: string[]; refs?: string[] }
  >()
  const out: DerivedConstraint[] = []
  const addedTo = (table: string): Map<string, AddedColumn> => {
    let columns = added.get(table)
    if (!columns) added.set(table, (columns = new Map()))
    return columns
  }
  const add = (
    table: string,
    line: number,
    name: string | undefined,
    spec: ConstraintSpec,
    columns: string[],
    refs: string[] = []
  ): void => {
    // A foreign key to a table the change set creates (empty) on columns it adds with no DEFAULT: every existing
    // row holds NULL there, which a foreign key accepts; the referenced table does not exist yet to query (a real
    // project's reminders/history pair was reported "not checked").
    if (
      spec.kind === 'foreign-key' &&
      created.has(spec.refTable) &&
      columns.length > 0 &&
      columns.every(c => {
        const a = added.get(table)?.get(c)
        if (!a || a.unknown) return false
        const cons: AstNode[] = (a.def.constraints ?? []).map((k: AstNode) => k.Constraint)
        return !cons.some(
          k => k && ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(k.contype)
        )
      })
    )
      return
    // The added columns it reads, as they are at this point of the change set.
    const own = columns.flatMap(c => {
      const a = added.get(table)?.get(c)
      return a ? [newColumn(c, a)] : []
    })
    const referenced =
      spec.kind === 'foreign-key'
        ? refs.flatMap(c => {
            const a = added.get(spec.refTable)?.get(c)
            return a ? [newColumn(c, a)] : []
          })
        : []
    const newColumns = [...own, ...referenced]
    // The referenced table does not exist before the change set creates it (it holds only what the change set
    // inserts), and a column an earlier statement retypes still has its old type: no query before the
    // migrations can stand for them.
    const retypedAt = [
      ...columns.map(c => `${table}.${c}`),
      ...(spec.kind === 'foreign-key' ? refs.map(c => `${spec.refTable}.${c}`) : [])
    ]
      .filter(c => retyped.has(c))
      .map(c => `the type of ${c} changes at ${retyped.get(c)}, before it`)[0]
    const rehearsal =
      spec.kind === 'foreign-key' && created.has(spec.refTable)
        ? `it references ${spec.refTable}, which the pending migrations create`
        : retypedAt
    out.push({
      file,
      line,
      table,
      constraint: name ?? describe(spec),
      kind: spec.kind,
      spec,
      ...(newColumns.length ? { newColumns } : {}),
      ...(rehearsal ? { rehearsal } : {})
    })
  }
  /** A constraint node of ALTER TABLE ADD CONSTRAINT, or of a column ADD COLUMN adds (its column filled in). */
  const addConstraint = (
    table: string,
    con: AstNode,
    start: { line: number; column: number },
    ofNewColumn = false
  ): void => {
    const spec = fromConstraint(con)
    if (!spec) return
    const line = pos(con.location, start).line
    const columns = constraintColumns(con)
    const refs = names(con.pk_attrs)
    if (con.skip_validation) {
      if (con.conname) notValid.set(`${table}.${con.conname}`, { spec, line, columns, refs })
      return
    }
    add(table, line, con.conname, spec, columns, refs)
    // A primary key also makes its columns NOT NULL (a new column's NOT NULL is derived with the column).
    if (spec.kind === 'primary-key' && !ofNewColumn) {
      for (const column of names(con.keys))
        add(table, line, undefined, { kind: 'not-null', column, newColumn: false }, [column])
    }
  }
  for (const stmt of statements) {
    const start = { line: stmt.line, column: stmt.column }
    const where = `${file}:${stmt.line}`
    // What this statement writes into existing rows: an added column no longer holds one value for all.
    const writes = added.size ? rowWrites(stmt.ast, stmt.kind) : { what: '', tables: new Set() }
    for (const [table, columns] of added) {
      if (writes.tables !== 'any' && !writes.tables.has(table)) continue
      for (const [name, a] of columns)
        if (!a.unknown)
          columns.set(name, {
            ...a,
            unknown: `existing rows may get other values of ${name} from the ${writes.what} at ${where}`
          })
    }
    if (stmt.kind === 'CreateStmt') created.add(qualifiedName(stmt.ast.CreateStmt.relation))
    if (stmt.kind === 'RenameStmt') {
      const r = stmt.ast.RenameStmt
      const columns =
        r.renameType === 'OBJECT_COLUMN' && r.relation
          ? added.get(qualifiedName(r.relation))
          : undefined
      const a = columns?.get(r.subname)
      if (columns && a) {
        columns.delete(r.subname)
        columns.set(r.newname, a)
      }
      continue
    }
    if (stmt.kind === 'IndexStmt') {
      const s = stmt.ast.IndexStmt
      const table = qualifiedName(s.relation)
      if (!s.unique || created.has(table)) continue
      const spec: ConstraintSpec = {
        kind: s.primary ? 'primary-key' : 'unique',
        columns: (s.indexParams ?? []).map((p: AstNode) => indexElemSql(p.IndexElem)),
        where: s.whereClause ? deparseExpr(s.whereClause) : undefined,
        nullsNotDistinct: !!s.nulls_not_distinct
      }
      add(table, stmt.line, s.idxname, spec, indexColumns(s))
      continue
    }
    if (stmt.kind !== 'AlterTableStmt') continue
    const s = stmt.ast.AlterTableStmt
    if (s.objtype !== 'OBJECT_TABLE') continue
    const table = qualifiedName(s.relation)
    if (created.has(table)) continue
    // PostgreSQL adds, drops and retypes columns before it adds constraints, whatever the order of the clauses.
    for (const c of s.cmds ?? []) {
      const cmd = c.AlterTableCmd ?? {}
      if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) {
        const def = cmd.def.ColumnDef
        addedTo(table).set(def.colname, { table, file, line: pos(def.location, start).line, def })
      } else if (cmd.subtype === 'AT_DropColumn') {
        added.get(table)?.delete(cmd.name)
      } else if (cmd.subtype === 'AT_AlterColumnType') {
        const a = added.get(table)?.get(cmd.name)
        if (a && !a.unknown)
          addedTo(table).set(cmd.name, {
            ...a,
            unknown: `the type of ${cmd.name} changes at ${where}`
          })
        else if (!a) retyped.set(`${table}.${cmd.name}`, where)
      }
    }
    for (const c of s.cmds ?? []) {
      const cmd = c.AlterTableCmd ?? {}
      const con = cmd.def?.Constraint
      if (cmd.subtype === 'AT_AddConstraint' && con) {
        addConstraint(table, con, start)
      } else if (cmd.subtype === 'AT_ValidateConstraint') {
        const pending = notValid.get(`${table}.${cmd.name}`)
        if (pending) add(table, stmt.line, cmd.name, pending.spec, pending.columns, pending.refs)
      } else if (cmd.subtype === 'AT_SetNotNull') {
        add(table, stmt.line, undefined, { kind: 'not-null', column: cmd.name, newColumn: false }, [
          cmd.name
        ])
      } else if (cmd.subtype === 'AT_AddColumn') {
        const def = cmd.def.ColumnDef
        const cons: AstNode[] = (def.constraints ?? [])
          .map((k: AstNode) => k.Constraint)
          .filter(Boolean)
        const notNull = cons.some(
          k => k.contype === 'CONSTR_NOTNULL' || k.contype === 'CONSTR_PRIMARY'
        )
        const filled = cons.some(k =>
          ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(k.contype)
        )
        const serial = /serial/i.test(names(def.typeName?.names).pop() ?? '')
        if (notNull && !filled && !serial) {
          add(
            table,
            pos(def.location, start).line,
            undefined,
            { kind: 'not-null', column: def.colname, newColumn: true },
            []
          )
        }
        // The column's own CHECK, UNIQUE, PRIMARY KEY and REFERENCES hold for the existing rows too.
        const column = [{ String: { sval: def.colname } }]
        for (const k of cons) {
          if (k.contype === 'CONSTR_CHECK') addConstraint(table, k, start, true)
          else if (k.contype === 'CONSTR_UNIQUE' || k.contype === 'CONSTR_PRIMARY')
            addConstraint(table, { ...k, keys: column }, start, true)
          else if (k.contype === 'CONSTR_FOREIGN')
            addConstraint(table, { ...k, fk_attrs: column }, start, true)
        }
      }
    }
  }
  return out
}

/**
 * Derived constraints of pending migrations in order; a table an earlier pending migration creates is empty, a
 * column an earlier one adds holds its DEFAULT or NULL.
 */
export function deriveForMigrations(
  pending: Pick<Migration, 'file' | 'sql'>[]
): DerivedConstraint[] {
  const created = new Set<string>()
  const addedColumns: AddedColumns = new Map()
  const retypedColumns = new Map<string, string>()
  const out: DerivedConstraint[] = []
  for (const m of pending) {
    out.push(
      ...deriveConflictQueries(m.file, m.sql, {
        createdTables: created,
        addedColumns,
        retypedColumns
      })
    )
    for (const s of parseSql(m.sql).statements)
      if (s.kind === 'CreateStmt') created.add(qualifiedName(s.ast.CreateStmt.relation))
  }
  return out
}
