/**
 * schema-equals-before: after the rollback, the schema must equal the snapshot the apply recorded before the
 * migration (src/revert/compare.ts). The diff is evidence (db-diff.txt); a database another tool migrated has
 * no snapshot, which is a warning.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { COLUMN_ORDER_NOTE, compareWithBefore } from '../revert/compare.js'

declare module '../types.js' {
  interface CheckDetails {
    'schema-equals-before': SchemaEqualsBeforeDetails
  }
}

export interface SchemaEqualsBeforeDetails {
  version: string
  /** Whether a before-snapshot was recorded when the migration was applied. */
  snapshot: 'missing' | 'compared'
  /** The diff from the snapshot to now, when it is not empty. */
  diffText?: string
}

/** At most this many changed lines as reasons; the whole diff is in the evidence file. */
const MAX_REASONS = 20

async function runSchemaEqualsBefore(
  ctx: StageContext
): Promise<CheckOutcome<SchemaEqualsBeforeDetails>> {
  const reverted = ctx.shared.rolledBack
  if (!reverted) return { status: 'skip', summary: 'nothing was rolled back in this run' }
  const { version } = reverted
  const compared = await compareWithBefore(ctx.client, version)
  if (compared.snapshot === 'missing')
    return {
      status: 'warn',
      summary: `rolled back ${version}; no before-snapshot to compare with`,
      reasons: [`no schema snapshot was recorded when ${version} was applied`],
      details: { version, snapshot: 'missing' }
    }
  ctx.evidence.write(
    'db-diff.txt',
    `# schema after rollback vs before ${version} was applied\n\n${compared.diffText}`
  )
  if (compared.differences.length > 0)
    return {
      status: 'fail',
      summary: `rolled back ${version}, but the schema differs from before it was applied`,
      reasons: [...compared.differences, ...compared.columnOrder].slice(0, MAX_REASONS),
      details: { version, snapshot: 'compared', diffText: compared.diffText }
    }
  if (!compared.equal)
    return {
      status: 'warn',
      summary: `schema equals the snapshot before ${version} was applied but for the column order of ${compared.columnOrder.length} table(s)`,
      reasons: [...compared.columnOrder.slice(0, MAX_REASONS), COLUMN_ORDER_NOTE],
      details: { version, snapshot: 'compared', diffText: compared.diffText }
    }
  return {
    status: 'pass',
    summary: `schema equals the snapshot before ${version} was applied`,
    details: { version, snapshot: 'compared' }
  }
}

export const schemaEqualsBeforeCheck: Check<'schema-equals-before'> = {
  id: 'schema-equals-before',
  title: 'The schema equals the one before the migration',
  run: runSchemaEqualsBefore
}
