/**
 * The other files of a migrations folder (runbook.yml, notes, ...): a connection string with a password
 * pasted there is a finding too. Migration files and their sidecars are linted by the rules instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { LintFinding } from '../types.js'
import type { Migration } from '../plan/files.js'
import { RULES } from './rules.js'
import { findConnectionPasswords } from './secrets.js'

/** Text files under `dir` other than the given SQL files (runbook.yml, notes, ...), under 2 MB. */
function otherFiles(dir: string, skip: Set<string>): string[] {
  const out: string[] = []
  const visit = (d: string): void => {
    let entries: string[]
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
    for (const e of entries) {
      const p = path.join(d, e)
      const st = statSync(p)
      if (st.isDirectory()) visit(p)
      else if (st.isFile() && st.size < 2_000_000 && !skip.has(path.resolve(p))) out.push(p)
    }
  }
  visit(dir)
  return out
}

/** Password findings in the non-migration files of the migrations folder (history files are left alone). */
export function scanOtherFiles(
  root: string,
  migrationsDir: string,
  allMigrations: Migration[]
): LintFinding[] {
  const skip = new Set<string>()
  for (const m of allMigrations)
    for (const f of [m, m.rollback, m.verify]) if (f) skip.add(path.resolve(f.path))
  const findings: LintFinding[] = []
  for (const p of otherFiles(migrationsDir, skip)) {
    const text = readFileSync(p, 'utf8')
    if (text.includes('\u0000')) continue
    for (const hit of findConnectionPasswords(text)) {
      findings.push({
        rule: 'connection-string-password',
        severity: 'error',
        file: path.relative(root, p) || p,
        line: hit.line,
        column: hit.column,
        message: `a connection string with a password (${hit.masked}) is written in the file`,
        advice: RULES['connection-string-password'].advice
      })
    }
  }
  return findings
}
