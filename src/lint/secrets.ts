/**
 * Passwords written into files: connection strings with a password in any text (SQL, comments, YAML,
 * Markdown), and role passwords in SQL (CREATE ROLE x PASSWORD '...'). The password is never echoed.
 */
import { scanSync } from 'libpg-query'
import { parseSql, TextIndex, walk, type SqlStatement } from '../sql/parser.js'
import type { Migration } from '../plan/files.js'
import type { Redactor } from '../report/redact.js'

export interface SecretHit {
  line: number
  column: number
  /** The connection string with user and password masked, e.g. postgres://***:***@db.example.com */
  masked: string
}

const URL_WITH_PASSWORD =
  /\b([a-z][a-z0-9+.-]*):\/\/([^\s:/?#@'"`]+):([^\s@/'"`]+)@([^\s/:?#'"`]+)/gi
const KEYWORD_PASSWORD = /\bpassword\s*=\s*('[^']+'|[^\s'"]+)/gi
/** Template placeholders are not secrets: ${VAR}, $VAR, <password>, ***. */
const PLACEHOLDER = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[^>]*>|\*+|\{\{.*\}\}|%[sv])$/

export function findConnectionPasswords(text: string): SecretHit[] {
  const hits: SecretHit[] = []
  const index = new TextIndex(text)
  for (const m of text.matchAll(URL_WITH_PASSWORD)) {
    if (PLACEHOLDER.test(m[3])) continue
    hits.push({ ...index.lineColumn(m.index ?? 0), masked: `${m[1]}://***:***@${m[4]}` })
  }
  // libpq key=value strings: only when the line reads as a connection string (host= or dbname= next to it).
  for (const m of text.matchAll(KEYWORD_PASSWORD)) {
    const at = m.index ?? 0
    const lineStart = text.lastIndexOf('\n', at) + 1
    const lineEnd = text.indexOf('\n', at)
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    if (!/\b(host|hostaddr|dbname)\s*=/i.test(line) || PLACEHOLDER.test(m[1].replace(/^'|'$/g, '')))
      continue
    hits.push({ ...index.lineColumn(at), masked: 'password=***' })
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** A password written as a literal in SQL (CREATE/ALTER ROLE|USER ... PASSWORD '...', user mappings). */
export interface PasswordLiteral {
  /** The password as the server receives it (quotes and escapes undone). */
  value: string
  /** Character offset in the scanned text of the option (the PASSWORD keyword) or the string holding it. */
  offset: number
}

/** Statements whose options can carry a password: roles and users, and foreign-server user mappings. */
const PASSWORD_STATEMENTS = new Set([
  'CreateRoleStmt',
  'AlterRoleStmt',
  'CreateUserMappingStmt',
  'AlterUserMappingStmt'
])
/** Strings inside strings (EXECUTE '...' in a DO block in a file): deeper than this is not looked into. */
const MAX_NESTING = 3

/**
 * Every password literal in SQL text, found with the real parser: the `password` option of role and user
 * mapping statements, and the same inside string constants that contain the word (DO blocks, function
 * bodies, EXECUTE strings). Text that does not parse is scanned: a PASSWORD keyword followed by a string
 * constant. Placeholders (${VAR}, <password>) are not passwords. The parser must be loaded (loadParser()).
 */
export function findPasswordLiterals(sql: string, depth = 0): PasswordLiteral[] {
  // Keywords cannot be escaped: without the word there is no PASSWORD option, and no need to parse.
  if (depth > MAX_NESTING || !/password/i.test(sql)) return []
  const parsed = parseSql(sql)
  if (parsed.error) return passwordsFromTokens(sql, depth)
  return passwordsInStatements(parsed.statements, new TextIndex(sql), depth)
}

/** The distinct role (and user mapping) passwords written in SQL text, for the Redactor. */
export function rolePasswordsIn(sql: string): string[] {
  return [...new Set(findPasswordLiterals(sql).map(p => p.value))]
}

/**
 * Registers every role password written in the migrations and their rollback and verify scripts with the
 * redactor, so none is printed by what follows. Call it once the parser is loaded, before anything logs.
 */
export function registerRolePasswords(redactor: Redactor, migrations: Migration[]): void {
  for (const m of migrations)
    for (const f of [m, m.rollback, m.verify])
      if (f) for (const p of rolePasswordsIn(f.sql)) redactor.addSqlSecret(p)
}

/** findPasswordLiterals for statements already parsed (lint has them), `index` being their text's. */
export function passwordsInStatements(
  statements: SqlStatement[],
  index: TextIndex,
  depth = 0
): PasswordLiteral[] {
  const out: PasswordLiteral[] = []
  for (const stmt of statements) {
    if (!/password/i.test(stmt.text)) continue
    if (PASSWORD_STATEMENTS.has(stmt.kind)) {
      for (const o of stmt.ast[stmt.kind].options ?? []) {
        const value = o.DefElem?.defname === 'password' ? o.DefElem.arg?.String?.sval : undefined
        if (typeof value === 'string' && isPassword(value))
          out.push({ value, offset: index.charOffset(o.DefElem.location ?? 0) })
      }
    }
    // Strings holding SQL: DO and function bodies, EXECUTE strings. Their hits are placed where the
    // string appears in the statement, verbatim (dollar quoting) or quoted ('' doubled), else at the statement.
    walk(stmt.ast, (_key, node) => {
      const text = node.sval
      if (typeof text !== 'string' || !/password/i.test(text)) return
      const verbatim = stmt.text.indexOf(text)
      const at = verbatim >= 0 ? verbatim : stmt.text.indexOf(text.replace(/'/g, "''"))
      for (const hit of findPasswordLiterals(text, depth + 1))
        out.push({ value: hit.value, offset: at < 0 ? stmt.start : stmt.start + at + hit.offset })
    })
  }
  return out
}

/** For text the parser rejects: PASSWORD followed by a string constant, and the same inside strings. */
function passwordsFromTokens(sql: string, depth: number): PasswordLiteral[] {
  let tokens: ScanToken[]
  try {
    tokens = scanSync(sql).tokens
  } catch {
    return [] // not even scannable (an unterminated quote): nothing can be said
  }
  const index = new TextIndex(sql)
  const out: PasswordLiteral[] = []
  tokens.forEach((t, i) => {
    if (t.tokenName !== 'SCONST') return
    const value = stringConstantValue(t.text)
    const before = tokens[i - 1]
    if (before?.keywordKind !== 0 && before?.text.toLowerCase() === 'password') {
      if (isPassword(value)) out.push({ value, offset: index.charOffset(before.start) })
      return
    }
    // Where the value starts in the file (exact up to its first escaped quote).
    const at = index.charOffset(t.start) + stringConstantPrefix(t.text)
    for (const hit of findPasswordLiterals(value, depth + 1))
      out.push({ value: hit.value, offset: at + hit.offset })
  })
  return out
}

interface ScanToken {
  start: number
  end: number
  text: string
  tokenName: string
  keywordKind: number
}

const E_STRING_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

/** The value of a string constant token: 'it''s', E'it\'s', $tag$it's$tag$. */
export function stringConstantValue(token: string): string {
  if (token.startsWith('$')) {
    const tag = stringConstantPrefix(token)
    return token.slice(tag, token.length - tag)
  }
  if (/^[eE]'/.test(token)) {
    return token
      .slice(2, -1)
      .replace(/''/g, "'")
      .replace(/\\(.)/gs, (_m, c: string) => E_STRING_ESCAPES[c] ?? c)
  }
  const quote = token.indexOf("'")
  return token.slice(quote + 1, -1).replace(/''/g, "'")
}

/** Length of a string constant's opening: ' or E' or $tag$. */
function stringConstantPrefix(token: string): number {
  if (token.startsWith('$')) return token.indexOf('$', 1) + 1
  return token.indexOf("'") + 1
}

function isPassword(value: string): boolean {
  return value.length > 0 && !PLACEHOLDER.test(value)
}
