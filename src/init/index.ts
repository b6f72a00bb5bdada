/**
 * `migration-runbook init [--migrations-dir D] [--force] [--print]`: detects the layout, writes a commented
 * runbook.yml and the two workflows (or prints them), and says what to run next. Needs no database.
 * Bad usage throws a ConfigError (the CLI exits 2).
 */
import path from 'node:path'
import { ConfigError } from '../config/errors.js'
import { discoverMigrationsWithWarnings } from '../plan/files.js'
import { loadParser } from '../sql/parser.js'
import { repositoryTop } from '../plan/files.js'
import { nearestLayoutDir, type Layout } from './layout.js'
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

/** The folder as the stages will read it: its migrations, the files skipped and why, or why it is refused. */
interface FolderView {
  migrations: number
  skipped: string[]
  refused?: string
}

async function viewFolder(root: string, migrationsDir: string): Promise<FolderView> {
  // A CONCURRENTLY file is parsed to decide how it runs.
  await loadParser()
  try {
    const { migrations, warnings } = discoverMigrationsWithWarnings(migrationsDir, root)
    return { migrations: migrations.length, skipped: warnings }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    return { migrations: 0, skipped: [], refused: e.message }
  }
}

function describeLayout(layout: Layout, folder: FolderView): string {
  const kind = layout.kind === 'supabase' ? 'Supabase CLI layout' : 'migrations folder'
  const count = folder.refused
    ? `${layout.migrationCount} .sql file${layout.migrationCount === 1 ? '' : 's'}`
    : `${folder.migrations} migration${folder.migrations === 1 ? '' : 's'}` +
      (folder.skipped.length > 0 ? `, ${folder.skipped.length} skipped` : '')
  return `${kind}: ${layout.migrationsDir}/ (${count}); policy: ${layout.configPath}`
}

/** What the stages will say of the folder, said now: skipped files, or why they will refuse it. */
function describeFolderProblems(folder: FolderView): string[] {
  if (folder.refused)
    return [`WARN the stages will refuse this folder until it is fixed: ${folder.refused}`]
  if (folder.skipped.length === 0) return []
  return [
    ...folder.skipped.map(w => `WARN ${w}`),
    `WARN ${folder.skipped.length} file(s) skipped, as the Supabase CLI skips them: rename a migration to ` +
      '<timestamp>_<name>.sql (what `supabase migration new` writes) to have it applied.'
  ]
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

function renderNext(layout: Layout, printed: boolean, top?: string): string {
  const lines = [
    top ? `Next, from ${top}:` : 'Next:',
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

/**
 * Where init writes: the repository's top, where GitHub reads workflows and runs them, with the migrations
 * folder relative to it. Run inside a package of a monorepo (packages/db), the folder is the nearest one at or
 * above the working directory: written from there, the workflows landed in packages/db/.github, which GitHub
 * never reads (found on real projects). Outside a repository: the working directory.
 */
export function initRoot(
  cwd: string,
  given: string | undefined
): { root: string; migrationsDir?: string; fromBelow: boolean } {
  const top = repositoryTop(cwd)
  if (!top || top === path.resolve(cwd))
    return { root: cwd, migrationsDir: given, fromBelow: false }
  return {
    root: top,
    // Absolute: detectLayout makes it relative to the top, and names it in full when it is outside.
    migrationsDir: given !== undefined ? path.resolve(cwd, given) : nearestLayoutDir(cwd, top),
    fromBelow: true
  }
}

export async function runInit(flags: InitFlags, io: InitIo): Promise<number> {
  refuseStageOptions(flags)
  const force = flags.force === true
  const { root, migrationsDir, fromBelow } = initRoot(io.cwd, flags['migrations-dir'])
  const plan = planInit(root, { migrationsDir })
  const folder = await viewFolder(root, plan.layout.migrationsDir)
  const found = [
    ...(fromBelow
      ? [
          `repository: ${root} (GitHub reads workflows at its top and runs them there: the paths below are relative to it)`
        ]
      : []),
    describeLayout(plan.layout, folder),
    ...describeFolderProblems(folder)
  ].join('\n')
  if (flags.print === true) {
    io.out(`${found}\nprinting the edits; nothing is written.\n\n${renderPrint(plan, force)}`)
  } else {
    const written = writeInit(plan, { force })
    const lines = written.map(f => `${f.exists ? 'replaced' : 'wrote'} ${f.path}`)
    io.out(`${found}\n${lines.join('\n')}`)
  }
  io.out(`\n${renderNext(plan.layout, flags.print === true, fromBelow ? root : undefined)}`)
  return 0
}
