/**
 * The parser's WASM stays on V8's baseline tier (keepWasmOnBaselineTier in src/sql/parser.ts). Recompiling
 * libpg_query's parser function with TurboFan costs ~1 s of CPU, and the process cannot exit before it is done:
 * 0.8 s at the end of every run on Node 24, the action's runtime, where the entry points' `--liftoff-only` did not
 * take. V8's own trace of the built CLI says whether any WASM function was recompiled (with the flags turned back
 * on, `lint migrations` recompiles 35 here).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI, baseEnv } from './processes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

test('lint of the migrations folder compiles no WASM function with TurboFan', () => {
  const r = spawnSync(
    process.execPath,
    ['--trace-wasm-compilation-times', CLI, 'lint', 'migrations'],
    { cwd: ROOT, env: baseEnv(), encoding: 'utf8' }
  )
  expect(r.status).toBe(0)
  const trace = r.stdout + r.stderr
  // The trace is on and the parser ran: its baseline compiles are listed.
  expect(trace).toMatch(/using Liftoff/)
  expect(trace).toContain('0 error(s)')
  expect(trace.match(/.*using TurboFan.*/g) ?? []).toEqual([])
})
