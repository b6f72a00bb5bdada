/**
 * The lint engine: one script in, findings and per-statement locks out. Pure: no database, no files.
 * `lintScripts` lints a change set (pending migrations with their sidecars) so that cross-file facts hold:
 * tables created by an earlier pending migration are new, policies created anywhere in the set count.
 */
import type { LintFinding, StatementLock } from '../types.js'
import {
  concurrentlyClause,
  parseSql,
  qualifiedName,
  TextIndex,
  type SqlStatement
} from '../sql/parser.js'
import { transactionShape } from '../apply/statements.js'
import { findNoTransactionMarker } from '../plan/files.js'
import { longIdentifiers } from './identifier-rules.js'
import { foreignKeysAfter, statementLabel, statementLocks, type ForeignKey } from './locks.js'
import { plpgsqlAnalysis, type InnerStatement } from './plpgsql.js'
import { alterClauseOffsets, bytePositions, type Position } from './position.js'
import { RULES, type RuleId, type ScriptKind } from './rules.js'
import {
  findConnectionPasswords,
  findPasswordLiterals,
  findSecretLiterals,
  passwordsInStatements
} from './secrets.js'
import {
  isNotNullCheckColumn,
  lockFindings,
  searchPathSetByAlter,
  statementFindings,
  type RawFinding,
  type StatementContext
} from './statement-rules.js'
import { findSuppression, indexSuppressions, readSuppressions } from './suppress.js'
import {
  declaredVolatility,
  resolveVolatility,
  type ResolvedVolatility,
  type Volatility
} from './volatility.js'

export interface LintOptions {
  kind: ScriptKind
  noTransaction: boolean
  /** Tables known to exist (e.g. from the target's catalog). Without it, every table not created earlier is existing. */
  existingTables?: Set<string>
  /** Tables created by earlier scripts of the same change set (they have no rows yet). */
  createdTables?: Set<string>
  /** Indexes (schema.name) created by earlier scripts of the change set, with their table. */
  createdIndexes?: ReadonlyMap<string, string>
  /** Tables that get a policy somewhere in the change set (for rls-without-policy). */
  policyTables?: Set<string>
  /** Function volatility by name from the target's pg_proc (catalogVolatility); without it, the built-in list. */
  functionVolatility?: ReadonlyMap<string, Volatility>
  /** The project's own no-transaction markers (runbook.yml lint.no-transaction-markers). */
  noTransactionMarkers?: readonly string[]
  /** Foreign keys known before this script (the target's, and those earlier scripts create): locks through them. */
  foreignKeys?: readonly ForeignKey[]
}

/** One statement to lint, with the way from its own offsets to the file's positions. */
interface StatementUnit {
  ast: SqlStatement['ast']
  kind: string
  text: string
  /** The statement's first line in the file. */
  line: number
  /** Position of a parse-tree location (UTF-8 bytes into the parsed text); the statement's start when absent. */
  pos: (byteLocation: number | undefined) => Position
  /** Position of a character offset into `text`. */
  at: (charOffset: number) => Position
  /** For a statement run by a DO block: where it is, and the DO's first line (its comments suppress too). */
  inside?: string
  outerAnchorLine?: number
}

/** A DO block's statement as a unit: positions inside its own text mapped back to the file where written. */
function innerUnit(index: TextIndex, inner: InnerStatement, doLine: number): StatementUnit {
  const s = inner.statement
  const own = new TextIndex(inner.sql)
  const place = (c: number): Position => {
    const f = inner.fileOffset(c)
    return f === undefined ? { line: inner.line, column: inner.column } : index.lineColumn(f)
  }
  const start = place(s.start)
  return {
    ast: s.ast,
    kind: s.kind,
    text: s.text,
    line: start.line,
    pos: b => (typeof b === 'number' && b >= 0 ? place(own.charOffset(b)) : start),
    at: c => place(s.start + c),
    inside: 'a DO block',
    outerAnchorLine: doLine
  }
}

/** The schemas of SET search_path (DEFAULT and "$user" leave public). */
function searchPathOf(set: SqlStatement['ast']): string[] {
  const values: string[] = (set.args ?? [])
    .map((a: SqlStatement['ast']) => String(a.A_Const?.sval?.sval ?? ''))
    .flatMap((v: string) => v.split(','))
    .map((v: string) => v.trim().replace(/^"(.*)"$/, '$1'))
    .filter((v: string) => v && !v.startsWith('$'))
  return values.length ? values : ['public']
}

/** Indexes a CREATE TABLE makes for its keys: named constraints, and the default name of the primary key. */
function keyIndexes(s: SqlStatement['ast']): string[] {
  const schema = s.relation.schemaname ?? 'public'
  const out = [`${schema}.${s.relation.relname}_pkey`]
  for (const elt of s.tableElts ?? []) {
    const constraints = elt.Constraint ? [elt] : (elt.ColumnDef?.constraints ?? [])
    for (const k of constraints) {
      const c = k.Constraint
      if (c?.conname && (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE'))
        out.push(`${schema}.${c.conname}`)
    }
  }
  return out
}

export interface LintResult {
  findings: LintFinding[]
  locks: StatementLock[]
  statements: number
  /** Tables this script creates. */
  created: Set<string>
  /** Indexes this script creates (schema.name), with their table. */
  indexes: Map<string, string>
  /** The foreign keys after this script: those known before it, with what it added, dropped or renamed. */
  foreignKeys: ForeignKey[]
}

const SCRIPT_KINDS: ScriptKind[] = ['migration', 'rollback', 'verify']

/**
 * Tables a CREATE POLICY of the statements is for, also one a DO block runs (the "create it if missing" idiom:
 * IF NOT EXISTS (SELECT FROM pg_policies ...) THEN CREATE POLICY ...; 16 warnings on one real project).
 */
function tablesWithPolicies(statements: SqlStatement[], index: TextIndex): Set<string> {
  const out = new Set<string>()
  for (const s of statements) {
    if (s.kind === 'CreatePolicyStmt') out.add(qualifiedName(s.ast.CreatePolicyStmt.table))
    else if (s.kind === 'DoStmt' && /policy/i.test(s.text))
      for (const inner of plpgsqlAnalysis(index, s).inner)
        if (inner.statement.kind === 'CreatePolicyStmt')
          out.add(qualifiedName(inner.statement.ast.CreatePolicyStmt.table))
  }
  return out
}

/**
 * A syntax error on the line after `COPY ... FROM stdin;` is the first of the rows pg_dump writes for psql to
 * send: no migration runner can (`supabase db push` fails with a protocol error). Says what to write instead.
 */
function copyFromStdinHint(sql: string, errorLine: number): string | undefined {
  let lineStart = 0
  for (let n = 1; n < errorLine && lineStart >= 0; n++) lineStart = sql.indexOf('\n', lineStart) + 1
  if (lineStart <= 0) return undefined
  const last = parseSql(sql.slice(0, lineStart)).statements.at(-1)
  if (last?.kind !== 'CopyStmt') return undefined
  const copy = (last.ast as { CopyStmt: { is_from?: boolean; filename?: string } }).CopyStmt
  if (!copy.is_from || copy.filename) return undefined
  return (
    `; the lines after "COPY ... FROM stdin" (line ${last.line}) are rows for psql to send, and a migration is ` +
    'sent as SQL (by this tool and by `supabase db push` alike): write them as INSERT statements ' +
    '(pg_dump --column-inserts), or load them outside the migration'
  )
}

/** Tables that get a CREATE POLICY in `sql` (for a change set's policyTables). */
export function policyTablesOf(sql: string): Set<string> {
  // Keywords cannot be quoted or escaped in SQL: without the word there is no CREATE POLICY, and no need
  // to parse the file a second time (lintSql parses it again).
  if (!/policy/i.test(sql)) return new Set()
  return tablesWithPolicies(parseSql(sql).statements, new TextIndex(sql))
}

/** Lints one SQL script. The parser must be loaded (loadParser()). */
export function lintSql(file: string, sql: string, opts: LintOptions): LintResult {
  if (!SCRIPT_KINDS.includes(opts.kind)) {
    throw new Error(
      `lint option "kind" is "${String(opts.kind)}"; allowed: ${SCRIPT_KINDS.join(', ')}`
    )
  }
  // One index of the file's lines and byte offsets: every position below is a lookup in it.
  const index = new TextIndex(sql)
  const raw: RawFinding[] = []
  const locks: StatementLock[] = []
  const created = new Set<string>()
  let foreignKeys: ForeignKey[] = [...(opts.foreignKeys ?? [])]
  for (const hit of findConnectionPasswords(sql)) {
    raw.push({
      rule: 'connection-string-password',
      line: hit.line,
      column: hit.column,
      message: `a connection string with a password (${hit.masked}) is written in the file`,
      anchorLine: hit.line
    })
  }
  const { allows, bad } = readSuppressions(sql)
  for (const b of bad) raw.push({ rule: 'invalid-suppression', ...b, anchorLine: b.line })

  const parsed = parseSql(sql)
  if (parsed.error) {
    const e = parsed.error
    raw.push({
      rule: 'syntax-error',
      line: e.line,
      column: e.column,
      message: e.message + (copyFromStdinHint(sql, e.line) ?? ''),
      anchorLine: e.line
    })
    // A file that does not parse is still scanned for role passwords (PASSWORD followed by a string).
    for (const p of findPasswordLiterals(sql)) raw.push(passwordFinding(index, p.offset))
  }
  for (const secret of findSecretLiterals(sql, index)) {
    const at = index.lineColumn(secret.offset)
    const owner = parsed.statements.find(s => s.start <= secret.offset && secret.offset < s.end)
    raw.push({
      rule: 'secret-literal',
      ...at,
      message: `${secret.label} (${secret.shown}) is written in ${secret.where === 'comment' ? 'a comment' : 'a string constant'}: ${secret.consequence}`,
      anchorLine: owner?.line ?? at.line,
      severity: secret.severity,
      // A leaked secret key stays leaked whatever a comment says; a public (anon) key may be allowed.
      suppressible: secret.severity !== 'error'
    })
  }
  // Transaction control as statementsOf (src/apply/statements.ts) sees it: a whole-file BEGIN ... COMMIT is
  // the runbook's own transaction, anything else is refused there and reported here with the same reason.
  const marker = findNoTransactionMarker(sql, opts.noTransactionMarkers)?.comment
  const shape = transactionShape(parsed.statements, marker)
  for (const p of shape.problems) {
    raw.push({
      rule: 'transaction-control',
      line: p.statement.line,
      column: p.statement.column,
      message: p.message,
      anchorLine: p.statement.line
    })
  }
  const concurrent = shape.statements.filter(s => concurrentlyClause(s.ast) !== undefined).length
  // A file of only CONCURRENTLY statements runs outside a transaction by itself (transactionModeOf).
  const noTransaction =
    opts.noTransaction ||
    marker !== undefined ||
    (!shape.wrapper && concurrent > 0 && concurrent === shape.statements.length)
  const pos = bytePositions(index)
  const policies = new Set([
    ...(opts.policyTables ?? []),
    ...tablesWithPolicies(parsed.statements, index)
  ])
  const notNullChecks = new Set<string>()
  const notValidChecks = new Map<string, string>()
  // SET search_path: unqualified names (read as public.x by the rules) are created in, and found in, its schemas.
  let searchPath = ['public']
  const isNew = (t: string): boolean => created.has(t) || (opts.createdTables?.has(t) ?? false)
  const isExisting = (t: string): boolean =>
    !isNew(t) &&
    !(t.startsWith('public.') && searchPath.some(p => isNew(`${p}.${t.slice(7)}`))) &&
    (opts.existingTables ? opts.existingTables.has(t) : true)
  /** schema.name of a table a statement creates: unqualified, in the first schema of the search path. */
  const createdName = (rangeVar: SqlStatement['ast']): string =>
    rangeVar.schemaname ? qualifiedName(rangeVar) : `${searchPath[0]}.${rangeVar.relname}`
  // Indexes the files create (CREATE INDEX, and the indexes of a new table's keys), by schema.name: their table.
  const indexTables = new Map<string, string>(opts.createdIndexes ?? [])
  const ownIndexes = new Map<string, string>()
  // The drop-and-recreate idiom (DROP INDEX IF EXISTS i; CREATE INDEX i ON t ...) says which table i is on.
  const recreated = new Map<string, string>()
  for (const s of parsed.statements)
    if (s.kind === 'IndexStmt' && s.ast.IndexStmt.idxname)
      recreated.set(s.ast.IndexStmt.idxname, qualifiedName(s.ast.IndexStmt.relation))
  /** The table of an index: created in the change set (an unqualified name in any schema), or re-created here. */
  const indexTable = (i: string): string | undefined => {
    const name = i.slice(i.indexOf('.') + 1)
    const anySchema = i.startsWith('public.')
      ? [...indexTables].find(([k]) => k.endsWith(`.${name}`))?.[1]
      : undefined
    return indexTables.get(i) ?? anySchema ?? recreated.get(name)
  }
  // Functions the files create: their declared volatility wins over the catalog's (they may replace one).
  const declared = new Map<string, ResolvedVolatility>()
  const volatility = (fn: string): ResolvedVolatility =>
    declared.get(fn) ?? resolveVolatility(fn, opts.functionVolatility)

  const publicationsCreated = new Set<string>(
    parsed.statements
      .map(s => s.ast.CreatePublicationStmt?.pubname)
      .filter((n): n is string => typeof n === 'string')
  )

  const searchPathSetLater = searchPathSetByAlter(parsed.statements)

  /** The rules and what the statement leaves behind, for a statement of the file or of a DO block in it. */
  const lintStatement = (unit: StatementUnit): void => {
    const { ast, kind, line } = unit
    let clauses: number[] | undefined
    const ctx: StatementContext = {
      noTransaction,
      wrapped: shape.wrapper !== undefined,
      isExisting,
      notNullChecks,
      pos: unit.pos,
      anchorLine: line,
      publicationsCreated,
      clause: i => {
        clauses ??= kind === 'AlterTableStmt' ? alterClauseOffsets(unit.text) : []
        return clauses[i] === undefined ? undefined : unit.at(clauses[i])
      },
      indexTable,
      volatility,
      inside: unit.inside,
      searchPathSetLater
    }
    const found = unit.inside ? lockFindings(ast, ctx) : statementFindings(ast, ctx)
    for (const f of found)
      raw.push(unit.outerAnchorLine ? { ...f, outerAnchorLine: unit.outerAnchorLine } : f)
    for (const l of statementLocks(ast, foreignKeys)) {
      locks.push({ file, line, statement: statementLabel(unit.text), lock: l.lock, table: l.table })
    }
    foreignKeys = foreignKeysAfter(ast, foreignKeys, createdName)
    // What this statement leaves behind for the statements after it.
    if (kind === 'VariableSetStmt' && ast.VariableSetStmt.name === 'search_path')
      searchPath = searchPathOf(ast.VariableSetStmt)
    if (kind === 'CreateStmt') {
      const s = ast.CreateStmt
      const table = createdName(s.relation)
      created.add(table)
      for (const idx of keyIndexes(s)) {
        indexTables.set(idx, table)
        ownIndexes.set(idx, table)
      }
    }
    if (kind === 'CreateTableAsStmt' && ast.CreateTableAsStmt.into?.rel)
      created.add(createdName(ast.CreateTableAsStmt.into.rel))
    // A new table moved to another schema or renamed is still new (grida moves its tables with SET SCHEMA).
    const moved = ast.AlterObjectSchemaStmt
    if (kind === 'AlterObjectSchemaStmt' && moved.objectType === 'OBJECT_TABLE' && moved.relation)
      if (isNew(qualifiedName(moved.relation)))
        created.add(`${moved.newschema}.${moved.relation.relname}`)
    const renamed = ast.RenameStmt
    if (kind === 'RenameStmt' && renamed.renameType === 'OBJECT_TABLE' && renamed.relation)
      if (isNew(qualifiedName(renamed.relation)))
        created.add(`${renamed.relation.schemaname ?? 'public'}.${renamed.newname}`)
    if (kind === 'IndexStmt' && ast.IndexStmt.idxname) {
      const s = ast.IndexStmt
      const idx = `${s.relation.schemaname ?? 'public'}.${s.idxname}`
      indexTables.set(idx, qualifiedName(s.relation))
      ownIndexes.set(idx, qualifiedName(s.relation))
    }
    if (kind === 'CreateFunctionStmt') {
      const d = declaredVolatility(ast.CreateFunctionStmt)
      if (d) declared.set(d.fn, d)
    }
    if (kind === 'AlterTableStmt') {
      const s = ast.AlterTableStmt
      const table = qualifiedName(s.relation)
      for (const c of s.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        const con = cmd.def?.Constraint
        const column =
          con?.contype === 'CONSTR_CHECK' ? isNotNullCheckColumn(con.raw_expr) : undefined
        if (column && con.skip_validation && con.conname)
          notValidChecks.set(`${table}.${con.conname}`, column)
        // NOT VALID proves nothing yet; unnamed, a later VALIDATE (of the generated name) is not matched.
        else if (column && !con.skip_validation) notNullChecks.add(`${table}.${column}`)
        if (cmd.subtype === 'AT_ValidateConstraint' && notValidChecks.has(`${table}.${cmd.name}`)) {
          notNullChecks.add(`${table}.${notValidChecks.get(`${table}.${cmd.name}`)}`)
        }
        if (cmd.subtype === 'AT_EnableRowSecurity' && !policies.has(table)) {
          raw.push({
            rule: 'rls-without-policy',
            ...unit.pos(s.relation.location),
            message: `row level security is enabled on ${table} and no CREATE POLICY for it is in this change`,
            anchorLine: line,
            ...(unit.outerAnchorLine ? { outerAnchorLine: unit.outerAnchorLine } : {})
          })
        }
      }
    }
  }

  for (const stmt of parsed.statements) {
    // Transaction control is the wrapper (fine) or a problem reported above: no other rule applies to it.
    if (stmt.kind === 'TransactionStmt') continue
    const start = { line: stmt.line, column: stmt.column }
    lintStatement({
      ast: stmt.ast,
      kind: stmt.kind,
      text: stmt.text,
      line: stmt.line,
      pos: b => pos(b, start),
      at: c => index.lineColumn(stmt.start + c)
    })
    const body = plpgsqlAnalysis(index, stmt)
    raw.push(...body.findings)
    // The statements a DO block runs take the same locks as the file's: same rules, at their own place.
    for (const inner of body.inner) lintStatement(innerUnit(index, inner, stmt.line))
    for (const p of passwordsInStatements([stmt], index))
      raw.push(passwordFinding(index, p.offset, stmt.line))
  }
  for (const long of longIdentifiers(sql)) {
    const at = index.lineColumn(long.offset)
    const owner = parsed.statements.find(s => s.start <= long.offset && long.offset < s.end)
    raw.push({
      rule: 'identifier-too-long',
      ...at,
      message: `identifier "${long.name}" is ${long.bytes} bytes: PostgreSQL silently truncates it to 63, "${long.truncated}"`,
      anchorLine: owner?.line ?? at.line
    })
  }
  return {
    findings: finish(file, sql, raw, allows, opts.kind),
    locks,
    statements: parsed.statements.length,
    created,
    indexes: ownIndexes,
    foreignKeys
  }
}

/** A role password written in the SQL. The value itself is never put in the message. */
function passwordFinding(index: TextIndex, offset: number, anchorLine?: number): RawFinding {
  const at = index.lineColumn(offset)
  return {
    rule: 'role-password-literal',
    ...at,
    message:
      'password literal in migration SQL: it will be stored in the migration history; set it outside the migration (e.g. \\password or the dashboard)',
    anchorLine: anchorLine ?? at.line
  }
}

function finish(
  file: string,
  sql: string,
  raw: RawFinding[],
  allows: ReturnType<typeof readSuppressions>['allows'],
  kind: ScriptKind
): LintFinding[] {
  const lines = sql.split('\n')
  const byLine = indexSuppressions(allows)
  return raw
    .filter(f => (RULES[f.rule].appliesTo as ScriptKind[]).includes(kind))
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(f => {
      const spec = RULES[f.rule]
      const finding: LintFinding = {
        rule: f.rule,
        severity: f.severity ?? spec.severity,
        file,
        line: f.line,
        column: f.column,
        message: f.message,
        advice: spec.advice
      }
      const suppressible = f.suppressible ?? spec.suppressible
      // Inside a DO block: comments above the inner statement, or above the DO itself.
      const allow = suppressible
        ? (findSuppression(byLine, lines, f.rule as RuleId, f.line, f.anchorLine) ??
          (f.outerAnchorLine === undefined
            ? undefined
            : findSuppression(byLine, lines, f.rule as RuleId, f.line, f.outerAnchorLine)))
        : undefined
      if (allow) finding.suppressed = allow.reason
      return finding
    })
}

/** Findings that count: not suppressed. */
export function activeFindings(findings: LintFinding[]): LintFinding[] {
  return findings.filter(f => f.suppressed === undefined)
}
