/**
 * rollback-rehearsal: the rollback script applied on the live tables inside a transaction that is always
 * rolled back, under the environment's lock budget (src/rehearse/engine.ts, no shadow copies, no forecast).
 * A script that fails here has changed nothing. The schema it leaves, read before the rollback of the
 * transaction, must equal the snapshot taken before the migration was applied (src/revert/compare.ts): a script
 * that would leave it otherwise is refused here, before it commits, not reported after it.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { rehearseFiles, type FileRehearsal } from '../rehearse/engine.js'
import { revertTarget } from '../revert/target.js'
import { compareWithBefore } from '../revert/compare.js'
import { readHistory } from '../plan/history.js'
import type { SchemaSnapshot } from '../schema/index.js'

declare module '../types.js' {
  interface CheckDetails {
    'rollback-rehearsal': RollbackRehearsalDetails
  }
}

export interface RollbackRehearsalDetails {
  version: string
  rehearsal?: FileRehearsal
  /** The rehearsed schema against the snapshot before the migration; 'missing': none was recorded. */
  schema?: 'equal' | 'column-order' | 'differs' | 'missing'
}

/** At most this many differences as reasons; the whole diff is in db-diff.txt. */
const MAX_REASONS = 20

async function runRollbackRehearsal(
  ctx: StageContext
): Promise<CheckOutcome<RollbackRehearsalDetails>> {
  // rollback-conflicts, the gate before this one, refused a missing target with its reason.
  const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion)
  if (target.error !== undefined)
    return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] }
  const { migration: m, script } = target
  let rehearsedSchema: SchemaSnapshot | undefined
  const [rehearsal] = await rehearseFiles(ctx.client, [{ version: m.version, file: script }], {
    lockBudgetMs: ctx.env.lockBudgetMs,
    lockTimeoutMs: ctx.env.lockTimeoutMs,
    log: ctx.log,
    onSchemaAfter: (_version, schema) => {
      rehearsedSchema = schema
    },
    lockRetries: {
      retries: ctx.env.applyRetries,
      backoffMs: ctx.env.retryBackoffMs,
      signal: ctx.signal
    },
    applyLock: {
      waitMs: ctx.env.advisoryLockWaitMs,
      signal: ctx.signal,
      onWait: message => ctx.log.info(`rollback rehearsal: ${message}`)
    }
  })
  const details: RollbackRehearsalDetails = { version: m.version, rehearsal }
  // Over the lock budget only fails where rehearsal-over-budget is fail, as before the split.
  if (rehearsal?.error && !(rehearsal.overBudget && ctx.env.rehearsalOverBudget !== 'fail'))
    return {
      status: 'fail',
      summary: 'the rollback fails in rehearsal; nothing was changed',
      reasons: [rehearsal.error],
      details
    }
  const over = rehearsal?.overBudget
    ? ` (over the lock budget; rehearsal-over-budget: ${ctx.env.rehearsalOverBudget})`
    : ''
  const rehearsed = `${script.file} rehearsed in ${rehearsal?.durationMs ?? 0} ms, rolled back${over}`
  if (!rehearsedSchema) return { status: 'pass', summary: rehearsed, details }
  const compared = await compareWithBefore(ctx.client, m.version, rehearsedSchema)
  if (compared.snapshot === 'missing')
    return {
      status: 'pass',
      summary: `${rehearsed}; no snapshot from before ${m.version} to compare its schema with`,
      details: { ...details, schema: 'missing' }
    }
  // Another run may have applied a newer migration while this one waited for the apply lock: the schema then
  // differs by that migration, not by this script, and the rollback check refuses to run under it.
  if (compared.differences.length === 0)
    return {
      status: 'pass',
      summary: `${rehearsed}; it restores the schema from before ${m.version}${compared.equal ? '' : ' but for the column order'}`,
      details: { ...details, schema: compared.equal ? 'equal' : 'column-order' }
    }
  const newest = (await readHistory(ctx.client)).at(-1)?.version
  if (newest !== m.version)
    return {
      status: 'pass',
      summary: `${rehearsed}; its schema not compared: ${newest ?? 'nothing'} is the newest applied migration now, not ${m.version}`,
      details
    }
  ctx.evidence.write(
    'db-diff.txt',
    `# schema after the rehearsed rollback (not committed) vs before ${m.version} was applied\n\n${compared.diffText}`
  )
  return {
    status: 'fail',
    summary: `${script.file} would leave the schema different from before ${m.version} was applied; nothing was rolled back`,
    // The fix first: the terminal shows a check's first lines only.
    reasons: [
      `fix ${script.file} so that it undoes ${m.file} whole (db-diff.txt has every difference), then run the rollback again`,
      ...compared.differences.slice(0, MAX_REASONS)
    ],
    details: { ...details, schema: 'differs' }
  }
}

export const rollbackRehearsalCheck: Check<'rollback-rehearsal'> = {
  id: 'rollback-rehearsal',
  title: 'Rehearse the rollback in a rolled-back transaction',
  run: runRollbackRehearsal
}
