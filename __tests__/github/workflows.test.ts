/**
 * The workflows' gating and concurrency, read from the YAML GitHub runs. A required check must
 * report on every PR and fail when a migration job fails; a read-only stage must never share the
 * environment's concurrency group, where it would cancel a pending apply.
 */
import { readFileSync } from 'node:fs'
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
