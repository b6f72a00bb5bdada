/** Opening sessions to the target. Errors are rethrown redacted: a connection error may echo the URL. */
import pg from 'pg'
import type { Redactor } from '../report/redact.js'

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

/** Postgres's own error fields, for messages: code, detail, hint, position, where. */
export function describePgError(e: unknown): string {
  const err = e as Error & {
    code?: string
    detail?: string
    hint?: string
    position?: string
    where?: string
  }
  const parts = [err.message]
  if (err.code) parts.push(`(SQLSTATE ${err.code})`)
  if (err.detail) parts.push(`detail: ${err.detail}`)
  if (err.hint) parts.push(`hint: ${err.hint}`)
  if (err.where) parts.push(`where: ${err.where.split('\n')[0]}`)
  return parts.join(' ')
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"'
}
