#!/usr/bin/env node
// Validates action.yml and every workflow against GitHub's JSON schemas (action-validator takes one
// file per run), and refuses pull_request_target: it runs with secrets and a write token on code
// from forks; remote actions must be pinned to a ref, third-party ones to a full commit SHA. Exit 1 on any failure. Usage: node scripts/validate-workflows.mjs [repo root]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(process.argv[2] ?? '.')
const validator = path.join(root, 'node_modules', '.bin', 'action-validator')
if (!existsSync(validator)) {
  console.error(`action-validator not found at ${validator}; run npm ci first`)
  process.exit(2)
}

const workflowsDir = path.join(root, '.github', 'workflows')
const workflows = existsSync(workflowsDir)
  ? readdirSync(workflowsDir)
      .filter(f => f.endsWith('.yml') || f.endsWith('.yaml'))
      .sort()
      .map(f => path.join(workflowsDir, f))
  : []
const files = [path.join(root, 'action.yml'), path.join(root, 'action.yaml')]
  .filter(f => existsSync(f))
  .concat(workflows)

const failures = []
for (const file of files) {
  const rel = path.relative(root, file)
  let run = spawnSync(validator, [file], { encoding: 'utf8' })
  let note = ''
  // action-validator 0.6.0's schema predates `using: node24`; judge the rest of the file as node20.
  const text = readFileSync(file, 'utf8')
  if (run.status !== 0 && !rel.startsWith('.github') && /using:\s*['"]?node24\b/.test(text)) {
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'mr-action-')), 'action.yml')
    writeFileSync(copy, text.replace(/(using:\s*['"]?)node24\b/, '$1node20'))
    run = spawnSync(validator, [copy], { encoding: 'utf8' })
    note = ' (node24 checked as node20: the validator schema predates node24)'
  }
  // Glob validation is unsupported upstream and only warns; keep the output for real errors.
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
    .split('\n')
    .filter(l => l.trim() !== '' && !l.startsWith('WARNING: Glob validation is not yet supported'))
    .join('\n')
  if (run.status === 0) {
    console.log(`ok    ${rel}${note}`)
  } else {
    failures.push(rel)
    console.log(`FAIL  ${rel}\n${output || run.error?.message || `exit ${run.status}`}`)
  }
  if (rel.startsWith('.github')) {
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      if (/^\s*[^#]*\bpull_request_target\b/.test(line)) {
        failures.push(`${rel}:${i + 1}`)
        console.log(`FAIL  ${rel}:${i + 1}: uses pull_request_target; use pull_request instead`)
      }
      // Remote actions need a ref (a major version tag or a commit): unpinned means the default branch.
      const uses = /^\s*(?:-\s*)?uses:\s*['"]?([^'"\s#]+)/.exec(line)
      if (
        uses &&
        !uses[1].startsWith('./') &&
        !uses[1].startsWith('docker://') &&
        !uses[1].includes('@')
      ) {
        failures.push(`${rel}:${i + 1}`)
        console.log(`FAIL  ${rel}:${i + 1}: ${uses[1]} is not pinned; add @v<major> or @<sha>`)
      }
      // Third-party actions by full commit SHA (a tag can be moved); Migration Runbook's own action and
      // reusable workflow may follow a release tag (@v1).
      if (
        uses &&
        uses[1].includes('@') &&
        !/^[^/]+\/migration-runbook(\/|@)/.test(uses[1]) &&
        !/@[0-9a-f]{40}$/.test(uses[1])
      ) {
        failures.push(`${rel}:${i + 1}`)
        console.log(
          `FAIL  ${rel}:${i + 1}: ${uses[1]} is a third-party action pinned by tag; pin it by full commit SHA with the version in a comment`
        )
      }
    })
  }
}

if (workflows.length === 0) {
  failures.push('.github/workflows')
  console.log('FAIL  no workflow files found under .github/workflows')
}
console.log(
  `\n${files.length} file(s) checked, ${failures.length === 0 ? 'all valid' : `${failures.length} failure(s): ${failures.join(', ')}`}`
)
process.exit(failures.length === 0 ? 0 : 1)
