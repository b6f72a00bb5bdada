/**
 * The Supabase CLI (pinned 2.117.0, node_modules/.bin/supabase) run for real against a test database, so the
 * adoption tests compare what this runbook does with what `supabase db push` does to the same folder.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SUPABASE = path.join(ROOT, 'node_modules', '.bin', 'supabase')

export interface CliRun {
  code: number
  /** stdout and stderr together, as a terminal shows them. */
  output: string
}

/** A Supabase project folder whose supabase/migrations holds `files` (name → SQL) or a copy of `fromDir`. */
export function supabaseProject(files: Record<string, string> | { fromDir: string }): string {
  const project = mkdtempSync(path.join(os.tmpdir(), 'mr-adoption-'))
  const migrations = path.join(project, 'supabase', 'migrations')
  if ('fromDir' in files) {
    mkdirSync(path.dirname(migrations), { recursive: true })
    cpSync(files.fromDir as string, migrations, { recursive: true })
  } else {
    mkdirSync(migrations, { recursive: true })
    for (const [name, sql] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(migrations, name)), { recursive: true })
      writeFileSync(path.join(migrations, name), sql)
    }
  }
  return project
}

export function removeProject(project: string): void {
  rmSync(project, { recursive: true, force: true })
}

/** `supabase db push --db-url <url> --yes` (or --dry-run) in `project`; never throws on a failed push. */
export function supabaseDbPush(project: string, dbUrl: string, dryRun = false): Promise<CliRun> {
  // The embedded server has no TLS; the Supabase CLI insists on it unless told otherwise.
  const url = `${dbUrl}${dbUrl.includes('?') ? '&' : '?'}sslmode=disable`
  const args = ['db', 'push', '--db-url', url, dryRun ? '--dry-run' : '--yes']
  return new Promise(resolve => {
    execFile(
      SUPABASE,
      args,
      {
        cwd: project,
        env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
        timeout: 60_000
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, output: `${stdout}${stderr}` })
      }
    )
  })
}
