/**
 * Violations as lines a reviewer can act on without writing SQL: the constraint's key columns with their
 * values, the rows' primary keys and, for an exclusion constraint, both ranges. Used by
 * pre-migration-violations.txt, pre-rollback-violations.txt, the log and the PR comment.
 *
 * The sample shapes come from queries.ts (one per constraint kind); an unknown shape is shown as JSON.
 */
import type { ConflictReport } from '../types.js'
import { code, cell, collapse } from '../report/format.js'

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A value as written after `column=`: NULL, bare words and numbers as they are, anything else quoted. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'string') return /^[\w.:@/+-]+$/.test(v) ? v : JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** {"a": 1, "b": "x"} -> "a=1, b=x" (in the object's order, which the queries keep as the constraint's). */
export function formatPairs(o: Json): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(', ')
}

/** A row identity from rowIdSql: {"id": 17} -> "id 17"; a composite key -> "(a=1, b=2)"; "ctid (0,3)". */
export function formatRowId(id: unknown): string {
  if (!isObject(id)) return formatValue(id)
  const entries = Object.entries(id)
  if (entries.length === 1) return `${entries[0][0]} ${formatValue(entries[0][1])}`
  return `(${formatPairs(id)})`
}

/** Splits a range's text ("[a,b)", '["x","y")', "empty") into its bounds; undefined if it is not one. */
function splitRange(
  text: string
): { open: string; lower: string; upper: string; close: string } | undefined {
  if (!/^[[(]/.test(text) || !/[\])]$/.test(text)) return undefined
  const bounds: string[] = []
  let i = 1
  for (const stop of [',', text[text.length - 1]]) {
    let value = ''
    if (text[i] === '"') {
      i++
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        if ((text[i] === '"' || text[i] === '\\') && i + 1 < text.length) i++
        value += text[i++]
      }
      i++
    } else {
      while (i < text.length && text[i] !== stop) value += text[i++]
    }
    if (text[i] !== stop) return undefined
    bounds.push(value)
    i++
  }
  if (i !== text.length) return undefined
  return { open: text[0], lower: bounds[0], upper: bounds[1], close: text[text.length - 1] }
}

const TIMESTAMP =
  /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([+-]\d{2}(?::\d{2}){0,2})?$/

/**
 * A range for people: '["2025-11-20 18:00:00+00","2025-11-20 20:00:00+00")' -> "[2025-11-20 18:00, 20:00) UTC".
 * Zero seconds are dropped, a shared date is written once, a shared offset once at the end; an unbounded end
 * is "-infinity"/"infinity". Ranges of other types are returned as Postgres wrote them.
 */
export function formatRange(text: string): string {
  const r = splitRange(text)
  if (!r) return text
  const lo = r.lower === '' ? undefined : TIMESTAMP.exec(r.lower)
  const hi = r.upper === '' ? undefined : TIMESTAMP.exec(r.upper)
  if ((r.lower !== '' && !lo) || (r.upper !== '' && !hi) || (!lo && !hi)) return text
  const time = (m: RegExpExecArray): string => m[2] + (m[3] && m[3] !== ':00' ? m[3] : '')
  const sharedOffset = lo && hi ? lo[4] === hi[4] : true
  const offset = (lo ?? hi)![4]
  const withOffset = (s: string, m: RegExpExecArray): string =>
    sharedOffset ? s : s + (m[4] ?? '')
  const lower = lo ? withOffset(`${lo[1]} ${time(lo)}`, lo) : '-infinity'
  const upper = hi
    ? withOffset(lo && lo[1] === hi[1] ? time(hi) : `${hi[1]} ${time(hi)}`, hi)
    : 'infinity'
  const zone = !sharedOffset || !offset ? '' : offset === '+00' ? ' UTC' : ` UTC${offset}`
  return `${r.open}${lower}, ${upper}${r.close}${zone}`
}

/** One sampled violation, without the constraint's name; JSON when the shape is not one the queries make. */
export function describeViolation(r: Pick<ConflictReport, 'kind'>, s: Json): string {
  const key = isObject(s.key) && Object.keys(s.key).length ? `${formatPairs(s.key)} — ` : ''
  if (r.kind === 'exclude' && 'row' in s && 'conflicts_with' in s) {
    if (typeof s.range === 'string' && typeof s.other_range === 'string') {
      return `${key}${formatRowId(s.row)} ${formatRange(s.range)} overlaps ${formatRowId(s.conflicts_with)} ${formatRange(s.other_range)}`
    }
    const mine = isObject(s.values) ? ` (${formatPairs(s.values)})` : ''
    const theirs = isObject(s.other_values) ? ` (${formatPairs(s.other_values)})` : ''
    return `${key}${formatRowId(s.row)}${mine} conflicts with ${formatRowId(s.conflicts_with)}${theirs}`
  }
  if (
    (r.kind === 'unique' || r.kind === 'primary-key') &&
    isObject(s.key) &&
    Array.isArray(s.ids)
  ) {
    const rows = Number(s.rows)
    const more = rows > s.ids.length ? `, and ${rows - s.ids.length} more` : ''
    return `${formatPairs(s.key)} — ${rows} rows share this key: ${s.ids.map(formatRowId).join(', ')}${more}`
  }
  if (r.kind === 'check' && 'row' in s) {
    return `${formatRowId(s.row)}${isObject(s.values) ? ` — ${formatPairs(s.values)}` : ''}`
  }
  if (r.kind === 'foreign-key' && 'row' in s && isObject(s.key)) {
    const target = typeof s.references === 'string' ? s.references : 'the referenced table'
    return `${formatRowId(s.row)} — ${formatPairs(s.key)} has no row in ${target}`
  }
  if (r.kind === 'not-null' && 'row' in s && typeof s.column === 'string') {
    return s.new_column
      ? `${formatRowId(s.row)} — has no value for the new NOT NULL column ${s.column} (no DEFAULT)`
      : `${formatRowId(s.row)} — ${s.column} is NULL`
  }
  return JSON.stringify(s)
}

/** One line per sampled violation, each starting with the constraint's name. */
export function violationLines(r: ConflictReport): string[] {
  return r.sample.map(s => `${r.constraint}: ${describeViolation(r, s)}`)
}

/**
 * The reason line of a violated constraint, with its first violation so the terminal table (which shows
 * reasons, not the file) already names a row to fix.
 */
export function violatedReason(r: ConflictReport, what: string, file: string): string {
  const [first] = violationLines(r)
  // The file holds the sample (conflicts-sample), not every row: say which.
  const more =
    r.sample.length === 0 && r.count > 0
      ? `; rows not shown (conflicts-sample: 0)`
      : r.count > 1
        ? r.sample.length < r.count
          ? `; the first ${r.sample.length} of ${r.count} in ${file} (conflicts-sample)`
          : `; all ${r.count} in ${file}`
        : ''
  return `${r.file}:${r.line}: ${r.count} ${what} violate ${r.constraint} on ${r.table}${first ? `, e.g. ${first}` : ''}${more}`
}

/** What is said of a constraint left to the rehearsal (ConflictReport.rehearsal says why). */
export function checkedByRehearsal(why: string): string {
  return `checked by the rehearsal: ${why}`
}

/**
 * pre-migration-violations.txt / pre-rollback-violations.txt: per constraint a heading with the count, then
 * one line per sampled violation. Constraints that could not be checked, or that the rehearsal checks, say why.
 */
export function renderViolations(reports: ConflictReport[], sampleCap: number): string {
  const lines: string[] = []
  for (const r of reports) {
    const head = `${r.file}:${r.line} ${r.kind} ${r.constraint} on ${r.table}`
    if (r.error) {
      lines.push(`${head}: not checked: ${r.error}`, '')
      continue
    }
    if (r.rehearsal) {
      lines.push(`${head}: ${checkedByRehearsal(r.rehearsal)}`, '')
      continue
    }
    const unit =
      r.kind === 'exclude'
        ? 'row(s) overlapping an earlier row'
        : r.kind === 'unique' || r.kind === 'primary-key'
          ? 'duplicated key(s)'
          : 'violating row(s)'
    lines.push(`${head}: ${r.count} ${unit} (${r.durationMs} ms)`)
    if (sampleCap === 0 && r.count > 0)
      lines.push('  rows not shown (conflicts-sample = 0: counts only)')
    else if (r.count > r.sample.length)
      lines.push(`  first ${r.sample.length} of ${r.count} (conflicts-sample = ${sampleCap}):`)
    for (const line of violationLines(r)) lines.push('  ' + line)
    lines.push('')
  }
  return lines.join('\n')
}

const MAX_CONFLICT_ROWS = 30
/** Violation lines listed under the conflicts table, over all constraints. */
const MAX_VIOLATION_LINES = 50

/**
 * The per-constraint table (data in the way stays visible), then, collapsed, per violated constraint
 * one line per sampled violation.
 */
export function renderConflictsTable(title: string, constraints: ConflictReport[]): string {
  if (constraints.length === 0) return ''
  const lines = [
    title,
    '',
    '| | Constraint | Table | Kind | Violating rows | Sample | Where |',
    '|---|---|---|---|---:|---|---|'
  ]
  for (const c of constraints.slice(0, MAX_CONFLICT_ROWS)) {
    const icon = c.error ? '❌' : c.count > 0 ? '❌' : c.rehearsal ? '⏭️' : '✅'
    const sample = c.error
      ? `error: ${cell(c.error)}`
      : c.rehearsal
        ? cell(checkedByRehearsal(c.rehearsal))
        : c.sample.length > 0
          ? code(describeViolation(c, c.sample[0]), 200)
          : ''
    lines.push(
      `| ${icon} | ${code(c.constraint)} | ${code(c.table)} | ${c.kind} | ${c.rehearsal ? '—' : c.count} | ${sample} | ${code(`${c.file}:${c.line}`)} |`
    )
  }
  if (constraints.length > MAX_CONFLICT_ROWS) {
    lines.push('', `… and ${constraints.length - MAX_CONFLICT_ROWS} more`)
  }
  let listed = 0
  const samples: string[] = []
  for (const c of constraints.filter(x => !x.error && x.sample.length > 0)) {
    if (listed >= MAX_VIOLATION_LINES) break
    const shown = c.sample.slice(0, MAX_VIOLATION_LINES - listed)
    listed += shown.length
    const of = c.count > shown.length ? ` (${shown.length} of ${c.count})` : ''
    if (samples.length > 0) samples.push('')
    samples.push(`${code(c.constraint)} on ${code(c.table)}${of}:`, '')
    for (const s of shown) samples.push(`- ${code(describeViolation(c, s), 400)}`)
  }
  if (samples.length > 0) {
    lines.push('', collapse(`Sample violating rows (${listed})`, samples.join('\n')))
  }
  return lines.join('\n')
}
