/**
 * schema-diff: the schema read from the catalogs (post-migration-schema.sql) and a structured diff against the
 * snapshot recorded before the first migration of this run (or before the newest applied one) in db-diff.txt.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { schemaBefore } from '../plan/history.js'
import { appliedVersions } from '../plan/plan.js'
import {
  diffSnapshots,
  isEmptyDiff,
  renderDiff,
  renderSnapshotSql,
  snapshotSchema,
  type SchemaSnapshot
} from '../schema/index.js'
import { schemaDiffSection } from '../report/schema-diff.js'

/** What the schema-diff check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    'schema-diff': SchemaDiffDetails
  }
}

export interface SchemaDiffDetails {
  /** The diff as text ('' when there was no before-snapshot). */
  diffText: string
  added?: number
  removed?: number
  changed?: number
  /** The migration whose before-snapshot the diff starts from. */
  since?: string
}

async function runSchemaDiff(ctx: StageContext): Promise<CheckOutcome<SchemaDiffDetails>> {
  const after = ctx.shared.schemaAfter ?? (await snapshotSchema(ctx.client))
  ctx.evidence.write('post-migration-schema.sql', renderSnapshotSql(after))
  const version = ctx.applied[0] ?? appliedVersions(ctx.plan, ctx.shared.historyAtApply).at(-1)
  const before = version
    ? ((await schemaBefore(ctx.client, version, ctx.shared.schemasBefore)) as SchemaSnapshot | null)
    : null
  if (!before) {
    ctx.evidence.write(
      'db-diff.txt',
      'no snapshot from before the migration was recorded (applied by another tool?)'
    )
    return {
      status: 'warn',
      summary: 'no before-snapshot to diff against',
      reasons: [`no schema snapshot recorded before ${version ?? 'any migration'}`],
      details: { diffText: '' }
    }
  }
  const diff = diffSnapshots(before, after)
  const diffText = renderDiff(diff)
  ctx.evidence.write('db-diff.txt', `# schema diff: before ${version} → now\n\n${diffText}`)
  return {
    status: 'pass',
    summary: isEmptyDiff(diff)
      ? 'no schema changes'
      : `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
    details: {
      diffText,
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      since: version
    }
  }
}

export const schemaDiffCheck: Check<'schema-diff'> = {
  id: 'schema-diff',
  title: 'Schema snapshot and diff',
  run: runSchemaDiff,
  sections: (_result, report) => [schemaDiffSection(report)]
}
