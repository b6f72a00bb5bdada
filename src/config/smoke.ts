/**
 * runbook.yml `smoke:` (per environment): scenarios of HTTP requests against the deployed application, then
 * SQL assertions on the target, then cleanup SQL. Strings may hold `${NAME}`: a variable of the job's
 * environment or env file, or a value an earlier request saved. SQL never gets text substituted: values go
 * in as `params` ($1, $2, ...).
 */
import './zod.js'
import { z } from 'zod'

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

const timeout = z.union([z.string(), z.number()]).transform((v, ctx) => {
  let ms: number
  try {
    ms = parseDuration(v)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
    return z.NEVER
  }
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    ctx.addIssue({ code: 'custom', message: `is ${JSON.stringify(v)}; allowed: 100ms to 10m` })
    return z.NEVER
  }
  return ms
})

const jsonExpectation = z
  .strictObject({
    /** `$.a.b[0]`: dot names and [index] steps from the response body's root. */
    path: z.string().regex(/^\$/, 'starts with $ (e.g. $.booking.id)'),
    equals: z.unknown().optional(),
    exists: z.boolean().optional()
  })
  .refine(e => (e.equals === undefined) !== (e.exists === undefined), {
    message: 'give exactly one of equals or exists'
  })

const requestSchema = z.strictObject({
  name: z.string().min(1).optional(),
  method: z
    .string()
    .transform(m => m.toUpperCase())
    .pipe(z.enum(HTTP_METHODS)),
  url: z.string().min(1),
  /** Values may hold ${SECRET}: every variable used in a header is masked in all output. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Sent as JSON (strings inside are templated). */
  body: z.unknown().optional(),
  'expect-status': z.number().int().min(100).max(599).default(200),
  'expect-json': z.array(jsonExpectation).default([]),
  /** name -> JSON path: values later requests and SQL params use as ${name}. */
  save: z
    .record(z.string().regex(SAVE_NAME, 'is not a name (letters, digits, _)'), z.string())
    .default({}),
  timeout: timeout.default(10_000),
  /** Extra attempts after a network error, a timeout or a 5xx status (not after a 4xx or a JSON mismatch). */
  retries: z.number().int().min(0).max(10).default(0)
})

const sqlStep = z.strictObject({
  name: z.string().min(1).optional(),
  sql: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([])
})

export const smokeScenarioSchema = z.strictObject({
  name: z.string().min(1),
  /** Variables that must be set for the scenario to run; unset, it is reported as not run (warn). */
  requires: z.array(z.string()).default([]),
  requests: z.array(requestSchema).default([]),
  /** Each must return a row whose first column is not false. */
  assertions: z.array(sqlStep).default([]),
  /** Always run, after the assertions (also when a request failed). */
  cleanup: z.array(sqlStep).default([])
})

export const smokeListSchema = z.array(smokeScenarioSchema)

export type SmokeScenario = z.output<typeof smokeScenarioSchema>
export type SmokeRequest = SmokeScenario['requests'][number]
export type SmokeSqlStep = SmokeScenario['assertions'][number]
