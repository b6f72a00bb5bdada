/**
 * The SARIF upload of the PR workflows (this repository's and the one `init` writes): the lint step never
 * fails the job, the upload runs even after a failed step and is pinned by commit, and only the job
 * that uploads may write security events. Nothing in it needs a secret, so it works on fork PRs.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { lintScript, renderPrWorkflow } from '../../src/init/workflows.js'
import { CLI } from '../e2e/processes.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  permissions?: Record<string, string>
  steps?: Step[]
}
interface Workflow {
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const repoText = readFileSync(path.join(REPO, '.github/workflows/migrations-pr.yml'), 'utf8')
const generatedText = renderPrWorkflow({
  kind: 'supabase',
  migrationsDir: 'supabase/migrations',
  configPath: 'supabase/runbook.yml',
  migrationCount: 1
})

describe.each([
  ['this repository', repoText, 'npx migration-runbook lint'],
  ['init', generatedText, 'node .migration-runbook/dist/cli/index.js lint']
])('the PR workflow of %s', (_name, text, command) => {
  const wf = parse(text) as Workflow

  test('lints to SARIF without failing the job, then uploads it pinned by commit', () => {
    const jobs = Object.entries(wf.jobs).filter(([, j]) =>
      (j.steps ?? []).some(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))
    )
    expect(jobs).toHaveLength(1)
    const [, job] = jobs[0]
    const steps = job.steps ?? []
    const lint = steps.findIndex(s => s.run?.includes(`${command} --format sarif`))
    const upload = steps.findIndex(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))
    expect(lint).toBeGreaterThanOrEqual(0)
    expect(upload).toBeGreaterThan(lint)
    expect(steps[lint].run?.trim()).toBe(lintScript(command.replace(/ lint$/, '')))
    expect(steps[lint].env).toEqual({ BASE_SHA: '${{ github.event.merge_group.base_sha }}' })
    // Runs after a failed step, and not when there is nothing to upload (no SQL file changed).
    expect(steps[upload].if).toBe("always() && hashFiles('lint.sarif') != ''")
    expect(steps[upload].with?.sarif_file).toBe('lint.sarif')
    // A full commit SHA, with the version it is in a comment on the same line.
    expect(steps[upload].uses).toMatch(/^github\/codeql-action\/upload-sarif@[0-9a-f]{40}$/)
    expect(text).toMatch(/upload-sarif@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/)
    // No secret on the way: a fork PR runs it too.
    for (const s of [steps[lint], steps[upload]])
      expect(JSON.stringify(s)).not.toContain('secrets.')
  })

  test('security-events: write on the uploading job only', () => {
    expect(wf.permissions).toEqual({ contents: 'read' })
    for (const job of Object.values(wf.jobs)) {
      const uploads = (job.steps ?? []).some(s =>
        s.uses?.startsWith('github/codeql-action/upload-sarif@')
      )
      expect(job.permissions?.['security-events']).toBe(uploads ? 'write' : undefined)
    }
  })
})

/**
 * The lint step as the runner runs it (bash -e, the job's MIGRATIONS_DIR and BASE_SHA), on a PR's commits in a
 * real git repository, with the built CLI as the command. The base has a deployed migration creating orders; the
 * PR indexes orders. Linted by folder, orders counted as new and the PR's lock went unreported (open-bsp-api).
 */
describe("the PR workflow's lint step, run by bash on a PR", () => {
  const DEPLOYED = 'supabase/migrations/20250101000000_orders.sql'
  const PR = 'supabase/migrations/20250102000000_notes.sql'
  const PR_ROLLBACK = 'supabase/migrations/rollback/20250102000000_notes.sql'
  let repo: string

  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: repo,
      encoding: 'utf8'
    })
  const commit = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
      writeFileSync(path.join(repo, file), text)
    }
    git('add', '-A')
    git('commit', '-qm', Object.keys(files).join(' '))
  }
  const lintStep = (env: Record<string, string> = {}) => {
    rmSync(path.join(repo, 'lint.sarif'), { force: true })
    const run = spawnSync('bash', ['-e', '-c', lintScript(`node ${CLI}`)], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, MIGRATIONS_DIR: 'supabase/migrations', ...env }
    })
    const sarif = path.join(repo, 'lint.sarif')
    const results = existsSync(sarif)
      ? (
          JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results as {
            ruleId: string
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[]
          }[]
        ).map(r => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId])
      : undefined
    return { code: run.status, stdout: run.stdout, results }
  }

  beforeEach(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'mr-pr-lint-'))
    git('init', '-q')
    commit({ [DEPLOYED]: 'CREATE TABLE public.orders (id int, total numeric);\n' })
  })
  afterEach(() => rmSync(repo, { recursive: true, force: true }))

  const PR_FILES = {
    [PR]: 'CREATE TABLE public.notes (id int);\nCREATE INDEX orders_total_idx ON public.orders (total);\n',
    [PR_ROLLBACK]: 'DROP INDEX public.orders_total_idx;\nDROP TABLE public.notes;\n'
  }
  const PR_FINDINGS = [
    [PR, 'require-concurrent-index'],
    [PR_ROLLBACK, 'require-concurrent-index-drop']
  ]

  test("lints the PR's files: orders exists, its index and the rollback's DROP INDEX are found, the rollback's DROP TABLE is not", () => {
    commit(PR_FILES)
    expect(lintStep()).toMatchObject({ code: 0, results: PR_FINDINGS })
    // The whole folder is a history: orders was deployed before the PR's file, so the same is found.
    const folder = spawnSync('node', [CLI, 'lint', '--format', 'sarif', 'supabase/migrations'], {
      cwd: repo,
      encoding: 'utf8'
    })
    expect(
      JSON.parse(folder.stdout).runs[0].results.map(
        (r: {
          ruleId: string
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[]
        }) => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId]
      )
    ).toEqual(PR_FINDINGS)
  })

  test('a PR that only edits a rollback script lints it with its migration', () => {
    commit(PR_FILES)
    commit({ [PR_ROLLBACK]: 'DROP INDEX public.orders_total_idx;\n' })
    expect(lintStep()).toMatchObject({ code: 0, results: PR_FINDINGS })
  })

  test('a merge queue diffs against its base; no SQL file changed: nothing to lint and nothing to upload', () => {
    commit(PR_FILES)
    const base = git('rev-parse', 'HEAD~1').trim()
    commit({ 'README.md': 'notes\n', 'supabase/runbook.yml': 'version: 1\n' })
    expect(lintStep({ BASE_SHA: base })).toMatchObject({ code: 0, results: PR_FINDINGS })
    const none = lintStep()
    expect(none).toMatchObject({ code: 0, results: undefined })
    expect(none.stdout).toContain('no SQL file under supabase/migrations/ changed: nothing to lint')
  })

  test('a base that cannot be diffed: the whole folder, said so', () => {
    commit(PR_FILES)
    const r = lintStep({ BASE_SHA: '0'.repeat(40) })
    expect(r.stdout).toContain(
      'cannot diff against the base: linting the whole of supabase/migrations/'
    )
    expect(r).toMatchObject({ code: 0, results: PR_FINDINGS })
  })
})
