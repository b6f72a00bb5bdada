/**
 * Runs one smoke scenario: its requests in order (each may save values for the next), then its SQL
 * assertions (read only), then its cleanup (always). Returns plain results; the check judges and reports.
 */
import type pg from 'pg'
import type { SmokeRequest, SmokeScenario, SmokeSqlStep } from '../config/smoke.js'
import { describeError, extendedQuery } from '../db/connect.js'
import type { Redactor } from '../report/redact.js'
import { sendRequest, type HttpExchange } from './http.js'
import { jsonEqual, readJsonPath } from './json-path.js'
import { fillJson, fillTemplate, templateNames, type Lookup } from './template.js'

export interface SmokeRequestResult {
  name: string
  ok: boolean
  expectedStatus: number
  exchange?: HttpExchange
  /** Why it failed: the status, an expectation, a template or a timeout. */
  problems: string[]
}

export interface SmokeSqlResult {
  name: string
  ok: boolean
  /** The first row, as returned (assertions). */
  row?: Record<string, unknown>
  error?: string
}

export interface SmokeScenarioResult {
  name: string
  status: 'pass' | 'fail' | 'skip'
  /** Why it was skipped or where it failed first. */
  reason?: string
  requests: SmokeRequestResult[]
  assertions: SmokeSqlResult[]
  cleanup: SmokeSqlResult[]
  durationMs: number
}

export interface SmokeRunOptions {
  client: pg.Client
  /** The run's variables (job environment, env file). */
  variable: Lookup
  redactor: Redactor
  signal?: AbortSignal
}

/** Every variable a header uses is a secret: masked in logs, evidence and the comment before the request. */
function registerHeaderSecrets(request: SmokeRequest, lookup: Lookup, redactor: Redactor): void {
  for (const value of Object.values(request.headers))
    for (const name of templateNames(value)) redactor.add(lookup(name))
}

function describeValue(v: unknown): string {
  return v === undefined ? '(missing)' : JSON.stringify(v)
}

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v)
}

async function runRequest(
  request: SmokeRequest,
  index: number,
  lookup: Lookup,
  saved: Map<string, string>,
  opts: SmokeRunOptions
): Promise<SmokeRequestResult> {
  const name = request.name ?? `${request.method} request ${index + 1}`
  const result: SmokeRequestResult = {
    name,
    ok: false,
    expectedStatus: request['expect-status'],
    problems: []
  }
  try {
    registerHeaderSecrets(request, lookup, opts.redactor)
    const headers: Record<string, string> = {}
    for (const [h, v] of Object.entries(request.headers)) {
      headers[h] = fillTemplate(v, lookup, `${name}: header ${h}`)
      opts.redactor.add(headers[h])
    }
    const exchange = await sendRequest({
      method: request.method,
      url: fillTemplate(request.url, lookup, `${name}: url`),
      headers,
      body:
        request.body === undefined ? undefined : fillJson(request.body, lookup, `${name}: body`),
      timeoutMs: request.timeout,
      retries: request.retries,
      signal: opts.signal
    })
    result.exchange = exchange
    if (exchange.error !== undefined) {
      result.problems.push(exchange.error)
      return result
    }
    if (exchange.status !== request['expect-status'])
      result.problems.push(`status ${exchange.status}, expected ${request['expect-status']}`)
    for (const e of request['expect-json']) {
      const at = readJsonPath(exchange.json, e.path)
      if (e.exists !== undefined && at.found !== e.exists)
        result.problems.push(
          `${e.path} ${e.exists ? 'is missing' : `is ${describeValue(at.value)}`}, expected it ${e.exists ? 'to exist' : 'to be absent'}`
        )
      if (e.equals !== undefined && !(at.found && jsonEqual(at.value, e.equals)))
        result.problems.push(
          `${e.path} is ${describeValue(at.value)}, expected ${JSON.stringify(e.equals)}`
        )
    }
    for (const [key, path] of Object.entries(request.save)) {
      const at = readJsonPath(exchange.json, path)
      if (!at.found || at.value === null)
        result.problems.push(`save ${key}: ${path} is missing in the response`)
      else saved.set(key, stringOf(at.value))
    }
  } catch (e) {
    result.problems.push((e as Error).message)
  }
  result.ok = result.problems.length === 0
  return result
}

function fillParams(step: SmokeSqlStep, lookup: Lookup, where: string): unknown[] {
  return step.params.map((p, i) =>
    typeof p === 'string' ? fillTemplate(p, lookup, `${where}: params[${i}]`) : p
  )
}

/** An assertion passes when it returns a row whose first column is not false or null. */
async function runAssertion(
  step: SmokeSqlStep,
  index: number,
  lookup: Lookup,
  client: pg.Client
): Promise<SmokeSqlResult> {
  const name = step.name ?? `assertion ${index + 1}`
  try {
    const params = fillParams(step, lookup, name)
    // Read only by the server's word: an assertion cannot change the target. One statement only (without
    // values pg would send the simple protocol): a COMMIT in the text cannot end the read-only transaction.
    await client.query('BEGIN TRANSACTION READ ONLY')
    try {
      const res = await client.query<Record<string, unknown>>(extendedQuery(step.sql, params))
      const row = res.rows[0]
      if (!row) return { name, ok: false, error: 'returned no row, expected one' }
      const first = Object.values(row)[0]
      if (first === false || first === null)
        return {
          name,
          ok: false,
          row,
          error: `returned ${String(first)}, expected a row that is not false or null`
        }
      return { name, ok: true, row }
    } finally {
      await client.query('ROLLBACK').catch(() => undefined)
    }
  } catch (e) {
    return { name, ok: false, error: describeError(e) }
  }
}

async function runCleanup(
  step: SmokeSqlStep,
  index: number,
  lookup: Lookup,
  client: pg.Client
): Promise<SmokeSqlResult> {
  const name = step.name ?? `cleanup ${index + 1}`
  try {
    await client.query(step.sql, fillParams(step, lookup, name))
    return { name, ok: true }
  } catch (e) {
    return { name, ok: false, error: describeError(e) }
  }
}

export async function runScenario(
  scenario: SmokeScenario,
  opts: SmokeRunOptions
): Promise<SmokeScenarioResult> {
  const t0 = Date.now()
  const result: SmokeScenarioResult = {
    name: scenario.name,
    status: 'pass',
    requests: [],
    assertions: [],
    cleanup: [],
    durationMs: 0
  }
  const missing = scenario.requires.filter(v => opts.variable(v) === undefined)
  if (missing.length > 0) {
    result.status = 'skip'
    result.reason = `not run: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set (requires:)`
    result.durationMs = Date.now() - t0
    return result
  }
  const saved = new Map<string, string>()
  const lookup: Lookup = name => saved.get(name) ?? opts.variable(name)
  for (const [i, request] of scenario.requests.entries()) {
    const r = await runRequest(request, i, lookup, saved, opts)
    result.requests.push(r)
    if (!r.ok) {
      result.status = 'fail'
      result.reason = `${r.name}: ${r.problems.join('; ')}`
      break
    }
  }
  if (result.status === 'pass')
    for (const [i, step] of scenario.assertions.entries()) {
      const a = await runAssertion(step, i, lookup, opts.client)
      result.assertions.push(a)
      if (!a.ok && result.status === 'pass') {
        result.status = 'fail'
        result.reason = `${a.name}: ${a.error}`
      }
    }
  for (const [i, step] of scenario.cleanup.entries())
    result.cleanup.push(await runCleanup(step, i, lookup, opts.client))
  result.durationMs = Date.now() - t0
  return result
}
