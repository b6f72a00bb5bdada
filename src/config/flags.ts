/**
 * runbook.yml `feature-flags:` (the flags a deploy depends on, e.g. FEATURE_ALLOCATOR_ADJACENCY_MODE) and the
 * variables a run reads them from: the job's environment and an optional dotenv file (`--env-file`,
 * action input `env-file`). Only the front doors call readRunVariables; checks read RunConfig.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { nonEmpty } from './zod.js'
import * as z from 'zod/mini'
import { ConfigError } from './errors.js'
import { parseEnvFile } from './env-file.js'

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

export const featureFlagSchema = z
  .strictObject({
    /** The environment variable the application reads. */
    name: z
      .string()
      .check(z.regex(VARIABLE, 'is not an environment variable name (letters, digits, _)')),
    allowed: z.array(nonEmpty()).check(z.minLength(1)),
    /** What the application uses when the variable is not set. */
    default: z.optional(nonEmpty()),
    /** environment name -> the value that environment must run with. */
    expected: z._default(z.record(z.string(), nonEmpty()), {}),
    /** Lists per-venue overrides: one row per venue, columns `venue` and `value`. */
    'overrides-sql': z.optional(nonEmpty())
  })
  .check(
    z.superRefine((f, ctx) => {
      const allowed = f.allowed.join(', ')
      if (f.default !== undefined && !f.allowed.includes(f.default))
        ctx.addIssue({
          code: 'custom',
          path: ['default'],
          message: `is "${f.default}"; allowed: ${allowed}`
        })
      for (const [env, value] of Object.entries(f.expected))
        if (!f.allowed.includes(value))
          ctx.addIssue({
            code: 'custom',
            path: ['expected', env],
            message: `is "${value}"; allowed: ${allowed}`
          })
    })
  )

export type FeatureFlagInput = z.input<typeof featureFlagSchema>

export interface FeatureFlagSpec {
  name: string
  allowed: string[]
  default?: string
  expected: Record<string, string>
  overridesSql?: string
}

/** The parsed list, after checking that every `expected` key names a defined environment. */
export function resolveFeatureFlags(
  raw: z.output<typeof featureFlagSchema>[],
  environments: string[],
  policyPath: string
): FeatureFlagSpec[] {
  return raw.map((f, i) => {
    for (const env of Object.keys(f.expected))
      if (!environments.includes(env))
        throw new ConfigError(
          `${policyPath}: invalid runbook policy:\n  feature-flags.${i}.expected.${env}: "${env}" is not an environment; allowed: ${environments.join(', ')}`
        )
    return {
      name: f.name,
      allowed: f.allowed,
      default: f.default,
      expected: f.expected,
      overridesSql: f['overrides-sql']
    }
  })
}

/** What a run knows of its variables: the job's environment and the env file, kept apart to say where a value came from. */
export interface RunVariables {
  /** The job's environment; empty values dropped (an unset GitHub `vars.X` arrives as ''). */
  environment: Record<string, string>
  envFile?: { path: string; variables: Record<string, string> }
}

/** Reads the env file (relative to `root`) and takes the job's environment. Throws ConfigError naming the input. */
export function readRunVariables(
  envFile: string | undefined,
  env: NodeJS.ProcessEnv,
  root: string
): RunVariables {
  const environment: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') environment[k] = v
  if (envFile === undefined) return { environment }
  const file = path.resolve(root, envFile)
  if (!existsSync(file))
    throw new ConfigError(
      `input "env-file" is "${envFile}", which does not exist; allowed: a dotenv file (NAME=value lines), relative to the repository`
    )
  return {
    environment,
    envFile: { path: envFile, variables: parseEnvFile(readFileSync(file, 'utf8'), envFile) }
  }
}

/** A variable's value and where it came from: the job's environment wins over the env file (dotenv's rule). */
export function lookupVariable(
  vars: RunVariables | undefined,
  name: string
): { value: string; source: 'environment' | 'env-file' } | undefined {
  const fromEnv = vars?.environment[name]
  if (fromEnv !== undefined) return { value: fromEnv, source: 'environment' }
  const fromFile = vars?.envFile?.variables[name]
  if (fromFile !== undefined && fromFile !== '') return { value: fromFile, source: 'env-file' }
  return undefined
}
