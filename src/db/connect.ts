/** Opening sessions to the target. Errors are rethrown redacted: a connection error may echo the URL. */
import pg from 'pg'
import type { Redactor } from '../report/redact.js'
import { setTimeoutsSql } from './timeouts.js'

export interface ConnectOptions {
  url: string
  redactor: Redactor
  applicationName?: string
  connectTimeoutMs?: number
}

export async function connect(opts: ConnectOptions): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: opts.url,
    application_name: opts.applicationName ?? 'migration-runbook',
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 15_000
  })
  // An idle client's socket error would otherwise crash the process with the raw error.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (e) {
    await client.end().catch(() => undefined)
    throw opts.redactor.redactError(e)
  }
  return client
}

/**
 * Session defaults, so no catalog read or EXPLAIN can wait forever behind another session's lock; apply and
 * the rehearsal set their own with SET LOCAL. Both in one round trip.
 */
export async function setSessionDefaults(
  client: pg.Client,
  env: { lockTimeoutMs: number; statementTimeoutMs: number }
): Promise<void> {
  await client.query(
    setTimeoutsSql('SESSION', { lockMs: env.lockTimeoutMs, statementMs: env.statementTimeoutMs })
  )
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
 * A query sent with the extended protocol even without values: the server then runs exactly one statement
 * and refuses text with more (a `; COMMIT; ...` cannot escape a rolled-back transaction). @types/pg lacks
 * the queryMode field that pg reads.
 */
export function extendedQuery(text: string, values: unknown[]): pg.QueryConfig {
  return { text, values, queryMode: 'extended' } as pg.QueryConfig
}
