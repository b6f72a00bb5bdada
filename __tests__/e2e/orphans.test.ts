/**
 * A rehearsal killed outright (SIGKILL, the OOM killer) runs no exit handler: its throwaway Postgres went on
 * running without a parent, its data folder left in the temp dir (found by trying the CLI as a hostile user).
 * The next run that starts a throwaway stops it and removes the folder, and says so. A closed terminal (SIGHUP)
 * is a cancellation, like SIGINT: the run stops its own server.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseEnv, cli, CLI, start } from './processes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'supabase-app')

let repo: string
beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-orphans-'))
  cpSync(FIXTURE, repo, { recursive: true })
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
})
afterEach(() => rmSync(repo, { recursive: true, force: true }))

/** The data folders of the throwaway servers a process started. */
const dataDirsOf = (pid: number) =>
  readdirSync(os.tmpdir())
    .filter(n => n.startsWith(`migration-runbook-pg-${pid}-`))
    .map(n => path.join(os.tmpdir(), n))

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const until = async (ok: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise(r => setTimeout(r, 100)))
    if (ok()) return true
  return ok()
}

test('SIGKILL leaves the server running; the next run stops it, removes its folder and says so', async () => {
  const run = start(CLI, ['rehearse', '--artifacts-dir', 'artifacts', '--demo-rows', '0'], {
    cwd: repo,
    env: baseEnv()
  })
  await run.waitFor(/=== 1\/\d validate ===/)
  const pid = run.child.pid as number
  const [dir] = dataDirsOf(pid)
  expect(dir).toBeDefined()
  const postmaster = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])
  run.child.kill('SIGKILL')
  await run.done
  // What the user had before: an orphan, still serving.
  expect(alive(postmaster)).toBe(true)
  expect(existsSync(dir)).toBe(true)

  const next = await cli(['validate', '--env', 'staging', '--embedded', '--artifacts-dir', 'a2'], {
    cwd: repo,
    env: baseEnv()
  })
  expect(next.stdout + next.stderr).toContain(
    `removed an orphaned throwaway Postgres: ${dir} (left by process ${pid}, which is gone)`
  )
  expect(next.code).toBe(0)
  expect(await until(() => !alive(postmaster))).toBe(true)
  expect(existsSync(dir)).toBe(false)
}, 120_000)

test('SIGHUP (a closed terminal) cancels the rehearsal like SIGINT: exit 1, its server stopped, its folder gone', async () => {
  const run = start(CLI, ['rehearse', '--artifacts-dir', 'artifacts', '--demo-rows', '0'], {
    cwd: repo,
    env: baseEnv()
  })
  await run.waitFor(/=== 1\/\d validate ===/)
  const pid = run.child.pid as number
  const [dir] = dataDirsOf(pid)
  const postmaster = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])
  run.child.kill('SIGHUP')
  const done = await run.done
  expect(done.stderr + done.stdout).toContain('received SIGHUP')
  expect(done.code).toBe(1)
  expect(await until(() => !alive(postmaster))).toBe(true)
  expect(existsSync(dir)).toBe(false)
}, 120_000)
