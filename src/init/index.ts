/**
 * `migration-runbook init [--migrations-dir D] [--force] [--print]`: detects the layout, writes a commented
 * runbook.yml and the two workflows (or prints them), and says what to run next. Needs no database.
 * Bad usage throws a ConfigError (the CLI exits 2).
 */
import { ConfigError } from '../config/errors.js'
import type { Layout } from './layout.js'
import { planInit, writeInit, type InitPlan } from './plan.js'

export { detectLayout, policyPathFor, type Layout } from './layout.js'
export { renderRunbook } from './runbook.js'
export { renderWorkflows, ACTION_REPOSITORY, ACTION_REF } from './workflows.js'
export { planInit, writeInit, type InitPlan, type PlannedFile } from './plan.js'

export interface InitFlags {
  'migrations-dir'?: string
  force?: boolean
  print?: boolean
  [option: string]: unknown
}

export interface InitIo {
  out: (text: string) => void
  cwd: string
}

/** Options of the stage commands: given to init they would be silently ignored, so they are refused. */
const STAGE_ONLY = [
  'env',
  'database-url',
  'embedded',
  'baseline',
  'migration',
  'config',
  'artifacts-dir',
  'test-command',
  'demo-rows',
  'json'
]

function refuseStageOptions(flags: InitFlags): void {
  const given = STAGE_ONLY.filter(o => flags[o] !== undefined && flags[o] !== false)
  if (given.length > 0) {
    throw new ConfigError(
      `option --${given[0]} does not apply to init; allowed: --migrations-dir <dir>, --force, --print`
    )
  }
}

function describeLayout(layout: Layout): string {
  const kind = layout.kind === 'supabase' ? 'Supabase CLI layout' : 'migrations folder'
  const count = `${layout.migrationCount} migration${layout.migrationCount === 1 ? '' : 's'}`
  return `${kind}: ${layout.migrationsDir}/ (${count}); policy: ${layout.configPath}`
}

/** The commands to run next; the CLI's own default folder is migrations/, so others are named. */
export function nextCommands(layout: Layout): string[] {
  // The CLI finds supabase/migrations by itself when there is no migrations/ folder (defaultMigrationsDir).
  const dir = ['migrations', 'supabase/migrations'].includes(layout.migrationsDir)
    ? ''
    : ` --migrations-dir ${layout.migrationsDir}`
  return [
    `npx migration-runbook rehearse${dir}`,
    `npx migration-runbook validate --env staging --embedded${dir}`
  ]
}

function renderNext(layout: Layout, printed: boolean): string {
  const lines = [
    'Next:',
    ...(printed ? ['  migration-runbook init (without --print) to write these files'] : []),
    ...nextCommands(layout).map(c => `  ${c}`),
    'then create the GitHub environments staging and production, each with a DATABASE_URL secret,',
    'and open a pull request that touches the migrations (docs/adopting.md of Migration Runbook).'
  ]
  return lines.join('\n')
}

function renderPrint(plan: InitPlan, force: boolean): string {
  return plan.files
    .map(f => {
      const state = !f.exists
        ? 'new file'
        : force
          ? 'exists: --force replaces it'
          : 'exists: init refuses to replace it without --force'
      return `--- ${f.path} (${state})\n${f.content}`
    })
    .join('\n')
}

export function runInit(flags: InitFlags, io: InitIo): number {
  refuseStageOptions(flags)
  const force = flags.force === true
  const plan = planInit(io.cwd, { migrationsDir: flags['migrations-dir'] })
  const found = describeLayout(plan.layout)
  if (flags.print === true) {
    io.out(`${found}\nprinting the edits; nothing is written.\n\n${renderPrint(plan, force)}`)
  } else {
    const written = writeInit(plan, { force })
    const lines = written.map(f => `${f.exists ? 'replaced' : 'wrote'} ${f.path}`)
    io.out(`${found}\n${lines.join('\n')}`)
  }
  io.out(`\n${renderNext(plan.layout, flags.print === true)}`)
  return 0
}
