/** Step 3 of a run: the stage's checks from the stage table, then its follow-up when the table asks for one. */
import type { CheckResult, StageContext } from '../types.js'
import { STAGE_TABLE } from '../stages/index.js'
import { runChecks } from '../stages/runner.js'
import type { Migration } from '../plan/files.js'
import { makePlan } from './context.js'

export async function runStageChecks(
  ctx: StageContext,
  migrations: Migration[],
  results: CheckResult[]
): Promise<void> {
  const stage = STAGE_TABLE[ctx.config.stage]
  await runChecks(ctx, stage.checks, results)
  if (stage.followUp?.when(results)) {
    ctx.log.warn(stage.followUp.why)
    // The follow-up acts on what is applied now.
    ctx.plan = await makePlan(ctx.client, ctx.config.migrationsDir, migrations)
    await runChecks(ctx, stage.followUp.checks, results)
  }
}
