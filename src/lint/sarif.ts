/**
 * Lint findings as SARIF 2.1.0, the format GitHub code scanning takes (github/codeql-action/upload-sarif):
 * one run, the tool's rules with their advice as help, one result per finding with a repository-relative
 * location. Suppressed findings stay in, marked as suppressed in source with the comment's reason.
 */
import path from 'node:path'
import { ACTION_REPOSITORY } from '../init/workflows.js'
import type { LintFinding } from '../types.js'
import { VERSION } from '../version.js'
import { RULES } from './rules.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const SARIF_TOOL_NAME = 'migration-runbook'
export const SARIF_INFORMATION_URI = `https://github.com/${ACTION_REPOSITORY}`

export type SarifLevel = 'error' | 'warning' | 'note'

export interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  help: { text: string }
  defaultConfiguration: { level: SarifLevel }
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: { text: string }
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' }
      region: { startLine: number; startColumn: number }
    }
  }[]
  suppressions?: { kind: 'inSource'; justification: string }[]
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: {
    tool: {
      driver: {
        name: string
        version: string
        semanticVersion: string
        informationUri: string
        rules: SarifRule[]
      }
    }
    /** Columns count UTF-16 code units, as the lint engine's do (JavaScript string offsets). */
    columnKind: 'utf16CodeUnits'
    results: SarifResult[]
  }[]
}

export function sarifLevel(severity: LintFinding['severity']): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note'
}

/** "require-concurrent-index" → "Require concurrent index". */
function sentence(id: string): string {
  const words = id.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** "require-concurrent-index" → "RequireConcurrentIndex" (SARIF's optional name, an identifier). */
function pascal(id: string): string {
  return id
    .split('-')
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}

function rule(id: string, severity: LintFinding['severity'], advice: string): SarifRule {
  return {
    id,
    name: pascal(id),
    shortDescription: { text: sentence(id) },
    fullDescription: { text: advice },
    help: { text: advice },
    defaultConfiguration: { level: sarifLevel(severity) }
  }
}

/**
 * A path as a SARIF artifact URI relative to the repository root: forward slashes, each segment
 * percent-encoded (a space is %20), so the URI is valid whatever the folder names are.
 */
export function artifactUri(file: string, cwd: string, repoRoot: string): string {
  const rel = path.relative(repoRoot, path.resolve(cwd, file)) || file
  return rel.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/')
}

/**
 * The SARIF log of a lint run. File names in `findings` are relative to `cwd`; URIs in the log are
 * relative to `repoRoot` (the folder the upload's checkout_path points at).
 */
export function toSarif(findings: LintFinding[], cwd: string, repoRoot: string): SarifLog {
  const rules: SarifRule[] = Object.entries(RULES).map(([id, spec]) =>
    rule(id, spec.severity, spec.advice)
  )
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const results: SarifResult[] = findings.map(f => {
    // A rule outside RULES (none today) still gets a descriptor: every ruleIndex must point at one.
    if (!index.has(f.rule)) {
      index.set(f.rule, rules.length)
      rules.push(rule(f.rule, f.severity, f.advice))
    }
    const result: SarifResult = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) as number,
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(f.file, cwd, repoRoot), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) }
          }
        }
      ]
    }
    if (f.suppressed !== undefined)
      result.suppressions = [{ kind: 'inSource', justification: f.suppressed }]
    return result
  })
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: SARIF_INFORMATION_URI,
            rules
          }
        },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}
