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

/**
 * A foreign key the lock table knows of (from the target's catalog, or created earlier in the linted files).
 * Dropping it, its column or its table, or changing its column's type, also takes ACCESS EXCLUSIVE on the table it
 * references (its triggers there are dropped or rebuilt): a statement that never names that table.
 */
export interface ForeignKey {
  /** schema.table of the table the key is on. */
  table: string
  name: string
  columns: readonly string[]
  /** schema.table of the referenced table. */
  references: string
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

/** Measured on PostgreSQL 17 (pg_locks): what a dropped or rebuilt foreign key locks besides its own table. */
const FOREIGN_KEY_REBUILD: LockMode = 'AccessExclusiveLock'

function alterTableLocks(stmt: AstNode, foreignKeys: readonly ForeignKey[]): TableLock[] {
  const table = qualifiedName(stmt.relation)
  let mode: LockMode = 'none'
  const others = new Map<string, LockMode>()
  const also = (t: string, lock: LockMode) => others.set(t, stronger(others.get(t) ?? 'none', lock))
  const own = foreignKeys.filter(k => k.table === table)
  for (const c of stmt.cmds ?? []) {
    const cmd = c.AlterTableCmd ?? {}
    const constraint = cmd.def?.Constraint
    if (cmd.subtype === 'AT_DropConstraint') {
      const dropped = own.filter(k => k.name === cmd.name)
      for (const k of dropped) also(k.references, FOREIGN_KEY_REBUILD)
      // DROP CONSTRAINT ... CASCADE of a constraint that is no known foreign key is taken to be a key others reference:
      // their foreign keys go with it, and their tables are locked (an over-report when it is a CHECK).
      if (dropped.length === 0 && cmd.behavior === 'DROP_CASCADE')
        for (const k of foreignKeys) if (k.references === table) also(k.table, FOREIGN_KEY_REBUILD)
    } else if (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_AlterColumnType') {
      for (const k of own) if (k.columns.includes(cmd.name)) also(k.references, FOREIGN_KEY_REBUILD)
    }
    if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
      // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both the table and the referenced table.
      mode = stronger(mode, 'ShareRowExclusiveLock')
      also(qualifiedName(constraint.pktable), 'ShareRowExclusiveLock')
    } else if (cmd.subtype === 'AT_DetachPartition') {
      // Only DETACH ... CONCURRENTLY is weaker (tablecmds.c AlterTableGetLockLevel); both tables are locked.
      const lock = cmd.def?.PartitionCmd?.concurrent
        ? 'ShareUpdateExclusiveLock'
        : 'AccessExclusiveLock'
      mode = stronger(mode, lock)
      also(qualifiedName(cmd.def.PartitionCmd.name), lock)
    } else {
      mode = stronger(mode, ALTER_TABLE_WEAKER[cmd.subtype] ?? 'AccessExclusiveLock')
    }
    // An added column with REFERENCES locks the referenced table too.
    for (const k of cmd.def?.ColumnDef?.constraints ?? []) {
      if (k.Constraint?.contype === 'CONSTR_FOREIGN')
        also(qualifiedName(k.Constraint.pktable), 'ShareRowExclusiveLock')
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

/**
 * The tables besides `tables` that a DROP TABLE or TRUNCATE of them locks through foreign keys: those they reference
 * (a dropped table's keys go, with their triggers there), and with CASCADE those that reference them.
 */
function foreignKeyNeighbours(
  tables: readonly string[],
  foreignKeys: readonly ForeignKey[],
  opts: { referenced: boolean; cascade: boolean }
): TableLock[] {
  const out = new Set<string>()
  for (const k of foreignKeys) {
    if (opts.referenced && tables.includes(k.table)) out.add(k.references)
    if (opts.cascade && tables.includes(k.references)) out.add(k.table)
  }
  return [...out]
    .filter(t => !tables.includes(t))
    .sort()
    .map(table => ({ lock: FOREIGN_KEY_REBUILD, table }))
}

function dropLocks(stmt: AstNode, foreignKeys: readonly ForeignKey[]): TableLock[] {
  const objects: AstNode[] = stmt.objects ?? []
  const lists = objects.map(o => (o.List?.items ?? [o]) as AstNode[])
  switch (stmt.removeType) {
    case 'OBJECT_TABLE': {
      const tables = lists.map(l => nameFromList(l))
      return [
        ...tables.map(table => ({ lock: 'AccessExclusiveLock' as const, table })),
        ...foreignKeyNeighbours(tables, foreignKeys, {
          referenced: true,
          cascade: stmt.behavior === 'DROP_CASCADE'
        })
      ]
    }
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
export function lockedRelation(l: Pick<TableLock, 'table'>): { name: string; isIndex: boolean } {
  const isIndex = l.table.endsWith(INDEX_SUFFIX)
  return { name: isIndex ? l.table.slice(0, -INDEX_SUFFIX.length) : l.table, isIndex }
}

/**
 * The locks a statement takes on tables (schema.name; unqualified names are taken as public). With the foreign keys
 * known before it, also the tables it locks through them without naming them.
 */
export function statementLocks(ast: AstNode, foreignKeys: readonly ForeignKey[] = []): TableLock[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  switch (kind) {
    case 'AlterTableStmt':
      if (s.objtype === 'OBJECT_INDEX')
        return [
          { lock: 'ShareUpdateExclusiveLock', table: qualifiedName(s.relation) + INDEX_SUFFIX }
        ]
      return alterTableLocks(s, foreignKeys)
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
      return dropLocks(s, foreignKeys)
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
    case 'TruncateStmt': {
      const tables: string[] = (s.relations ?? []).map((r: AstNode) => qualifiedName(r.RangeVar))
      return [
        ...tables.map(table => ({ lock: 'AccessExclusiveLock' as const, table })),
        ...foreignKeyNeighbours(tables, foreignKeys, {
          referenced: false,
          cascade: s.behavior === 'DROP_CASCADE'
        })
      ]
    }
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

/** PostgreSQL's makeObjectName: name1_name2_label within 63 bytes, the longer part cut first (ASCII names). */
function defaultObjectName(name1: string, name2: string, label: string): string {
  const room = 63 - (label.length + 1) - (name2 ? 1 : 0)
  let n1 = name1.length
  let n2 = name2.length
  while (n1 + n2 > room) {
    if (n1 > n2) n1--
    else n2--
  }
  return [name1.slice(0, n1), name2.slice(0, n2), label].filter(Boolean).join('_')
}

/** A foreign key constraint node of a table as it will be named (PostgreSQL's default: table_columns_fkey). */
function foreignKeyOf(
  table: string,
  constraint: AstNode,
  columns: readonly string[]
): ForeignKey | undefined {
  if (constraint?.contype !== 'CONSTR_FOREIGN' || !constraint.pktable) return undefined
  const relname = table.slice(table.indexOf('.') + 1)
  return {
    table,
    name: constraint.conname ?? defaultObjectName(relname, columns.join('_'), 'fkey'),
    columns,
    references: qualifiedName(constraint.pktable)
  }
}

function columnNames(list: AstNode[] | undefined): string[] {
  return (list ?? []).map(n => String(n.String?.sval ?? ''))
}

/**
 * The foreign keys after a statement ran, given those before it: what CREATE TABLE and ALTER TABLE add, what DROP
 * and renames change. `tableName` names a created table as the caller resolves it (its search path).
 */
export function foreignKeysAfter(
  ast: AstNode,
  before: readonly ForeignKey[],
  tableName: (rangeVar: AstNode) => string = qualifiedName
): ForeignKey[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  let keys = [...before]
  const add = (k: ForeignKey | undefined) => {
    if (k) keys = [...keys.filter(o => !(o.table === k.table && o.name === k.name)), k]
  }
  if (kind === 'CreateStmt' && s.relation) {
    const table = tableName(s.relation)
    for (const elt of s.tableElts ?? []) {
      if (elt.Constraint)
        add(foreignKeyOf(table, elt.Constraint, columnNames(elt.Constraint.fk_attrs)))
      const column = elt.ColumnDef?.colname
      for (const k of elt.ColumnDef?.constraints ?? [])
        add(foreignKeyOf(table, k.Constraint, [String(column)]))
    }
  } else if (kind === 'AlterTableStmt' && s.objtype === 'OBJECT_TABLE' && s.relation) {
    const table = qualifiedName(s.relation)
    for (const c of s.cmds ?? []) {
      const cmd = c.AlterTableCmd ?? {}
      if (cmd.subtype === 'AT_AddConstraint')
        add(foreignKeyOf(table, cmd.def?.Constraint, columnNames(cmd.def?.Constraint?.fk_attrs)))
      else if (cmd.subtype === 'AT_AddColumn')
        for (const k of cmd.def?.ColumnDef?.constraints ?? [])
          add(foreignKeyOf(table, k.Constraint, [String(cmd.def.ColumnDef.colname)]))
      else if (cmd.subtype === 'AT_DropConstraint')
        keys = keys.filter(k => !(k.table === table && k.name === cmd.name))
      else if (cmd.subtype === 'AT_DropColumn')
        keys = keys.filter(k => !(k.table === table && k.columns.includes(cmd.name)))
    }
  } else if (kind === 'DropStmt' && s.removeType === 'OBJECT_TABLE') {
    const dropped = (s.objects ?? []).map((o: AstNode) => nameFromList(o.List?.items ?? [o]))
    const cascade = s.behavior === 'DROP_CASCADE'
    keys = keys.filter(
      k => !dropped.includes(k.table) && !(cascade && dropped.includes(k.references))
    )
  } else if (kind === 'RenameStmt' && s.relation) {
    const table = qualifiedName(s.relation)
    if (s.renameType === 'OBJECT_TABLE') {
      const renamed = `${table.slice(0, table.indexOf('.'))}.${s.newname}`
      keys = keys.map(k => ({
        ...k,
        table: k.table === table ? renamed : k.table,
        references: k.references === table ? renamed : k.references
      }))
    } else if (s.renameType === 'OBJECT_TABCONSTRAINT') {
      keys = keys.map(k =>
        k.table === table && k.name === s.subname ? { ...k, name: s.newname } : k
      )
    } else if (s.renameType === 'OBJECT_COLUMN') {
      keys = keys.map(k =>
        k.table === table
          ? { ...k, columns: k.columns.map(c => (c === s.subname ? s.newname : c)) }
          : k
      )
    }
  }
  return keys
}
