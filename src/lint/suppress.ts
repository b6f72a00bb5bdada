/**
 * `-- runbook:allow <rule-id> <reason>` comments, also spelled `-- migration-runbook: allow <rule-id> because
 * <reason>`: on the line before a statement or on its first line. Without a reason they suppress nothing.
 */
import { isRuleId, type RuleId } from './rules.js'

export interface Suppression {
  rule: RuleId
  reason: string
  line: number
}

export interface BadSuppression {
  line: number
  column: number
  message: string
}

const ALLOW = /--\s*runbook:allow\b(.*)$/
const ALLOW_LONG = /--\s*migration-runbook:\s*allow\b(.*)$/i

export function readSuppressions(text: string): { allows: Suppression[]; bad: BadSuppression[] } {
  const allows: Suppression[] = []
  const bad: BadSuppression[] = []
  text.split('\n').forEach((raw, i) => {
    const short = ALLOW.exec(raw)
    const m = short ?? ALLOW_LONG.exec(raw)
    if (!m) return
    const syntax = short ? 'runbook:allow' : 'migration-runbook: allow'
    const line = i + 1
    const column = (m.index ?? 0) + 1
    const [rule = '', ...words] = m[1].trim().split(/\s+/)
    // The long spelling reads "allow <rule> because <reason>": the "because" is not the reason.
    if (!short && words[0]?.toLowerCase() === 'because') words.shift()
    const reason = words
      .join(' ')
      .replace(/\*\/\s*$/, '')
      .trim()
    if (!rule) bad.push({ line, column, message: `${syntax} names no rule` })
    else if (!isRuleId(rule))
      bad.push({ line, column, message: `${syntax} names unknown rule "${rule}"` })
    else if (!reason)
      bad.push({
        line,
        column,
        message: `${syntax} ${rule} gives no reason, so it suppresses nothing`
      })
    else allows.push({ rule, reason, line })
  })
  return { allows, bad }
}

/** Allows by rule and line, so finding one per finding is a lookup, not a scan of every allow. */
export type SuppressionIndex = Map<string, Suppression>

export function indexSuppressions(allows: Suppression[]): SuppressionIndex {
  const index: SuppressionIndex = new Map()
  for (const a of allows) if (!index.has(`${a.rule}@${a.line}`)) index.set(`${a.rule}@${a.line}`, a)
  return index
}

/**
 * The suppression covering a finding: an allow for its rule on the finding's line, the statement's first
 * line, or the run of comment lines directly above the statement (nearest first).
 */
export function findSuppression(
  allows: SuppressionIndex,
  lines: string[],
  rule: RuleId,
  findingLine: number,
  anchorLine: number
): Suppression | undefined {
  const candidates = [findingLine, anchorLine]
  for (let l = anchorLine - 1; l >= 1 && /^\s*--/.test(lines[l - 1] ?? ''); l--) candidates.push(l)
  for (const line of candidates) {
    const allow = allows.get(`${rule}@${line}`)
    if (allow) return allow
  }
  return undefined
}
