/** The per-statement rules: given one parsed statement and what the file did before it, the findings. */
import { names, qualifiedName, walk, type AstNode } from '../sql/parser.js'
import type { Position } from './position.js'
import type { RuleId } from './rules.js'

export interface RawFinding {
  rule: RuleId
  line: number
  column: number
  message: string
  /** First line of the statement the finding belongs to (where a suppression comment is looked for). */
  anchorLine: number
}

export interface StatementContext {
  noTransaction: boolean
  /** True for a table that has rows to lock and scan (not created earlier in this file or change set). */
  isExisting: (table: string) => boolean
  /** table.column pairs with a validated CHECK (column IS NOT NULL) earlier in the file. */
  notNullChecks: Set<string>
  /** Line and column of a parse-tree location (bytes), falling back to the statement's start. */
  pos: (byteLocation: number | undefined) => Position
  anchorLine: number
}

/** Functions whose DEFAULT makes ADD COLUMN rewrite the table (provolatile = 'v'). now() is STABLE: fine. */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setseed',
  'txid_current'
])
const SERIAL_TYPES = new Set([
  'serial',
  'serial2',
  'serial4',
  'serial8',
  'smallserial',
  'bigserial'
])

const TRANSACTION_KINDS: Record<string, string> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED'
}

function volatileCall(expr: AstNode | undefined): string | undefined {
  let found: string | undefined
  walk({ expr }, (key, value) => {
    if (key === 'FuncCall' && !found) {
      const fn = names(value.funcname).pop()?.toLowerCase()
      if (fn && VOLATILE_FUNCTIONS.has(fn)) found = fn + '()'
    }
  })
  return found
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
  const volatile = SERIAL_TYPES.has(typeName)
    ? `${typeName} (nextval())`
    : volatileCall(defaultCon?.raw_expr)
  if (volatile) {
    push(
      'volatile-default',
      `ADD COLUMN ${def.colname} with volatile default ${volatile} rewrites every row of ${table} under ACCESS EXCLUSIVE`
    )
  }
}

function alterTableFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const out: RawFinding[] = []
  const table = qualifiedName(s.relation)
  if (s.objtype !== 'OBJECT_TABLE' || !ctx.isExisting(table)) return out
  for (const c of s.cmds ?? []) {
    const cmd = c.AlterTableCmd ?? {}
    const con = cmd.def?.Constraint
    const at = ctx.pos(con?.location ?? cmd.def?.ColumnDef?.location)
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

function createFunctionFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const options: AstNode[] = (s.options ?? []).map((o: AstNode) => o.DefElem).filter(Boolean)
  const definer = options.some(o => o.defname === 'security' && o.arg?.Boolean?.boolval === true)
  const pinned = options.some(
    o => o.defname === 'set' && o.arg?.VariableSetStmt?.name === 'search_path'
  )
  if (!definer || pinned) return []
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

/** The findings of one statement. */
export function statementFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  const at = ctx.pos(undefined)
  const one = (rule: RuleId, message: string, p: Position = at): RawFinding[] => [
    { rule, ...p, message, anchorLine: ctx.anchorLine }
  ]
  switch (kind) {
    case 'TransactionStmt': {
      const verb = TRANSACTION_KINDS[s.kind]
      return verb
        ? one(
            'transaction-control',
            `${verb} inside a migration script: the runbook manages the transaction`
          )
        : []
    }
    case 'AlterTableStmt':
      return alterTableFindings(s, ctx)
    case 'IndexStmt': {
      const table = qualifiedName(s.relation)
      const out: RawFinding[] = []
      if (s.concurrent && !ctx.noTransaction) {
        out.push(
          ...one(
            'concurrently-in-transaction',
            `CREATE INDEX CONCURRENTLY on ${table} in a file without the no-transaction marker fails inside the transaction`
          )
        )
      }
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
      if (s.concurrent && !ctx.noTransaction) {
        return one(
          'concurrently-in-transaction',
          'DROP INDEX CONCURRENTLY in a file without the no-transaction marker fails inside the transaction'
        )
      }
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
      return concurrent && !ctx.noTransaction
        ? one(
            'concurrently-in-transaction',
            'REINDEX CONCURRENTLY in a file without the no-transaction marker fails inside the transaction'
          )
        : []
    }
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
