/** Discovery of migrations/<version>_<name>.sql and their rollback/ and verify/ sidecars, with sha256 checksums. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/errors.js'
import { concurrentlyClause, isBlankSql, parseSql, parserLoaded } from '../sql/parser.js'

/**
 * `<version>_<name>.sql`: the Supabase CLI's pattern (any name; supabase/dbdev deploys names like
 * `langchain@embedding_search-1.1.1`), except that the version fits a bigint and the name holds no control
 * character (it is written to logs, annotations and reports one line each).
 */
// eslint-disable-next-line no-control-regex
export const MIGRATION_FILE = /^(\d{1,20})_([^\x00-\x1f\x7f]*)\.sql$/

/**
 * Comments that mark a migration to run outside a transaction, statement by statement: this runbook's own
 * and the equivalent of other runners, so a folder brought from one of them keeps its meaning. Each is
 * matched on one line (case-insensitive) of the comment lines that open the file.
 * squawk has no such marker (it only lints; `assume_in_transaction` is its setting for runners that wrap).
 * The Supabase CLI has none either: it reads all of these as plain comments (measured with 2.117.0: a
 * file starting `-- atlas:txmode none` is run, and recorded with the comment, like any other).
 */
const NO_TRANSACTION_MARKERS: { tool: string; pattern: RegExp }[] = [
  { tool: 'Migration Runbook', pattern: /--\s*migration-runbook:\s*no-transaction\b/ },
  { tool: 'Atlas', pattern: /--\s*atlas:txmode\s+none\b/ },
  { tool: 'goose', pattern: /--\s*\+goose\s+no\s+transaction\b/ },
  { tool: 'dbmate', pattern: /--\s*migrate:up\b.*\btransaction:false\b/ },
  { tool: 'sql-migrate', pattern: /--\s*\+migrate\s+up\b.*\bnotransaction\b/ },
  { tool: 'tern', pattern: /----\s*tern:\s*disable-tx\s*----/ },
  { tool: 'graphile-migrate', pattern: /--!\s*no-transaction\b/ },
  { tool: 'Flyway', pattern: /--\s*flyway:executeInTransaction\s*=\s*false\b/ },
  { tool: 'Liquibase', pattern: /--\s*changeset\b.*\brunInTransaction:false\b/ },
  { tool: 'postgres-migrations', pattern: /--\s*postgres-migrations\s+disable-transaction\b/ },
  // sqlx's `-- no-transaction`, and the bare spellings written by hand: the whole comment, nothing else.
  { tool: 'sqlx', pattern: /--\s*(?:no-transaction|disable-transaction|no transaction)\s*$/ }
]
const MARKER_LINES = NO_TRANSACTION_MARKERS.map(m => ({
  tool: m.tool,
  line: new RegExp(`^${m.pattern.source}`, 'i')
}))
/** Any no-transaction marker on one line (callers test the first line of rollback and verify scripts). */
export const NO_TRANSACTION_MARKER = new RegExp(
  `^\\s*(?:${NO_TRANSACTION_MARKERS.map(m => m.pattern.source).join('|')})`,
  'i'
)

/** A no-transaction marker found in a file: the comment as written (trimmed) and whose convention it is. */
export interface NoTransactionMarker {
  comment: string
  tool: string
}

/**
 * A `--` comment as markers are compared: lower case, no space after the dashes, runs of spaces as one. So
 * "-- Disable-Transaction" and "--disable-transaction" are the same marker.
 */
function normalisedComment(comment: string): string {
  return comment
    .trim()
    .toLowerCase()
    .replace(/^(-+)\s+/, '$1')
    .replace(/\s+/g, ' ')
}

/** Whether a comment line is one of `extra` (runbook.yml lint.no-transaction-markers), or one followed by words. */
function isExtraMarker(comment: string, extra: readonly string[]): boolean {
  if (extra.length === 0) return false
  const line = normalisedComment(comment)
  return extra.some(m => {
    const marker = normalisedComment(m)
    return line === marker || line.startsWith(`${marker} `)
  })
}

/**
 * The no-transaction marker among the `--` comment lines that open `sql` (before its first statement): one of
 * the known markers, or one of `extra`, the project's own (runbook.yml lint.no-transaction-markers).
 */
export function findNoTransactionMarker(
  sql: string,
  extra: readonly string[] = []
): NoTransactionMarker | undefined {
  for (const raw of sql.split('\n')) {
    const comment = raw.trim()
    if (comment === '') continue
    if (!comment.startsWith('--')) return undefined
    const found = MARKER_LINES.find(m => m.line.test(comment))
    if (found) return { comment, tool: found.tool }
    if (isExtraMarker(comment, extra)) return { comment, tool: 'runbook.yml' }
  }
  return undefined
}

/** The comment of findNoTransactionMarker, e.g. "-- +goose NO TRANSACTION", or undefined. */
export function noTransactionMarker(sql: string): string | undefined {
  return findNoTransactionMarker(sql)?.comment
}

/** How a migration runs: in a transaction (the default) or statement by statement, and why. */
export interface TransactionMode {
  noTransaction: boolean
  /** Why it runs outside a transaction, for the log. */
  reason?: string
}

/**
 * Whether a file runs outside a transaction: when it carries a no-transaction marker, or when every one of
 * its statements is a CONCURRENTLY one, which PostgreSQL refuses inside a transaction block.
 *
 * The second rule is the Supabase CLI's meaning (measured with supabase 2.117.0, `db push --db-url` and
 * `migration up --db-url`, on PostgreSQL 17): it sends a file's statements, then its history insert, as one
 * pipelined batch (one Sync: an implicit transaction, not a BEGIN). A CONCURRENTLY statement is accepted
 * there: it commits what came before it and the statements after it run in a new implicit transaction.
 * So a file of CREATE INDEX CONCURRENTLY statements works under `supabase db push` with no marker at all,
 * and works here too, one statement at a time. A CONCURRENTLY statement mixed with others is refused by
 * statementsOf (src/apply/statements.ts): under the CLI a later failure leaves such a file half applied
 * and unrecorded. Needs loadParser() when the file contains the word CONCURRENTLY.
 */
export function transactionModeOf(
  sql: string,
  file: string,
  extraMarkers: readonly string[] = []
): TransactionMode {
  const marker = findNoTransactionMarker(sql, extraMarkers)
  if (marker) {
    const whose = marker.tool === 'Migration Runbook' ? '' : ` (${marker.tool}'s marker)`
    return { noTransaction: true, reason: `marked "${marker.comment}"${whose}` }
  }
  // Keywords cannot be quoted or escaped: without the word there is no CONCURRENTLY statement to look for.
  if (!/concurrently/i.test(sql)) return { noTransaction: false }
  if (!parserLoaded()) {
    throw new Error(
      `${file}: deciding whether it runs outside a transaction needs the SQL parser: await loadParser() before reading noTransaction`
    )
  }
  const { statements, error } = parseSql(sql)
  if (error || statements.length === 0) return { noTransaction: false }
  const clauses = statements.map(s => concurrentlyClause(s.ast))
  if (!clauses.every(c => c !== undefined)) return { noTransaction: false }
  return {
    noTransaction: true,
    reason: `every statement is ${[...new Set(clauses)].join(' or ')}, which cannot run in a transaction: run statement by statement, as the Supabase CLI runs such a file`
  }
}

export interface SqlFile {
  /** Path relative to the repository root (as written in annotations), e.g. migrations/rollback/x.sql */
  file: string
  /** Absolute path. */
  path: string
  sql: string
  checksum: string
  /** The project's own no-transaction markers (runbook.yml), so apply reads the file as lint and discovery did. */
  noTransactionMarkers?: readonly string[]
}

export interface Migration extends SqlFile {
  version: string
  name: string
  /** Runs outside a transaction (see transactionModeOf); read once the parser is loaded. */
  noTransaction: boolean
  /** Why it runs outside a transaction, when it does. */
  noTransactionReason?: string
  rollback?: SqlFile
  verify?: SqlFile
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * A file's text with CRLF line ends read as LF. A Windows checkout (git's autocrlf) or a .gitattributes change
 * rewrites every line end of an applied file; that is not an edit, as Flyway's line-by-line checksums ignore it.
 */
export function withLfLineEnds(text: string): string {
  return text.replace(/\r\n/g, '\n')
}

/** The checksum recorded for a file: of its text with LF line ends. */
export function checksumOf(sql: string): string {
  return sha256(withLfLineEnds(sql))
}

/**
 * Whether a checksum recorded when a file was applied is this text's. Besides checksumOf, runs before line ends
 * were normalised recorded the text as it was: a file applied with CRLF line ends and checked out with LF since
 * (or the other way round) still matches.
 */
export function checksumMatches(recorded: string, sql: string): boolean {
  const lf = withLfLineEnds(sql)
  return (
    recorded === sha256(lf) ||
    recorded === sha256(sql) ||
    recorded === sha256(lf.replace(/\n/g, '\r\n'))
  )
}

/** What discovery found besides the migrations: files it skipped, each with why (for the run log). */
export interface Discovery {
  migrations: Migration[]
  warnings: string[]
}

/** The Supabase CLI's pattern: files it applies. Anything else it skips with "Skipping migration ...". */
const SUPABASE_MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/
/** Files that live in the migrations folder by design: skipped without a warning. */
const EXPECTED_OTHER_FILES = new Set(['runbook.yml', 'runbook.yaml'])
export const SIDECAR_FOLDERS = ['rollback', 'verify'] as const
const UTF8_BOM = [0xef, 0xbb, 0xbf]
/** PostgreSQL's whitespace (scan.l): a file of only these holds no SQL at all. */

/**
 * Index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1. For a broken sequence it is the sequence's first byte.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lo = 0xa0 // overlong
      if (b === 0xed) hi = 0x9f // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lo = 0x90 // overlong
      if (b === 0xf4) hi = 0x8f // above U+10FFFF
    } else return i
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j]
      if (c === undefined || c < lo || c > hi) return i
      lo = 0x80
      hi = 0xbf
    }
    i += need + 1
  }
  return -1
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it must be valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1
  return { line, column }
}

/** UTF-16 by its byte order mark (FF FE little-endian, FE FF big-endian), else undefined. */
function utf16ByteOrder(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  return undefined
}

/** What a byte that is not UTF-8 probably was: a Latin-1 / Windows-1252 letter (the usual culprit). */
function latin1Hint(byte: number): string {
  // 0xA0-0xFF are the same characters in both encodings; below that they differ or are controls.
  return byte >= 0xa0
    ? ` (in Latin-1/Windows-1252 it is "${String.fromCharCode(byte)}": the file was probably saved in that encoding)`
    : ''
}

/**
 * The file's text, refused with a ConfigError naming file:line:column when PostgreSQL would refuse it too:
 * a byte that is not UTF-8 (reading it as 'utf8' would silently turn it into U+FFFD and apply that), or a
 * NUL byte. A UTF-8 byte order mark at the start is dropped: editors write it, and it is no SQL.
 */
export function decodeSqlFile(bytes: Uint8Array, file: string): string {
  const utf16 = utf16ByteOrder(bytes)
  if (utf16)
    throw new ConfigError(
      `${file}: the file is ${utf16} (it starts with that byte order mark, as Windows PowerShell's > and Out-File write ` +
        'by default); PostgreSQL reads migrations as UTF-8 (the Supabase CLI sends the bytes as they are, and the ' +
        'server refuses them: invalid byte sequence for encoding "UTF8"); save the file as UTF-8'
    )
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b)
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  } catch {
    const at = firstInvalidUtf8Byte(body)
    const { line, column } = bytePosition(body, at)
    const hex = '0x' + body[at].toString(16).padStart(2, '0')
    throw new ConfigError(
      `${file}:${line}:${column}: invalid UTF-8 byte ${hex}${latin1Hint(body[at])}; PostgreSQL would refuse it too (invalid byte sequence for encoding "UTF8"); save the file as UTF-8`
    )
  }
  const nul = text.indexOf('\u0000')
  if (nul >= 0) {
    const { line, column } = bytePosition(body, Buffer.byteLength(text.slice(0, nul), 'utf8'))
    throw new ConfigError(
      `${file}:${line}:${column}: NUL byte (0x00); PostgreSQL cannot take it in SQL text (invalid byte sequence for encoding "UTF8": 0x00); remove it`
    )
  }
  return text
}

/** How a decoded file is empty, for its message ('0 bytes', 'whitespace only'); undefined when it holds SQL. */
export function emptiness(
  bytes: Uint8Array,
  sql: string
): '0 bytes' | 'whitespace only' | undefined {
  if (!isBlankSql(sql)) return undefined
  return bytes.length === 0 ? '0 bytes' : 'whitespace only'
}

/**
 * A migration or sidecar file, decoded. An empty migration is read (`supabase migration new` makes one, and
 * `supabase db push` applies it as 0 statements and records its version): `empty` says so, for a warning. An
 * empty rollback or verify script is refused: it would pass for a rollback or a verification that does nothing.
 */
function readSqlFile(
  absPath: string,
  root: string,
  what: string
): SqlFile & { empty?: 'whitespace only' | '0 bytes' } {
  const file = path.relative(root, absPath) || absPath
  let bytes: Buffer
  try {
    bytes = readFileSync(absPath)
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the ${what}: ${(e as Error).message}`)
  }
  const sql = decodeSqlFile(bytes, file)
  const read = { file, path: absPath, sql, checksum: checksumOf(sql) }
  const empty = emptiness(bytes, sql)
  if (!empty) return read
  if (what !== 'migration')
    throw new ConfigError(`${file}: empty ${what} (${empty}); delete it or add SQL`)
  return { ...read, empty }
}

type Entry =
  { kind: 'migration'; version: string; name: string } | { kind: 'skip'; warning?: string }

/**
 * The one rule for a name in the migrations folder (or its rollback/ and verify/ folders):
 * - `<version>_<name>.sql` is a migration (or its sidecar);
 * - a name meant as one but misspelt is refused, since skipping it would deploy without it: `.SQL` in
 *   another case, or a name the Supabase CLI would apply that this runbook cannot name;
 * - anything else is skipped with a warning, as `supabase db push` does ("Skipping migration ..."), except
 *   hidden files and runbook.yml.
 */
function classify(entry: string, shown: string, isFile: boolean): Entry {
  const m = MIGRATION_FILE.exec(entry)
  if (m && isFile) return { kind: 'migration', version: m[1], name: m[2] }
  if (entry.startsWith('.') || EXPECTED_OTHER_FILES.has(entry)) return { kind: 'skip' }
  if (!isFile) {
    return /\.sql$/i.test(entry)
      ? { kind: 'skip', warning: `Skipping ${shown}: it is a folder, not a migration file` }
      : { kind: 'skip' }
  }
  const lower = entry.replace(/\.sql$/i, '.sql')
  if (lower !== entry && MIGRATION_FILE.test(lower)) {
    throw new ConfigError(
      `${shown}: the extension must be ".sql" in lower case; rename it to ${lower} (the Supabase CLI skips "${entry}", so it would never be applied)`
    )
  }
  if (SUPABASE_MIGRATION_FILE.test(entry)) {
    throw new ConfigError(
      `${shown}: file name must be <version>_<name>.sql with a numeric version of at most 20 digits and a name without control characters (tabs, line breaks), e.g. 20251113203000_add_index.sql (the Supabase CLI would apply this file, so it is not skipped)`
    )
  }
  return {
    kind: 'skip',
    warning: `Skipping migration ${shown}... (file name must match pattern "<timestamp>_name.sql")`
  }
}

/**
 * The Supabase CLI's legacy rule (pkg/migration/list.go, shouldSkip): when the folder's first entry (in
 * name order, hidden files and folders included) contains `<14 digits>_init.sql` with a timestamp before
 * 20211209000000, `supabase db push` skips it, as files of CLI versions before that date held the initial
 * schema. Measured with 2.117.0: skipped when first, applied when e.g. .gitkeep sorts before it.
 */
const LEGACY_INIT = /([0-9]{14})_init\.sql/
function isLegacyInit(firstEntry: string | undefined): boolean {
  const m = firstEntry === undefined ? null : LEGACY_INIT.exec(firstEntry)
  return m !== null && BigInt(m[1]) < 20211209000000n
}

/**
 * The migration with `noTransaction` and `noTransactionReason` worked out from its SQL on first read (once:
 * the parser is loaded after discovery, before anything runs). Assigning either sets it.
 */
function withTransactionMode(
  m: Omit<Migration, 'noTransaction' | 'noTransactionReason'>,
  extraMarkers: readonly string[]
): Migration {
  let mode: TransactionMode | undefined
  if (extraMarkers.length > 0)
    for (const f of [m, m.rollback, m.verify]) if (f) f.noTransactionMarkers = extraMarkers
  const resolve = (): TransactionMode => (mode ??= transactionModeOf(m.sql, m.file, extraMarkers))
  return Object.defineProperties(m as Migration, {
    noTransaction: {
      enumerable: true,
      get: () => resolve().noTransaction,
      set: (value: boolean) => {
        mode = { noTransaction: value, reason: value ? 'set by the caller' : undefined }
      }
    },
    noTransactionReason: {
      enumerable: true,
      get: () => resolve().reason,
      set: (reason: string | undefined) => {
        mode = { noTransaction: resolve().noTransaction, reason }
      }
    }
  })
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return true // a broken link: reading it says why
  }
}

/** How a folder is read beyond its files. */
export interface DiscoveryOptions {
  /** The project's own no-transaction markers (runbook.yml lint.no-transaction-markers). */
  noTransactionMarkers?: readonly string[]
}

/** Reads the migrations folder; see discoverMigrationsWithWarnings. */
export function discoverMigrations(
  migrationsDir: string,
  root: string,
  options: DiscoveryOptions = {}
): Migration[] {
  return discoverMigrationsWithWarnings(migrationsDir, root, options).migrations
}

/**
 * Reads the migrations folder. `root` is what file names in messages are relative to (the repository).
 * Fails with a ConfigError on a missing folder, a duplicated version, a sidecar with no migration, a
 * misspelt migration name, an empty rollback or verify script, or a file that is not UTF-8 (every such file at
 * once). Files that are not migrations are skipped, and an empty migration is read, each with a warning the
 * caller logs.
 */
export function discoverMigrationsWithWarnings(
  migrationsDir: string,
  root: string,
  options: DiscoveryOptions = {}
): Discovery {
  const dir = path.resolve(root, migrationsDir)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(
      `input "migrations-dir" is "${migrationsDir}", which is not a folder; create it or pass the folder holding <version>_<name>.sql files`
    )
  }
  const migrations: Migration[] = []
  const warnings: string[] = []
  const unusable: string[] = []
  const seen = new Map<string, string>()
  const duplicates = new Map<string, string[]>()
  const entries = readdirSync(dir).sort()
  for (const [i, entry] of entries.entries()) {
    const abs = path.join(dir, entry)
    if (SIDECAR_FOLDERS.includes(entry as (typeof SIDECAR_FOLDERS)[number])) continue
    if (i === 0 && isLegacyInit(entry)) {
      warnings.push(
        `Skipping migration ${path.join(migrationsDir, entry)}... (replace "init" with a different file name to apply this migration)`
      )
      continue
    }
    const found = classify(entry, path.join(migrationsDir, entry), isFile(abs))
    if (found.kind === 'skip') {
      if (found.warning) warnings.push(found.warning)
      continue
    }
    const { version, name } = found
    const other = seen.get(version)
    if (other) {
      duplicates.set(version, [...(duplicates.get(version) ?? [other]), entry])
      continue
    }
    seen.set(version, entry)
    // A file that cannot be used is collected, not thrown at once: a folder with one usually has more
    // (a branch written by the same editor), and each round trip to fix one costs a CI run.
    try {
      const { empty, ...base } = readSqlFile(abs, root, 'migration')
      if (empty)
        warnings.push(
          `${base.file}: empty migration (${empty}): nothing to run; it is applied as 0 statements and its ` +
            'version recorded, as `supabase db push` does'
        )
      const sidecar = (sub: string): SqlFile | undefined => {
        const p = path.join(dir, sub, entry)
        return existsSync(p) && isFile(p) ? readSqlFile(p, root, `${sub} script`) : undefined
      }
      migrations.push(
        withTransactionMode(
          {
            ...base,
            version,
            name,
            rollback: sidecar('rollback'),
            verify: sidecar('verify')
          },
          options.noTransactionMarkers ?? []
        )
      )
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e
      unusable.push(e.message)
    }
  }
  if (unusable.length === 1) throw new ConfigError(unusable[0])
  if (unusable.length > 1)
    throw new ConfigError(
      `${unusable.length} files in ${migrationsDir} cannot be used:\n${unusable.map(u => `- ${u}`).join('\n')}`
    )
  if (duplicates.size > 0) {
    // All of them at once: a folder merged from several branches often has more than one.
    const list = [...duplicates].map(([v, files]) => `${v} (${files.join(', ')})`).join('; ')
    throw new ConfigError(
      `${duplicates.size === 1 ? 'a version is' : `${duplicates.size} versions are`} used more than once in ${migrationsDir}: ${list}. ` +
        'The history keeps one row per version (`supabase db push` applies the first, then fails on the next ' +
        'with a duplicate key and applies nothing after it): give each file a version of its own, a ' +
        'timestamp newer than the last applied one where it is not applied yet'
    )
  }
  const names = new Set(seen.values())
  for (const sub of SIDECAR_FOLDERS) {
    const subDir = path.join(dir, sub)
    if (!existsSync(subDir) || !statSync(subDir).isDirectory()) continue
    for (const entry of readdirSync(subDir).sort()) {
      const shown = path.join(migrationsDir, sub, entry)
      const found = classify(entry, shown, isFile(path.join(subDir, entry)))
      if (found.kind === 'skip') {
        if (found.warning) warnings.push(found.warning)
      } else if (!names.has(entry)) {
        // Sidecars are found by the migration's exact file name: any other name would never be run.
        throw new ConfigError(
          `${shown} has no migration of the same name in ${migrationsDir}/` +
            (seen.has(found.version)
              ? ` (version ${found.version} is ${seen.get(found.version)})`
              : '')
        )
      }
    }
  }
  // Versions compare as numbers of equal width: sort numerically, not as strings of different length.
  migrations.sort((a, b) => compareVersions(a.version, b.version))
  refuseNameOrderMismatch(migrations, migrationsDir, warnings)
  return { migrations, warnings }
}

/**
 * The folder's versions are ordered differently by file name and by number (refuseNameOrderMismatch). A stage
 * refuses the folder (exit 2); lint reports it as a finding on `file` and lints the folder as read (`found`).
 */
export class VersionOrderError extends ConfigError {
  constructor(
    message: string,
    readonly file: string,
    readonly found: { migrations: Migration[]; warnings: string[] }
  ) {
    super(message)
  }
}

/**
 * The Supabase CLI applies pending files in file-name order (9_a.sql after 10_b.sql, measured with 2.117.0),
 * this runbook in version order (9 before 10). Where the two differ the same folder means two different
 * sequences of changes, so it is refused, naming the first pair.
 */
function refuseNameOrderMismatch(
  byVersion: Migration[],
  migrationsDir: string,
  warnings: string[]
): void {
  const fileName = (m: Migration) => path.basename(m.path)
  for (let i = 1; i < byVersion.length; i++) {
    const before = byVersion[i - 1]
    const after = byVersion[i]
    if (fileName(before) <= fileName(after)) continue
    throw new VersionOrderError(
      `${path.join(migrationsDir, fileName(before))} and ${path.join(migrationsDir, fileName(after))}: ` +
        `the Supabase CLI applies migrations in file-name order (${fileName(after)} before ${fileName(before)}), ` +
        `this runbook in version order (${before.version} before ${after.version}), so the folder would not mean the same to both; ` +
        `give every version the same number of digits, e.g. the 14-digit timestamps \`supabase migration new\` writes ` +
        '(a renamed file that a database has applied keeps its old version there: `supabase migration repair --status ' +
        'reverted <old>` then `--status applied <new>`, or `supabase db push` stops on the version it cannot find)',
      path.join(
        migrationsDir,
        fileName(versionLength(before) < versionLength(after) ? before : after)
      ),
      { migrations: byVersion, warnings }
    )
  }
}

const versionLength = (m: Migration) => m.version.length

/** A version as a number, or undefined for one that is not all digits (a history row another tool wrote). */
export function versionNumber(v: string): bigint | undefined {
  return /^\d+$/.test(v) ? BigInt(v) : undefined
}

/** Numeric order; a version that is not all digits sorts after every numeric one, in code-point order. */
export function compareVersions(a: string, b: string): number {
  const x = versionNumber(a)
  const y = versionNumber(b)
  if (x === undefined || y === undefined) {
    if (x !== undefined) return -1
    if (y !== undefined) return 1
    return a < b ? -1 : a > b ? 1 : 0
  }
  return x < y ? -1 : x > y ? 1 : 0
}

/** The repository's top: the nearest directory at or above `cwd` that holds .git; undefined outside one. */
export function repositoryTop(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir
    if (path.dirname(dir) === dir) return undefined
  }
}
