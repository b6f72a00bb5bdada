/**
 * Whether the rehearsal may start before the preflight gates have passed (stages/runner.ts, Check.startEarly).
 * The gates in front of it guard tables other sessions use: long transactions and lock holders on them, rows a
 * new constraint would reject, the lint's lock warnings. A rehearsal of migrations that only create objects and
 * change what they create cannot wait for, or make wait, any other session's work on a table, so it may run
 * alongside those gates; its result is used only once they have passed.
 *
 * Decided from the parse tree, then confirmed on the target: each statement is of a kind on the list below, and
 * no relation any of them names exists yet (under its schema, or bare through the search_path). Anything else,
 * or anything unreadable, answers no and the rehearsal runs in its place.
 */
import type pg from 'pg'
import type { Migration } from '../plan/files.js'
import { parseSql, relationsOf, type AstNode } from '../sql/parser.js'
import { lockedRelation, statementLocks } from '../lint/locks.js'
import { quoteIdent } from '../db/connect.js'
import { regclassName } from '../db/sessions.js'

/** Statements that create or change definitions only: no rows are read or written, no code of the server runs. */
const DEFINITION_ONLY = new Set([
  'CreateStmt',
  'IndexStmt',
  'AlterTableStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
  'CreateTrigStmt',
  'CreateFunctionStmt',
  'CreateExtensionStmt',
  'CreateSeqStmt',
  'CreateEnumStmt',
  'CompositeTypeStmt',
  'CreateDomainStmt',
  'CommentStmt',
  'GrantStmt',
  'DropStmt',
  'CreateSchemaStmt'
])

/** GRANT/REVOKE object kinds whose objects are not tables: a function's or schema's ACL locks no table. */
const GRANT_WITHOUT_TABLES = new Set([
  'OBJECT_FUNCTION',
  'OBJECT_PROCEDURE',
  'OBJECT_ROUTINE',
  'OBJECT_SCHEMA',
  'OBJECT_TYPE',
  'OBJECT_DOMAIN'
])

/** DROP kinds allowed (without CASCADE, which could reach objects of existing tables). */
const DROPPABLE = new Set([
  'OBJECT_TABLE',
  'OBJECT_INDEX',
  'OBJECT_SEQUENCE',
  'OBJECT_VIEW',
  'OBJECT_POLICY',
  'OBJECT_TRIGGER',
  'OBJECT_FUNCTION',
  'OBJECT_TYPE'
])

/** A statement's relations when it is definition-only on them; undefined when it is of another kind. */
function definitionRelations(ast: AstNode): string[] | undefined {
  const [kind] = Object.keys(ast)
  if (!DEFINITION_ONLY.has(kind)) return undefined
  const s = ast[kind] ?? {}
  if (kind === 'GrantStmt') {
    if (s.targtype !== 'ACL_TARGET_OBJECT') return undefined
    if (GRANT_WITHOUT_TABLES.has(s.objtype)) return []
    if (s.objtype !== 'OBJECT_TABLE' && s.objtype !== 'OBJECT_SEQUENCE') return undefined
    return relationsOf(ast)
  }
  if (kind === 'DropStmt' && (!DROPPABLE.has(s.removeType) || s.behavior === 'DROP_CASCADE'))
    return undefined
  // CREATE SCHEMA ... CREATE TABLE ...: its elements are statements of their own.
  if (kind === 'CreateSchemaStmt' && (s.schemaElts ?? []).length > 0) return undefined
  const named = new Set(relationsOf(ast))
  for (const l of statementLocks(ast)) named.add(lockedRelation(l).name)
  return [...named]
}

/**
 * The relations the pending migrations name, when every statement is definition-only; undefined when one is not
 * (or a file does not parse). Those relations must not exist yet for the rehearsal to start early.
 */
export function definitionOnlyRelations(pending: readonly Migration[]): string[] | undefined {
  const relations = new Set<string>()
  for (const m of pending) {
    const parsed = parseSql(m.sql)
    if (parsed.error) return undefined
    for (const s of parsed.statements) {
      const named = definitionRelations(s.ast)
      if (!named) return undefined
      for (const r of named) relations.add(r)
    }
  }
  return [...relations]
}

/**
 * Whether the pending migrations only create objects and change what they create: definition-only statements
 * on relations that do not exist on the target yet, by their schema-qualified name and by their bare name.
 */
export async function createsOnlyNewObjects(
  db: Pick<pg.Client, 'query'>,
  pending: readonly Migration[]
): Promise<boolean> {
  if (pending.length === 0) return false
  const relations = definitionOnlyRelations(pending)
  if (!relations) return false
  if (relations.length === 0) return true
  const candidates = relations.flatMap(r => [
    regclassName(r),
    quoteIdent(r.slice(r.indexOf('.') + 1))
  ])
  const { rows } = await db.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL) AS found',
    [candidates]
  )
  return rows[0]?.found === false
}
