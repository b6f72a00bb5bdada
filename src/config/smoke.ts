/**
 * runbook.yml `smoke:` (per environment): scenarios of HTTP requests against the deployed application, then
 * SQL assertions on the target, then cleanup SQL. Strings may hold `${NAME}`: a variable of the job's
 * environment or env file, or a value an earlier request saved. SQL never gets text substituted: values go
 * in as `params` ($1, $2, ...).
 */
import { nonEmpty, readWith, sqlParams } from './zod.js'
import * as z from 'zod/mini'

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const
const SAVE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

/** "5s" -> 5000; numbers are milliseconds (policy.ts's format; not imported: policy.ts imports this file). */
function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(value.trim())
  if (!m) throw new Error(`is "${value}", which is not a duration (write e.g. 500ms, 5s, 1m)`)
  return Math.round(Number(m[1]) * UNIT_MS[m[2]])
}

const timeout = z.pipe(
  z.union([z.string(), z.number()]),
  readWith((v: string | number, fail): number => {
    let ms: number
    try {
      ms = parseDuration(v)
    } catch (e) {
      return fail((e as Error).message)
    }
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000)
      return fail(`is ${JSON.stringify(v)}; allowed: 100ms to 10m`)
    return ms
  })
)

const jsonExpectation = z
  .strictObject({
    /** `$.a.b[0]`: dot names and [index] steps from the response body's root. */
    path: z.string().check(z.regex(/^\$/, 'starts with $ (e.g. $.booking.id)')),
    equals: z.optional(z.unknown()),
    exists: z.optional(z.boolean())
  })
  .check(
    z.refine(e => (e.equals === undefined) !== (e.exists === undefined), {
      message: 'give exactly one of equals or exists'
    })
  )

const requestSchema = z.strictObject({
  name: z.optional(nonEmpty()),
  method: z.pipe(
    z.pipe(
      z.string(),
      z.transform((m: string) => m.toUpperCase())
    ),
    z.enum(HTTP_METHODS)
  ),
  url: nonEmpty(),
  /** Values may hold ${SECRET}: every variable used in a header is masked in all output. */
  headers: z._default(z.record(z.string(), z.string()), {}),
  /** Sent as JSON (strings inside are templated). */
  body: z.optional(z.unknown()),
  'expect-status': z._default(z.int().check(z.gte(100), z.lte(599)), 200),
  'expect-json': z._default(z.array(jsonExpectation), []),
  /** name -> JSON path: values later requests and SQL params use as ${name}. */
  save: z._default(
    z.record(
      z.string().check(z.regex(SAVE_NAME, 'is not a name (letters, digits, _)')),
      z.string()
    ),
    {}
  ),
  timeout: z._default(timeout, 10_000),
  /** Extra attempts after a network error, a timeout or a 5xx status (not after a 4xx or a JSON mismatch). */
  retries: z._default(z.int().check(z.gte(0), z.lte(10)), 0)
})

const sqlStep = z.strictObject({
  name: z.optional(nonEmpty()),
  sql: nonEmpty(),
  params: sqlParams()
})

export const smokeScenarioSchema = z.strictObject({
  name: nonEmpty(),
  /** Variables that must be set for the scenario to run; unset, it is reported as not run (warn). */
  requires: z._default(z.array(z.string()), []),
  requests: z._default(z.array(requestSchema), []),
  /** Each must return a row whose first column is not false. */
  assertions: z._default(z.array(sqlStep), []),
  /** Always run, after the assertions (also when a request failed). */
  cleanup: z._default(z.array(sqlStep), [])
})

export const smokeListSchema = z.array(smokeScenarioSchema)

export type SmokeScenario = z.output<typeof smokeScenarioSchema>
export type SmokeRequest = SmokeScenario['requests'][number]
export type SmokeSqlStep = SmokeScenario['assertions'][number]
