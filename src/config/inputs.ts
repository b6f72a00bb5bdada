/**
 * The run's inputs, from the action or the CLI, checked before anything else happens.
 * An invalid value fails naming the input, the value and what is allowed; no database is touched.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { STAGES, type Stage } from '../types.js'
import { ConfigError } from './errors.js'
import { readRunVariables, type RunVariables } from './flags.js'
import { parseDatabaseUrl } from '../db/target.js'

export const COMMENT_MODES = ['auto', 'always', 'never'] as const

/** Raw inputs keyed by their action input names; undefined or '' means "not given". */
export type RawInputs = Partial<Record<InputName, string | undefined>>
export type InputName =
  | 'environment'
  | 'stage'
  | 'database-url'
  | 'migrations-dir'
  | 'config'
  | 'github-token'
  | 'comment'
  | 'artifact-name'
  | 'test-command'
  | 'artifacts-dir'
  | 'env-file'

export interface RunConfig {
  environment: string
  stage: Stage
  databaseUrl: string
  migrationsDir: string
  configPath: string
  githubToken?: string
  comment: (typeof COMMENT_MODES)[number]
  artifactName: string
  testCommand?: string
  artifactsDir: string
  /** The job's environment and the env-file input: feature flags and smoke templates read these. */
  variables?: RunVariables
}

/**
 * The database-url a front door passes when a target provider supplies the database (--embedded, rehearse):
 * the provider's own URL replaces it before anything connects.
 */
export const PROVIDED_TARGET_URL = 'postgres://embedded@127.0.0.1/rehearsal'

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/

function describeValue(value: unknown): string {
  if (value === undefined || value === '') return '(empty)'
  return JSON.stringify(value)
}

/** Checks a URL's shape without ever echoing it (it holds the password). */
export function checkDatabaseUrl(url: string): void {
  const parsed = parseDatabaseUrl(url)
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      `input "database-url" has scheme "${parsed.protocol.replace(/:$/, '')}"; allowed: postgres, postgresql`
    )
  }
  for (const [part, value] of [
    ['user', parsed.username],
    ['password', parsed.password],
    ['database name', parsed.pathname]
  ] as const) {
    try {
      decodeURIComponent(value)
    } catch {
      throw new ConfigError(
        `input "database-url" has malformed percent-encoding in its ${part} (value hidden); encode special characters, e.g. @ as %40 and % as %25`
      )
    }
  }
  if (!parsed.hostname) {
    throw new ConfigError(
      'input "database-url" has no host; expected postgres://user:password@host:5432/database'
    )
  }
  // A password with an unencoded "/" and "@" (postgres://u:pa@ss/wo@host/db) parses as host "ss" and database
  // "wo@host/db": pieces of the password would be printed as the target and looked up in DNS. libpq reads it
  // the same wrong way; a database name holding "@" or "/" is written encoded, so the raw path never has one.
  if (/[@/]/.test(parsed.pathname.slice(1))) {
    throw new ConfigError(
      'input "database-url" has "@" or "/" after its host (value hidden): a user name or password holding them must be percent-encoded, @ as %40 and / as %2F'
    )
  }
  checkTlsParams(parsed)
}

/** libpq's TLS environment variables and the URL parameter each stands in for. */
const LIBPQ_TLS_ENV = [
  ['PGSSLMODE', 'sslmode'],
  ['PGSSLROOTCERT', 'sslrootcert'],
  ['PGSSLCERT', 'sslcert'],
  ['PGSSLKEY', 'sslkey']
] as const

/**
 * The database URL with libpq's TLS environment variables applied where the URL says nothing, as libpq applies
 * them (psql, the Supabase CLI): PGSSLMODE=require in a job's environment must not be read as prefer, which
 * falls back to no encryption. A URL with node-postgres's own `ssl=` is left alone, and so is one the embedded
 * provider stands for. A bad value is refused naming the variable.
 */
export function withLibpqTlsEnvironment(
  url: string,
  env: Readonly<Record<string, string | undefined>>
): string {
  if (url === PROVIDED_TARGET_URL) return url
  let parsed: URL
  try {
    parsed = parseDatabaseUrl(url)
  } catch {
    return url // checkDatabaseUrl says what is wrong with it
  }
  if (parsed.searchParams.has('ssl')) return url
  let result = url
  for (const [variable, param] of LIBPQ_TLS_ENV) {
    const value = env[variable]?.trim()
    if (!value || parsed.searchParams.has(param)) continue
    if (param === 'sslmode' && !(SSL_MODES as readonly string[]).includes(value.toLowerCase()))
      throw new ConfigError(
        `environment variable ${variable} is ${JSON.stringify(value)}; allowed: ${SSL_MODES.join(', ')} (it stands for the URL's sslmode, which is not given)`
      )
    if (param !== 'sslmode' && !existsSync(value))
      throw new ConfigError(
        `environment variable ${variable} is ${JSON.stringify(value)}, which does not exist (relative paths are read from ${process.cwd()})`
      )
    result = withQueryParam(result, param, value)
  }
  return result
}

/** The URL with key=value appended as text (the user name and password stay byte for byte). */
function withQueryParam(url: string, key: string, value: string): string {
  const hash = url.indexOf('#')
  const [head, tail] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)]
  return `${head}${head.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}${tail}`
}

/** libpq's sslmode values, and node-postgres's own no-verify. */
export const SSL_MODES = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
  'no-verify'
] as const

/**
 * sslmode and the certificate files, refused before anything connects: an unknown sslmode would otherwise be read
 * as verify-full by node-postgres (libpq refuses it), and a missing file fails only at connect time.
 */
function checkTlsParams(url: URL): void {
  const mode = url.searchParams.get('sslmode')
  if (mode !== null && !(SSL_MODES as readonly string[]).includes(mode.toLowerCase()))
    throw new ConfigError(
      `input "database-url" has sslmode=${JSON.stringify(mode)}; allowed: ${SSL_MODES.join(', ')}`
    )
  if (mode?.toLowerCase() === 'verify-ca' && !url.searchParams.get('sslrootcert'))
    throw new ConfigError(
      'input "database-url" has sslmode=verify-ca without sslrootcert: verify-ca checks the chain against the CA ' +
        "file sslrootcert names (e.g. the Supabase project's root certificate); add it, or use sslmode=require"
    )
  for (const key of ['sslrootcert', 'sslcert', 'sslkey']) {
    const file = url.searchParams.get(key)
    if (file !== null && !existsSync(file))
      throw new ConfigError(
        `input "database-url" has ${key}=${JSON.stringify(file)}, which does not exist (relative paths are read from ${process.cwd()})`
      )
  }
}

/** Where parseInputs looks for the default policy file: the repository root and how to test a path. */
export interface ConfigLookup {
  /** What relative paths are resolved against (the repository root); default: the working directory. */
  root?: string
  /** Whether an absolute path exists; default: fs.existsSync. */
  exists?: (absolutePath: string) => boolean
  /** The job's environment (feature flags, smoke templates); default: process.env. */
  env?: NodeJS.ProcessEnv
}

const SUPABASE_MIGRATIONS = /(^|[\\/])supabase[\\/]migrations$/

/**
 * The policy files tried, in order, when `config` is not given: `<migrations-dir>/runbook.yml`, then, for
 * a folder ending in `supabase/migrations`, `supabase/runbook.yml` beside it. Every Supabase CLI command
 * prints "Skipping migration runbook.yml" for a file inside supabase/migrations, so that layout keeps the
 * policy one level up.
 */
export function configCandidates(migrationsDir: string): string[] {
  const trimmed = migrationsDir.replace(/[\\/]+$/, '') || migrationsDir
  const own = `${trimmed}/runbook.yml`
  if (!SUPABASE_MIGRATIONS.test(trimmed)) return [own]
  return [own, path.join(path.dirname(trimmed), 'runbook.yml')]
}

/**
 * The default `config` for a migrations folder (see configCandidates). With one candidate the path is
 * returned unchecked: loadPolicy names it if it is missing. With two, the first that exists wins, and
 * neither existing is an error naming both.
 */
export function defaultConfigPath(migrationsDir: string, lookup: ConfigLookup = {}): string {
  const candidates = configCandidates(migrationsDir)
  if (candidates.length === 1) return candidates[0]
  const root = lookup.root ?? process.cwd()
  const exists = lookup.exists ?? existsSync
  const found = candidates.find(c => exists(path.resolve(root, c)))
  if (found) return found
  throw new ConfigError(
    `input "config" is not given, and neither ${candidates.join(' nor ')} exists; allowed: a runbook policy file — pass config (CLI: --config <file>), or create ${candidates[candidates.length - 1]} with \`migration-runbook init\``
  )
}

export function parseInputs(raw: RawInputs, lookup: ConfigLookup = {}): RunConfig {
  const value = (name: InputName): string | undefined => {
    const v = raw[name]
    return v === undefined || v.trim() === '' ? undefined : v.trim()
  }
  const stage = value('stage')
  if (!isOneOf(stage, STAGES)) {
    throw new ConfigError(`input "stage" is ${describeValue(stage)}; allowed: ${STAGES.join(', ')}`)
  }
  const environment = value('environment')
  if (!environment || !ENV_NAME.test(environment)) {
    throw new ConfigError(
      `input "environment" is ${describeValue(environment)}; allowed: a name defined under environments: in runbook.yml (letters, digits, . _ -)`
    )
  }
  const comment = value('comment') ?? 'auto'
  if (!isOneOf(comment, COMMENT_MODES)) {
    throw new ConfigError(
      `input "comment" is ${describeValue(comment)}; allowed: ${COMMENT_MODES.join(', ')}`
    )
  }
  const databaseUrl = value('database-url')
  if (!databaseUrl) {
    throw new ConfigError(
      'input "database-url" is empty; it is required (pass the environment\'s database secret)'
    )
  }
  const withTlsEnvironment = withLibpqTlsEnvironment(databaseUrl, lookup.env ?? process.env)
  checkDatabaseUrl(withTlsEnvironment)
  const migrationsDir = value('migrations-dir') ?? 'migrations'
  return {
    environment,
    stage,
    databaseUrl: withTlsEnvironment,
    migrationsDir,
    configPath: value('config') ?? defaultConfigPath(migrationsDir, lookup),
    githubToken: value('github-token'),
    comment,
    artifactName: value('artifact-name') ?? `migration-runbook-${environment}-${stage}`,
    testCommand: value('test-command'),
    artifactsDir: value('artifacts-dir') ?? 'artifacts',
    variables: readRunVariables(
      value('env-file'),
      lookup.env ?? process.env,
      lookup.root ?? process.cwd()
    )
  }
}

/** Whether the value is one of the allowed ones (narrowing it to them). */
function isOneOf<T extends string>(value: string | undefined, allowed: readonly T[]): value is T {
  return (allowed as readonly (string | undefined)[]).includes(value)
}
