/**
 * Derived verification: what a run's migrations say should be true afterwards (a table created, a constraint
 * added with its deferrability, an index dropped, RLS enabled, a policy or function created), read from the
 * parse tree and checked against a schema snapshot.
 *
 * Several migrations applied in one run are followed as one sequence, statement after statement: a later
 * DROP TABLE / DROP COLUMN / DROP CONSTRAINT / DROP INDEX / DROP FUNCTION / DROP POLICY cancels what earlier
 * statements expected of the object (and of what goes with it: a dropped column takes its constraints and
 * indexes), a later RENAME (table, column, constraint, index) or SET SCHEMA rewrites it, and unqualified names
 * resolve through the search_path in force (SET search_path in the files, else the session's). DDL inside a DO
 * block is followed too; under IF, a loop or an exception handler it may not have run, so what it touches is
 * left unverified. Whatever the tool cannot be sure of is dropped, not reported as a failure, and listed.
 */
import type { SqlStatement, AstNode } from '../sql/parser.js'
import { names, parsePlpgsql, parseSql, walk } from '../sql/parser.js'
import { findObject, type SchemaSnapshot, type SchemaObject } from '../schema/index.js'

export interface Expectation {
  kind: SchemaObject['kind']
  /** schema.name for tables, indexes and functions; the bare name for columns, constraints and policies. */
  name: string
  /** schema.table the object belongs to (columns, constraints, indexes, policies, rls). */
  table?: string
  present: boolean
  /** Text the object's definition must contain (e.g. DEFERRABLE). */
  contains?: string[]
  /** The object must differ from the snapshot before (a replaced function without a string body). */
  changedFrom?: boolean
  /** A function's body as written: the function is in place when its definition contains it. */
  body?: string
  /** Columns a constraint or index is on; undefined when not known (then any dropped column may take it). */
  columns?: string[]
  /** Foreign keys: the referenced table, and its columns (undefined: its primary key). */
  references?: string
  refColumns?: string[]
  /** DROP FUNCTION with an argument list: the argument types (other overloads may stay). */
  argTypes?: string[]
  line: number
  describe: string
  /** What later statements did to it, e.g. "renamed from x by migrations/2_y.sql:3". */
  note?: string
}

export interface ExpectationResult extends Expectation {
  ok: boolean
  actual?: string
}

/** An expectation of one migration of a run. */
export interface RunExpectation extends Expectation {
  version: string
  file: string
}

/** An expectation no longer checked: a later statement dropped or replaced it, or the tool cannot be sure. */
export interface SetAside {
  version: string
  file: string
  line: number
  describe: string
  reason: string
}

export interface RunMigration {
  version: string
  file: string
  statements: SqlStatement[]
}

export type ObjectClass = 'relation' | 'function' | 'schema'

export interface DeriveOptions {
  /**
   * The session's search_path before the run, existing schemas only, in order (current_schemas(false)).
   * Default: public.
   */
  searchPath?: string[]
  /**
   * Whether an object exists (before or after the run), to resolve unqualified names when the search_path has
   * several schemas. Without it, the first schema of the search_path is taken.
   */
  exists?: (kind: ObjectClass, schema: string, name: string) => boolean
}

export interface DerivedRun {
  expectations: RunExpectation[]
  /** Cancelled or replaced by a later statement of the run (the object was dropped, re-created, redefined). */
  followed: SetAside[]
  /** Dropped because the tool cannot be sure (conditional DDL, unresolvable names): not verified. */
  uncertain: SetAside[]
  /** What was not followed at all (dynamic SQL in DO blocks, bodies that do not parse). */
  notes: string[]
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

function constraintContains(con: AstNode): string[] {
  const contains: string[] = []
  if (con.deferrable)
    contains.push(
      con.initdeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE'
    )
  contains.push(...constraintShape(con))
  return contains
}

/** Column names an expression refers to (the last field of each ColumnRef). */
function columnRefs(node: unknown): string[] {
  const out = new Set<string>()
  walk(node, (key, value) => {
    if (key !== 'ColumnRef') return
    const last = (value.fields ?? [])[value.fields.length - 1]
    const name = last?.String?.sval
    if (name) out.add(name)
  })
  return [...out]
}

function indexElemColumns(elems: AstNode[] | undefined): string[] {
  const out: string[] = []
  for (const e of elems ?? []) {
    const elem = e.IndexElem ?? e
    if (elem.name) out.push(elem.name)
    else out.push(...columnRefs(elem.expr))
  }
  return out
}

/** The columns of the table a constraint is on; undefined when the parse tree does not say (USING INDEX). */
function constraintColumns(con: AstNode): string[] | undefined {
  switch (con.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
      return con.keys ? [...names(con.keys), ...names(con.including)] : undefined
    case 'CONSTR_FOREIGN':
      return names(con.fk_attrs)
    case 'CONSTR_EXCLUSION':
      return [
        ...indexElemColumns((con.exclusions ?? []).map((p: AstNode) => p.List?.items?.[0])),
        ...columnRefs(con.where_clause)
      ]
    case 'CONSTR_CHECK':
      return columnRefs(con.raw_expr)
    default:
      return undefined
  }
}

/** Identity of the object an expectation is about: later statements about it replace earlier ones. */
export function expectationKey(e: Expectation): string {
  // Index names are unique per schema and DROP INDEX names no table: indexes are keyed by schema.name.
  return e.kind === 'index' ? `index||${e.name}` : `${e.kind}|${e.table ?? ''}|${e.name}`
}

function describeOf(e: Expectation): string {
  let text: string
  switch (e.kind) {
    case 'table':
      text = `table ${e.name} ${e.present ? 'exists' : 'gone'}`
      break
    case 'column':
      text = `column ${e.table}.${e.name} ${e.present ? 'exists' : 'gone'}`
      break
    case 'constraint':
      text = e.present
        ? `constraint ${e.name} on ${e.table}${e.contains?.length ? ` (${e.contains.join(', ')})` : ''}`
        : `constraint ${e.name} gone from ${e.table}`
      break
    case 'rls':
      text = `row level security ${e.contains?.[0]?.startsWith('ENABLE') ? 'on' : 'off'} for ${e.table}`
      break
    case 'policy':
      text = e.present ? `policy ${e.name} on ${e.table}` : `policy ${e.name} gone from ${e.table}`
      break
    case 'function':
      text = e.present
        ? `function ${e.name} ${e.changedFrom ? 'replaced' : 'created'}`
        : `function ${e.name}${e.argTypes ? `(${e.argTypes.join(', ')})` : ''} gone`
      break
    case 'extension':
      text = `extension ${e.name} ${e.present ? 'installed' : 'gone'}`
      break
    default:
      text = `${e.kind} ${e.name} ${e.present ? 'exists' : 'gone'}`
  }
  return e.note ? `${text} (${e.note})` : text
}

function schemaOf(qualified: string): string {
  return qualified.slice(0, qualified.indexOf('.'))
}

function bareName(qualified: string): string {
  return qualified.slice(qualified.indexOf('.') + 1)
}

/** A search_path value as set_config takes it ('a, "B", $user'): the names, unquoted. Not SQL: a GUC list. */
export function parseSearchPath(value: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++
    if (i >= value.length) break
    let name = ''
    if (value[i] === '"') {
      i++
      while (i < value.length) {
        if (value[i] === '"' && value[i + 1] === '"') {
          name += '"'
          i += 2
        } else if (value[i] === '"') {
          i++
          break
        } else name += value[i++]
      }
    } else {
      while (i < value.length && value[i] !== ',') name += value[i++]
      name = name.trim().toLowerCase()
    }
    while (i < value.length && value[i] !== ',') i++
    if (name) out.push(name)
  }
  return out
}

/** `'drop table x'` (an EXECUTE argument) -> `drop table x`, read with the parser; undefined unless a constant. */
function constantString(expr: string): string | undefined {
  const parsed = parseSql(`SELECT ${expr}`)
  const targets = parsed.statements[0]?.ast.SelectStmt?.targetList ?? []
  if (parsed.error || parsed.statements.length !== 1 || targets.length !== 1) return undefined
  const value = targets[0].ResTarget?.val?.A_Const?.sval?.sval
  return typeof value === 'string' ? value : undefined
}

function optionValue(options: AstNode[] | undefined, name: string): AstNode | undefined {
  return (options ?? []).map(o => o.DefElem).find(d => d?.defname === name)?.arg
}

interface At {
  version: string
  file: string
  line: number
  /** Inside a DO block under IF/loop/exception handler: it may or may not have run. */
  conditional?: boolean
  /** Being followed on a copy (see conditional()). */
  sandboxed?: boolean
}

const where = (at: At) => `${at.file}:${at.line}`

/** Follows a run's statements in order, keeping what each migration expects of the final state. */
class Follower {
  live = new Map<string, RunExpectation>()
  readonly followed: SetAside[] = []
  readonly uncertain: SetAside[] = []
  readonly notes: string[] = []
  /** Parse trees of constraints, to recompute their shape when a column is renamed. */
  private readonly constraintTrees = new WeakMap<Expectation, AstNode>()
  private readonly defaultPath: string[]
  private sessionPath: string[]
  private localPath: string[] | undefined
  /** Relations (tables, indexes) and functions created by the run so far, schema.name. */
  private readonly relations = new Set<string>()
  private readonly functions = new Set<string>()
  private readonly schemas = new Set<string>()

  constructor(private readonly opts: DeriveOptions) {
    this.defaultPath = opts.searchPath?.length ? [...opts.searchPath] : ['public']
    this.sessionPath = this.defaultPath
  }

  endOfFile(): void {
    // SET LOCAL ends with the migration's transaction, and apply starts the next file from a fresh session (as
    // `supabase db push` does): a plain SET ends with its file too.
    this.localPath = undefined
    this.sessionPath = this.defaultPath
  }

  private path(): string[] {
    return (this.localPath ?? this.sessionPath).filter(s => s !== '$user' && s !== 'pg_temp')
  }

  private schemaExists(s: string): boolean {
    return this.schemas.has(s) || (this.opts.exists ? this.opts.exists('schema', s, s) : true)
  }

  /** Where an unqualified CREATE puts the object: the first existing schema of the search_path. */
  private creationSchema(): string | undefined {
    return this.path().find(s => this.schemaExists(s))
  }

  private resolve(kind: 'relation' | 'function', schema: string | undefined, name: string) {
    if (schema) return schema
    const path = this.path()
    const made = kind === 'relation' ? this.relations : this.functions
    for (const s of path) {
      if (made.has(`${s}.${name}`)) return s
      if (this.opts.exists?.(kind, s, name)) return s
    }
    if (!this.opts.exists || path.length === 1) return this.creationSchema()
    return undefined
  }

  /** Whether a relation is known to exist: created by the run, or in the database before or after it. */
  private known(rv: AstNode | undefined): boolean {
    const table = this.relation(rv)
    if (!table) return false
    if (this.relations.has(table)) return true
    return this.opts.exists ? this.opts.exists('relation', schemaOf(table), bareName(table)) : true
  }

  private unresolved(name: string): string {
    return `unqualified name ${name}: not sure which schema of the search_path (${this.path().join(', ') || 'empty'}) holds it`
  }

  private relation(rv: AstNode | undefined): string | undefined {
    if (!rv?.relname) return undefined
    const schema = this.resolve('relation', rv.schemaname, rv.relname)
    return schema ? `${schema}.${rv.relname}` : undefined
  }

  private fromList(kind: 'relation' | 'function', parts: string[]): string | undefined {
    const name = parts[parts.length - 1]
    const schema = this.resolve(kind, parts.length > 1 ? parts[parts.length - 2] : undefined, name)
    return schema ? `${schema}.${name}` : undefined
  }

  // --- bookkeeping -------------------------------------------------------------------------------------

  private put(e: Expectation, at: At): void {
    const full: RunExpectation = { ...e, version: at.version, file: at.file }
    full.describe = describeOf(full)
    const key = expectationKey(full)
    const old = this.live.get(key)
    if (old) this.setAside(this.followed, old, `superseded by ${where(at)}: ${full.describe}`)
    this.live.delete(key)
    this.live.set(key, full)
  }

  private setAside(list: SetAside[], e: RunExpectation, reason: string): void {
    list.push({ version: e.version, file: e.file, line: e.line, describe: e.describe, reason })
  }

  /** Removes the live expectations `match` selects: a later statement made them moot. */
  private cancel(match: (e: RunExpectation) => boolean, reason: string): void {
    for (const [key, e] of [...this.live]) {
      if (!match(e)) continue
      this.live.delete(key)
      this.setAside(this.followed, e, reason)
    }
  }

  /** Replaces live expectations by rewritten copies (renames, moves), re-keyed. */
  private rewrite(
    change: (e: RunExpectation) => Partial<Expectation> | undefined,
    note?: (e: RunExpectation) => string | undefined
  ): void {
    const next = new Map<string, RunExpectation>()
    for (const e of this.live.values()) {
      const patch = change(e)
      let out = e
      if (patch) {
        out = { ...e, ...patch }
        const tree = this.constraintTrees.get(e)
        if (tree) this.constraintTrees.set(out, tree)
        const n = note?.(e)
        if (n) out.note = e.note ? `${e.note}; ${n}` : n
        out.describe = describeOf(out)
      }
      next.set(expectationKey(out), out)
    }
    this.live = next
  }

  private uncertainName(kindText: string, name: string, at: At): void {
    this.uncertain.push({
      version: at.version,
      file: at.file,
      line: at.line,
      describe: `${kindText} ${name}`,
      reason: `${this.unresolved(name)}: not verified`
    })
  }

  /** An unresolvable name in a drop or rename: whatever it may be about is left unverified. */
  private cancelBare(name: string, at: At, tableBound: boolean): void {
    const reason = `${this.unresolved(name)} (${where(at)}): not verified`
    for (const [key, e] of [...this.live]) {
      const hit =
        bareName(
          e.kind === 'table' || e.kind === 'function' || e.kind === 'index' ? e.name : ''
        ) === name ||
        (tableBound && e.table !== undefined && bareName(e.table) === name)
      if (!hit) continue
      this.live.delete(key)
      this.setAside(this.uncertain, e, reason)
    }
  }

  // --- statements --------------------------------------------------------------------------------------

  statement(s: SqlStatement, at: At): void {
    if (at.conditional) return this.conditional(s, at)
    const a = s.ast
    // ALTER TABLE IF EXISTS on a table the tool does not know of may have done nothing.
    if (a.AlterTableStmt?.missing_ok && !at.sandboxed && !this.known(a.AlterTableStmt.relation))
      return this.conditional(s, at)
    if (a.VariableSetStmt) this.setStatement(a.VariableSetStmt)
    else if (a.SelectStmt) this.setConfigCall(a.SelectStmt)
    else if (a.CreateSchemaStmt?.schemaname) this.schemas.add(a.CreateSchemaStmt.schemaname)
    else if (a.CreateStmt) this.createTable(a.CreateStmt, at)
    else if (a.CreateForeignTableStmt?.base) this.createTable(a.CreateForeignTableStmt.base, at)
    else if (a.AlterTableStmt) this.alterTable(a.AlterTableStmt, at)
    else if (a.IndexStmt?.idxname) this.createIndex(a.IndexStmt, at)
    else if (a.DropStmt) this.drop(a.DropStmt, at)
    else if (a.RenameStmt) this.rename(a.RenameStmt, at)
    else if (a.AlterObjectSchemaStmt) this.setSchema(a.AlterObjectSchemaStmt, at)
    else if (a.CreatePolicyStmt) this.createPolicy(a.CreatePolicyStmt, at)
    else if (a.CreateFunctionStmt) this.createFunction(a.CreateFunctionStmt, at)
    else if (a.CreateExtensionStmt?.extname)
      this.put(
        {
          kind: 'extension',
          name: a.CreateExtensionStmt.extname,
          present: true,
          line: at.line,
          describe: ''
        },
        at
      )
    else if (a.DoStmt) this.doBlock(s, at)
  }

  /**
   * A statement that may or may not have run (inside IF, a loop or an exception handler of a DO block):
   * followed on a copy, and every expectation it would cancel or change is dropped as uncertain.
   */
  private conditional(s: SqlStatement, at: At): void {
    const before = this.live
    const followedBefore = this.followed.length
    const uncertainBefore = this.uncertain.length
    this.live = new Map(before)
    this.statement(s, { ...at, conditional: false, sandboxed: true })
    const after = this.live
    this.live = before
    this.followed.length = followedBefore
    this.uncertain.length = uncertainBefore
    const reason = s.ast.AlterTableStmt?.missing_ok
      ? `ALTER TABLE IF EXISTS at ${where(at)} on a table not known to exist (it may have done nothing): not verified`
      : `a DO block changes it conditionally at ${where(at)} (under IF, a loop or an exception handler: it may or may not have run): not verified`
    for (const [key, e] of [...before]) {
      if (after.get(key) === e) continue
      before.delete(key)
      this.setAside(this.uncertain, e, reason)
    }
  }

  private setStatement(v: AstNode): void {
    if (v.kind === 'VAR_RESET_ALL') {
      this.sessionPath = this.defaultPath
      this.localPath = undefined
      return
    }
    if (v.name !== 'search_path') return
    let value: string[] | undefined
    if (v.kind === 'VAR_SET_VALUE')
      value = (v.args ?? [])
        .map((x: AstNode) => x.A_Const?.sval?.sval)
        .filter((x: unknown): x is string => typeof x === 'string')
    else if (v.kind === 'VAR_SET_DEFAULT' || v.kind === 'VAR_RESET') value = this.defaultPath
    if (!value) return
    if (v.is_local) this.localPath = value
    else {
      this.sessionPath = value
      this.localPath = undefined
    }
  }

  /** SELECT [pg_catalog.]set_config('search_path', '...', is_local), as pg_dump and db diff write it. */
  private setConfigCall(sel: AstNode): void {
    for (const t of sel.targetList ?? []) {
      const call = t.ResTarget?.val?.FuncCall
      if (!call || names(call.funcname).pop() !== 'set_config') continue
      const [name, value, local] = call.args ?? []
      if (name?.A_Const?.sval?.sval !== 'search_path') continue
      const text = value?.A_Const?.sval?.sval
      if (typeof text !== 'string') continue
      const path = parseSearchPath(text)
      if (local?.A_Const?.boolval?.boolval === true) this.localPath = path
      else {
        this.sessionPath = path
        this.localPath = undefined
      }
    }
  }

  private createTable(c: AstNode, at: At): void {
    const rv = c.relation
    if (!rv?.relname || rv.relpersistence === 't') return
    const schema = rv.schemaname ?? this.creationSchema()
    if (!schema) return this.uncertainName('table', rv.relname, at)
    const table = `${schema}.${rv.relname}`
    this.relations.add(table)
    this.put({ kind: 'table', name: table, present: true, line: at.line, describe: '' }, at)
    // Its columns too: a table that is there with a column dropped by hand since is not what the migration made.
    // (LIKE and INHERITS add columns the statement does not name; those are not expected one by one.)
    for (const elt of c.tableElts ?? []) {
      const column = elt.ColumnDef?.colname
      if (column)
        this.put(
          { kind: 'column', name: column, table, present: true, line: at.line, describe: '' },
          at
        )
    }
  }

  private alterTable(stmt: AstNode, at: At): void {
    if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE' && stmt.objtype !== 'OBJECT_FOREIGN_TABLE')
      return
    const rv = stmt.relation
    const table = this.relation(rv)
    for (const c of stmt.cmds ?? []) {
      const cmd = c.AlterTableCmd
      if (!cmd) continue
      if (!table) {
        if (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint')
          this.cancelBare(rv.relname, at, true)
        else if (
          cmd.subtype === 'AT_AddConstraint' ||
          cmd.subtype === 'AT_AddColumn' ||
          cmd.subtype === 'AT_EnableRowSecurity' ||
          cmd.subtype === 'AT_DisableRowSecurity'
        )
          this.uncertainName('a change to table', rv.relname, at)
        continue
      }
      if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.conname) {
        this.addConstraint(table, cmd.def.Constraint, at)
      } else if (cmd.subtype === 'AT_DropConstraint' && cmd.name) {
        this.dropConstraint(table, cmd.name, at)
      } else if (
        cmd.subtype === 'AT_EnableRowSecurity' ||
        cmd.subtype === 'AT_DisableRowSecurity'
      ) {
        const on = cmd.subtype === 'AT_EnableRowSecurity'
        this.put(
          {
            kind: 'rls',
            name: table,
            table,
            present: true,
            contains: [on ? 'ENABLE ROW LEVEL SECURITY' : 'DISABLE ROW LEVEL SECURITY'],
            line: at.line,
            describe: ''
          },
          at
        )
      } else if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) {
        this.put(
          {
            kind: 'column',
            name: cmd.def.ColumnDef.colname,
            table,
            present: true,
            line: at.line,
            describe: ''
          },
          at
        )
      } else if (cmd.subtype === 'AT_DropColumn' && cmd.name) {
        this.dropColumn(table, cmd.name, cmd.behavior === 'DROP_CASCADE', at)
      }
    }
  }

  private addConstraint(table: string, con: AstNode, at: At): void {
    const schema = schemaOf(table)
    let columns = constraintColumns(con)
    if (con.indexname) {
      // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's, renamed to the constraint's name.
      const index = this.live.get(`index||${schema}.${con.indexname}`)
      if (index?.columns) columns ??= index.columns
      if (con.indexname !== con.conname) {
        const from = `${schema}.${con.indexname}`
        this.rewrite(
          e =>
            e.kind === 'index' && e.name === from
              ? { name: `${schema}.${con.conname}` }
              : undefined,
          () => `renamed to ${con.conname} by ${where(at)}`
        )
      }
    }
    const references = con.contype === 'CONSTR_FOREIGN' ? this.relation(con.pktable) : undefined
    const e: Expectation = {
      kind: 'constraint',
      name: con.conname,
      table,
      present: true,
      contains: constraintContains(con),
      columns,
      references,
      refColumns: con.pk_attrs ? names(con.pk_attrs) : undefined,
      line: at.line,
      describe: ''
    }
    this.put(e, at)
    const stored = this.live.get(expectationKey(e))
    if (stored) this.constraintTrees.set(stored, structuredClone(con))
  }

  private dropConstraint(table: string, name: string, at: At): void {
    // A primary key, unique or exclusion constraint takes its index (same name) with it.
    const index = `${schemaOf(table)}.${name}`
    this.cancel(
      e => e.kind === 'index' && e.name === index && e.present,
      `constraint ${name} on ${table} dropped (with its index) by ${where(at)}`
    )
    this.put({ kind: 'constraint', name, table, present: false, line: at.line, describe: '' }, at)
  }

  private dropColumn(table: string, column: string, cascade: boolean, at: At): void {
    const reason = `column ${table}.${column} dropped by ${where(at)}`
    const uses = (cols: string[] | undefined) => cols === undefined || cols.includes(column)
    this.cancel(
      e =>
        e.present &&
        (((e.kind === 'constraint' || e.kind === 'index') &&
          e.table === table &&
          uses(e.columns)) ||
          (e.kind === 'constraint' && e.references === table && uses(e.refColumns)) ||
          (cascade && e.kind === 'policy' && e.table === table)),
      reason
    )
    this.put(
      { kind: 'column', name: column, table, present: false, line: at.line, describe: '' },
      at
    )
  }

  private createIndex(stmt: AstNode, at: At): void {
    const table = this.relation(stmt.relation)
    if (!table) return this.uncertainName('index', stmt.idxname, at)
    const name = `${schemaOf(table)}.${stmt.idxname}`
    this.relations.add(name)
    this.put(
      {
        kind: 'index',
        name,
        table,
        present: true,
        columns: [
          ...indexElemColumns(stmt.indexParams),
          ...indexElemColumns(stmt.indexIncludingParams),
          ...columnRefs(stmt.whereClause)
        ],
        line: at.line,
        describe: ''
      },
      at
    )
  }

  private dropTable(table: string, at: At): void {
    this.cancel(
      e =>
        e.present &&
        ((e.kind === 'table' && e.name === table) ||
          e.table === table ||
          (e.kind === 'constraint' && e.references === table)),
      `table ${table} dropped by ${where(at)}`
    )
    // What was expected gone from the table is moot too: the whole table is.
    this.cancel(e => !e.present && e.table === table, `table ${table} dropped by ${where(at)}`)
    this.put({ kind: 'table', name: table, present: false, line: at.line, describe: '' }, at)
  }

  private drop(stmt: AstNode, at: At): void {
    const type = stmt.removeType
    for (const obj of stmt.objects ?? []) {
      if (type === 'OBJECT_TABLE' || type === 'OBJECT_FOREIGN_TABLE') {
        const parts = names(obj.List?.items)
        if (parts.length === 0) continue
        const table = this.fromList('relation', parts)
        if (table) this.dropTable(table, at)
        else this.cancelBare(parts[parts.length - 1], at, true)
      } else if (type === 'OBJECT_INDEX') {
        const parts = names(obj.List?.items)
        if (parts.length === 0) continue
        const index = this.fromList('relation', parts)
        if (!index) {
          this.cancelBare(parts[parts.length - 1], at, false)
          continue
        }
        this.put({ kind: 'index', name: index, present: false, line: at.line, describe: '' }, at)
      } else if (
        type === 'OBJECT_FUNCTION' ||
        type === 'OBJECT_PROCEDURE' ||
        type === 'OBJECT_ROUTINE'
      ) {
        const fn = obj.ObjectWithArgs
        const parts = names(fn?.objname)
        if (parts.length === 0) continue
        const name = this.fromList('function', parts)
        if (!name) {
          this.cancelBare(parts[parts.length - 1], at, false)
          continue
        }
        this.cancel(
          e => e.kind === 'function' && e.name === name,
          `function ${name} dropped by ${where(at)}`
        )
        const argTypes = fn.args_unspecified
          ? undefined
          : (fn.objargs ?? []).map((t: AstNode) => typeText(t.TypeName))
        this.put(
          { kind: 'function', name, present: false, argTypes, line: at.line, describe: '' },
          at
        )
      } else if (type === 'OBJECT_POLICY') {
        const parts = names(obj.List?.items)
        if (parts.length < 2) continue
        const policy = parts[parts.length - 1]
        const table = this.fromList('relation', parts.slice(0, -1))
        if (!table) {
          this.cancelBare(parts[parts.length - 2], at, true)
          continue
        }
        this.put(
          { kind: 'policy', name: policy, table, present: false, line: at.line, describe: '' },
          at
        )
      } else if (type === 'OBJECT_SCHEMA') {
        const schema = obj.String?.sval
        if (!schema) continue
        const inSchema = (q: string | undefined) => q !== undefined && schemaOf(q) === schema
        this.cancel(
          e =>
            inSchema(e.table) ||
            ((e.kind === 'table' || e.kind === 'index' || e.kind === 'function') &&
              inSchema(e.name)),
          `schema ${schema} dropped by ${where(at)}`
        )
      } else if (type === 'OBJECT_EXTENSION') {
        const ext = obj.String?.sval
        if (ext)
          this.put(
            { kind: 'extension', name: ext, present: false, line: at.line, describe: '' },
            at
          )
      }
    }
  }

  private rename(stmt: AstNode, at: At): void {
    const by = `by ${where(at)}`
    switch (stmt.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_FOREIGN_TABLE': {
        const from = this.relation(stmt.relation)
        if (!from) return this.cancelBare(stmt.relation.relname, at, true)
        const to = `${schemaOf(from)}.${stmt.newname}`
        this.relations.add(to)
        this.rewrite(
          e => {
            const patch: Partial<Expectation> = {}
            if (e.kind === 'table' && e.name === from) patch.name = to
            if (e.kind === 'rls' && e.name === from) patch.name = to
            if (e.table === from) patch.table = to
            if (e.references === from) patch.references = to
            return Object.keys(patch).length ? patch : undefined
          },
          e =>
            e.kind === 'table' && e.name === from
              ? `renamed from ${from} ${by}`
              : `table ${from} renamed to ${to} ${by}`
        )
        return
      }
      case 'OBJECT_COLUMN': {
        const table = this.relation(stmt.relation)
        if (!table) return this.cancelBare(stmt.relation.relname, at, true)
        const [from, to] = [stmt.subname as string, stmt.newname as string]
        const map = (cols: string[] | undefined) => cols?.map(c => (c === from ? to : c))
        this.rewrite(
          e => {
            if (e.kind === 'column' && e.table === table && e.name === from) return { name: to }
            const patch: Partial<Expectation> = {}
            if (e.table === table && e.columns?.includes(from)) {
              patch.columns = map(e.columns)
              const tree = this.constraintTrees.get(e)
              if (tree) {
                const renamed = renameColumnInConstraint(tree, from, to)
                patch.contains = constraintContains(renamed)
              }
            }
            if (e.references === table && e.refColumns?.includes(from))
              patch.refColumns = map(e.refColumns)
            return Object.keys(patch).length ? patch : undefined
          },
          e =>
            e.kind === 'column'
              ? `renamed from ${from} ${by}`
              : `column ${from} renamed to ${to} ${by}`
        )
        // Keep later renames of the same column working on the new tree.
        for (const e of this.live.values()) {
          const tree = this.constraintTrees.get(e)
          if (tree && e.table === table)
            this.constraintTrees.set(e, renameColumnInConstraint(tree, from, to))
        }
        return
      }
      case 'OBJECT_TABCONSTRAINT': {
        const table = this.relation(stmt.relation)
        if (!table) return this.cancelBare(stmt.relation.relname, at, true)
        const index = `${schemaOf(table)}.${stmt.subname}`
        this.rewrite(
          e => {
            if (e.kind === 'constraint' && e.table === table && e.name === stmt.subname)
              return { name: stmt.newname }
            // The index of a primary key, unique or exclusion constraint is renamed with it.
            if (e.kind === 'index' && e.name === index)
              return { name: `${schemaOf(table)}.${stmt.newname}` }
            return undefined
          },
          () => `renamed from ${stmt.subname} ${by}`
        )
        return
      }
      case 'OBJECT_INDEX': {
        const from = this.relation(stmt.relation)
        if (!from) return this.cancelBare(stmt.relation.relname, at, false)
        const schema = schemaOf(from)
        const to = `${schema}.${stmt.newname}`
        this.relations.add(to)
        this.rewrite(
          e => {
            if (e.kind === 'index' && e.name === from) return { name: to }
            // Renaming a constraint's index renames the constraint.
            if (
              e.kind === 'constraint' &&
              e.name === bareName(from) &&
              e.table !== undefined &&
              schemaOf(e.table) === schema
            )
              return { name: stmt.newname }
            return undefined
          },
          () => `renamed from ${bareName(from)} ${by}`
        )
        return
      }
      case 'OBJECT_POLICY': {
        const table = this.relation(stmt.relation)
        if (!table) return this.cancelBare(stmt.relation.relname, at, true)
        this.rewrite(
          e =>
            e.kind === 'policy' && e.table === table && e.name === stmt.subname
              ? { name: stmt.newname }
              : undefined,
          () => `renamed from ${stmt.subname} ${by}`
        )
        return
      }
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE': {
        const parts = names(stmt.object?.ObjectWithArgs?.objname)
        if (parts.length === 0) return
        const from = this.fromList('function', parts)
        if (!from) return this.cancelBare(parts[parts.length - 1], at, false)
        const to = `${schemaOf(from)}.${stmt.newname}`
        this.functions.add(to)
        this.rewrite(
          e => (e.kind === 'function' && e.name === from ? { name: to } : undefined),
          () => `renamed from ${from} ${by}`
        )
        return
      }
      case 'OBJECT_SCHEMA':
        return this.moveSchema(stmt.subname, stmt.newname, `schema ${stmt.subname} renamed ${by}`)
    }
  }

  private moveSchema(from: string, to: string, note: string): void {
    const move = (q: string | undefined) =>
      q !== undefined && schemaOf(q) === from ? `${to}.${bareName(q)}` : q
    this.schemas.add(to)
    this.rewrite(
      e => {
        const patch: Partial<Expectation> = {}
        if (e.kind === 'table' || e.kind === 'index' || e.kind === 'function' || e.kind === 'rls')
          if (move(e.name) !== e.name) patch.name = move(e.name)
        if (move(e.table) !== e.table) patch.table = move(e.table)
        if (move(e.references) !== e.references) patch.references = move(e.references)
        return Object.keys(patch).length ? patch : undefined
      },
      () => note
    )
  }

  private setSchema(stmt: AstNode, at: At): void {
    const by = `by ${where(at)}`
    if (stmt.objectType === 'OBJECT_TABLE' || stmt.objectType === 'OBJECT_FOREIGN_TABLE') {
      const from = this.relation(stmt.relation)
      if (!from) return this.cancelBare(stmt.relation.relname, at, true)
      const to = `${stmt.newschema}.${bareName(from)}`
      this.relations.add(to)
      this.rewrite(
        e => {
          const patch: Partial<Expectation> = {}
          if ((e.kind === 'table' || e.kind === 'rls') && e.name === from) patch.name = to
          // The table's indexes move with it.
          if (e.kind === 'index' && e.table === from)
            patch.name = `${stmt.newschema}.${bareName(e.name)}`
          if (e.table === from) patch.table = to
          if (e.references === from) patch.references = to
          return Object.keys(patch).length ? patch : undefined
        },
        () => `table ${from} moved to schema ${stmt.newschema} ${by}`
      )
    } else if (
      stmt.objectType === 'OBJECT_FUNCTION' ||
      stmt.objectType === 'OBJECT_PROCEDURE' ||
      stmt.objectType === 'OBJECT_ROUTINE'
    ) {
      const parts = names(stmt.object?.ObjectWithArgs?.objname)
      if (parts.length === 0) return
      const from = this.fromList('function', parts)
      if (!from) return this.cancelBare(parts[parts.length - 1], at, false)
      const to = `${stmt.newschema}.${bareName(from)}`
      this.functions.add(to)
      this.rewrite(
        e => (e.kind === 'function' && e.name === from ? { name: to } : undefined),
        () => `moved from ${from} ${by}`
      )
    }
  }

  private createPolicy(stmt: AstNode, at: At): void {
    const table = this.relation(stmt.table)
    if (!table) return this.uncertainName('policy on', stmt.table?.relname ?? '?', at)
    this.put(
      {
        kind: 'policy',
        name: stmt.policy_name,
        table,
        present: true,
        line: at.line,
        describe: ''
      },
      at
    )
  }

  private createFunction(stmt: AstNode, at: At): void {
    const parts = names(stmt.funcname)
    if (parts.length === 0) return
    const fname = parts[parts.length - 1]
    const schema = parts.length > 1 ? parts[parts.length - 2] : this.creationSchema()
    if (!schema) return this.uncertainName('function', fname, at)
    const name = `${schema}.${fname}`
    this.functions.add(name)
    // A string body (not C's object file and symbol, not a SQL-standard body) is kept verbatim in prosrc.
    const as = names(optionValue(stmt.options, 'as')?.List?.items)
    const body = as.length === 1 ? as[0] : undefined
    this.put(
      {
        kind: 'function',
        name,
        present: true,
        changedFrom: Boolean(stmt.replace),
        body,
        line: at.line,
        describe: ''
      },
      at
    )
  }

  /** The statements of a DO block's PL/pgSQL body, followed as the migration's own. */
  private doBlock(s: SqlStatement, at: At): void {
    const args = s.ast.DoStmt.args
    const language = optionValue(args, 'language')?.String?.sval ?? 'plpgsql'
    const body = optionValue(args, 'as')?.String?.sval
    if (language.toLowerCase() !== 'plpgsql' || typeof body !== 'string') return
    let tree: AstNode
    try {
      tree = parsePlpgsql(s.text) as AstNode
    } catch (e) {
      this.notes.push(
        `${where(at)}: the DO block's body does not parse (${(e as Error).message}): what it changes is not followed`
      )
      return
    }
    const offset = Math.max(0, s.text.indexOf(body))
    const bodyLine = at.line + (s.text.slice(0, offset).match(/\n/g)?.length ?? 0)
    const lineOf = (lineno: unknown) =>
      typeof lineno === 'number' && lineno > 0 ? bodyLine + lineno - 1 : at.line
    const run = (sql: string, lineno: unknown, conditional: boolean) => {
      const inner: At = { ...at, line: lineOf(lineno), conditional }
      const parsed = parseSql(sql)
      if (parsed.error) {
        this.notes.push(`${where(inner)}: a statement of the DO block does not parse: not followed`)
        return
      }
      for (const st of parsed.statements) this.statement(st, inner)
    }
    const dynamic: number[] = []
    const embedded = (key: string, n: AstNode, conditional: boolean) => {
      if (key === 'PLpgSQL_stmt_execsql') {
        const sql = n.sqlstmt?.PLpgSQL_expr?.query
        if (typeof sql === 'string') run(sql, n.lineno, conditional)
      } else if (key === 'PLpgSQL_stmt_dynexecute') {
        const sql = constantString(n.query?.PLpgSQL_expr?.query ?? '')
        if (sql !== undefined) run(sql, n.lineno, conditional)
        else dynamic.push(lineOf(n.lineno))
      }
    }
    const visitList = (list: AstNode[] | undefined, conditional: boolean) => {
      for (const item of list ?? []) {
        const [key] = Object.keys(item)
        const n = item[key] ?? {}
        if (key === 'PLpgSQL_stmt_block') {
          // A block with an exception handler may swallow the failure of any of its statements.
          const handled = Boolean(n.exceptions)
          visitList(n.body, conditional || handled)
          for (const x of n.exceptions?.PLpgSQL_exception_block?.exc_list ?? [])
            visitList(x.PLpgSQL_exception?.action, true)
        } else if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_dynexecute') {
          embedded(key, n, conditional)
        } else {
          // IF, CASE, loops...: what they contain runs conditionally, or repeatedly.
          walk(n, (k, v) => embedded(k, v, true))
        }
      }
    }
    for (const fn of (tree.plpgsql_funcs ?? []) as AstNode[]) {
      const action = fn.PLpgSQL_function?.action
      if (action) visitList([action], false)
    }
    if (dynamic.length)
      this.notes.push(
        `${where(at)}: the DO block runs dynamic SQL (EXECUTE of a computed string, line${dynamic.length > 1 ? 's' : ''} ${dynamic.join(', ')}): what it changes is not followed`
      )
  }
}

/** Rewrites a constraint's parse tree for a renamed column (keys, foreign key columns, exclusion elements). */
function renameColumnInConstraint(con: AstNode, from: string, to: string): AstNode {
  const copy = structuredClone(con)
  for (const list of [copy.keys, copy.including, copy.fk_attrs])
    for (const n of list ?? []) if (n.String?.sval === from) n.String.sval = to
  for (const pair of copy.exclusions ?? []) {
    const elem = pair.List?.items?.[0]?.IndexElem
    if (elem?.name === from) elem.name = to
  }
  return copy
}

/**
 * Expectations of a run of migrations (in the order they were applied), each following what later
 * statements of the run did to its object.
 */
export function deriveRunExpectations(
  migrations: RunMigration[],
  opts: DeriveOptions = {}
): DerivedRun {
  const f = new Follower(opts)
  for (const m of migrations) {
    for (const s of m.statements) f.statement(s, { version: m.version, file: m.file, line: s.line })
    f.endOfFile()
  }
  return {
    expectations: [...f.live.values()],
    followed: f.followed,
    uncertain: f.uncertain,
    notes: f.notes
  }
}

/** Expectations derived from one migration's statements. Unknown statement kinds add nothing. */
export function deriveExpectations(
  statements: SqlStatement[],
  opts: DeriveOptions = {}
): Expectation[] {
  return deriveRunExpectations([{ version: '', file: '', statements }], opts).expectations.map(
    ({ version: _v, file: _f, ...e }) => e
  )
}

/** Internal type names as format_type/oidvectortypes print them. */
const TYPE_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  varbit: 'bit varying'
}

/** A TypeName as oidvectortypes prints it, without its schema: 'integer', 'text[]', 'mytype'. */
function typeText(t: AstNode | undefined): string {
  const name = names(t?.names).pop() ?? '?'
  return `${TYPE_NAMES[name] ?? name}${t?.arrayBounds ? '[]' : ''}`.toLowerCase()
}

/** The argument types of a snapshot function key, `function s.f(integer, public.mytype)`, schemas dropped. */
function argTypesOf(key: string): string[] {
  const args = key.slice(key.indexOf('(') + 1, key.lastIndexOf(')')).trim()
  if (args === '') return []
  return args.split(', ').map(a => a.replace(/^.*\./, '').replace(/"/g, '').toLowerCase())
}

function candidates(s: SchemaSnapshot, e: Expectation): SchemaObject[] {
  if (e.kind === 'function') {
    // Functions are keyed with their argument types; match on schema.name (every overload).
    const [schema, name] = [schemaOf(e.name), bareName(e.name)]
    return s.objects.filter(
      o =>
        o.kind === 'function' &&
        o.schema === schema &&
        o.name.split('(')[0] === name &&
        (e.argTypes === undefined || argTypesOf(o.key).join(', ') === e.argTypes.join(', '))
    )
  }
  if (e.kind === 'table') {
    const [schema, name] = [schemaOf(e.name), bareName(e.name)]
    return s.objects.filter(o => o.kind === 'table' && o.schema === schema && o.name === name)
  }
  const found = findObject(s, e.kind, e.name, e.table)
  return found ? [found] : []
}

export function checkExpectations(
  expectations: Expectation[],
  after: SchemaSnapshot,
  before?: SchemaSnapshot
): ExpectationResult[] {
  return expectations.map(e => {
    const all = candidates(after, e)
    const found = all[0]
    if (!e.present) return { ...e, ok: !found, actual: found?.definition }
    if (!found) return { ...e, ok: false }
    if (e.kind === 'function' && e.body !== undefined) {
      // The function as written is in place when one of its overloads has that body, whatever it had
      // before (a migration may restate a function unchanged).
      const match = all.find(o => o.definition.includes(e.body as string))
      return { ...e, ok: match !== undefined, actual: (match ?? found).definition }
    }
    const def = found.definition
    // Compared without identifier quotes: pg_get_constraintdef quotes "window", the parse tree does not.
    const plain = def.replace(/"/g, '').toUpperCase()
    let ok = (e.contains ?? []).every(c => plain.includes(c.replace(/"/g, '').toUpperCase()))
    if (ok && e.changedFrom && before) {
      const old = candidates(before, e)[0]
      // A CREATE OR REPLACE of a function that existed must have changed it.
      if (old && old.definition === def && (old.hash ?? '') === (found.hash ?? '')) ok = false
    }
    return { ...e, ok, actual: def }
  })
}
