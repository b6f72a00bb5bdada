/**
 * Passwords written into files: connection strings with a password in any text (SQL, comments, YAML,
 * Markdown), and role passwords in SQL (CREATE ROLE x PASSWORD '...'). The password is never echoed.
 */
import {
  parseSql,
  scanTokens,
  TextIndex,
  walk,
  type ScanToken,
  type SqlStatement
} from '../sql/parser.js'
import type { Migration } from '../plan/files.js'
import type { Redactor } from '../report/redact.js'

export interface SecretHit {
  line: number
  column: number
  /** The connection string with user and password masked, e.g. postgres://***:***@db.example.com */
  masked: string
}

/**
 * scheme://user:password@host. The user holds no regular-expression syntax and the host is a name, an address
 * or a placeholder, followed by what may follow a host: a pattern that checks a URL's shape
 * ('^postgresql://[^:]+:[^@]+@…') holds no password.
 */
const URL_WITH_PASSWORD =
  /\b([a-z][a-z0-9+.-]*):\/\/([^\s:/?#@'"`[\]()\\^*+|]+):([^\s@/'"`]+)@(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9._-]*|\$\{?[a-z_][a-z0-9_]*\}?)(?=$|[\s:/?#'"`,;)])/gi
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
 * Registers every role password and every API key or token (findSecretLiterals) written in the migrations and
 * their rollback and verify scripts with the redactor, so none is printed by what follows. Call it once the
 * parser is loaded, before anything logs.
 */
export function registerRolePasswords(redactor: Redactor, migrations: Migration[]): void {
  for (const m of migrations) {
    for (const f of [m, m.rollback, m.verify]) {
      if (!f) continue
      for (const p of rolePasswordsIn(f.sql)) redactor.addSqlSecret(p)
      for (const k of findSecretLiterals(f.sql)) redactor.addSqlSecret(k.value)
    }
  }
}

/** An API key or token written in SQL text. `value` is for the redactor only: never print it. */
export interface SecretLiteral {
  value: string
  /** Character offset of the secret in the text. */
  offset: number
  /** What it is, e.g. "a Supabase service_role key of project abcd". */
  label: string
  /** A prefix that gives nothing away, e.g. "eyJhbGciOi…". */
  shown: string
  severity: 'error' | 'warning'
  /** Why it matters, for the message. */
  consequence: string
  where: 'string' | 'comment' | 'text'
}

const KEPT = 'and this file is kept in git and in supabase_migrations.schema_migrations'
const USABLE = `whoever reads this file can use it, ${KEPT}`
const BYPASSES_RLS = `it bypasses row level security, ${KEPT}`
const PUBLIC_KEY =
  'it is public by design (it gets only what row level security grants), but written here it is tied to one project and can only be rotated by a new migration'

/** JWTs: three base64url segments, the header a JSON object (so base64 of `{"` : eyJ). */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g
/** Stripe secret (sk_) and restricted (rk_) keys, live and test. */
const STRIPE = /\b([sr]k)_(live|test)_[A-Za-z0-9]{16,}/g
/** Supabase API keys (2025 on): sb_secret_... is the service_role's, sb_publishable_... the anon's. */
const SUPABASE_KEY = /\bsb_(secret|publishable)_[A-Za-z0-9_-]{16,}/g
/** A token after "Bearer " (an Authorization header written out). */
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/gi
/** Placeholders are not tokens: YOUR_SERVICE_ROLE_KEY, xxxxxxxx... */
const TOKEN_PLACEHOLDER = /^(?:[A-Z0-9_]+|(.)\1+)$/
/** Cheap test before scanning: without one of these there is nothing to find. */
const MAYBE_SECRET = /eyJ|[sr]k_(?:live|test)_|sb_(?:secret|publishable)_|bearer/i

function jsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** What a JWT is, from its claims (decoded, never verified); undefined when it is not a JWT. */
function describeJwt(
  token: string
): Pick<SecretLiteral, 'label' | 'severity' | 'consequence'> | undefined {
  const [header, payload] = token.split('.')
  if (!jsonSegment(header)) return undefined
  const claims = jsonSegment(payload) ?? {}
  const role = typeof claims.role === 'string' ? claims.role : undefined
  const ref = typeof claims.ref === 'string' ? ` of project ${claims.ref}` : ''
  const supabase = claims.iss === 'supabase' || ref !== ''
  // The Supabase CLI's local development keys (iss "supabase-demo") are published in its docs: no leak, but
  // a hosted project rejects them, so code that uses one works locally and fails after the deploy.
  if (claims.iss === 'supabase-demo')
    return {
      label: `the Supabase CLI's local demo ${role ?? 'JWT'} key`,
      severity: 'warning',
      consequence:
        'it is public, and a hosted project rejects it: the code works locally and fails after the deploy (read the key from vault or a setting instead)'
    }
  if (role === 'anon')
    return { label: `a Supabase anon key${ref}`, severity: 'warning', consequence: PUBLIC_KEY }
  if (role === 'service_role')
    return {
      label: `a Supabase service_role key${ref}`,
      severity: 'error',
      consequence: BYPASSES_RLS
    }
  return {
    label: `a ${supabase ? 'Supabase ' : ''}JWT${role ? ` with role ${role}` : ''}${ref}`,
    severity: 'error',
    consequence: USABLE
  }
}

/** The secrets in one piece of text (a string constant's or comment's token text), offsets within it. */
function secretsInText(text: string): Omit<SecretLiteral, 'where'>[] {
  const out: Omit<SecretLiteral, 'where'>[] = []
  const taken: [number, number][] = []
  const add = (hit: Omit<SecretLiteral, 'where'>): void => {
    out.push(hit)
    taken.push([hit.offset, hit.offset + hit.value.length])
  }
  for (const m of text.matchAll(JWT)) {
    const what = describeJwt(m[0])
    if (what) add({ value: m[0], offset: m.index ?? 0, shown: `${m[0].slice(0, 10)}…`, ...what })
  }
  for (const m of text.matchAll(STRIPE)) {
    const kind = m[1] === 'sk' ? 'secret' : 'restricted'
    add({
      value: m[0],
      offset: m.index ?? 0,
      label: `a Stripe ${m[2]} ${kind} key`,
      shown: `${m[1]}_${m[2]}_…`,
      severity: 'error',
      consequence: USABLE
    })
  }
  for (const m of text.matchAll(SUPABASE_KEY)) {
    const secret = m[1] === 'secret'
    add({
      value: m[0],
      offset: m.index ?? 0,
      label: `a Supabase ${m[1]} API key`,
      shown: `sb_${m[1]}_…`,
      severity: secret ? 'error' : 'warning',
      consequence: secret ? BYPASSES_RLS : PUBLIC_KEY
    })
  }
  for (const m of text.matchAll(BEARER)) {
    const token = m[1]
    const offset = (m.index ?? 0) + m[0].length - token.length
    const overlaps = taken.some(([a, b]) => offset < b && a < offset + token.length)
    if (overlaps || TOKEN_PLACEHOLDER.test(token)) continue
    add({
      value: token,
      offset,
      label: 'a bearer token',
      shown: 'Bearer …',
      severity: 'error',
      consequence: USABLE
    })
  }
  return out.sort((a, b) => a.offset - b.offset)
}

const STRING_TOKENS = new Set(['SCONST', 'USCONST'])
const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT'])

/**
 * API keys and tokens written in SQL: JWTs (Supabase anon and service_role keys are JWTs), Stripe secret
 * keys, Supabase sb_secret_/sb_publishable_ keys, and Bearer tokens, in every string constant (function
 * and DO bodies included: they are string constants) and comment, as PostgreSQL's scanner splits the text.
 * Text the scanner cannot read (an unterminated quote) is searched whole. The parser must be loaded.
 */
export function findSecretLiterals(sql: string, given?: TextIndex): SecretLiteral[] {
  // Before the index: a run checks every migration file, and most hold no secret to place.
  if (!MAYBE_SECRET.test(sql)) return []
  const index = given ?? new TextIndex(sql)
  let tokens: ScanToken[]
  try {
    tokens = scanTokens(sql)
  } catch {
    return secretsInText(sql).map(hit => ({ ...hit, where: 'text' as const }))
  }
  const out: SecretLiteral[] = []
  for (const t of tokens) {
    const where = STRING_TOKENS.has(t.tokenName)
      ? 'string'
      : COMMENT_TOKENS.has(t.tokenName)
        ? 'comment'
        : undefined
    if (!where || !MAYBE_SECRET.test(t.text)) continue
    const start = index.charOffset(t.start)
    for (const hit of secretsInText(t.text)) out.push({ ...hit, offset: start + hit.offset, where })
  }
  return out
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
    tokens = scanTokens(sql)
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
