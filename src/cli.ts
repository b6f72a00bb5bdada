/**
 * The CLI front end: flags in, the same engine as the action, a terminal table and an exit code out
 * (0 passed or warned, 1 a gate failed, 2 bad usage or configuration).
 */
import { parseArgs } from 'node:util'
import { nearestName } from './config/nearest.js'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
// Only light modules are imported here: `--help` and `lint` must start fast (issue 14/15), so the stage
// engine (pg, zod, the GitHub clients, ...) is imported below by the commands that run it.
import type { RawInputs } from './config/inputs.js'
import { ConfigError } from './config/errors.js'
import { Redactor } from './report/redact.js'
import type { RunOutcome } from './run.js'
import { STAGES } from './types.js'
import { VERSION } from './version.js'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /** SIGINT/SIGTERM: the run cancels its statements, writes its evidence and returns 1. */
  signal?: AbortSignal
}

const USAGE = `migration-runbook ${VERSION}

Usage:
  migration-runbook <stage> --env <name> [--database-url URL | --embedded] [options]
  migration-runbook rehearse [--env staging] [--baseline <version>]
  migration-runbook init [--migrations-dir <dir>] [--force] [--print]
  migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml]
                        [--since <version>] [<file|dir>...]

Stages: ${STAGES.join(', ')}; rehearse runs validate → apply → verify → rollback → apply on a throwaway Postgres
(with no runbook.yml yet, under the policy init would write).
init writes runbook.yml and the PR and deploy workflows for this repository's migrations folder
(supabase/migrations or migrations/); --print shows them instead, --force replaces existing files.
lint checks migration files and folders offline (no database): exit 1 on an unsuppressed error; with no
path, the project's migrations folder.
Run from inside a project, the nearest directory above with supabase/migrations (or migrations/runbook.yml)
is the project, up to the repository's top, unless a path option is given.

Options:
  --env <name>             environment in runbook.yml (rehearse: default staging)
  --database-url <url>     target database (or set DATABASE_URL); never printed
  --embedded               start a throwaway Postgres with a Supabase-like bootstrap, the deployed
                           migrations and demo data, and run the stage there
  --baseline <version>     with --embedded/rehearse: apply up to this version first (default: all but the
                           newest for validate, apply and rehearse; all for verify, rollback and monitor)
  --baseline-schema <file> with --embedded/rehearse: start from this schema dump (supabase db dump,
                           pg_dump --schema-only) instead of replaying the deployed migrations; they are
                           recorded as applied
  --baseline-from <env>    with --embedded/rehearse: start from <env>'s real shape, read (read only) from
                           the database of --database-url/DATABASE_URL, and its applied versions
  --migration <version>    rollback: the version to roll back (must be the newest applied)
  --migrations-dir <dir>   default: migrations
  --config <file>          default: <migrations-dir>/runbook.yml
  --artifacts-dir <dir>    default: artifacts
  --test-command <cmd>     functional tests to run against the target (overrides runbook.yml)
  --env-file <file>        dotenv file (.env.staging) with feature flags and smoke variables; the
                           environment's own variables win
  --demo-rows <n>          with --embedded/rehearse: allocations of demo data (default 20000)
  --json                   print summary.json instead of the table
  --format <f>             lint: text (default), json or sarif (GitHub code scanning)
  --format-in <f>          lint: dbmate or goose files, lint only their up section
  --since <version>        lint: report the findings of this migration and later ones only (the older
                           files are still read, as the history the later ones run after)
  -h, --help               this text
`

/** Options naming a path: given any of them, paths stay relative to the working directory, as typed. */
const PATH_OPTIONS = ['migrations-dir', 'config', 'artifacts-dir', 'env-file', 'baseline-schema']

/**
 * The project a command runs on. Run from inside it (supabase/migrations, a package beside it), the Supabase CLI
 * finds it by walking up to supabase/config.toml; so does this, to the nearest directory with supabase/migrations
 * or migrations/runbook.yml, stopping at the repository's top (.git). The working directory when it has a
 * migrations folder of its own, when a path option is given (relative paths mean what was typed), or when
 * nothing is found (the usual error then names what is missing).
 */
export function projectRoot(
  cwd: string,
  given: Record<string, unknown>,
  exists: (p: string) => boolean = existsSync
): string {
  if (PATH_OPTIONS.some(o => given[o] !== undefined)) return cwd
  const isProject = (dir: string) =>
    exists(path.join(dir, 'supabase', 'migrations')) ||
    exists(path.join(dir, 'migrations', 'runbook.yml'))
  if (isProject(cwd) || exists(path.join(cwd, 'migrations'))) return cwd
  for (
    let dir = path.dirname(cwd), below = cwd;
    dir !== below;
    below = dir, dir = path.dirname(dir)
  ) {
    if (exists(path.join(below, '.git'))) break
    if (isProject(dir)) return dir
  }
  return cwd
}

/**
 * The Supabase CLI's layout when the repository has supabase/migrations and no migrations/: after `init`,
 * every command works there without --migrations-dir.
 */
export function defaultMigrationsDir(cwd: string): string {
  const supabase = path.join(cwd, 'supabase', 'migrations')
  return existsSync(supabase) && !existsSync(path.join(cwd, 'migrations'))
    ? 'supabase/migrations'
    : 'migrations'
}

/**
 * Run outside a project (a monorepo's top, another folder): say so, and which migrations folders are below, not
 * that runbook.yml is missing or that lint needs a path. `how` is the way to name one (an option, or lint's path).
 */
async function noMigrationsFolder(
  root: string,
  how: { allowed: string; here: (dir: string) => string }
): Promise<never> {
  const { migrationFoldersBelow } = await import('./init/layout.js')
  const below = migrationFoldersBelow(root)
  fail(
    `no migrations folder in ${root}: looked for supabase/migrations/ and migrations/ there and in the folders above it, up to the repository's top` +
      (below.length ? `; found below it: ${below.join(', ')}` : '') +
      `; allowed: run it in the project's folder, or ${how.allowed}` +
      (below.length ? ` (here: ${how.here(below[0])})` : '')
  )
}

/**
 * `rehearse` in a project with no runbook.yml yet (the first thing a newcomer types): the policy `init` would
 * write, from a temporary file, instead of exit 2. The stages against a real database still need the file: it
 * names the environments and pins their databases. Returns the file, and its temporary folder for removal.
 */
async function defaultPolicyForRehearsal(
  root: string,
  migrationsDir: string,
  inputs: RawInputs,
  io: CliIo
): Promise<{ config: string; dir: string } | undefined> {
  if (inputs.config !== undefined) return undefined
  const { configCandidates } = await import('./config/inputs.js')
  const candidates = configCandidates(migrationsDir)
  if (candidates.some(c => existsSync(path.resolve(root, c)))) return undefined
  const { detectLayout } = await import('./init/layout.js')
  const { renderRunbook } = await import('./init/runbook.js')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migration-runbook-policy-'))
  const file = path.join(dir, 'runbook.yml')
  writeFileSync(file, renderRunbook(detectLayout(root, migrationsDir)))
  io.err(
    `no ${candidates[candidates.length - 1]}: rehearsing with the policy \`migration-runbook init\` would write (staging and production, every setting at its default); run init to keep it, with the workflows`
  )
  return { config: file, dir }
}

/**
 * `lint` with no path: the project's migrations folder, found as the other commands find it (said on stderr).
 * None there: which folders are below and how to name one; none at a --migrations-dir given (lint says so).
 */
async function projectMigrations(io: CliIo, values: Record<string, unknown>): Promise<string[]> {
  const root = projectRoot(io.cwd, values)
  const dir = path.join(root, String(values['migrations-dir'] ?? defaultMigrationsDir(root)))
  if (!existsSync(dir)) {
    if (values['migrations-dir'] !== undefined) return []
    return noMigrationsFolder(root, {
      allowed: 'name the folder or files to lint: lint <dir>',
      here: d => `lint ${d}`
    })
  }
  const shown = path.relative(io.cwd, dir) || '.'
  io.err(
    `lint: ${shown} (no path given: the project's migrations, each linted as it runs after the ones before it; name the files of one change to lint them together, or pass --since <version>)`
  )
  return [shown]
}

/** The CLI's options (util.parseArgs). */
const OPTIONS = {
  env: { type: 'string' },
  'database-url': { type: 'string' },
  embedded: { type: 'boolean', default: false },
  baseline: { type: 'string' },
  'baseline-schema': { type: 'string' },
  'baseline-from': { type: 'string' },
  migration: { type: 'string' },
  'migrations-dir': { type: 'string' },
  config: { type: 'string' },
  'artifacts-dir': { type: 'string' },
  'test-command': { type: 'string' },
  'env-file': { type: 'string' },
  'demo-rows': { type: 'string' },
  format: { type: 'string' },
  'format-in': { type: 'string' },
  since: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  force: { type: 'boolean', default: false },
  print: { type: 'boolean', default: false }
} as const

/**
 * util.parseArgs' error in the CLI's words: the option as typed, the nearest known one, and what is allowed. Its
 * own text suggested `--` for an unknown option, which is never what a typo needs.
 */
export function argsError(e: unknown): string {
  const { code, message } = e as { code?: string; message: string }
  const named = /^(?:Unknown option|Option) '(-[^' ]*)/.exec(message)?.[1]
  const known = Object.keys(OPTIONS).map(o => `--${o}`)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named) {
    const nearest = nearestName(named, known)
    const hint = nearest ? ` (did you mean ${nearest}?)` : ''
    return `unknown option ${named}${hint}; allowed: ${known.join(', ')}`
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named) {
    if (/ambiguous/.test(message))
      return `option ${named} needs a value, and the argument after it starts with "-"; to pass a value that starts with "-", write ${named}=<value>`
    return `option ${named} needs a value`
  }
  return message
}

function fail(message: string): never {
  throw new ConfigError(message)
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const redactor = new Redactor()
  // Mask the URL the moment it is read, before anything could print it.
  redactor.addDatabaseUrl(io.env.DATABASE_URL ?? '')
  try {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: OPTIONS
      })
    } catch (e) {
      // The value that follows --database-url is masked, unless it is the next option (a missing value): masked,
      // "--migrations-dir" hid every mention of that option in the usage printed below.
      const url = argv.indexOf('--database-url')
      if (url >= 0 && argv[url + 1] && !argv[url + 1].startsWith('-'))
        redactor.addDatabaseUrl(argv[url + 1])
      fail(`${redactor.redact(argsError(e))}\n\n${USAGE}`)
    }
    const { values, positionals } = parsed
    if (values['database-url']) redactor.addDatabaseUrl(values['database-url'])
    if (values.help || positionals.length === 0) {
      io.out(USAGE)
      return values.help ? 0 : 2
    }
    if (positionals[0] === 'lint') {
      // Offline: no database, no environment; every path after the command is linted.
      const { runLintCommand } = await import('./lint/command.js')
      return await runLintCommand(
        {
          paths:
            positionals.length > 1 ? positionals.slice(1) : await projectMigrations(io, values),
          format: values.format,
          formatIn: values['format-in'],
          config: values.config,
          since: values.since
        },
        io
      )
    }
    if (positionals.length > 1)
      fail(`expected one command, got ${positionals.length}: ${positionals.join(' ')}`)
    const command = positionals[0]
    if (command === 'init') {
      // Scaffolding only: no database, no environment.
      const { runInit } = await import('./init/index.js')
      return await runInit(values, io)
    }
    const root = projectRoot(io.cwd, values)
    if (root !== io.cwd)
      io.err(
        `project: ${root} (the nearest directory above this one with its migrations, as the Supabase CLI finds supabase/config.toml)`
      )
    // One after the other: jest's ESM loader fails imports of shared modules that run at once.
    const { checkDatabaseUrl, parseInputs, PROVIDED_TARGET_URL, withLibpqTlsEnvironment } =
      await import('./config/inputs.js')
    const demoRows = values['demo-rows'] === undefined ? 20_000 : Number(values['demo-rows'])
    if (!Number.isInteger(demoRows) || demoRows < 0)
      fail(`option --demo-rows is "${values['demo-rows']}"; allowed: a whole number ≥ 0`)
    const migrationsDir = values['migrations-dir'] ?? defaultMigrationsDir(root)
    if (
      values['migrations-dir'] === undefined &&
      values.config === undefined &&
      !existsSync(path.join(root, migrationsDir))
    ) {
      await noMigrationsFolder(root, {
        allowed: 'pass --migrations-dir <dir>',
        here: d => `--migrations-dir ${d}`
      })
    }
    const common: RawInputs = {
      'migrations-dir': migrationsDir,
      config: values.config,
      // Found above: the evidence goes to the project's artifacts/, named in full where the run prints it.
      'artifacts-dir':
        values['artifacts-dir'] ?? (root === io.cwd ? undefined : path.join(root, 'artifacts')),
      'test-command': values['test-command'],
      'env-file': values['env-file'],
      comment: 'never'
    }

    /** --baseline-from <env>: the environment named, read from the URL given (never written to). */
    const baselineSource = (): { environment: string; url: string } | undefined => {
      const from = values['baseline-from']
      if (from === undefined) return undefined
      if (values['baseline-schema'] !== undefined)
        fail(
          'options --baseline-from and --baseline-schema exclude each other: pick one starting shape'
        )
      const url = values['database-url'] ?? io.env.DATABASE_URL
      if (!url)
        fail(
          `option --baseline-from is "${from}": pass that environment's database with --database-url or DATABASE_URL (it is only read)`
        )
      const withTlsEnvironment = withLibpqTlsEnvironment(url, io.env)
      checkDatabaseUrl(withTlsEnvironment)
      // Whether runbook.yml defines <env> is checked by the engine, with the policy it loads once.
      return { environment: from, url: withTlsEnvironment }
    }

    if (command === 'rehearse') {
      // The throwaway server's code is loaded only when a command needs it.
      const { rehearse } = await import('./embedded/rehearse.js')
      const defaults = await defaultPolicyForRehearsal(root, migrationsDir, common, io)
      try {
        const outcome = await rehearse({
          signal: io.signal,
          cwd: root,
          environment: values.env ?? 'staging',
          inputs: defaults ? { ...common, config: defaults.config } : common,
          baseline: values.baseline,
          baselineSchema: values['baseline-schema'],
          baselineFrom: baselineSource(),
          demoRows,
          redactor,
          log: line => io.err(line),
          env: io.env
        })
        io.out(
          values.json
            ? JSON.stringify(
                outcome.runs.map(r => r.report),
                null,
                2
              )
            : outcome.table
        )
        return outcome.exitCode
      } finally {
        if (defaults) rmSync(defaults.dir, { recursive: true, force: true })
      }
    }

    if (!(STAGES as readonly string[]).includes(command)) {
      fail(`command is "${command}"; allowed: ${[...STAGES, 'rehearse'].join(', ')}`)
    }
    if (values['baseline-from'] !== undefined && !values.embedded)
      fail(
        'option --baseline-from needs --embedded (or the rehearse command): it shapes the throwaway database'
      )
    if (values['baseline-schema'] !== undefined && !values.embedded)
      fail(
        'option --baseline-schema needs --embedded (or the rehearse command): it shapes the throwaway database'
      )
    if (values.embedded && values['database-url'] && values['baseline-from'] === undefined)
      fail(
        'options --embedded and --database-url exclude each other: pick one target (with --baseline-from, the URL is the source read from)'
      )
    // --embedded: the engine's embedded provider starts, prepares and stops the throwaway database.
    const databaseUrl = values.embedded
      ? PROVIDED_TARGET_URL
      : (values['database-url'] ?? io.env.DATABASE_URL)
    if (!databaseUrl)
      fail('no target: pass --database-url <url>, set DATABASE_URL, or use --embedded')
    const config = parseInputs(
      {
        ...common,
        environment: values.env,
        stage: command,
        'database-url': databaseUrl
      },
      { root, env: io.env }
    )
    const target = values.embedded
      ? (await import('./engine/embedded-target.js')).embeddedTarget({
          baseline: values.baseline,
          baselineSchema: values['baseline-schema'],
          baselineFrom: baselineSource(),
          demoRows
        })
      : undefined
    const { runStage } = await import('./run.js')
    const { renderTable } = await import('./report/table.js')
    const outcome: RunOutcome = await runStage({
      config,
      redactor,
      root,
      environ: io.env,
      rollbackVersion: values.migration,
      signal: io.signal,
      target,
      logSink: (level, line) => {
        if (level !== 'debug') io.err(line)
      }
    })
    io.out(
      values.json
        ? JSON.stringify(outcome.report, null, 2)
        : renderTable([outcome.report]) +
            `\nevidence: ${path.relative(io.cwd, outcome.evidence.dir) || '.'}\n`
    )
    return outcome.exitCode
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`error: ${redactor.redact(e.message)}`)
      return 2
    }
    io.err(`error: ${redactor.redact(e instanceof Error ? (e.stack ?? e.message) : String(e))}`)
    return 1
  }
}
