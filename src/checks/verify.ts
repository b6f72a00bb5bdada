/**
 * verify: derived verification (every object the migration creates, alters or drops, checked in the post state)
 * plus the migration's verify/ script, run inside a transaction that is always rolled back.
 */
import type pg from 'pg'
import type { Annotation, Check, StageContext } from '../types.js'
import type { Migration, SqlFile } from '../plan/files.js'
import { statementsOf } from '../apply/statements.js'
import { schemaBefore } from '../plan/history.js'
import { snapshotSchema, type SchemaSnapshot } from '../schema/index.js'
import {
  checkExpectations,
  deriveExpectations,
  expectationKey,
  type Expectation,
  type ExpectationResult
} from './derived.js'

/** Runs a verify script in a transaction that is rolled back; returns the error message or null. */
export async function runVerifyScript(
  client: pg.Client,
  file: SqlFile,
  statementTimeoutMs: number
): Promise<string | null> {
  const statements = statementsOf(file)
  await client.query('BEGIN')
  try {
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, statementTimeoutMs)}`)
    for (const s of statements) {
      try {
        await client.query(s.text)
      } catch (e) {
        const err = e as Error & { code?: string }
        return `${file.file}:${s.line}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
      }
    }
    return null
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
}

/** Which migrations to verify: those this run applied, else the newest applied one. */
export function migrationsToVerify(ctx: StageContext): Migration[] {
  const versions = ctx.applied.length ? ctx.applied : ctx.plan.history.slice(-1).map(h => h.version)
  return ctx.plan.migrations.filter(m => versions.includes(m.version))
}

export const verifyCheck: Check = {
  id: 'verify',
  title: 'Verify the change is in place',
  async run(ctx) {
    const targets = migrationsToVerify(ctx)
    if (targets.length === 0) return { status: 'skip', summary: 'nothing applied to verify' }
    const after = await snapshotSchema(ctx.client)
    ctx.state.set('schemaAfter', after)
    const reasons: string[] = []
    const annotations: Annotation[] = []
    const derived: { version: string; results: ExpectationResult[] }[] = []
    const scripts: { version: string; file?: string; error: string | null; skipped?: string }[] = []
    // Several migrations in one run: only the final state is real. An object a later migration drops or
    // redefines overrides what an earlier one created, and only the newest verify/ script describes the
    // schema as it now is (an earlier one may assert what a later migration deliberately changed).
    const expectations = new Map<string, { m: (typeof targets)[number]; e: Expectation }>()
    for (const m of targets) {
      for (const e of deriveExpectations(statementsOf(m)))
        expectations.set(expectationKey(e), { m, e })
    }
    for (const m of targets) {
      const mine = [...expectations.values()].filter(x => x.m === m).map(x => x.e)
      const before = (await schemaBefore(ctx.client, m.version)) as SchemaSnapshot | null
      const results = checkExpectations(mine, after, before ?? undefined)
      derived.push({ version: m.version, results })
      for (const r of results.filter(x => !x.ok)) {
        annotations.push({
          level: 'error',
          file: m.file,
          line: r.line,
          title: 'verification failed',
          message: `expected ${r.describe}`
        })
        reasons.push(
          `${m.file}:${r.line}: expected ${r.describe}${r.actual ? `; found: ${r.actual}` : r.present ? '; not found' : ''}`
        )
      }
    }
    const newest = targets[targets.length - 1]
    for (const m of targets) {
      if (m !== newest) {
        scripts.push({
          version: m.version,
          file: m.verify?.file,
          error: null,
          skipped: 'a later migration of this run changed the schema after it'
        })
        continue
      }
      if (m.verify) {
        const error = await runVerifyScript(ctx.client, m.verify, ctx.env.statementTimeoutMs)
        scripts.push({ version: m.version, file: m.verify.file, error })
        if (error) reasons.push(error)
      } else {
        scripts.push({ version: m.version, error: null })
      }
    }
    const checked = derived.reduce((n, d) => n + d.results.length, 0)
    const withScript = scripts.filter(s => s.file && !s.skipped).length
    const details = { derived, scripts }
    if (reasons.length)
      return {
        status: 'fail',
        summary: `${reasons.length} expectation(s) not met`,
        reasons,
        details,
        annotations
      }
    const missing = scripts.filter(s => !s.file && !s.skipped).map(s => s.version)
    if (missing.length) {
      return {
        status: 'warn',
        summary: `${checked} derived expectation(s) hold; no verify/ script for ${missing.join(', ')}`,
        reasons: [`add migrations/verify/ scripts for ${missing.join(', ')}`],
        details
      }
    }
    return {
      status: 'pass',
      summary: `${checked} derived expectation(s) and ${withScript} verify script(s) hold`,
      details
    }
  }
}
