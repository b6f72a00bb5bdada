/**
 * What shapes the throwaway database, read from the command line and the policy before any server starts, so
 * bad usage is exit 2 at once. Kept apart from rehearse.ts so the CLI reads them without loading the server code.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseInputs, PROVIDED_TARGET_URL, type RawInputs } from '../config/inputs.js'
import { ConfigError } from '../config/errors.js'
import { loadPolicy, type Policy } from '../config/policy.js'

/** The policy file the stage runs will read, loaded once for setup-sql. */
export function policyFor(inputs: RawInputs, environment: string, cwd: string): Policy {
  const config = parseInputs(
    {
      ...inputs,
      environment,
      stage: 'validate',
      'database-url': PROVIDED_TARGET_URL
    },
    { root: cwd }
  )
  return loadPolicy(path.resolve(cwd, config.configPath))
}

/** --baseline-schema: read the dump, or a ConfigError naming the option. */
export function readBaselineSchema(file: string, cwd: string): { file: string; sql: string } {
  const abs = path.resolve(cwd, file)
  if (!existsSync(abs) || !statSync(abs).isFile())
    throw new ConfigError(
      `option --baseline-schema is "${file}", which is not a file; pass a schema dump (supabase db dump -f schema.sql, or pg_dump --schema-only)`
    )
  return { file: path.relative(cwd, abs) || file, sql: readFileSync(abs, 'utf8') }
}

/** --baseline: one of the folder's versions, or a ConfigError naming the option and what is allowed. */
export function checkBaselineVersion(baseline: string, versions: readonly string[]): void {
  if (!versions.includes(baseline))
    throw new ConfigError(
      `option --baseline is "${baseline}"; allowed: one of ${
        versions.length > 10
          ? `the folder's ${versions.length} versions, ${versions[0]} … ${versions[versions.length - 1]}`
          : versions.join(', ') || '(no migrations)'
      }`
    )
}
