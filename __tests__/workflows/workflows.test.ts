/**
 * The workflows' gating and concurrency, read from the YAML GitHub runs. A required check must
 * report on every PR and fail when a migration job fails; a read-only stage must never share the
 * environment's concurrency group, where it would cancel a pending apply.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface Job {
  needs?: string | string[]
  if?: string
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
}

function workflow(name: string): { on: Record<string, unknown>; jobs: Record<string, Job> } {
  return parse(readFileSync(path.join(root, '.github/workflows', name), 'utf8'))
}

test('the migrations-gate check runs on every PR and needs every migration job', () => {
  const wf = workflow('migrations-pr.yml')
  // A path filter would skip the whole workflow, and the required check with it.
  expect(wf.on.pull_request ?? {}).not.toHaveProperty('paths')
  const gate = wf.jobs['migrations-gate']
  expect(gate).toBeDefined()
  expect(gate.if).toBe('always()')
  const needs = ([] as string[]).concat(gate.needs ?? [])
  const migrationJobs = Object.keys(wf.jobs).filter(
    j => j !== 'migrations-gate' && j !== 'fork-notice'
  )
  expect(needs.sort()).toEqual(migrationJobs.sort())
  // The checks themselves only run when migrations/ changed.
  expect(wf.jobs.rehearse.if).toContain('needs.changes.outputs.changed')
})

test('read-only stages stay out of the environment concurrency group', () => {
  const job = workflow('deploy-migrations.yml').jobs.runbook
  const group = job.concurrency?.group ?? ''
  expect(job.concurrency?.['cancel-in-progress']).toBe(false)
  expect(group).toMatch(
    /^migration-runbook-\$\{\{ github\.repository \}\}-\$\{\{ matrix\.target\.environment \}\}/
  )
  // validate and verify get a run-unique suffix; apply, rollback and monitor share the group.
  const suffix = group.slice(group.indexOf('}}', group.indexOf('matrix.target.environment')) + 2)
  expect(suffix).toContain("inputs.stage == 'validate'")
  expect(suffix).toContain("inputs.stage == 'verify'")
  expect(suffix).toContain('github.run_id')
  expect(suffix).not.toMatch(/'(apply|rollback|monitor)'/)
})

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

function runbookStep(steps: Step[]): Step {
  // ./ in this repository's PR workflow; the reusable one checks the action out to .migration-runbook.
  const step = steps.find(s => s.uses === './' || s.uses === './.migration-runbook')
  if (!step) throw new Error('no step uses the action (./ or ./.migration-runbook)')
  return step
}

test('the reusable deploy workflow takes migrations-dir and config and passes them to the action', () => {
  const wf = workflow('deploy-migrations.yml') as unknown as {
    on: { workflow_call: { inputs: Record<string, { default?: unknown; type: string }> } }
    jobs: Record<string, { steps: Step[] }>
  }
  const inputs = wf.on.workflow_call.inputs
  expect(inputs['migrations-dir']).toMatchObject({ type: 'string', default: 'migrations' })
  // Empty: the action's own default rule (<dir>/runbook.yml, or supabase/runbook.yml beside it).
  expect(inputs.config).toMatchObject({ type: 'string', default: '' })
  expect(runbookStep(wf.jobs.runbook.steps).with).toMatchObject({
    'migrations-dir': '${{ inputs.migrations-dir }}',
    config: '${{ inputs.config }}'
  })
})

test('the PR workflow detects changes in, rehearses and validates its MIGRATIONS_DIR', () => {
  const wf = workflow('migrations-pr.yml') as unknown as {
    env: Record<string, string>
    jobs: Record<string, { steps: Step[] }>
  }
  expect(wf.env).toEqual({ MIGRATIONS_DIR: 'migrations', RUNBOOK_CONFIG: '' })
  const diff = wf.jobs.changes.steps.find(s => s.run?.includes('git diff')) as Step
  expect(diff.run).toContain('paths=("$MIGRATIONS_DIR/")')
  expect(diff.run).toContain('-- "${paths[@]}"')
  expect(diff.run).not.toMatch(/--\s+migrations\//)
  const rehearse = wf.jobs.rehearse.steps.map(s => s.run ?? '').join('\n')
  expect(rehearse).toContain('--migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG"')
  expect(runbookStep(wf.jobs['validate-staging'].steps).with).toMatchObject({
    'migrations-dir': '${{ env.MIGRATIONS_DIR }}',
    config: '${{ env.RUNBOOK_CONFIG }}'
  })
})

test("the PR workflow's change detection sees the folder and, in the Supabase layout, supabase/runbook.yml", () => {
  const wf = workflow('migrations-pr.yml') as unknown as { jobs: Record<string, { steps: Step[] }> }
  const script = (wf.jobs.changes.steps.find(s => s.run?.includes('git diff')) as Step)
    .run as string
  const repo = mkdtempSync(path.join(os.tmpdir(), 'mr-pr-diff-'))
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo })
  const changedAfter = (file: string, env: Record<string, string>): string => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
    writeFileSync(path.join(repo, file), String(Math.random()))
    git('add', '-A')
    git('commit', '-qm', file)
    const output = path.join(repo, '.out')
    writeFileSync(output, '')
    execFileSync('bash', ['-e', '-c', script], {
      cwd: repo,
      env: { ...process.env, ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: '/dev/null' }
    })
    return readFileSync(output, 'utf8').trim()
  }
  try {
    git('init', '-q')
    writeFileSync(path.join(repo, 'README'), 'x')
    git('add', '-A')
    git('commit', '-qm', 'base')
    const supabase = { MIGRATIONS_DIR: 'supabase/migrations', RUNBOOK_CONFIG: '' }
    expect(changedAfter('supabase/migrations/1_a.sql', supabase)).toBe('changed=true')
    expect(changedAfter('supabase/runbook.yml', supabase)).toBe('changed=true')
    expect(changedAfter('src/app.ts', supabase)).toBe('changed=false')
    const plain = { MIGRATIONS_DIR: 'migrations', RUNBOOK_CONFIG: '' }
    expect(changedAfter('supabase/runbook.yml', plain)).toBe('changed=false')
    expect(changedAfter('migrations/2_b.sql', plain)).toBe('changed=true')
    expect(changedAfter('ops/policy.yml', { ...plain, RUNBOOK_CONFIG: 'ops/policy.yml' })).toBe(
      'changed=true'
    )
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})
