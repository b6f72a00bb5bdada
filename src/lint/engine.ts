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
import { noTransactionMarker } from '../plan/files.js'
import { statementLabel, statementLocks } from './locks.js'
import { plpgsqlFindings } from './plpgsql.js'
import { bytePositions } from './position.js'
import { RULES, type RuleId, type ScriptKind } from './rules.js'
import {
  findConnectionPasswords,
  findPasswordLiterals,
  findSecretLiterals,
  passwordsInStatements
} from './secrets.js'
import { isNotNullCheckColumn, statementFindings, type RawFinding } from './statement-rules.js'
import { findSuppression, indexSuppressions, readSuppressions } from './suppress.js'

export interface LintOptions {
  kind: ScriptKind
  noTransaction: boolean
  /** Tables known to exist (e.g. from the target's catalog). Without it, every table not created earlier is existing. */
  existingTables?: Set<string>
  /** Tables created by earlier scripts of the same change set (they have no rows yet). */
  createdTables?: Set<string>
  /** Tables that get a policy somewhere in the change set (for rls-without-policy). */
  policyTables?: Set<string>
}

export interface LintResult {
  findings: LintFinding[]
  locks: StatementLock[]
  statements: number
  /** Tables this script creates. */
  created: Set<string>
}

const SCRIPT_KINDS: ScriptKind[] = ['migration', 'rollback', 'verify']

function tablesWithPolicies(statements: SqlStatement[]): Set<string> {
  const out = new Set<string>()
  for (const s of statements)
    if (s.kind === 'CreatePolicyStmt') out.add(qualifiedName(s.ast.CreatePolicyStmt.table))
  return out
}

/** Tables that get a CREATE POLICY in `sql` (for a change set's policyTables). */
export function policyTablesOf(sql: string): Set<string> {
  // Keywords cannot be quoted or escaped in SQL: without the word there is no CREATE POLICY, and no need
  // to parse the file a second time (lintSql parses it again).
  if (!/policy/i.test(sql)) return new Set()
  return tablesWithPolicies(parseSql(sql).statements)
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
      message: e.message,
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
  const marker = noTransactionMarker(sql)
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
  const policies = new Set([...(opts.policyTables ?? []), ...tablesWithPolicies(parsed.statements)])
  const notNullChecks = new Set<string>()
  const notValidChecks = new Map<string, string>()
  const isExisting = (t: string): boolean =>
    !created.has(t) &&
    !(opts.createdTables?.has(t) ?? false) &&
    (opts.existingTables ? opts.existingTables.has(t) : true)

  const publicationsCreated = new Set<string>(
    parsed.statements
      .map(s => s.ast.CreatePublicationStmt?.pubname)
      .filter((n): n is string => typeof n === 'string')
  )
  for (const stmt of parsed.statements) {
    // Transaction control is the wrapper (fine) or a problem reported above: no other rule applies to it.
    if (stmt.kind === 'TransactionStmt') continue
    const start = { line: stmt.line, column: stmt.column }
    const ctx = {
      noTransaction,
      wrapped: shape.wrapper !== undefined,
      isExisting,
      notNullChecks,
      pos: (b: number | undefined) => pos(b, start),
      anchorLine: stmt.line,
      publicationsCreated
    }
    raw.push(...statementFindings(stmt.ast, ctx), ...plpgsqlFindings(index, stmt))
    for (const p of passwordsInStatements([stmt], index))
      raw.push(passwordFinding(index, p.offset, stmt.line))
    for (const l of statementLocks(stmt.ast)) {
      locks.push({
        file,
        line: stmt.line,
        statement: statementLabel(stmt.text),
        lock: l.lock,
        table: l.table
      })
    }
    // What this statement leaves behind for the statements after it.
    if (stmt.kind === 'CreateStmt') created.add(qualifiedName(stmt.ast.CreateStmt.relation))
    if (stmt.kind === 'AlterTableStmt') {
      const s = stmt.ast.AlterTableStmt
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
            ...pos(s.relation.location, start),
            message: `row level security is enabled on ${table} and no CREATE POLICY for it is in this change`,
            anchorLine: stmt.line
          })
        }
      }
    }
  }
  return {
    findings: finish(file, sql, raw, allows, opts.kind),
    locks,
    statements: parsed.statements.length,
    created
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
      const allow =
        (f.suppressible ?? spec.suppressible)
          ? findSuppression(byLine, lines, f.rule as RuleId, f.line, f.anchorLine)
          : undefined
      if (allow) finding.suppressed = allow.reason
      return finding
    })
}

/** Findings that count: not suppressed. */
export function activeFindings(findings: LintFinding[]): LintFinding[] {
  return findings.filter(f => f.suppressed === undefined)
}
