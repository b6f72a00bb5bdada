/**
 * Lock rules for index maintenance, partitions and TRUNCATE (issue 14), and the prefer-robust hint. Like the
 * other lock rules they only speak about existing tables: a table created in the linted files has no rows.
 */
import { names, qualifiedName, type AstNode } from '../sql/parser.js'
import type { Position } from './position.js'
import type { RuleId } from './rules.js'
import type { RawFinding, StatementContext } from './statement-rules.js'

/** schema.name of a possibly qualified name list (unqualified names are taken as public). */
function qualified(parts: string[]): string {
  return parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0]}`
}

/** The table an index belongs to, when the linted files created it; undefined when it is not known. */
function tableOfIndex(index: string, ctx: StatementContext): string | undefined {
  return ctx.indexTable?.(index)
}

/** Whether the index's table is existing: unknown indexes count as indexes of existing tables. */
function indexOnExisting(index: string, ctx: StatementContext): boolean {
  const table = tableOfIndex(index, ctx)
  return table === undefined || ctx.isExisting(table)
}

function onTable(index: string, ctx: StatementContext): string {
  const table = tableOfIndex(index, ctx)
  return table ? `${table}` : 'its table'
}

function dropIndexFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  if (s.removeType !== 'OBJECT_INDEX' || s.concurrent) return []
  const indexes: string[] = (s.objects ?? []).map((o: AstNode) =>
    qualified(names(o.List?.items ?? [o]))
  )
  return indexes
    .filter(i => indexOnExisting(i, ctx))
    .map(i => ({
      rule: 'require-concurrent-index-drop' as const,
      ...ctx.pos(undefined),
      message: `DROP INDEX ${i} without CONCURRENTLY takes ACCESS EXCLUSIVE on ${onTable(i, ctx)}: every read and write waits until it is dropped`,
      anchorLine: ctx.anchorLine
    }))
}

function reindexFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const concurrent = (s.params ?? []).some((o: AstNode) => o.DefElem?.defname === 'concurrently')
  if (concurrent) return []
  const at = ctx.pos(undefined)
  const one = (message: string): RawFinding[] => [
    { rule: 'require-concurrent-reindex', ...at, message, anchorLine: ctx.anchorLine }
  ]
  switch (s.kind) {
    case 'REINDEX_OBJECT_INDEX': {
      const index = qualifiedName(s.relation)
      if (!indexOnExisting(index, ctx)) return []
      return one(
        `REINDEX INDEX ${index} without CONCURRENTLY blocks writes to ${onTable(index, ctx)} (SHARE) and reads through the index (ACCESS EXCLUSIVE) until it is rebuilt`
      )
    }
    case 'REINDEX_OBJECT_TABLE': {
      const table = qualifiedName(s.relation)
      if (!ctx.isExisting(table)) return []
      return one(
        `REINDEX TABLE ${table} without CONCURRENTLY blocks writes to ${table} (SHARE) and reads through each index (ACCESS EXCLUSIVE) until all are rebuilt`
      )
    }
    default: {
      const what = String(s.kind ?? '')
        .replace('REINDEX_OBJECT_', '')
        .toLowerCase()
      return one(
        `REINDEX ${what.toUpperCase()}${s.name ? ' ' + s.name : ''} without CONCURRENTLY rebuilds every index of every table in the ${what}, blocking writes to each table while its indexes are rebuilt`
      )
    }
  }
}

function detachFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  const table = qualifiedName(s.relation)
  if (!ctx.isExisting(table)) return []
  const out: RawFinding[] = []
  for (const [i, c] of (s.cmds ?? []).entries()) {
    const cmd = (c as AstNode).AlterTableCmd ?? {}
    if (cmd.subtype !== 'AT_DetachPartition' || cmd.def?.PartitionCmd?.concurrent) continue
    // FINALIZE completes an interrupted DETACH ... CONCURRENTLY: there is nothing to make concurrent.
    if (cmd.def?.PartitionCmd?.finalize) continue
    const part = qualifiedName(cmd.def.PartitionCmd.name)
    out.push({
      rule: 'require-concurrent-detach',
      ...(ctx.clause?.(i) ?? ctx.pos(undefined)),
      message: `DETACH PARTITION ${part} without CONCURRENTLY takes ACCESS EXCLUSIVE on ${table} and ${part}: every query on the partitioned table waits`,
      anchorLine: ctx.anchorLine
    })
  }
  return out
}

function truncateFindings(s: AstNode, ctx: StatementContext): RawFinding[] {
  if (s.behavior !== 'DROP_CASCADE') return []
  const tables: string[] = (s.relations ?? []).map((r: AstNode) => qualifiedName(r.RangeVar))
  if (!tables.some(t => ctx.isExisting(t))) return []
  return [
    {
      rule: 'truncate-cascade',
      ...ctx.pos(undefined),
      message: `TRUNCATE ${tables.join(', ')} CASCADE also empties every table that references ${tables.length > 1 ? 'them' : 'it'} by foreign key (ACCESS EXCLUSIVE on each), tables this statement does not name`,
      anchorLine: ctx.anchorLine
    }
  ]
}

/** "INDEX public.a, public.b" for a DROP statement's objects. */
function dropped(s: AstNode): string {
  const what = String(s.removeType).replace('OBJECT_', '').replace('_', ' ')
  const objects = (s.objects ?? []).map((o: AstNode) => names(o.List?.items ?? [o]).join('.'))
  return `${what}${objects.length && objects.every(Boolean) ? ' ' + objects.join(', ') : ''}`
}

/** Whether a DROP concerns an existing table (or an index of one), or an object other than a table or index. */
function dropsFromExisting(s: AstNode, ctx: StatementContext): boolean {
  const objects: string[] = (s.objects ?? []).map((o: AstNode) =>
    qualified(names(o.List?.items ?? [o]))
  )
  if (s.removeType === 'OBJECT_TABLE') return objects.some(t => ctx.isExisting(t))
  if (s.removeType === 'OBJECT_INDEX') return objects.some(i => indexOnExisting(i, ctx))
  return true
}

/**
 * The CREATE/DROP statements that could say IF [NOT] EXISTS and do not. Like the lock rules, not on tables
 * (and their indexes and columns) the linted files create: nothing uses them yet.
 */
function robustFindings(kind: string, s: AstNode, ctx: StatementContext): RawFinding[] {
  const hint = (what: string, p: Position = ctx.pos(undefined)): RawFinding => ({
    rule: 'prefer-robust' as RuleId,
    ...p,
    message: `${what}: running the file again fails here`,
    anchorLine: ctx.anchorLine
  })
  switch (kind) {
    case 'CreateStmt':
      return s.if_not_exists
        ? []
        : [hint(`CREATE TABLE ${qualifiedName(s.relation)} without IF NOT EXISTS`)]
    case 'IndexStmt':
      // An unnamed index cannot say IF NOT EXISTS (and gets a fresh name each run).
      return s.if_not_exists || !s.idxname || !ctx.isExisting(qualifiedName(s.relation))
        ? []
        : [hint(`CREATE INDEX ${s.idxname} without IF NOT EXISTS`)]
    case 'CreateSchemaStmt':
      return s.if_not_exists ? [] : [hint(`CREATE SCHEMA ${s.schemaname} without IF NOT EXISTS`)]
    case 'CreateSeqStmt':
      return s.if_not_exists
        ? []
        : [hint(`CREATE SEQUENCE ${qualifiedName(s.sequence)} without IF NOT EXISTS`)]
    case 'CreateExtensionStmt':
      return s.if_not_exists ? [] : [hint(`CREATE EXTENSION ${s.extname} without IF NOT EXISTS`)]
    case 'DropStmt':
      return s.missing_ok || !dropsFromExisting(s, ctx)
        ? []
        : [hint(`DROP ${dropped(s)} without IF EXISTS`)]
    case 'AlterTableStmt': {
      const out: RawFinding[] = []
      if (!ctx.isExisting(qualifiedName(s.relation))) return out
      for (const [i, c] of (s.cmds ?? []).entries()) {
        const cmd = (c as AstNode).AlterTableCmd ?? {}
        const at = ctx.clause?.(i)
        if (cmd.subtype === 'AT_AddColumn' && !cmd.missing_ok)
          out.push(hint(`ADD COLUMN ${cmd.def?.ColumnDef?.colname} without IF NOT EXISTS`, at))
        if (
          (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint') &&
          !cmd.missing_ok
        ) {
          const what = cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT'
          out.push(hint(`DROP ${what} ${cmd.name} without IF EXISTS`, at))
        }
      }
      return out
    }
    default:
      return []
  }
}

/** The findings of this module for one statement. */
export function ddlFindings(ast: AstNode, ctx: StatementContext): RawFinding[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  // In a transaction a failed file leaves nothing behind and runs again as written: IF [NOT] EXISTS would only
  // hide drift. Outside one (CONCURRENTLY files, no-transaction markers) a file can stop halfway.
  const out = ctx.noTransaction && !ctx.inside ? robustFindings(kind, s, ctx) : []
  switch (kind) {
    case 'DropStmt':
      out.push(...dropIndexFindings(s, ctx))
      break
    case 'ReindexStmt':
      out.push(...reindexFindings(s, ctx))
      break
    case 'AlterTableStmt':
      if (s.objtype === 'OBJECT_TABLE') out.push(...detachFindings(s, ctx))
      break
    case 'TruncateStmt':
      out.push(...truncateFindings(s, ctx))
      break
  }
  return out
}
