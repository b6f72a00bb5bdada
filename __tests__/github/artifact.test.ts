import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fallbackNames, uploadEvidence } from '../../src/github/artifact.js'
import {
  fakeRuntimeToken,
  startFakeArtifactService,
  type FakeArtifactService
} from '../helpers/fake-github.js'

const saved = { ...process.env }
let service: FakeArtifactService | undefined
let dir: string
let files: string[]

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mr-artifact-'))
  mkdirSync(path.join(dir, 'staging'))
  files = ['summary.json', 'report.md', 'db-diff.txt'].map(name => {
    const file = path.join(dir, 'staging', name)
    writeFileSync(file, `${name}\n`.repeat(200))
    return file
  })
})

afterEach(async () => {
  process.env = { ...saved }
  await service?.close()
  service = undefined
})

function pointAt(url: string) {
  process.env.ACTIONS_RUNTIME_TOKEN = fakeRuntimeToken()
  process.env.ACTIONS_RESULTS_URL = `${url}/`
  delete process.env.GITHUB_SERVER_URL
}

test('uploads the evidence files and returns the artifact id', async () => {
  service = await startFakeArtifactService({ artifactId: 4242 })
  pointAt(service.url)
  const result = await uploadEvidence({
    name: 'migration-runbook-staging-validate',
    files,
    rootDirectory: dir,
    retentionDays: 30
  })
  expect(result.warning).toBeUndefined()
  expect(result.id).toBe(4242)
  expect(result.size).toBeGreaterThan(0)
  expect(service.created.name).toBe('migration-runbook-staging-validate')
  expect(service.uploadedBytes()).toBeGreaterThan(0)
  const steps = service.requests.map(r => `${r.method} ${r.path.split('?')[0].split('/').pop()}`)
  expect(steps[0]).toBe('POST CreateArtifact')
  expect(steps[steps.length - 1]).toBe('POST FinalizeArtifact')
  expect(service.requests.some(r => r.path.includes('comp=blocklist'))).toBe(true)
})

test('a rejected upload comes back as a warning, not an exception', async () => {
  service = await startFakeArtifactService({ createStatus: 403 })
  pointAt(service.url)
  const result = await uploadEvidence({ name: 'evidence', files, rootDirectory: dir })
  expect(result.id).toBeUndefined()
  expect(result.warning).toMatch(/^Artifact "evidence" was not uploaded: .*403/)
})

test('outside a runner (no runtime token) it warns', async () => {
  delete process.env.ACTIONS_RUNTIME_TOKEN
  const result = await uploadEvidence({ name: 'evidence', files, rootDirectory: dir })
  expect(result.warning).toMatch(/ACTIONS_RUNTIME_TOKEN/)
})

test('no files: a warning, nothing sent', async () => {
  const result = await uploadEvidence({ name: 'evidence', files: [], rootDirectory: dir })
  expect(result.warning).toMatch(/no evidence files/)
})

test('a re-run job (same workflow run, name taken: 409) uploads under a name of its own; the first stays', async () => {
  service = await startFakeArtifactService({ artifactId: 4242 })
  pointAt(service.url)
  const name = 'migration-runbook-production-apply'
  const first = await uploadEvidence({ name, files, rootDirectory: dir, runAttempt: '1' })
  const rerun = await uploadEvidence({ name, files, rootDirectory: dir, runAttempt: '2' })
  expect(first).toMatchObject({ id: 4242, name })
  expect(rerun.warning).toBeUndefined()
  expect(rerun).toMatchObject({ id: 4243, name: `${name}-attempt-2` })
  expect(rerun.notice).toBe(
    `Artifact "${name}" already exists on this workflow run (an earlier attempt or step): this evidence is uploaded as "${name}-attempt-2".`
  )
  // Two steps of one attempt with the same artifact-name: the second is numbered.
  const again = await uploadEvidence({ name, files, rootDirectory: dir, runAttempt: '1' })
  expect(again).toMatchObject({ id: 4244, name: `${name}-2` })
  expect(service.names).toEqual([name, `${name}-attempt-2`, `${name}-2`])
})

test('fallback names: the attempt first on a re-run, then numbered; a bad attempt value is ignored', () => {
  expect(fallbackNames('e', '3')).toEqual([
    'e-attempt-3',
    'e-attempt-3-2',
    'e-attempt-3-3',
    'e-attempt-3-4',
    'e-attempt-3-5'
  ])
  expect(fallbackNames('e', '1')).toEqual(['e-2', 'e-3', 'e-4', 'e-5'])
  expect(fallbackNames('e', 'x')).toEqual(['e-2', 'e-3', 'e-4', 'e-5'])
  expect(fallbackNames('e')).toEqual(['e-2', 'e-3', 'e-4', 'e-5'])
})
