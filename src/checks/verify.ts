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
  deriveRunExpectations,
  type ExpectationResult,
  type ObjectClass
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

/**
 * The search_path a session of this database starts with (database and role settings), existing schemas only:
 * where the migrations' unqualified names went unless they set their own. The migrations may have changed
 * this session's search_path: the value is read as RESET would restore it.
 */
export async function startingSearchPath(client: pg.Client): Promise<string[]> {
  await client.query('BEGIN')
  try {
    await client.query(
      `SELECT set_config('search_path', reset_val, true) FROM pg_settings WHERE name = 'search_path'`
    )
    const res = await client.query(`SELECT current_schemas(false)::text[] AS path`)
    return res.rows[0].path as string[]
  } catch {
    return ['public']
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
}

/** Which objects exist in any of the snapshots: resolves unqualified names over a search_path. */
function existsIn(snapshots: SchemaSnapshot[]) {
  const seen = new Set<string>()
  for (const s of snapshots) {
    for (const schema of s.schemas) seen.add(`schema ${schema}.${schema}`)
    for (const o of s.objects) {
      if (o.kind === 'function') seen.add(`function ${o.schema}.${o.name.split('(')[0]}`)
      else if (['table', 'view', 'sequence', 'index'].includes(o.kind))
        seen.add(`relation ${o.schema}.${o.name}`)
    }
  }
  return (kind: ObjectClass, schema: string, name: string) => seen.has(`${kind} ${schema}.${name}`)
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
    // Several migrations in one run: only the final state is real. The run's statements are followed in order
    // (derived.ts): what a later migration drops, renames or redefines changes what an earlier one expects,
    // and only the newest verify/ script describes the schema as it now is (an earlier one may assert what a
    // later migration deliberately changed).
    const beforeRun = (await schemaBefore(ctx.client, targets[0].version)) as SchemaSnapshot | null
    const run = deriveRunExpectations(
      targets.map(m => ({ version: m.version, file: m.file, statements: statementsOf(m) })),
      {
        searchPath: await startingSearchPath(ctx.client),
        exists: existsIn(beforeRun ? [beforeRun, after] : [after])
      }
    )
    for (const note of run.notes) ctx.log.info(`verify: ${note}`)
    for (const m of targets) {
      const mine = run.expectations
        .filter(e => e.version === m.version)
        .map(({ version: _version, file: _file, ...e }) => e)
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
    const details = {
      derived,
      scripts,
      // Expectations a later statement of the run cancelled (object dropped, re-created or redefined).
      followed: run.followed,
      // Expectations dropped because the tool cannot be sure of the object: not verified, not failed.
      uncertain: run.uncertain,
      notes: run.notes
    }
    const unsure = run.uncertain.length
      ? `; ${run.uncertain.length} left unverified (not sure of the object: see details.uncertain)`
      : ''
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
        summary: `${checked} derived expectation(s) hold${unsure}; no verify/ script for ${missing.join(', ')}`,
        reasons: [
          `add ${ctx.config.migrationsDir}/verify/ scripts (SQL that raises when the change is not in place) for ${missing.join(', ')}`
        ],
        details
      }
    }
    return {
      status: 'pass',
      summary: `${checked} derived expectation(s) and ${withScript} verify script(s) hold${unsure}`,
      details
    }
  }
}
