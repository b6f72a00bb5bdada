/** Discovery of migrations/<version>_<name>.sql and their rollback/ and verify/ sidecars, with sha256 checksums. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/errors.js'

export const MIGRATION_FILE = /^(\d{1,20})_([A-Za-z0-9][A-Za-z0-9_.-]*)\.sql$/
/** First-line marker for migrations that must run outside a transaction (CREATE INDEX CONCURRENTLY). */
export const NO_TRANSACTION_MARKER = /^\s*--\s*migration-runbook:\s*no-transaction\b/i

export interface SqlFile {
  /** Path relative to the repository root (as written in annotations), e.g. migrations/rollback/x.sql */
  file: string
  /** Absolute path. */
  path: string
  sql: string
  checksum: string
}

export interface Migration extends SqlFile {
  version: string
  name: string
  noTransaction: boolean
  rollback?: SqlFile
  verify?: SqlFile
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
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
const SIDECAR_FOLDERS = ['rollback', 'verify'] as const
const UTF8_BOM = [0xef, 0xbb, 0xbf]
/** PostgreSQL's whitespace (scan.l): a file of only these holds no SQL at all. */
const ONLY_WHITESPACE = /^[ \t\n\r\f\v]*$/

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

function readSqlFile(absPath: string, root: string, what: string): SqlFile {
  const file = path.relative(root, absPath) || absPath
  let bytes: Buffer
  try {
    bytes = readFileSync(absPath)
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the ${what}: ${(e as Error).message}`)
  }
  const sql = decodeSqlFile(bytes, file)
  // Comments alone are fine (applied as 0 statements); nothing at all is a mistake: a file left empty.
  if (ONLY_WHITESPACE.test(sql)) {
    throw new ConfigError(
      `${file}: empty ${what} (${bytes.length === 0 ? '0 bytes' : 'whitespace only'}); delete it or add SQL`
    )
  }
  return { file, path: absPath, sql, checksum: sha256(sql) }
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
      `${shown}: file name must be <version>_<name>.sql with a numeric version of at most 20 digits and a name of letters, digits, "_", "." and "-" starting with a letter or digit, e.g. 20251113203000_add_index.sql (the Supabase CLI would apply this file, so it is not skipped)`
    )
  }
  return {
    kind: 'skip',
    warning: `Skipping ${shown}: not a migration (file name must match pattern "<timestamp>_name.sql", as the Supabase CLI requires)`
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return true // a broken link: reading it says why
  }
}

/** Reads the migrations folder; see discoverMigrationsWithWarnings. */
export function discoverMigrations(migrationsDir: string, root = process.cwd()): Migration[] {
  return discoverMigrationsWithWarnings(migrationsDir, root).migrations
}

/**
 * Reads the migrations folder. `root` is what file names in messages are relative to (the repository).
 * Fails with a ConfigError on a missing folder, a duplicated version, a sidecar with no migration, a
 * misspelt migration name, an empty file, or a file that is not UTF-8. Files that are not migrations are
 * skipped, each with a warning the caller logs.
 */
export function discoverMigrationsWithWarnings(
  migrationsDir: string,
  root = process.cwd()
): Discovery {
  const dir = path.resolve(root, migrationsDir)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(
      `input "migrations-dir" is "${migrationsDir}", which is not a folder; create it or pass the folder holding <version>_<name>.sql files`
    )
  }
  const migrations: Migration[] = []
  const warnings: string[] = []
  const seen = new Map<string, string>()
  for (const entry of readdirSync(dir).sort()) {
    const abs = path.join(dir, entry)
    if (SIDECAR_FOLDERS.includes(entry as (typeof SIDECAR_FOLDERS)[number])) continue
    const found = classify(entry, path.join(migrationsDir, entry), isFile(abs))
    if (found.kind === 'skip') {
      if (found.warning) warnings.push(found.warning)
      continue
    }
    const { version, name } = found
    const other = seen.get(version)
    if (other) throw new ConfigError(`version ${version} is used twice: ${other} and ${entry}`)
    seen.set(version, entry)
    const base = readSqlFile(abs, root, 'migration')
    const sidecar = (sub: string): SqlFile | undefined => {
      const p = path.join(dir, sub, entry)
      return existsSync(p) && isFile(p) ? readSqlFile(p, root, `${sub} script`) : undefined
    }
    migrations.push({
      ...base,
      version,
      name,
      noTransaction: NO_TRANSACTION_MARKER.test(base.sql.split('\n', 1)[0] ?? ''),
      rollback: sidecar('rollback'),
      verify: sidecar('verify')
    })
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
  return { migrations: migrations.sort((a, b) => compareVersions(a.version, b.version)), warnings }
}

export function compareVersions(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}
