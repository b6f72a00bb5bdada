/**
 * flags: the feature flags runbook.yml lists, as this job runs them. Each value comes from the job's
 * environment, else the env file, else the flag's default; it must be one of the allowed values and the
 * environment's expected one. Per-venue overrides (the flag's overrides-sql) are listed, counted by value,
 * and the venues that differ from the default named. Runs before and after apply: an apply that changes
 * overrides shows in the second listing.
 */
import type pg from 'pg'
import type { Check, CheckOutcome, CheckStatus, StageContext, Report } from '../types.js'
import { plainCell, resultsThatRan, STATUS_ICON } from '../report/format.js'
import { lookupVariable, type FeatureFlagSpec } from '../config/flags.js'
import { describeError, extendedQuery } from '../db/connect.js'

/** Venues named in a report: enough to act on, few enough for a comment. */
const MAX_VENUES = 50

export interface FlagOverrides {
  total: number
  /** value -> number of venues */
  byValue: Record<string, number>
  /** Venues whose value differs from the flag's default (at most MAX_VENUES). */
  differing: { venue: string; value: string }[]
  /** When the query failed (e.g. the table does not exist yet): the error. */
  error?: string
}

export interface FlagResult {
  name: string
  status: CheckStatus
  value: string | null
  source: 'environment' | 'env-file' | 'default' | 'unset'
  envFile?: string
  allowed: string[]
  default?: string
  expected?: string
  overrides?: FlagOverrides
  problems: string[]
}

/** What the flags check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    flags: FlagsDetails
  }
}

export interface FlagsDetails {
  phase: 'before-apply' | 'after-apply' | 'check'
  flags: FlagResult[]
}

async function listOverrides(
  client: pg.Client,
  flag: FeatureFlagSpec,
  sql: string
): Promise<FlagOverrides> {
  // Read only by the server's word: the listing cannot change the target. One statement only: a COMMIT in the
  // text cannot end the read-only transaction.
  await client.query('BEGIN TRANSACTION READ ONLY')
  try {
    const res = await client.query<{ venue: unknown; value: unknown }>(extendedQuery(sql, []))
    const byValue: Record<string, number> = {}
    const differing: FlagOverrides['differing'] = []
    for (const row of res.rows) {
      const value = row.value === null || row.value === undefined ? '(null)' : String(row.value)
      byValue[value] = (byValue[value] ?? 0) + 1
      if (value !== flag.default && differing.length < MAX_VENUES)
        differing.push({ venue: String(row.venue), value })
    }
    return { total: res.rows.length, byValue, differing }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
}

export async function judgeFlag(
  ctx: Pick<StageContext, 'config' | 'env' | 'client'>,
  flag: FeatureFlagSpec,
  index: number
): Promise<FlagResult> {
  const vars = ctx.config.variables
  const found = lookupVariable(vars, flag.name)
  const value = found?.value ?? flag.default ?? null
  const source = found?.source ?? (flag.default !== undefined ? 'default' : 'unset')
  const expected = flag.expected[ctx.env.name]
  const allowed = flag.allowed.join(', ')
  const where =
    source === 'env-file'
      ? `from ${vars?.envFile?.path}`
      : source === 'environment'
        ? "from the job's environment"
        : 'the default'
  const result: FlagResult = {
    name: flag.name,
    status: 'pass',
    value,
    source,
    envFile: vars?.envFile?.path,
    allowed: flag.allowed,
    default: flag.default,
    expected,
    problems: []
  }
  const fail = (why: string) => {
    result.status = 'fail'
    result.problems.push(why)
  }
  const warn = (why: string) => {
    if (result.status === 'pass') result.status = 'warn'
    result.problems.push(why)
  }
  if (value === null)
    fail(
      `${flag.name} is not set (job environment${vars?.envFile ? ` or ${vars.envFile.path}` : ''}) and feature-flags[${index}] has no default; allowed: ${allowed}`
    )
  else if (!flag.allowed.includes(value))
    fail(`${flag.name} is "${value}" (${where}); allowed: ${allowed}`)
  else if (expected !== undefined && value !== expected)
    fail(
      `${flag.name} is "${value}" (${where}), but ${ctx.env.name} expects "${expected}" (feature-flags[${index}].expected.${ctx.env.name})`
    )
  const fileValue = vars?.envFile?.variables[flag.name]
  if (
    found?.source === 'environment' &&
    fileValue !== undefined &&
    fileValue !== '' &&
    fileValue !== found.value
  )
    warn(
      `${flag.name} is "${found.value}" in the job's environment but "${fileValue}" in ${vars?.envFile?.path}; the job's value is used`
    )
  if (flag.overridesSql) {
    try {
      result.overrides = await listOverrides(ctx.client, flag, flag.overridesSql)
      const outside = Object.keys(result.overrides.byValue).filter(v => !flag.allowed.includes(v))
      if (outside.length > 0)
        warn(
          `${flag.name}: venue overrides hold ${outside.map(v => `"${v}"`).join(', ')}; allowed: ${allowed}`
        )
    } catch (e) {
      const error = describeError(e)
      result.overrides = { total: 0, byValue: {}, differing: [], error }
      warn(`${flag.name}: the overrides query failed: ${error}`)
    }
  }
  return result
}

function describeFlag(f: FlagResult): string {
  const overrides = f.overrides
    ? f.overrides.error
      ? ', overrides unknown'
      : `, ${f.overrides.total} venue override${f.overrides.total === 1 ? '' : 's'}` +
        (f.overrides.total
          ? ` (${Object.entries(f.overrides.byValue)
              .map(([v, n]) => `${v} ${n}`)
              .join(', ')})`
          : '')
    : ''
  return `${f.name}=${f.value ?? '(unset)'} (${f.source})${overrides}`
}

async function runFlags(
  ctx: StageContext,
  phase: FlagsDetails['phase']
): Promise<CheckOutcome<FlagsDetails>> {
  const flags = ctx.policy.featureFlags
  if (flags.length === 0)
    return {
      status: 'skip',
      summary: 'no feature-flags in runbook.yml',
      details: { phase, flags: [] } satisfies FlagsDetails
    }
  const results: FlagResult[] = []
  for (const [i, flag] of flags.entries()) results.push(await judgeFlag(ctx, flag, i))
  const details: FlagsDetails = { phase, flags: results }
  ctx.evidence.writeJson(phase === 'check' ? 'flags.json' : `flags-${phase}.json`, details)
  const status: CheckStatus = results.some(r => r.status === 'fail')
    ? 'fail'
    : results.some(r => r.status === 'warn')
      ? 'warn'
      : 'pass'
  return {
    status,
    summary: results.map(describeFlag).join('; '),
    reasons: results.flatMap(r => r.problems),
    details: { ...details }
  }
}

/**
 * One check, three places: validate and verify ('check'), and apply, where the first run is before the
 * migrations and the second after them (the overrides as the new schema sees them).
 */
function phaseOf(ctx: StageContext): FlagsDetails['phase'] {
  if (ctx.config.stage !== 'apply') return 'check'
  if (ctx.shared.flagsRanBeforeApply) return 'after-apply'
  ctx.shared.flagsRanBeforeApply = true
  return 'before-apply'
}

export const flagsCheck: Check<'flags'> = {
  id: 'flags',
  title: 'Feature flags',
  concurrent: true,
  run: ctx => runFlags(ctx, phaseOf(ctx)),
  sections: (_result, report) => [{ name: 'feature flags', priority: 4, text: renderFlags(report) }]
}

// ---------- the report's section ----------

const PHASE: Record<FlagsDetails['phase'], string> = {
  'before-apply': 'before apply',
  'after-apply': 'after apply',
  check: ''
}

export function renderFlags(report: Report): string {
  const results = resultsThatRan(report, 'flags')
  if (results.length === 0) return ''
  const out = ['### Feature flags', '']
  for (const r of results) {
    const d = r.details
    if (!Array.isArray(d.flags)) continue
    if (d.phase && PHASE[d.phase]) out.push(`**${PHASE[d.phase]}**`, '')
    out.push(
      '| | Flag | Value | From | Expected here | Venue overrides |',
      '|---|---|---|---|---|---|'
    )
    for (const f of d.flags) {
      const o = f.overrides
      const overrides = !o
        ? '—'
        : o.error
          ? `query failed: ${o.error}`
          : o.total === 0
            ? 'none'
            : Object.entries(o.byValue)
                .map(([v, n]) => `${v}: ${n}`)
                .join(', ')
      out.push(
        `| ${STATUS_ICON[f.status]} | \`${f.name}\` | ${f.value === null ? '(unset)' : `\`${plainCell(f.value)}\``} | ${f.source === 'env-file' ? plainCell(f.envFile ?? 'env file') : f.source} | ${f.expected ? `\`${plainCell(f.expected)}\`` : 'any allowed'} | ${plainCell(overrides)} |`
      )
    }
    for (const f of d.flags) {
      for (const p of f.problems) out.push(`- ${plainCell(p)}`)
      const differing = f.overrides?.differing ?? []
      if (differing.length > 0)
        out.push(
          `- \`${f.name}\`: venues that differ from the default \`${f.default ?? '(none)'}\`: ` +
            differing
              .slice(0, MAX_VENUES)
              .map(v => `${plainCell(v.venue)} → \`${plainCell(v.value)}\``)
              .join(', ') +
            ((f.overrides?.total ?? 0) > MAX_VENUES ? ' (more in flags.json)' : '')
        )
    }
    out.push('')
  }
  return out.join('\n').trimEnd()
}
