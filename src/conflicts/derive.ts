/**
 * Which constraints a script adds, read from its parse tree: EXCLUDE, UNIQUE / PRIMARY KEY (constraints and
 * unique indexes), CHECK, FOREIGN KEY, NOT NULL. Tables the script creates have no rows and are skipped;
 * NOT VALID constraints check no existing rows until a VALIDATE CONSTRAINT in the same script.
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

export interface DerivedConstraint {
  file: string
  line: number
  /** schema.table (unqualified names are taken as public). */
  table: string
  constraint: string
  kind: ConflictReport['kind']
  spec: ConstraintSpec
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

export interface DeriveOptions {
  /** Tables created by earlier scripts of the change set: empty, nothing to check. */
  createdTables?: Set<string>
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
  const notValid = new Map<string, { spec: ConstraintSpec; line: number }>()
  const out: DerivedConstraint[] = []
  const add = (
    table: string,
    line: number,
    name: string | undefined,
    spec: ConstraintSpec
  ): void => {
    out.push({ file, line, table, constraint: name ?? describe(spec), kind: spec.kind, spec })
  }
  for (const stmt of statements) {
    const start = { line: stmt.line, column: stmt.column }
    if (stmt.kind === 'CreateStmt') created.add(qualifiedName(stmt.ast.CreateStmt.relation))
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
      add(table, stmt.line, s.idxname, spec)
      continue
    }
    if (stmt.kind !== 'AlterTableStmt') continue
    const s = stmt.ast.AlterTableStmt
    if (s.objtype !== 'OBJECT_TABLE') continue
    const table = qualifiedName(s.relation)
    if (created.has(table)) continue
    for (const c of s.cmds ?? []) {
      const cmd = c.AlterTableCmd ?? {}
      const con = cmd.def?.Constraint
      if (cmd.subtype === 'AT_AddConstraint' && con) {
        const spec = fromConstraint(con)
        if (!spec) continue
        const line = pos(con.location, start).line
        if (con.skip_validation) {
          if (con.conname) notValid.set(`${table}.${con.conname}`, { spec, line })
          continue
        }
        add(table, line, con.conname, spec)
        // A primary key also makes its columns NOT NULL.
        if (spec.kind === 'primary-key') {
          for (const column of names(con.keys))
            add(table, line, undefined, { kind: 'not-null', column, newColumn: false })
        }
      } else if (cmd.subtype === 'AT_ValidateConstraint') {
        const pending = notValid.get(`${table}.${cmd.name}`)
        if (pending) add(table, stmt.line, cmd.name, pending.spec)
      } else if (cmd.subtype === 'AT_SetNotNull') {
        add(table, stmt.line, undefined, { kind: 'not-null', column: cmd.name, newColumn: false })
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
          add(table, pos(def.location, start).line, undefined, {
            kind: 'not-null',
            column: def.colname,
            newColumn: true
          })
        }
      }
    }
  }
  return out
}

/** Derived constraints of pending migrations in order; a table an earlier pending migration creates is empty. */
export function deriveForMigrations(
  pending: Pick<Migration, 'file' | 'sql'>[]
): DerivedConstraint[] {
  const created = new Set<string>()
  const out: DerivedConstraint[] = []
  for (const m of pending) {
    out.push(...deriveConflictQueries(m.file, m.sql, { createdTables: created }))
    for (const s of parseSql(m.sql).statements)
      if (s.kind === 'CreateStmt') created.add(qualifiedName(s.ast.CreateStmt.relation))
  }
  return out
}
