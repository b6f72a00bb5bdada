/**
 * verify: derived verification (every object the migration creates, alters or drops, checked in the post state)
 * plus the migration's verify/ script, run inside a transaction that is always rolled back.
 */
import type { Annotation, Check, CheckOutcome, StageContext } from '../types.js'
import type { Migration } from '../plan/files.js'
import { appliedStatementsOf } from '../apply/statements.js'
import { schemaBefore } from '../plan/history.js'
import { appliedVersions } from '../plan/plan.js'
import { snapshotSchema, type SchemaSnapshot } from '../schema/index.js'
import {
  checkExpectations,
  deriveRunExpectations,
  type ExpectationResult,
  type SetAside
} from '../verify/derived.js'
import { existsIn, runVerifyScript, startingSearchPath } from '../verify/database.js'

/** What the verify check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    verify: VerifyDetails
  }
}

export interface VerifyDetails {
  /** Per migration: each derived expectation and whether it holds. */
  derived: { version: string; results: ExpectationResult[] }[]
  /** Per migration: its verify/ script's error (null: held), or why it was not run. */
  scripts: VerifyScriptOutcome[]
  /** Expectations a later statement of the run cancelled (object dropped, re-created or redefined). */
  followed: SetAside[]
  /** Expectations dropped because the tool cannot be sure of the object: not verified, not failed. */
  uncertain: SetAside[]
  notes: string[]
}

export interface VerifyScriptOutcome {
  version: string
  file?: string
  error: string | null
  skipped?: string
}

/**
 * Which migrations to verify: those this run applied, else the newest applied one (as the apply read the history
 * under its lock, when it ran: another run may have applied one since the plan was made).
 */
export function migrationsToVerify(ctx: StageContext): Migration[] {
  const versions = ctx.applied.length
    ? ctx.applied
    : appliedVersions(ctx.plan, ctx.shared.historyAtApply).slice(-1)
  return ctx.plan.migrations.filter(m => versions.includes(m.version))
}

async function runVerify(ctx: StageContext): Promise<CheckOutcome<VerifyDetails>> {
  const targets = migrationsToVerify(ctx)
  if (targets.length === 0) return { status: 'skip', summary: 'nothing applied to verify' }
  const after = await snapshotSchema(ctx.client)
  ctx.shared.schemaAfter = after
  const reasons: string[] = []
  const annotations: Annotation[] = []
  const derived: { version: string; results: ExpectationResult[] }[] = []
  const scripts: VerifyScriptOutcome[] = []
  // Several migrations in one run: only the final state is real. The run's statements are followed in order
  // (derived.ts): what a later migration drops, renames or redefines changes what an earlier one expects,
  // and only the newest verify/ script describes the schema as it now is (an earlier one may assert what a
  // later migration deliberately changed).
  const beforeRun = (await schemaBefore(
    ctx.client,
    targets[0].version,
    ctx.shared.schemasBefore
  )) as SchemaSnapshot | null
  const run = deriveRunExpectations(
    targets.map(m => ({ version: m.version, file: m.file, statements: appliedStatementsOf(m) })),
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
    const before = (await schemaBefore(
      ctx.client,
      m.version,
      ctx.shared.schemasBefore
    )) as SchemaSnapshot | null
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
  const details: VerifyDetails = {
    derived,
    scripts,
    followed: run.followed,
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

export const verifyCheck: Check<'verify'> = {
  id: 'verify',
  title: 'Verify the change is in place',
  run: runVerify
}
