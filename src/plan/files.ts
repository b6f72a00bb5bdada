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

function readSqlFile(absPath: string, root: string): SqlFile {
  const sql = readFileSync(absPath, 'utf8')
  return {
    file: path.relative(root, absPath) || absPath,
    path: absPath,
    sql,
    checksum: sha256(sql)
  }
}

/**
 * Reads the migrations folder. `root` is what file names in messages are relative to (the repository).
 * Fails with a ConfigError on a missing folder, a duplicated version or a sidecar with no migration.
 */
export function discoverMigrations(migrationsDir: string, root = process.cwd()): Migration[] {
  const dir = path.resolve(root, migrationsDir)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(
      `input "migrations-dir" is "${migrationsDir}", which is not a folder; create it or pass the folder holding <version>_<name>.sql files`
    )
  }
  const migrations: Migration[] = []
  const seen = new Map<string, string>()
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.sql')) continue
    const m = MIGRATION_FILE.exec(entry)
    if (!m) {
      throw new ConfigError(
        `${path.join(migrationsDir, entry)}: file name must be <version>_<name>.sql with a numeric version, e.g. 20251113203000_add_index.sql`
      )
    }
    const [, version, name] = m
    const other = seen.get(version)
    if (other) throw new ConfigError(`version ${version} is used twice: ${other} and ${entry}`)
    seen.set(version, entry)
    const base = readSqlFile(path.join(dir, entry), root)
    const sidecar = (sub: string): SqlFile | undefined => {
      const p = path.join(dir, sub, entry)
      return existsSync(p) ? readSqlFile(p, root) : undefined
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
  for (const sub of ['rollback', 'verify']) {
    const subDir = path.join(dir, sub)
    if (!existsSync(subDir)) continue
    for (const entry of readdirSync(subDir)) {
      if (entry.endsWith('.sql') && !seen.has(MIGRATION_FILE.exec(entry)?.[1] ?? '')) {
        throw new ConfigError(
          `${path.join(migrationsDir, sub, entry)} has no migration of the same name in ${migrationsDir}/`
        )
      }
    }
  }
  // Versions compare as numbers of equal width: sort numerically, not as strings of different length.
  return migrations.sort((a, b) => compareVersions(a.version, b.version))
}

export function compareVersions(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}
