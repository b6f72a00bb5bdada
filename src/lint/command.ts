/**
 * `migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml]
 * <file|dir>...`: the lint rules offline, with no database and no environment. Every table not created in
 * the linted files counts as existing. A folder is read as a migrations folder (<version>_<name>.sql with its
 * rollback/ and verify/ sidecars; skipped names are warned on stderr). A migration file named on its own is
 * read as its folder reads it, sidecars included, and a rollback/ or verify/ script named on its own lints the
 * migration it belongs to with it: a PR's changed files lint as the folder would lint them, with the tables of
 * the files already deployed counting as existing. Any other file is linted as a migration whatever its name.
 * Files are linted in version order. Files named are one change: a table created by an earlier one is new to the
 * later ones. A folder is a history: each file is linted as it runs after the ones before it were deployed, so
 * their tables have rows (lintMigrations' history); --since reports only the findings from a version on. With
 * --format-in (or runbook.yml lint.format-in) only each file's up section is linted; the config's
 * lint.no-transaction-markers are no-transaction markers too.
 * Exit 0 clean or warnings only, 1 an unsuppressed error, 2 bad usage (a ConfigError).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/errors.js'
import type { LintSettings } from '../config/lint-settings.js'
import {
  compareVersions,
  decodeSqlFile,
  discoverMigrationsWithWarnings,
  type Discovery,
  emptiness,
  MIGRATION_FILE,
  SIDECAR_FOLDERS,
  checksumOf,
  transactionModeOf,
  repositoryTop,
  type Migration,
  VersionOrderError
} from '../plan/files.js'
import { loadParser } from '../sql/parser.js'
import type { LintFinding } from '../types.js'
import { activeFindings } from './engine.js'
import { lintMigrations, summarizeLint } from './migrations.js'
import { scanOtherFiles } from './other-files.js'
import { RULES } from './rules.js'
import { INPUT_FORMATS, upSection, type InputFormat } from './formats.js'
import { toSarif } from './sarif.js'

export const LINT_FORMATS = ['text', 'json', 'sarif'] as const
export type LintFormat = (typeof LINT_FORMATS)[number]

export const LINT_USAGE =
  'migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml] [--since <version>] [<file|dir>...]'

export interface LintCommandIo {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
}

export interface LintCommandArgs {
  paths: string[]
  format?: string
  /** dbmate or goose: lint only each file's up section. */
  formatIn?: string
  config?: string
  /** Report only the findings of this migration version and later ones (and their rollback and verify scripts). */
  since?: string
}

/** What `lint --format json` prints. */
export interface LintJson {
  files: number
  statements: number
  findings: LintFinding[]
}

function formatOf(value: string | undefined): LintFormat {
  if (value === undefined) return 'text'
  if ((LINT_FORMATS as readonly string[]).includes(value)) return value as LintFormat
  throw new ConfigError(`option --format is "${value}"; allowed: ${LINT_FORMATS.join(', ')}`)
}

function formatInOf(value: string | undefined): InputFormat | undefined {
  if (value === undefined || (INPUT_FORMATS as readonly string[]).includes(value))
    return value as InputFormat | undefined
  throw new ConfigError(`option --format-in is "${value}"; allowed: ${INPUT_FORMATS.join(', ')}`)
}

/** runbook.yml's lint settings when --config is given (zod and yaml are loaded only then). */
async function lintSettings(config: string | undefined, cwd: string): Promise<LintSettings> {
  if (config === undefined) return { noTransactionMarkers: [] }
  const { loadPolicy } = await import('../config/policy.js')
  return loadPolicy(path.resolve(cwd, config)).lint
}

/** How files are read: the input format and the project's own no-transaction markers. */
interface Reading {
  formatIn?: InputFormat
  markers: readonly string[]
}

/**
 * A migration as lint sees it: with --format-in only its up section (same lines, the rest blanked), and its
 * transaction mode worked out from that section with the project's markers.
 */
function asLinted(m: Migration, reading: Reading): Migration {
  if (!reading.formatIn && reading.markers.length === 0) return m
  const sql = reading.formatIn ? upSection(m.sql, reading.formatIn, m.file) : m.sql
  const mode = transactionModeOf(sql, m.file, reading.markers)
  return {
    file: m.file,
    path: m.path,
    sql,
    checksum: m.checksum,
    version: m.version,
    name: m.name,
    rollback: m.rollback,
    verify: m.verify,
    noTransaction: mode.noTransaction,
    noTransactionReason: mode.reason
  }
}

/**
 * One file named on the command line, read as a migration whatever its name (no sidecars). An empty one is
 * linted as 0 statements, with a warning (as in a folder: `supabase db push` applies it and records its version).
 */
function singleFile(abs: string, cwd: string, warn: (line: string) => void): Migration {
  const file = path.relative(cwd, abs) || abs
  let bytes: Buffer
  try {
    bytes = readFileSync(abs)
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the file: ${(e as Error).message}`)
  }
  const sql = decodeSqlFile(bytes, file)
  const empty = emptiness(bytes, sql)
  if (empty) warn(`${file}: empty file (${empty}): nothing to lint`)
  const m = MIGRATION_FILE.exec(path.basename(abs))
  const mode = transactionModeOf(sql, file)
  return {
    file,
    path: abs,
    sql,
    checksum: checksumOf(sql),
    // Unnamed files sort after the versioned ones (see byVersion), in command-line order.
    version: m?.[1] ?? '',
    name: m?.[2] ?? path.basename(abs, path.extname(abs)),
    noTransaction: mode.noTransaction,
    noTransactionReason: mode.reason
  }
}

/**
 * The migration file a file named on its own belongs to: itself when it is a migration of a folder, the
 * migration of the same name when it is a rollback/ or verify/ script (sidecars are found by exact name), else
 * nothing (a sidecar with no migration is linted as a file of its own, as before).
 */
function owningMigration(abs: string): string | undefined {
  if (!MIGRATION_FILE.test(path.basename(abs))) return undefined
  const folder = path.basename(path.dirname(abs))
  if (!SIDECAR_FOLDERS.includes(folder as (typeof SIDECAR_FOLDERS)[number])) return abs
  const migration = path.join(path.dirname(path.dirname(abs)), path.basename(abs))
  return existsSync(migration) ? migration : undefined
}

/** Version order; files with no version keep their command-line order, after the versioned ones. */
function byVersion(a: Migration, b: Migration): number {
  if (a.version === '' || b.version === '')
    return (a.version === '' ? 1 : 0) - (b.version === '' ? 1 : 0)
  return compareVersions(a.version, b.version)
}

function renderText(findings: LintFinding[], summary: string): string {
  const lines = activeFindings(findings).map(
    f => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}`
  )
  return [...lines, summary].join('\n')
}

/**
 * --since: the files whose findings are reported (the migrations of that version and later, with their rollback
 * and verify scripts), or undefined without it. The older files are linted all the same: the history they make is
 * what the later ones run after. Exit 2 on a value that is no version, or later than every linted migration.
 */
function sinceFiles(
  since: string | undefined,
  migrations: readonly Migration[]
): Set<string> | undefined {
  if (since === undefined) return undefined
  if (!/^\d+$/.test(since))
    throw new ConfigError(
      `option --since is "${since}"; allowed: a migration version, the digits a migration's file name starts with (e.g. 20250101000000)`
    )
  const from = migrations.filter(m => m.version !== '' && compareVersions(m.version, since) >= 0)
  if (from.length === 0) {
    const newest = migrations.filter(m => m.version !== '').at(-1)?.version
    throw new ConfigError(
      `option --since is "${since}"; allowed: a version at or before the newest linted migration${newest ? `, ${newest}` : ' (none has a version)'}`
    )
  }
  return new Set(
    from.flatMap(m => [m.file, m.rollback?.file, m.verify?.file]).filter(f => f !== undefined)
  )
}

export async function runLintCommand(args: LintCommandArgs, io: LintCommandIo): Promise<number> {
  const format = formatOf(args.format)
  formatInOf(args.formatIn)
  if (args.paths.length === 0)
    throw new ConfigError(`lint needs at least one file or folder: ${LINT_USAGE}`)
  // Read and checked, so a broken policy is reported here too; --format-in wins over lint.format-in.
  const settings = await lintSettings(args.config, io.cwd)
  const reading: Reading = {
    formatIn: formatInOf(args.formatIn) ?? settings.formatIn,
    markers: settings.noTransactionMarkers
  }
  for (const p of args.paths) {
    if (!existsSync(path.resolve(io.cwd, p)))
      throw new ConfigError(`path "${p}" does not exist; pass migration files or folders`)
  }
  await loadParser()

  const migrations: Migration[] = []
  const seen = new Set<string>()
  // Versions the Supabase CLI orders differently (a stage refuses the folder): one finding, and the files are
  // linted all the same (a real project's one 8-digit version left lint with nothing but exit 2).
  const orderFindings: LintFinding[] = []
  // Each folder is read once, whether it is named or holds a file that is (owningMigration). It is read as validate
  // will read it: a version another file there uses too, versions the Supabase CLI orders differently or a file
  // that cannot be read exit 2 as when the folder is linted, so a pre-commit hook on the changed files finds what
  // CI would refuse.
  const readOnce = new Map<string, Discovery>()
  const readFolder = (dir: string): Discovery => {
    const cached = readOnce.get(dir)
    if (cached) return cached
    let found: Discovery
    try {
      found = discoverMigrationsWithWarnings(path.relative(io.cwd, dir) || '.', io.cwd, {
        noTransactionMarkers: reading.markers
      })
    } catch (e) {
      if (!(e instanceof VersionOrderError)) throw e
      orderFindings.push({
        rule: 'version-order',
        severity: 'error',
        file: e.file,
        line: 1,
        column: 1,
        message: e.message,
        advice: RULES['version-order'].advice
      })
      found = e.found
    }
    readOnce.set(dir, found)
    return found
  }
  const folders: { dir: string; migrations: Migration[] }[] = []
  const add = (m: Migration): void => {
    const key = path.resolve(m.path)
    if (seen.has(key)) return
    seen.add(key)
    migrations.push(asLinted(m, reading))
  }
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p)
    if (statSync(abs).isDirectory()) {
      const found = readFolder(abs)
      for (const w of found.warnings) io.err(`warning: ${w}`)
      found.migrations.forEach(add)
      folders.push({ dir: abs, migrations: found.migrations })
    } else {
      // A file of a folder is linted as the folder reads it (sidecars included); the folder's other files are not.
      const owner = owningMigration(abs)
      const inFolder =
        owner === undefined
          ? undefined
          : readFolder(path.dirname(owner)).migrations.find(m => path.resolve(m.path) === owner)
      add(inFolder ?? singleFile(abs, io.cwd, line => io.err(`warning: ${line}`)))
    }
  }
  // Array.prototype.sort is stable: equal versions and unversioned files keep their order.
  migrations.sort(byVersion)

  // A folder is a history, files named are one change (a PR's changed files): see lintMigrations' history.
  const reported = sinceFiles(args.since, migrations)
  const result = lintMigrations(migrations, {}, { history: folders.length > 0 })
  if (reported) result.findings = result.findings.filter(f => reported.has(f.file))
  result.findings.unshift(...orderFindings)
  // Connection strings with a password in the folders' other files (runbook.yml, notes), as the lint check.
  for (const { dir, migrations: inFolder } of folders) {
    result.findings.push(...scanOtherFiles(io.cwd, dir, inFolder))
  }
  const active = activeFindings(result.findings)
  const exitCode = active.some(f => f.severity === 'error') ? 1 : 0

  if (format === 'json') {
    const json: LintJson = {
      files: result.files,
      statements: result.statements,
      findings: result.findings
    }
    io.out(JSON.stringify(json, null, 2))
  } else if (format === 'sarif') {
    io.out(
      JSON.stringify(
        toSarif(result.findings, io.cwd, repositoryTop(io.cwd) ?? path.resolve(io.cwd)),
        null,
        2
      )
    )
  } else {
    const since = args.since === undefined ? '' : ` (findings of ${args.since} and later)`
    io.out(renderText(result.findings, summarizeLint(result).summary + since))
  }
  return exitCode
}
