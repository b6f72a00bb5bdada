/**
 * projectRoot (src/cli.ts): run from inside a project, the CLI finds it above the working directory, as the
 * Supabase CLI finds supabase/config.toml; on a real directory tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { projectRoot } from '../../src/cli.js'

let top: string
const dir = (...parts: string[]) => {
  const p = path.join(top, ...parts)
  mkdirSync(p, { recursive: true })
  return p
}

beforeEach(() => {
  top = mkdtempSync(path.join(os.tmpdir(), 'mr-root-'))
})
afterEach(() => rmSync(top, { recursive: true, force: true }))

test('a Supabase project, from supabase/migrations and from a package beside it', () => {
  dir('app', 'supabase', 'migrations')
  dir('app', 'src', 'lib')
  expect(projectRoot(dir('app', 'supabase', 'migrations'), {})).toBe(path.join(top, 'app'))
  expect(projectRoot(dir('app', 'src', 'lib'), {})).toBe(path.join(top, 'app'))
  expect(projectRoot(dir('app'), {})).toBe(path.join(top, 'app'))
})

test('a migrations/ project is found by its runbook.yml; a bare migrations/ folder above is not a project', () => {
  dir('a', 'migrations')
  writeFileSync(path.join(top, 'a', 'migrations', 'runbook.yml'), 'version: 1\n')
  expect(projectRoot(dir('a', 'migrations'), {})).toBe(path.join(top, 'a'))
  dir('b', 'migrations')
  expect(projectRoot(dir('b', 'tools'), {})).toBe(path.join(top, 'b', 'tools'))
})

test('the walk stops at the top of a repository (.git): a project outside it is not taken', () => {
  dir('outer', 'supabase', 'migrations')
  dir('outer', 'repo', '.git')
  const inside = dir('outer', 'repo', 'src')
  expect(projectRoot(inside, {})).toBe(inside)
  // At the repository's top itself, nothing above is looked at either.
  expect(projectRoot(path.join(top, 'outer', 'repo'), {})).toBe(path.join(top, 'outer', 'repo'))
})

test('a path option keeps the working directory: relative paths mean what was typed', () => {
  dir('p', 'supabase', 'migrations')
  const sub = dir('p', 'supabase', 'migrations')
  for (const option of ['migrations-dir', 'config', 'artifacts-dir', 'env-file', 'baseline-schema'])
    expect(projectRoot(sub, { [option]: 'x' })).toBe(sub)
})
