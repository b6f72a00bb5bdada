/**
 * Target pinning (environments.<name>.target in runbook.yml): before any check runs, the URL and the server
 * must be the database the environment names, so a swapped secret cannot migrate the wrong database.
 * Messages name the key, what was expected and what was found: never the password, never the whole URL.
 */
import type pg from 'pg'
import type { TargetPin } from '../config/policy.js'
import { ConfigError } from '../config/errors.js'
import type { CheckResultOf, Target } from '../types.js'

/** What the run is connected to: from the parsed URL, and the server's own current_database(). */
export interface TargetFacts {
  host: string
  port: number
  /** The database named in the URL, or undefined when the URL names none. */
  urlDatabase?: string
  /** current_database() on the server (undefined when not read). */
  serverDatabase?: string
  /** Project refs the URL carries: from the direct host db.<ref>.supabase.co and the pooler user <role>.<ref>. */
  projectRefs: { ref: string; from: string }[]
}

const PIN_KEYS = ['host', 'port', 'database', 'project-ref'] as const
type PinKey = (typeof PIN_KEYS)[number]

/** The pinned keys, in runbook.yml spelling. */
export function pinnedKeys(pin: TargetPin | undefined): PinKey[] {
  if (!pin) return []
  const given: Record<PinKey, unknown> = {
    host: pin.host,
    port: pin.port,
    database: pin.database,
    'project-ref': pin.projectRef
  }
  return PIN_KEYS.filter(k => given[k] !== undefined)
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

const DIRECT_HOST = /^db\.([a-z0-9]+)\.supabase\.(?:co|in)$/i
const POOLER_USER = /^[^.]+\.([a-z0-9]+)$/i

/**
 * The one parse of a database URL (the engine's target, the input check, the redactor). Not a URL: a
 * ConfigError naming the input, never echoing the value (it holds the password).
 */
export function parseDatabaseUrl(databaseUrl: string): URL {
  try {
    return new URL(databaseUrl)
  } catch {
    throw new ConfigError(
      'input "database-url" is not a valid URL (value hidden); expected postgres://user:password@host:5432/database'
    )
  }
}

/** The facts a URL gives (libpq's ?host= and ?port= win over the authority, as pg reads them). */
export function urlFacts(databaseUrl: string | URL): TargetFacts {
  const url = typeof databaseUrl === 'string' ? parseDatabaseUrl(databaseUrl) : databaseUrl
  const host = (url.searchParams.get('host') || url.hostname)
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
  const port = Number(url.searchParams.get('port') || url.port || 5432)
  const urlDatabase = decode(url.pathname.slice(1)) || undefined
  const projectRefs: TargetFacts['projectRefs'] = []
  const direct = DIRECT_HOST.exec(host)
  if (direct) projectRefs.push({ ref: direct[1].toLowerCase(), from: `host ${host}` })
  const pooler = POOLER_USER.exec(decode(url.username))
  if (pooler) projectRefs.push({ ref: pooler[1].toLowerCase(), from: 'the user name' })
  return { host, port, urlDatabase, projectRefs }
}

/**
 * The run's target, parsed once from its URL (the engine does this; checks read ctx.facts.target).
 * Throws a ConfigError naming the input, never echoing the URL.
 */
export function parseTarget(databaseUrl: string): Target {
  const url = parseDatabaseUrl(databaseUrl)
  const facts = urlFacts(url)
  return {
    url: databaseUrl,
    host: facts.host,
    port: facts.port,
    database: facts.urlDatabase ?? 'postgres',
    urlDatabase: facts.urlDatabase,
    user: decode(url.username),
    projectRefs: facts.projectRefs,
    params: Object.fromEntries(url.searchParams)
  }
}

/**
 * One line per pinned key the facts do not match, each naming the key (`<keyPrefix>.<key>`), what was
 * expected and what was found. A key that cannot be compared (no project ref in the URL) is a mismatch.
 */
export function compareTarget(pin: TargetPin, facts: TargetFacts, keyPrefix = 'target'): string[] {
  const out: string[] = []
  const key = (k: PinKey) => `${keyPrefix}.${k}`
  if (pin.host !== undefined && pin.host.toLowerCase() !== facts.host.toLowerCase())
    out.push(`${key('host')}: expected "${pin.host}", found "${facts.host}" (URL host)`)
  if (pin.port !== undefined && pin.port !== facts.port)
    out.push(`${key('port')}: expected ${pin.port}, found ${facts.port} (URL port)`)
  if (pin.database !== undefined) {
    if (facts.urlDatabase !== undefined && facts.urlDatabase !== pin.database)
      out.push(
        `${key('database')}: expected "${pin.database}", found "${facts.urlDatabase}" (URL database name)`
      )
    else if (facts.serverDatabase === undefined && facts.urlDatabase === undefined)
      out.push(
        `${key('database')}: expected "${pin.database}", found none: the URL names no database and the server was not asked`
      )
    else if (facts.serverDatabase !== undefined && facts.serverDatabase !== pin.database)
      out.push(
        `${key('database')}: expected "${pin.database}", found "${facts.serverDatabase}" (the server's current_database())`
      )
  }
  if (pin.projectRef !== undefined) {
    if (facts.projectRefs.length === 0)
      out.push(
        `${key('project-ref')}: expected "${pin.projectRef}", found none: the URL carries no Supabase project ref (neither a host db.<ref>.supabase.co nor a pooler user <role>.<ref>), so it cannot be compared`
      )
    for (const { ref, from } of facts.projectRefs)
      if (ref !== pin.projectRef)
        out.push(`${key('project-ref')}: expected "${pin.projectRef}", found "${ref}" (${from})`)
  }
  return out
}

export interface PinOptions {
  /** The run's database URL (never echoed). */
  databaseUrl: string
  environment: string
  /** runbook.yml's path, for messages. */
  policyPath: string
  pin: TargetPin | undefined
  /** A throwaway database (--embedded, rehearse) is never the pinned one: the pin is not compared. */
  throwaway?: boolean
}

function pinMismatch(opts: PinOptions, mismatches: string[]): ConfigError {
  return new ConfigError(
    `the database URL does not match environments.${opts.environment}.target in ${opts.policyPath}; nothing was run (check the environment's DATABASE_URL secret):\n` +
      mismatches.map(m => `  ${m}`).join('\n')
  )
}

/**
 * The pin compared with what the URL alone shows, before any session is opened: a swapped secret is refused
 * (ConfigError, exit 2) without connecting to the database it names, even one that does not answer. A pinned
 * database the URL does not name is left to pinTarget, which asks the server.
 */
export function refuseUrlPinMismatch(opts: PinOptions): void {
  if (!opts.pin || pinnedKeys(opts.pin).length === 0 || opts.throwaway) return
  const facts = urlFacts(opts.databaseUrl)
  const pin = facts.urlDatabase === undefined ? { ...opts.pin, database: undefined } : opts.pin
  const mismatches = compareTarget(pin, facts, `environments.${opts.environment}.target`)
  if (mismatches.length > 0) throw pinMismatch(opts, mismatches)
}

/**
 * Compares the open session's target with the environment's pin, before any check runs. No pin (or a
 * throwaway target): undefined, nothing reported. Match: a passing `target` result. Mismatch: the session
 * is closed and a ConfigError (exit 2) names every mismatching key; nothing was executed.
 */
export async function pinTarget(
  client: pg.Client,
  opts: PinOptions
): Promise<CheckResultOf<'target'> | undefined> {
  const keys = pinnedKeys(opts.pin)
  if (!opts.pin || keys.length === 0 || opts.throwaway) return undefined
  const started = Date.now()
  let mismatches: string[]
  let facts: TargetFacts
  try {
    facts = urlFacts(opts.databaseUrl)
    if (opts.pin.database !== undefined) {
      const r = await client.query<{ db: string }>('SELECT current_database() AS db')
      facts.serverDatabase = r.rows[0].db
    }
    mismatches = compareTarget(opts.pin, facts, `environments.${opts.environment}.target`)
  } catch (e) {
    await client.end().catch(() => undefined)
    throw e
  }
  if (mismatches.length > 0) {
    await client.end().catch(() => undefined)
    throw pinMismatch(opts, mismatches)
  }
  return {
    id: 'target',
    title: 'Target matches its pin',
    status: 'pass',
    summary: `pinned: ${keys.join(', ')}`,
    reasons: [],
    details: {
      pinned: keys,
      host: facts.host,
      port: facts.port,
      database: facts.serverDatabase ?? facts.urlDatabase,
      projectRef: facts.projectRefs[0]?.ref
    },
    annotations: [],
    durationMs: Date.now() - started
  }
}
