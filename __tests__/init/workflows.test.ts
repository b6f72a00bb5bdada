/**
 * The SARIF upload of the PR workflows (this repository's and the one `init` writes): the lint step never
 * fails the job, the upload runs even after a failed step and is pinned by commit, and only the job
 * that uploads may write security events. Nothing in it needs a secret, so it works on fork PRs.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { renderPrWorkflow } from '../../src/init/workflows.js'

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
    expect(steps[lint].run).toBe(`${command} --format sarif "$MIGRATIONS_DIR" > lint.sarif || true`)
    expect(steps[upload].if).toBe('always()')
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
