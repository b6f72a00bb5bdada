/**
 * Derived verification: what a migration's statements say should be true afterwards (a table created, a
 * constraint added with its deferrability, an index dropped, RLS enabled, a policy or function created),
 * read from the parse tree and checked against a schema snapshot. Later statements win over earlier ones.
 */
import type { SqlStatement, AstNode } from '../sql/parser.js'
import { names } from '../sql/parser.js'
import { findObject, type SchemaSnapshot, type SchemaObject } from '../schema/index.js'

export interface Expectation {
  kind: SchemaObject['kind']
  name: string
  table?: string
  present: boolean
  /** Text the object's definition must contain (e.g. DEFERRABLE). */
  contains?: string[]
  /** The object must differ from the snapshot before (a replaced function). */
  changedFrom?: boolean
  line: number
  describe: string
}

export interface ExpectationResult extends Expectation {
  ok: boolean
  actual?: string
}

/**
 * The parts of pg_get_constraintdef's text a constraint's parse tree fixes: the kind, the columns and, for
 * EXCLUDE, each column's operator. A constraint re-added under an old name with an old definition (the
 * runbook's replaced allocations_no_overlap) then fails verification instead of passing on its name.
 */
export function constraintShape(con: AstNode): string[] {
  const cols = (list: AstNode[] | undefined) => names(list).join(', ')
  switch (con.contype) {
    case 'CONSTR_EXCLUSION': {
      const elems = (con.exclusions ?? []).map((pair: AstNode) => {
        const [elem, ops] = pair.List?.items ?? []
        const column = elem?.IndexElem?.name
        const op = names(ops?.List?.items)[0]
        return column && op ? `${column} WITH ${op}` : undefined
      })
      // An element over an expression cannot be matched textually: check the kind only.
      if (elems.some((x: string | undefined) => x === undefined)) return ['EXCLUDE']
      return [`EXCLUDE USING ${con.access_method ?? 'gist'} (${elems.join(', ')})`]
    }
    case 'CONSTR_UNIQUE':
      return con.keys ? [`UNIQUE (${cols(con.keys)})`] : ['UNIQUE']
    case 'CONSTR_PRIMARY':
      return con.keys ? [`PRIMARY KEY (${cols(con.keys)})`] : ['PRIMARY KEY']
    case 'CONSTR_FOREIGN':
      return [`FOREIGN KEY (${cols(con.fk_attrs)}) REFERENCES`]
    case 'CONSTR_CHECK':
      return ['CHECK']
    default:
      return []
  }
}

function rv(node: AstNode | undefined): { schema: string; name: string } {
  return { schema: node?.schemaname ?? 'public', name: node?.relname ?? '?' }
}

function qualify(schema: string, name: string): string {
  return `${schema}.${name}`
}

/** Identity of the object an expectation is about: later statements about it replace earlier ones. */
export function expectationKey(e: Expectation): string {
  // Index names are unique per schema and DROP INDEX names no table: key indexes by name alone.
  return e.kind === 'index' ? `index||${e.name}` : `${e.kind}|${e.table ?? ''}|${e.name}`
}

/** Expectations derived from a migration's statements. Unknown statement kinds add nothing. */
export function deriveExpectations(statements: SqlStatement[]): Expectation[] {
  const byKey = new Map<string, Expectation>()
  const put = (e: Expectation) => byKey.set(expectationKey(e), e)
  for (const s of statements) {
    const a = s.ast
    if (a.CreateStmt) {
      const t = rv(a.CreateStmt.relation)
      put({
        kind: 'table',
        name: qualify(t.schema, t.name),
        present: true,
        line: s.line,
        describe: `table ${qualify(t.schema, t.name)} exists`
      })
    } else if (a.AlterTableStmt) {
      const t = rv(a.AlterTableStmt.relation)
      const table = qualify(t.schema, t.name)
      for (const c of a.AlterTableStmt.cmds ?? []) {
        const cmd = c.AlterTableCmd
        if (!cmd) continue
        if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.conname) {
          const con = cmd.def.Constraint
          const contains: string[] = []
          if (con.deferrable)
            contains.push(
              con.initdeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE'
            )
          contains.push(...constraintShape(con))
          put({
            kind: 'constraint',
            name: con.conname,
            table,
            present: true,
            contains,
            line: s.line,
            describe: `constraint ${con.conname} on ${table}${contains.length ? ` (${contains.join(', ')})` : ''}`
          })
        } else if (cmd.subtype === 'AT_DropConstraint' && cmd.name) {
          put({
            kind: 'constraint',
            name: cmd.name,
            table,
            present: false,
            line: s.line,
            describe: `constraint ${cmd.name} gone from ${table}`
          })
        } else if (
          cmd.subtype === 'AT_EnableRowSecurity' ||
          cmd.subtype === 'AT_DisableRowSecurity'
        ) {
          const on = cmd.subtype === 'AT_EnableRowSecurity'
          put({
            kind: 'rls',
            name: table,
            table,
            present: true,
            contains: [on ? 'ENABLE ROW LEVEL SECURITY' : 'DISABLE ROW LEVEL SECURITY'],
            line: s.line,
            describe: `row level security ${on ? 'on' : 'off'} for ${table}`
          })
        } else if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) {
          put({
            kind: 'column',
            name: cmd.def.ColumnDef.colname,
            table,
            present: true,
            line: s.line,
            describe: `column ${table}.${cmd.def.ColumnDef.colname} exists`
          })
        } else if (cmd.subtype === 'AT_DropColumn' && cmd.name) {
          put({
            kind: 'column',
            name: cmd.name,
            table,
            present: false,
            line: s.line,
            describe: `column ${table}.${cmd.name} gone`
          })
        }
      }
    } else if (a.IndexStmt?.idxname) {
      const t = rv(a.IndexStmt.relation)
      put({
        kind: 'index',
        name: a.IndexStmt.idxname,
        table: qualify(t.schema, t.name),
        present: true,
        line: s.line,
        describe: `index ${a.IndexStmt.idxname} exists`
      })
    } else if (a.DropStmt) {
      const kind = (
        {
          OBJECT_INDEX: 'index',
          OBJECT_TABLE: 'table',
          OBJECT_FUNCTION: 'function',
          OBJECT_POLICY: 'policy'
        } as Record<string, SchemaObject['kind']>
      )[a.DropStmt.removeType]
      if (!kind) continue
      for (const obj of a.DropStmt.objects ?? []) {
        const parts = names(obj.List?.items ?? obj.ObjectWithArgs?.objname ?? [])
        if (parts.length === 0) continue
        if (kind === 'policy') {
          const name = parts[parts.length - 1]
          const table =
            parts.length >= 3 ? qualify(parts[0], parts[1]) : qualify('public', parts[0])
          put({
            kind,
            name,
            table,
            present: false,
            line: s.line,
            describe: `policy ${name} gone from ${table}`
          })
        } else {
          const name =
            parts.length > 1
              ? qualify(parts[0], parts[parts.length - 1])
              : kind === 'index'
                ? parts[0]
                : qualify('public', parts[0])
          put({
            kind,
            name: kind === 'index' ? parts[parts.length - 1] : name,
            present: false,
            line: s.line,
            describe: `${kind} ${name} gone`
          })
        }
      }
    } else if (a.CreatePolicyStmt) {
      const t = rv(a.CreatePolicyStmt.table)
      const table = qualify(t.schema, t.name)
      put({
        kind: 'policy',
        name: a.CreatePolicyStmt.policy_name,
        table,
        present: true,
        line: s.line,
        describe: `policy ${a.CreatePolicyStmt.policy_name} on ${table}`
      })
    } else if (a.CreateFunctionStmt) {
      const parts = names(a.CreateFunctionStmt.funcname)
      const name =
        parts.length > 1 ? qualify(parts[0], parts[parts.length - 1]) : qualify('public', parts[0])
      put({
        kind: 'function',
        name,
        present: true,
        changedFrom: Boolean(a.CreateFunctionStmt.replace),
        line: s.line,
        describe: `function ${name} ${a.CreateFunctionStmt.replace ? 'replaced' : 'created'}`
      })
    } else if (a.CreateExtensionStmt?.extname) {
      put({
        kind: 'extension',
        name: a.CreateExtensionStmt.extname,
        present: true,
        line: s.line,
        describe: `extension ${a.CreateExtensionStmt.extname} installed`
      })
    }
  }
  return [...byKey.values()]
}

function lookup(s: SchemaSnapshot, e: Expectation): SchemaObject | undefined {
  if (e.kind === 'function') {
    // Functions are keyed with their argument types; match on schema.name.
    const [schema, name] = e.name.split('.')
    return s.objects.find(
      o => o.kind === 'function' && o.schema === schema && o.name.split('(')[0] === name
    )
  }
  if (e.kind === 'table') {
    const [schema, name] = e.name.split('.')
    return s.objects.find(o => o.kind === 'table' && o.schema === schema && o.name === name)
  }
  return findObject(s, e.kind, e.name, e.table)
}

export function checkExpectations(
  expectations: Expectation[],
  after: SchemaSnapshot,
  before?: SchemaSnapshot
): ExpectationResult[] {
  return expectations.map(e => {
    const found = lookup(after, e)
    if (!e.present) return { ...e, ok: !found, actual: found?.definition }
    if (!found) return { ...e, ok: false }
    const def = found.definition
    // Compared without identifier quotes: pg_get_constraintdef quotes "window", the parse tree does not.
    const plain = def.replace(/"/g, '').toUpperCase()
    let ok = (e.contains ?? []).every(c => plain.includes(c.replace(/"/g, '').toUpperCase()))
    if (ok && e.changedFrom && before) {
      const old = lookup(before, e)
      // A CREATE OR REPLACE of a function that existed must have changed it.
      if (old && old.definition === def && (old.hash ?? '') === (found.hash ?? '')) ok = false
    }
    return { ...e, ok, actual: def }
  })
}
