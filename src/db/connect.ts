/** Opening sessions to the target. Errors are rethrown redacted: a connection error may echo the URL. */
import pg from 'pg'
import { isErrorLike, type Redactor } from '../report/redact.js'
import { setTimeoutsSql } from './timeouts.js'
import { urlFacts } from './target.js'

export interface ConnectOptions {
  url: string
  redactor: Redactor
  applicationName?: string
  connectTimeoutMs?: number
}

export async function connect(opts: ConnectOptions): Promise<pg.Client> {
  const mode = effectiveSslMode(opts.url)
  try {
    return await connectOnce(opts, libpqSsl(opts.url, mode))
  } catch (e) {
    // libpq's prefer (and allow): encrypted when the server can, in the clear when it cannot.
    if (
      (mode === 'prefer' || mode === 'allow') &&
      (e as Error).message.startsWith(NO_SSL_ON_SERVER)
    )
      return connectOnce(opts, withSslMode(opts.url, 'disable'))
    throw e
  }
}

async function connectOnce(opts: ConnectOptions, connectionString: string): Promise<pg.Client> {
  let client: pg.Client | undefined
  try {
    client = new pg.Client({
      connectionString,
      application_name: opts.applicationName ?? 'migration-runbook',
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 15_000
    })
    // An idle client's socket error would otherwise crash the process with the raw error.
    client.on('error', () => undefined)
    await client.connect()
    return client
  } catch (e) {
    await client?.end().catch(() => undefined)
    throw opts.redactor.redactError(withTlsHint(e, effectiveSslMode(connectionString)))
  }
}

/** What pg says when the server answers an SSLRequest with N. */
const NO_SSL_ON_SERVER = 'The server does not support SSL connections'

/** The URL's sslmode, lower-cased; undefined when it sets none (or is not a URL: pg then says why). */
export function sslModeOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('sslmode')?.toLowerCase() || undefined
  } catch {
    return undefined
  }
}

/**
 * The sslmode the URL is read with: its own, else libpq's default, prefer (psql and the Supabase CLI encrypt when
 * the server offers TLS; pg alone would connect in the clear). Two exceptions, where TLS protects nothing and a
 * refused request costs a second connection (pg cannot go on in the clear on the socket the server answered N):
 * a loopback or Unix-socket host, read as pg's default (no TLS). A URL with pg's own `ssl=` says what it wants.
 * PGSSLMODE and the other libpq TLS variables reach here in the URL (config/inputs.ts, withLibpqTlsEnvironment).
 */
export function effectiveSslMode(url: string): string | undefined {
  const given = sslModeOf(url)
  if (given) return given
  try {
    const u = new URL(url)
    if (u.searchParams.has('ssl')) return undefined
    return LOCAL_HOST.test(urlFacts(u).host) ? undefined : 'prefer'
  } catch {
    return undefined
  }
}

/** localhost, 127.0.0.0/8, ::1, a Unix socket directory, or no host at all (pg's default: localhost). */
const LOCAL_HOST = /^(?:|localhost|127(?:\.\d{1,3}){3}|::1|\/.*)$/

/** The URL with sslmode set: appended as text when absent (the user name and password stay byte for byte). */
function withSslMode(url: string, mode: string): string {
  if (sslModeOf(url)) {
    const u = new URL(url)
    u.searchParams.set('sslmode', mode)
    return u.toString()
  }
  return withParam(url, 'sslmode', mode)
}

function withParam(url: string, key: string, value: string): string {
  const hash = url.indexOf('#')
  const [head, tail] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)]
  return `${head}${head.includes('?') ? '&' : '?'}${key}=${value}${tail}`
}

/**
 * The URL as pg should read it so that sslmode means what it means to libpq, psql and the Supabase CLI (the same
 * URL is given to all of them): require encrypts without verifying the certificate (verify-ca when sslrootcert
 * is given), verify-ca checks the chain, verify-full the chain and the host name. pg 8 reads require, prefer and
 * verify-ca as verify-full against the machine's CAs, and a Supabase project's certificate is signed by
 * Supabase's own root CA: `?sslmode=require`, as Supabase's docs and Vercel's integration write it, failed with
 * "self-signed certificate in certificate chain" where psql and `supabase db push` connect. pg's own no-verify,
 * and a URL that says how to read itself (uselibpqcompat), are left as they are.
 */
function libpqSsl(url: string, mode: string | undefined): string {
  if (!mode || mode === 'no-verify' || mode === 'disable') return url
  if (/[?&]uselibpqcompat=/i.test(url)) return url
  // allow: libpq tries in the clear first; here SSL first, then in the clear (as prefer): encrypted when possible.
  const read = mode === 'allow' || !sslModeOf(url) ? withSslMode(url, 'prefer') : url
  return withParam(read, 'uselibpqcompat', 'true')
}

/** Node's codes for a certificate that could not be verified. */
const UNVERIFIED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED'
])

/** A TLS failure, with what to change in the URL (the error's own message and code are kept). */
function withTlsHint(e: unknown, mode: string | undefined): unknown {
  if (!isErrorLike(e)) return e
  const code = (e as Error & { code?: string }).code
  let hint: string | undefined
  if (code && UNVERIFIED_CERTIFICATE.has(code))
    hint =
      `the server's certificate could not be verified (sslmode=${mode ?? 'verify-full'}): add sslrootcert=<file> with the ` +
      "server's root CA to the URL (Supabase: the project's Database settings, SSL configuration), or use " +
      'sslmode=require to encrypt without verifying the certificate, as psql and the Supabase CLI do'
  else if (e.message === NO_SSL_ON_SERVER)
    hint = `the URL asks for sslmode=${mode}; this server does not offer SSL (sslmode=disable or prefer connects to it)`
  if (!hint) return e
  e.message = `${e.message}: ${hint}`
  return e
}

/**
 * Session defaults, so no catalog read or EXPLAIN can wait forever behind another session's lock; apply and
 * the rehearsal set their own with SET LOCAL. Both in one round trip.
 */
export async function setSessionDefaults(client: pg.Client, env: SessionTimeouts): Promise<void> {
  await client.query(sessionDefaultsSql(env))
}

export interface SessionTimeouts {
  lockTimeoutMs: number
  statementTimeoutMs: number
}

/** The SETs of setSessionDefaults (the run's sessions send them with their other setup: src/engine/open-target.ts). */
export function sessionDefaultsSql(env: SessionTimeouts): string {
  return setTimeoutsSql('SESSION', {
    lockMs: env.lockTimeoutMs,
    statementMs: env.statementTimeoutMs
  })
}

/** True for an error the server sent (it has a severity), as opposed to a socket, file or program error. */
export function isPgServerError(e: unknown): boolean {
  return e instanceof pg.DatabaseError || (typeof e === 'object' && e !== null && 'severity' in e)
}

/**
 * An error for messages (the one formatter of Postgres errors). A server error carries Postgres's own fields:
 * SQLSTATE, detail, hint, where. Anything else (a file system or socket error) keeps its own message and code,
 * never labelled SQLSTATE. Given the statement_timeout in force, a statement it cancelled says so.
 */
export function describeError(e: unknown, opts: { statementTimeoutMs?: number } = {}): string {
  if (!(e instanceof Error)) return String(e)
  const err = e as Error & {
    code?: string
    detail?: string
    hint?: string
    where?: string
  }
  if (!isPgServerError(e))
    return err.code && !err.message.includes(err.code)
      ? `${err.message} (${err.code})`
      : err.message
  const parts = [err.message]
  if (err.code === '57014' && opts.statementTimeoutMs !== undefined)
    parts[0] = `cancelled by statement_timeout after ${opts.statementTimeoutMs} ms`
  if (err.code) parts.push(`(SQLSTATE ${err.code})`)
  if (err.detail) parts.push(`detail: ${err.detail}`)
  if (err.hint) parts.push(`hint: ${err.hint}`)
  if (err.where) parts.push(`where: ${err.where.split('\n')[0]}`)
  return parts.join(' ')
}

/**
 * What to do about a failure of a migration's own SQL whose SQLSTATE alone says the cause: Postgres's message
 * does not (2D000 reads "invalid transaction termination").
 */
export function migrationErrorAdvice(code: string | undefined): string | undefined {
  if (code === '2D000')
    return 'a statement ended the transaction from inside it (CALL of a procedure that COMMITs or ROLLBACKs), and each file runs in one transaction; start the file with `-- migration-runbook: no-transaction` to run it statement by statement, as supabase db push did'
  return undefined
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"'
}

/**
 * A value as an SQL literal, for text sent without parameters (a simple-protocol batch takes none): a string as
 * an E'' literal, read the same whatever standard_conforming_strings says; null as NULL. Replace, not a loop over
 * characters: a history row's statements can be megabytes (pg's escapeLiteral took 0.9 s for 4.5 MB).
 */
export function quoteLiteral(value: string | null): string {
  if (value === null) return 'NULL'
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/**
 * A text[] as one literal in the array input syntax (E'{"a","b"}'::text[]), as a parameter would send it: the
 * server reads it with array_in, where ARRAY[...] of 50,000 elements costs 1.1 s of parse and planning (measured;
 * 0.14 s so).
 */
export function quoteTextArray(values: readonly string[]): string {
  const elements = values.map(v => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
  return `${quoteLiteral(`{${elements.join(',')}}`)}::text[]`
}

/**
 * Statements of the tool's own sent as one simple-protocol query (one round trip: a hosted database is 10-100 ms
 * away per query). Returns one result per statement, in order (pg returns a lone statement's result bare).
 */
export async function queryBatch(
  client: pg.ClientBase,
  statements: readonly string[]
): Promise<pg.QueryResult[]> {
  const res = (await client.query(statements.join(';\n'))) as unknown as
    pg.QueryResult | pg.QueryResult[]
  return Array.isArray(res) ? res : [res]
}

/**
 * A query sent with the extended protocol even without values: the server then runs exactly one statement
 * and refuses text with more (a `; COMMIT; ...` cannot escape a rolled-back transaction). @types/pg lacks
 * the queryMode field that pg reads.
 */
export function extendedQuery(text: string, values: unknown[]): pg.QueryConfig {
  return { text, values, queryMode: 'extended' } as pg.QueryConfig
}
