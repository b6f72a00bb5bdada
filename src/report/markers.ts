/** The hidden lines that identify this tool's PR comment and the commit it is about. */

/** The hidden first line that identifies this tool's comment for one environment. */
export function commentMarker(environment: string): string {
  return `<!-- migration-runbook:${environment} -->`
}

/** The hidden second line: the commit the report is about (a later run compares it with its own). */
export function headMarker(sha: string): string {
  return `<!-- migration-runbook:head=${sha} -->`
}

/** The commit recorded by headMarker in a comment body, if any. */
export function headOf(body: string): string | undefined {
  return /^<!-- migration-runbook:head=([0-9A-Za-z]+) -->$/m.exec(body)?.[1]
}

/** Checklist items only a person ticks: a reviewer's tick survives the comment's next update. */
export const HUMAN_CHECKLIST_ITEMS = ['Schema diff reviewed', 'Production sign-off']
