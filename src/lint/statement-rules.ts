/** The per-statement rules: given one parsed statement and what the file did before it, the findings. */
import { names, qualifiedName, walk, type AstNode } from '../sql/parser.js'
import { ddlFindings } from './ddl-rules.js'
import { escapeHits, functionBodyHit } from './escape-rules.js'
import type { Position } from './position.js'
import type { RuleId } from './rules.js'
import { resolveVolatility, volatileCallIn, type VolatilityResolver } from './volatility.js'

export interface RawFinding {
  rule: RuleId
  line: number
  column: number
  message: string
  /** First line of the statement the finding belongs to (where a suppression comment is looked for). */
  anchorLine: number
  /** The rule's severity for this finding, when it differs from RULES (e.g. an anon key is a warning). */
  severity?: 'error' | 'warning' | 'info'
  /** The first line of the DO statement around the statement, whose comments may suppress it too. */
  outerAnchorLine?: number
  /** Whether a runbook:allow comment can silence this finding, when it differs from RULES. */
  suppressible?: boolean
}

export interface StatementContext {
  /** The file runs outside a transaction (a marker, or only CONCURRENTLY statements). */
  noTransaction: boolean
  /** The file is wrapped whole in BEGIN ... COMMIT. */
  wrapped?: boolean
  /** True for a table that has rows to lock and scan (not created earlier in this file or change set). */
  isExisting: (table: string) => boolean
  /** table.column pairs with a validated CHECK (column IS NOT NULL) earlier in the file. */
  notNullChecks: Set<string>
  /** Line and column of a parse-tree location (bytes), falling back to the statement's start. */
  pos: (byteLocation: number | undefined) => Position
  anchorLine: number
  /** Publications the same file creates (CREATE PUBLICATION): a DROP followed by one is a replacement. */
  publicationsCreated?: Set<string>
  /** Position of the i-th clause of an ALTER TABLE (its first token), when it can be found. */
  clause?: (index: number) => Position | undefined
  /** The table (schema.name) of an index (schema.name) created in the linted files, else undefined. */
  indexTable?: (index: string) => string | undefined
  /** A function's volatility: the target's pg_proc when connected, else the built-in list. */
  volatility?: VolatilityResolver
  /** Set for statements inside a DO block: 'a DO block'. */
  inside?: string
  /**
   * Functions (bare name, lower case) the same file gives a search_path, or makes SECURITY INVOKER, with ALTER
   * FUNCTION: a SECURITY DEFINER function created without one is fixed there.
   */
  searchPathSetLater?: Set<string>
}

const SERIAL_TYPES = new Set([
  'serial',
  'serial2',
  'serial4',
  'serial8',
  'smallserial',
  'bigserial'
])

/** Supabase Realtime streams the changes of the tables in this publication. */
const REALTIME_PUBLICATION = 'supabase_realtime'

/**
 * A CONCURRENTLY statement in a file that runs in a transaction: inside the file's BEGIN ... COMMIT, or mixed
 * with other statements without a no-transaction marker. statementsOf refuses both, with the same reason.
 */
function concurrentlyFinding(what: string, ctx: StatementContext): RawFinding[] {
  if (ctx.noTransaction && !ctx.inside) return []
  const message = ctx.inside
    ? `${what} inside ${ctx.inside} fails: CONCURRENTLY cannot run in a function or DO block`
    : ctx.wrapped
      ? `${what} inside the file's BEGIN ... COMMIT fails: it cannot run in a transaction block (the Supabase CLI fails the same way)`
      : `${what} shares the file with other statements and there is no no-transaction marker: refused, as the Supabase CLI would commit the statements before it on their own and run the rest in a new transaction`
  return [
    {
      rule: 'concurrently-in-transaction',
      ...ctx.pos(undefined),
      message,
      anchorLine: ctx.anchorLine
    }
  ]
}

function publicationFindings(kind: string, s: AstNode, ctx: StatementContext): RawFinding[] {
  const at = ctx.pos(undefined)
  if (kind === 'DropStmt') {
    const dropped = (s.objects ?? []).map((o: AstNode) => o.String?.sval)
    // Dropped and created again in the same transaction: atomic for subscribers, but the table list is replaced.
    if (
      dropped.includes(REALTIME_PUBLICATION) &&
      !ctx.noTransaction &&
      ctx.publicationsCreated?.has(REALTIME_PUBLICATION)
    )
      return [
        {
          rule: 'drop-supabase-publication',
          ...at,
          message: `DROP then CREATE PUBLICATION ${REALTIME_PUBLICATION} in one transaction replaces its table list (like ALTER PUBLICATION ... SET TABLE): every table not in the new list stops sending Realtime changes`,
          anchorLine: ctx.anchorLine,
          severity: 'warning'
        }
      ]
    return dropped.includes(REALTIME_PUBLICATION)
      ? [
          {
            rule: 'drop-supabase-publication',
            ...at,
            message: `DROP PUBLICATION ${REALTIME_PUBLICATION} stops Supabase Realtime for every table in it: postgres_changes subscribers receive nothing until it is created again and every table added back`,
            anchorLine: ctx.anchorLine
          }
        ]
      : []
  }
  if (s.pubname !== REALTIME_PUBLICATION || s.action !== 'AP_SetObjects') return []
  const schemas = (s.pubobjects ?? []).some(
    (o: AstNode) => o.PublicationObjSpec?.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA'
  )
  return [
    {
      rule: 'drop-supabase-publication',
      ...at,
      message: `ALTER PUBLICATION ${REALTIME_PUBLICATION} SET ${schemas ? 'TABLES IN SCHEMA' : 'TABLE'} replaces the whole list: every table not named here stops sending Realtime changes`,
      anchorLine: ctx.anchorLine,
      severity: 'warning'
    }
  ]
}

function columnConstraints(def: AstNode): AstNode[] {
  return (def.constraints ?? []).map((c: AstNode) => c.Constraint).filter(Boolean)
}

/** `col IS NOT NULL` as a CHECK expression: the column name, else undefined. */
export function isNotNullCheckColumn(expr: AstNode | undefined): string | undefined {
  const test = expr?.NullTest
  if (!test || test.nulltesttype !== 'IS_NOT_NULL') return undefined
  const fields = names(test.arg?.ColumnRef?.fields)
  return fields.length === 1 ? fields[0] : undefined
}

/**
 * What gives an added column a value in the existing rows, so that PostgreSQL validates its REFERENCES: a
 * DEFAULT (even DEFAULT NULL), GENERATED ... STORED, or a serial type's nextval() default. Without one it skips
 * the validation (parse_utilcmd.c transformAlterTableStmt: skipValidation unless raw_default is set): every
 * row is NULL, the statement is instant. An identity column has no raw_default either: not validated.
 */
function filledBy(cons: AstNode[], typeName: string): string | undefined {
  if (cons.some(c => c.contype === 'CONSTR_DEFAULT')) return 'a DEFAULT'
  if (cons.some(c => c.contype === 'CONSTR_GENERATED')) return 'a GENERATED expression'
  if (SERIAL_TYPES.has(typeName)) return `type ${typeName} (a nextval() default)`
  return undefined
}

function addColumnFindings(
  table: string,
  def: AstNode,
  at: Position,
  ctx: StatementContext,
  out: RawFinding[]
): void {
  const cons = columnConstraints(def)
  const typeName = names(def.typeName?.names).pop()?.toLowerCase() ?? ''
  const defaultCon = cons.find(c => c.contype === 'CONSTR_DEFAULT')
  const filled =
    defaultCon ||
    cons.some(c => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED') ||
    SERIAL_TYPES.has(typeName)
  const notNull = cons.some(c => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY')
  const push = (rule: RuleId, message: string) =>
    out.push({ rule, ...at, message, anchorLine: ctx.anchorLine })
  if (notNull && !filled) {
    push(
      'add-column-not-null-without-default',
      `ADD COLUMN ${def.colname} NOT NULL without a DEFAULT on ${table} fails as soon as the table has a row`
    )
  }
  const call = SERIAL_TYPES.has(typeName)
    ? undefined
    : volatileCallIn(defaultCon?.raw_expr, ctx.volatility)
  if (SERIAL_TYPES.has(typeName) || call) {
    const what = call ? `${call.fn}()` : `${typeName} (nextval())`
    const why =
      call?.source === 'unknown'
        ? ` (${call.fn}() is not a known function: taken as volatile offline; lint connected, or suppress if it is STABLE or IMMUTABLE)`
        : ''
    push(
      'volatile-default',
      `ADD COLUMN ${def.colname} with volatile default ${what} rewrites every row of ${table} under ACCESS EXCLUSIVE${why}`
    )
  }
  const fk = cons.find(c => c.contype === 'CONSTR_FOREIGN')
  const valued = filledBy(cons, typeName)
  if (fk && valued) {
    const ref = qualifiedName(fk.pktable)
    push(
      'add-column-foreign-key',
      `ADD COLUMN ${def.colname} REFERENCES ${ref} with ${valued} validates every row of ${table} while ${table} is locked ACCESS EXCLUSIVE (no reads or writes) and ${ref} SHARE ROW EXCLUSIVE (writes blocked)`
    )
  }
}

function alterTableFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const out: RawFinding[] = []
  const table = qualifiedName(s.relation)
  if (s.objtype !== 'OBJECT_TABLE' || !ctx.isExisting(table)) return out
  for (const [i, c] of (s.cmds ?? []).entries()) {
    const cmd = (c as AstNode).AlterTableCmd ?? {}
    const con = cmd.def?.Constraint
    const location = con?.location ?? cmd.def?.ColumnDef?.location
    // A clause without a location in the tree (SET NOT NULL, TYPE, DROP COLUMN) is found by its first token.
    const at = location === undefined ? (ctx.clause?.(i) ?? ctx.pos(undefined)) : ctx.pos(location)
    const push = (rule: RuleId, message: string) =>
      out.push({ rule, ...at, message, anchorLine: ctx.anchorLine })
    switch (cmd.subtype) {
      case 'AT_AddConstraint': {
        const name = con.conname ? ` ${con.conname}` : ''
        if (con.contype === 'CONSTR_FOREIGN') {
          if (!con.skip_validation) {
            push(
              'foreign-key-not-valid',
              `FOREIGN KEY${name} on ${table} is validated at once, scanning ${table} while it and ${qualifiedName(con.pktable)} are locked SHARE ROW EXCLUSIVE`
            )
          }
        } else if (con.contype === 'CONSTR_CHECK' && !con.skip_validation) {
          push(
            'constraint-full-scan',
            `CHECK${name} on ${table} scans every row under ACCESS EXCLUSIVE`
          )
        } else if (con.contype === 'CONSTR_EXCLUSION') {
          push(
            'constraint-full-scan',
            `EXCLUDE${name} builds its index on ${table} under ACCESS EXCLUSIVE (no reads or writes until it finishes)`
          )
        } else if (
          (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') &&
          !con.indexname
        ) {
          const what = con.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'
          push(
            'constraint-full-scan',
            `${what}${name} builds its index on ${table} under ACCESS EXCLUSIVE`
          )
        }
        break
      }
      case 'AT_AddColumn':
        addColumnFindings(table, cmd.def.ColumnDef, at, ctx, out)
        break
      case 'AT_AlterColumnType':
        push(
          'alter-column-type',
          `ALTER COLUMN ${cmd.name} TYPE on ${table} may rewrite the table and its indexes under ACCESS EXCLUSIVE`
        )
        break
      case 'AT_SetNotNull':
        if (!ctx.notNullChecks.has(`${table}.${cmd.name}`)) {
          push(
            'set-not-null-without-check',
            `SET NOT NULL on ${table}.${cmd.name} scans the table under ACCESS EXCLUSIVE: no validated CHECK (${cmd.name} IS NOT NULL) precedes it`
          )
        }
        break
      case 'AT_DropColumn':
        push('drop-column', `DROP COLUMN ${cmd.name} on ${table} destroys its data`)
        break
    }
  }
  return out
}

/** A function's option (of CREATE or ALTER FUNCTION) that sets its search_path. */
function setsSearchPath(o: AstNode | undefined): boolean {
  return o?.defname === 'set' && o.arg?.VariableSetStmt?.name === 'search_path'
}

/** A function's option SECURITY DEFINER (true) or SECURITY INVOKER (false); undefined for any other option. */
function securityOption(o: AstNode | undefined): boolean | undefined {
  return o?.defname === 'security' ? o.arg?.Boolean?.boolval === true : undefined
}

function createFunctionFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const options: AstNode[] = (s.options ?? []).map((o: AstNode) => o.DefElem).filter(Boolean)
  const definer = options.some(o => securityOption(o) === true)
  if (!definer || options.some(setsSearchPath)) return []
  const bare = names(s.funcname).pop()?.toLowerCase()
  if (bare && ctx.searchPathSetLater?.has(bare)) return []
  const name = names(s.funcname).join('.')
  const at = ctx.pos(undefined)
  return [
    {
      rule: 'security-definer-search-path',
      ...at,
      message: `SECURITY DEFINER function ${name} does not pin search_path`,
      anchorLine: ctx.anchorLine
    }
  ]
}

/**
 * Functions an ALTER FUNCTION of `statements` gives a search_path (SET search_path) or makes SECURITY INVOKER
 * (bare name, lower case): `CREATE FUNCTION ... SECURITY DEFINER` then `ALTER FUNCTION ... SET search_path = ''`
 * is the usual fix of an older function, and pins it as well.
 */
export function searchPathSetByAlter(statements: readonly { ast: AstNode }[]): Set<string> {
  const out = new Set<string>()
  for (const { ast } of statements) {
    const s = ast.AlterFunctionStmt
    if (!s) continue
    const fixes = (s.actions ?? [])
      .map((a: AstNode) => a.DefElem)
      .some((d: AstNode | undefined) => setsSearchPath(d) || securityOption(d) === false)
    const fn = names(s.func?.objname).pop()?.toLowerCase()
    if (fixes && fn) out.add(fn)
  }
  return out
}

/** The findings of one statement. */
export function statementFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  // What escapes the transaction (or rolls back only partly), wherever it is in the statement's tree.
  // A BEGIN ATOMIC body is in the tree: its calls run on every call of the function, not now (a warning).
  const inBody = Boolean(ast.CreateFunctionStmt)
  const escapes = escapeHits(ast).map(h => ({
    ...(inBody ? functionBodyHit(h) : { rule: h.rule, message: h.message }),
    ...ctx.pos(h.location),
    anchorLine: ctx.anchorLine
  }))
  return [...lockFindings(ast, ctx), ...escapes]
}

/** The lock and schema-change findings of one statement (what a statement inside a DO block gets too). */
export function lockFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  return [...kindFindings(ast, ctx), ...ddlFindings(ast, ctx), ...managedSchemaFindings(ast, ctx)]
}

/** Supabase's own schemas, whose objects the postgres role no longer owns or may create in (April 2025). */
const SUPABASE_MANAGED_SCHEMAS = new Set(['auth', 'storage', 'realtime'])

/**
 * A statement that alters, indexes, renames or creates an object in auth, storage or realtime (schema-qualified:
 * an unqualified name is taken as the project's own). CREATE POLICY and CREATE TRIGGER on their tables are not
 * among them: those stay allowed.
 */
function managedSchemaFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  const relation = (r: AstNode | undefined): [string | undefined, string] => [
    r?.schemaname,
    String(r?.relname ?? '')
  ]
  const listed = (items: AstNode[] | undefined): [string | undefined, string] => {
    const parts = names(items)
    return parts.length > 1 ? [parts[parts.length - 2], parts[parts.length - 1]] : [undefined, '']
  }
  const target: { what: string; name: [string | undefined, string] } | undefined =
    kind === 'AlterTableStmt' && s.objtype === 'OBJECT_TABLE'
      ? { what: 'ALTER TABLE', name: relation(s.relation) }
      : kind === 'IndexStmt'
        ? { what: 'CREATE INDEX on', name: relation(s.relation) }
        : kind === 'RenameStmt' && s.relation
          ? { what: 'ALTER TABLE … RENAME on', name: relation(s.relation) }
          : kind === 'CreateStmt'
            ? { what: 'CREATE TABLE', name: relation(s.relation) }
            : kind === 'ViewStmt'
              ? { what: 'CREATE VIEW', name: relation(s.view) }
              : kind === 'CreateSeqStmt'
                ? { what: 'CREATE SEQUENCE', name: relation(s.sequence) }
                : kind === 'CreateFunctionStmt'
                  ? {
                      what: s.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION',
                      name: listed(s.funcname)
                    }
                  : kind === 'CreateEnumStmt'
                    ? { what: 'CREATE TYPE', name: listed(s.typeName) }
                    : kind === 'CompositeTypeStmt'
                      ? { what: 'CREATE TYPE', name: relation(s.typevar) }
                      : undefined
  const schema = target?.name[0]
  if (!target || !schema || !SUPABASE_MANAGED_SCHEMAS.has(schema)) return []
  // A table the linted files create is theirs to change (Supabase's own services run such migrations).
  const changesTable = ['AlterTableStmt', 'IndexStmt', 'RenameStmt'].includes(kind)
  if (changesTable && !ctx.isExisting(`${schema}.${target.name[1]}`)) return []
  return [
    {
      rule: 'supabase-managed-schema',
      ...ctx.pos(undefined),
      message: `${target.what} ${schema}.${target.name[1]}: the ${schema} schema is Supabase's; on a Supabase project the postgres role may not change it (42501 must be owner), which the rehearsal, run as a superuser, does not show`,
      anchorLine: ctx.anchorLine
    }
  ]
}

/**
 * CREATE INDEX whose expressions or WHERE predicate call what is not IMMUTABLE: PostgreSQL refuses it (42P17).
 * Only functions whose volatility is known (the catalog, the built-in list, the linted files) are judged, so an
 * unknown function of the project's is never a false error. SQL value functions (CURRENT_DATE,
 * CURRENT_TIMESTAMP, LOCALTIME, CURRENT_USER, ...) are never IMMUTABLE.
 */
function mutableIndexFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const parts: [where: string, expr: AstNode | undefined][] = [
    ['predicate', s.whereClause],
    ...(s.indexParams ?? []).map(
      (p: AstNode) => ['expression', p.IndexElem?.expr] as [string, AstNode | undefined]
    )
  ]
  const resolve = ctx.volatility ?? ((fn: string) => resolveVolatility(fn))
  for (const [where, expr] of parts) {
    let found: { what: string; location?: number } | undefined
    walk({ expr }, (key, value) => {
      if (found) return
      if (key === 'SQLValueFunction') {
        const op = String(value.op ?? '')
          .replace(/^SVFOP_/, '')
          .replace(/_N$/, '')
        found = { what: `${op}, which is stable`, location: value.location }
      } else if (key === 'FuncCall') {
        const fn = names(value.funcname).pop()?.toLowerCase()
        const r = fn ? resolve(fn) : undefined
        // Overloads that disagree: the argument types pick one, and the rehearsal's CREATE INDEX says which.
        if (r && r.source !== 'unknown' && r.volatility !== 'immutable' && !r.mixed)
          found = { what: `${r.fn}(), which is ${r.volatility}`, location: value.location }
      }
    })
    if (!found) continue
    const name = s.idxname ? ` ${s.idxname}` : ''
    return [
      {
        rule: 'index-mutable-function',
        ...ctx.pos(found.location),
        message: `CREATE INDEX${name}: its ${where} uses ${found.what}; PostgreSQL refuses it (functions in index ${where} must be marked IMMUTABLE, 42P17)`,
        anchorLine: ctx.anchorLine
      }
    ]
  }
  return []
}

function kindFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  const at = ctx.pos(undefined)
  const one = (rule: RuleId, message: string, p: Position = at): RawFinding[] => [
    { rule, ...p, message, anchorLine: ctx.anchorLine }
  ]
  switch (kind) {
    case 'AlterTableStmt': {
      const detach = (s.cmds ?? []).find(
        (c: AstNode) =>
          c.AlterTableCmd?.subtype === 'AT_DetachPartition' &&
          c.AlterTableCmd.def?.PartitionCmd?.concurrent
      )
      const out = detach
        ? concurrentlyFinding(
            `DETACH PARTITION ${qualifiedName(detach.AlterTableCmd.def.PartitionCmd.name)} CONCURRENTLY`,
            ctx
          )
        : []
      return [...out, ...alterTableFindings(s, ctx)]
    }
    case 'IndexStmt': {
      const table = qualifiedName(s.relation)
      const out: RawFinding[] = [...mutableIndexFindings(s, ctx)]
      if (s.concurrent)
        out.push(...concurrentlyFinding(`CREATE INDEX CONCURRENTLY on ${table}`, ctx))
      if (!s.concurrent && ctx.isExisting(table)) {
        out.push(
          ...one(
            'require-concurrent-index',
            `CREATE INDEX${s.idxname ? ' ' + s.idxname : ''} on existing table ${table} without CONCURRENTLY blocks writes (SHARE lock) for the whole build`
          )
        )
      }
      return out
    }
    case 'DropStmt': {
      if (s.concurrent) return concurrentlyFinding('DROP INDEX CONCURRENTLY', ctx)
      if (s.removeType === 'OBJECT_PUBLICATION') return publicationFindings(kind, s, ctx)
      if (s.removeType !== 'OBJECT_TABLE') return []
      return (s.objects ?? [])
        .map((o: AstNode) => names(o.List?.items))
        .map((parts: string[]) =>
          parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0]}`
        )
        .filter((t: string) => ctx.isExisting(t))
        .flatMap((t: string) => one('drop-table', `DROP TABLE ${t} destroys its data`))
    }
    case 'ReindexStmt': {
      const concurrent = (s.params ?? []).some(
        (o: AstNode) => o.DefElem?.defname === 'concurrently'
      )
      return concurrent ? concurrentlyFinding('REINDEX CONCURRENTLY', ctx) : []
    }
    case 'AlterPublicationStmt':
      return publicationFindings(kind, s, ctx)
    case 'RenameStmt': {
      if (s.renameType !== 'OBJECT_TABLE' && s.renameType !== 'OBJECT_COLUMN') return []
      const table = qualifiedName(s.relation)
      if (!ctx.isExisting(table)) return []
      const what =
        s.renameType === 'OBJECT_TABLE' ? `table ${table}` : `column ${table}.${s.subname}`
      return one(
        'rename',
        `renaming ${what} to ${s.newname} breaks clients still using the old name`
      )
    }
    case 'CreateFunctionStmt':
      return createFunctionFindings(s, ctx)
    default:
      return []
  }
}

const DDL_KINDS =
  /^(Create|Alter|Drop|Rename|Index|Truncate|Comment|Grant|Rule|Cluster|Reindex|Refresh|Vacuum)/

/** Whether a statement kind changes the schema (for DDL inside function bodies). */
export function isDdl(kind: string): boolean {
  return DDL_KINDS.test(kind) && kind !== 'CreateTableAsStmt'
}
