/**
 * The `conflicts` check: for every constraint the pending migrations add to tables that have rows, the existing
 * rows that would violate it. Any violation fails the check and is written to pre-migration-violations.txt.
 * A column the migrations add reads as the value adding it gives the existing rows (its DEFAULT or NULL); when
 * none is known beforehand, the constraint is left to the rehearsal (which runs the ALTER on the rows).
 */
import type { Check, ConflictReport } from '../types.js'
import { loadParser, withDeparser } from '../sql/parser.js'
import { deriveForMigrations } from '../conflicts/derive.js'
import { runConflictChecks } from '../conflicts/run.js'
import {
  checkedByRehearsal,
  renderConflictsTable,
  renderViolations,
  violatedReason,
  violationLines
} from '../conflicts/render.js'

/** What the conflicts check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    conflicts: ConflictsDetails
  }
}

export interface ConflictsDetails {
  /** One entry per derived constraint: its query, how many existing rows violate it, a sample of them. */
  constraints: ConflictReport[]
}

export const conflictsCheck: Check<'conflicts'> = {
  id: 'conflicts',
  title: 'Existing rows that violate new constraints',
  run: async ctx => {
    await loadParser()
    const derived = await withDeparser(() => deriveForMigrations(ctx.plan.pending))
    if (derived.length === 0) {
      return {
        status: 'skip',
        summary: 'the pending migrations add no constraint to a table with rows',
        details: { constraints: [] }
      }
    }
    const reports: ConflictReport[] = await runConflictChecks(ctx.client, derived, {
      timeoutMs: ctx.env.conflictsTimeoutMs,
      sample: ctx.env.conflictsSample
    })
    for (const r of reports) {
      const where = `${r.file}:${r.line} ${r.constraint} on ${r.table}`
      if (r.error) ctx.log.warn(`conflicts ${where}: not checked: ${r.error}`)
      else if (r.rehearsal) ctx.log.info(`conflicts ${where}: ${checkedByRehearsal(r.rehearsal)}`)
      else ctx.log.info(`conflicts ${where}: ${r.count} violation(s) in ${r.durationMs} ms`)
      // Each sampled violation on its own line: the key, the rows' ids and (EXCLUDE) both ranges.
      for (const line of violationLines(r)) ctx.log.error(`  ${line}`)
    }
    const violated = reports.filter(r => !r.error && r.count > 0)
    const failed = reports.filter(r => r.error)
    // Columns the migrations add with no value known beforehand: the rehearsal runs the ALTER on the rows.
    const rehearsed = reports.filter(r => !r.error && r.rehearsal)
    ctx.evidence.write(
      'pre-migration-violations.txt',
      renderViolations(reports, ctx.env.conflictsSample)
    )
    const status = violated.length ? 'fail' : failed.length ? 'warn' : 'pass'
    return {
      status,
      summary:
        `${reports.length} constraint(s) on existing rows: ${violated.length} violated, ${failed.length} not checked${rehearsed.length ? `, ${rehearsed.length} checked by the rehearsal` : ''}` +
        // "0 violated" on a throwaway's (often empty) tables says nothing of the environment's rows.
        (ctx.facts.throwaway
          ? ` (on the throwaway database's rows, not ${ctx.env.name}'s: run validate against ${ctx.env.name} for those)`
          : ''),
      reasons: [
        ...violated.map(r => violatedReason(r, 'existing row(s)', 'pre-migration-violations.txt')),
        ...failed.map(
          r => `${r.file}:${r.line}: ${r.constraint} on ${r.table} not checked: ${r.error}`
        )
      ],
      details: { constraints: reports },
      annotations: violated.map(r => ({
        level: 'error' as const,
        file: r.file,
        line: r.line,
        title: `conflicts: ${r.constraint}`,
        message: `${r.count} existing row(s) in ${r.table} violate this constraint; see pre-migration-violations.txt`
      }))
    }
  },
  sections: result => [
    {
      name: 'constraint conflicts',
      priority: 4,
      text: renderConflictsTable(
        '#### Rows that would violate new constraints',
        result.details.constraints ?? []
      )
    }
  ]
}
