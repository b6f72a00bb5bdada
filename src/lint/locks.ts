/**
 * The table-level lock each statement takes, per the PostgreSQL documentation ("Explicit Locking" and the
 * lock notes of ALTER TABLE, CREATE INDEX, CREATE TRIGGER, ...). Statements that lock no existing table
 * (CREATE TABLE, CREATE FUNCTION) report `none` on the object they create, so every DDL statement is listed.
 */
import { qualifiedName, type AstNode } from '../sql/parser.js'

export const LOCK_MODES = [
  'none',
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock'
] as const
export type LockMode = (typeof LOCK_MODES)[number]

/** How a lock taken through an index names it: "schema.index (index)" (lockedRelation reads it back). */
const INDEX_SUFFIX = ' (index)'

export interface TableLock {
  lock: LockMode
  table: string
}

function stronger(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b
}

/** ALTER TABLE subcommands documented with a weaker lock than ACCESS EXCLUSIVE. */
const ALTER_TABLE_WEAKER: Record<string, LockMode> = {
  AT_ValidateConstraint: 'ShareUpdateExclusiveLock',
  AT_SetStatistics: 'ShareUpdateExclusiveLock',
  AT_ClusterOn: 'ShareUpdateExclusiveLock',
  AT_DropCluster: 'ShareUpdateExclusiveLock',
  AT_SetRelOptions: 'ShareUpdateExclusiveLock',
  AT_ResetRelOptions: 'ShareUpdateExclusiveLock',
  AT_AttachPartition: 'ShareUpdateExclusiveLock',
  AT_EnableTrig: 'ShareRowExclusiveLock',
  AT_EnableAlwaysTrig: 'ShareRowExclusiveLock',
  AT_EnableReplicaTrig: 'ShareRowExclusiveLock',
  AT_DisableTrig: 'ShareRowExclusiveLock',
  AT_EnableTrigAll: 'ShareRowExclusiveLock',
  AT_DisableTrigAll: 'ShareRowExclusiveLock',
  AT_EnableTrigUser: 'ShareRowExclusiveLock',
  AT_DisableTrigUser: 'ShareRowExclusiveLock'
}

/** LockStmt.mode numbers (lockdefs.h): LOCK_MODES is in that order, 'none' being 0. */
const LOCK_STMT_MODES: readonly LockMode[] = LOCK_MODES

/** schema.name from a list of String nodes (the last one or two are schema and name). */
function nameFromList(items: AstNode[], dropLast = 0): string {
  const parts = items.map(i => i.String?.sval ?? '').slice(0, items.length - dropLast)
  const name = parts[parts.length - 1]
  const schema = parts.length >= 2 ? parts[parts.length - 2] : 'public'
  return `${schema}.${name}`
}

function alterTableLocks(stmt: AstNode): TableLock[] {
  const table = qualifiedName(stmt.relation)
  let mode: LockMode = 'none'
  const others = new Map<string, LockMode>()
  for (const c of stmt.cmds ?? []) {
    const cmd = c.AlterTableCmd ?? {}
    const constraint = cmd.def?.Constraint
    if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
      // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both the table and the referenced table.
      mode = stronger(mode, 'ShareRowExclusiveLock')
      const ref = qualifiedName(constraint.pktable)
      others.set(ref, stronger(others.get(ref) ?? 'none', 'ShareRowExclusiveLock'))
    } else if (cmd.subtype === 'AT_DetachPartition') {
      // Only DETACH ... CONCURRENTLY is weaker (tablecmds.c AlterTableGetLockLevel); both tables are locked.
      const lock = cmd.def?.PartitionCmd?.concurrent
        ? 'ShareUpdateExclusiveLock'
        : 'AccessExclusiveLock'
      mode = stronger(mode, lock)
      const part = qualifiedName(cmd.def.PartitionCmd.name)
      others.set(part, stronger(others.get(part) ?? 'none', lock))
    } else {
      mode = stronger(mode, ALTER_TABLE_WEAKER[cmd.subtype] ?? 'AccessExclusiveLock')
    }
    // An added column with REFERENCES locks the referenced table too.
    for (const k of cmd.def?.ColumnDef?.constraints ?? []) {
      if (k.Constraint?.contype === 'CONSTR_FOREIGN') {
        const ref = qualifiedName(k.Constraint.pktable)
        others.set(ref, stronger(others.get(ref) ?? 'none', 'ShareRowExclusiveLock'))
      }
    }
  }
  return [
    { lock: mode, table },
    ...[...others].filter(([t]) => t !== table).map(([t, lock]) => ({ lock, table: t }))
  ]
}

function createTableLocks(stmt: AstNode): TableLock[] {
  const out: TableLock[] = [{ lock: 'none', table: qualifiedName(stmt.relation) }]
  const refs = new Set<string>()
  for (const elt of stmt.tableElts ?? []) {
    const constraints = elt.Constraint ? [elt] : (elt.ColumnDef?.constraints ?? [])
    for (const k of constraints) {
      if (k.Constraint?.contype === 'CONSTR_FOREIGN' && k.Constraint.pktable)
        refs.add(qualifiedName(k.Constraint.pktable))
    }
  }
  for (const t of refs) out.push({ lock: 'ShareRowExclusiveLock', table: t })
  return out
}

function dropLocks(stmt: AstNode): TableLock[] {
  const objects: AstNode[] = stmt.objects ?? []
  const lists = objects.map(o => (o.List?.items ?? [o]) as AstNode[])
  switch (stmt.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_VIEW':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE':
      return lists.map(l => ({ lock: 'AccessExclusiveLock', table: nameFromList(l) }))
    case 'OBJECT_INDEX':
      // The index's table is not named in the statement; the lock is on the index and its table.
      return lists.map(l => ({
        lock: stmt.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock',
        table: nameFromList(l) + INDEX_SUFFIX
      }))
    case 'OBJECT_POLICY':
    case 'OBJECT_TRIGGER':
    case 'OBJECT_RULE':
      return lists.map(l => ({ lock: 'AccessExclusiveLock', table: nameFromList(l, 1) }))
    default:
      return []
  }
}

/** A TableLock's relation as named, and whether it is an index (its table is locked through it). */
export function lockedRelation(l: TableLock): { name: string; isIndex: boolean } {
  const isIndex = l.table.endsWith(INDEX_SUFFIX)
  return { name: isIndex ? l.table.slice(0, -INDEX_SUFFIX.length) : l.table, isIndex }
}

/** The locks a statement takes on tables (schema.name; unqualified names are taken as public). */
export function statementLocks(ast: AstNode): TableLock[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  switch (kind) {
    case 'AlterTableStmt':
      if (s.objtype === 'OBJECT_INDEX')
        return [
          { lock: 'ShareUpdateExclusiveLock', table: qualifiedName(s.relation) + INDEX_SUFFIX }
        ]
      return alterTableLocks(s)
    case 'CreateStmt':
      return createTableLocks(s)
    case 'IndexStmt':
      return [
        {
          lock: s.concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock',
          table: qualifiedName(s.relation)
        }
      ]
    case 'DropStmt':
      return dropLocks(s)
    case 'RenameStmt':
      if (!s.relation) return []
      return [
        {
          lock:
            s.renameType === 'OBJECT_INDEX' ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock',
          table: qualifiedName(s.relation) + (s.renameType === 'OBJECT_INDEX' ? INDEX_SUFFIX : '')
        }
      ]
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      return [{ lock: 'AccessExclusiveLock', table: qualifiedName(s.table) }]
    case 'CreateTrigStmt':
      return [{ lock: 'ShareRowExclusiveLock', table: qualifiedName(s.relation) }]
    case 'RuleStmt':
      return [{ lock: 'AccessExclusiveLock', table: qualifiedName(s.relation) }]
    case 'LockStmt':
      return (s.relations ?? []).map((r: AstNode) => ({
        lock: LOCK_STMT_MODES[s.mode ?? 8] ?? 'AccessExclusiveLock',
        table: qualifiedName(r.RangeVar)
      }))
    case 'TruncateStmt':
      return (s.relations ?? []).map((r: AstNode) => ({
        lock: 'AccessExclusiveLock',
        table: qualifiedName(r.RangeVar)
      }))
    case 'ClusterStmt':
      return s.relation ? [{ lock: 'AccessExclusiveLock', table: qualifiedName(s.relation) }] : []
    case 'VacuumStmt': {
      const full = (s.options ?? []).some((o: AstNode) => o.DefElem?.defname === 'full')
      return (s.rels ?? []).map((r: AstNode) => ({
        lock: full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock',
        table: qualifiedName(r.VacuumRelation.relation)
      }))
    }
    case 'ReindexStmt': {
      const concurrent = (s.params ?? []).some(
        (o: AstNode) => o.DefElem?.defname === 'concurrently'
      )
      // REINDEX INDEX names the index: its table is locked (and the index itself ACCESS EXCLUSIVE).
      const index = s.kind === 'REINDEX_OBJECT_INDEX' ? INDEX_SUFFIX : ''
      return s.relation
        ? [
            {
              lock: concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock',
              table: qualifiedName(s.relation) + index
            }
          ]
        : []
    }
    case 'RefreshMatViewStmt':
      return [
        {
          lock: s.concurrent ? 'ExclusiveLock' : 'AccessExclusiveLock',
          table: qualifiedName(s.relation)
        }
      ]
    case 'CommentStmt':
      return s.objtype === 'OBJECT_TABLE' || s.objtype === 'OBJECT_COLUMN'
        ? [
            {
              lock: 'ShareUpdateExclusiveLock',
              table: nameFromList(
                s.object?.List?.items ?? [],
                s.objtype === 'OBJECT_COLUMN' ? 1 : 0
              )
            }
          ]
        : []
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
      return s.relation ? [{ lock: 'RowExclusiveLock', table: qualifiedName(s.relation) }] : []
    case 'CreateFunctionStmt':
    case 'ViewStmt':
    case 'CreateTableAsStmt':
      return []
    default:
      return []
  }
}

/** The short SQL verb phrase of a statement for the locks table, e.g. "ALTER TABLE". */
export function statementLabel(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  return words.slice(0, Math.min(words.length, 6)).join(' ') + (words.length > 6 ? ' …' : '')
}
