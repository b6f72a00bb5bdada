/**
 * The doors users knock on: the committed bundles (`dist/cli/index.js`, `dist/index.js`) run as child
 * processes, as a shell or a runner starts them. Nothing here imports src/.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// MR_DIST: a private build (scripts/build.mjs with MR_BUILD_OUT), so a test run is not hit by a rebuild of dist/.
const DIST = process.env.MR_DIST ? path.resolve(process.env.MR_DIST) : path.join(ROOT, 'dist')
export const CLI = path.join(DIST, 'cli', 'index.js')
export const ACTION = path.join(DIST, 'index.js')

/** The checks of validate (and the head of apply), in the stage table's order, as a report lists them. */
export const VALIDATE_ORDER = [
  'connection',
  'flags',
  'pooler',
  'backup',
  'drift',
  'long-transactions',
  'extensions',
  'lint',
  'lock-holders',
  'table-sizes',
  'conflicts',
  'rehearsal',
  'tests-preflight'
]

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface Running {
  child: ChildProcessWithoutNullStreams
  /** Resolves when stderr or stdout has printed a line matching `pattern` (rejects on exit or timeout). */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>
  done: Promise<Finished>
  output: () => { stdout: string; stderr: string }
}

/** A minimal environment: no DATABASE_URL or GitHub variables leak in from the test runner. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...extra }
}

export function start(
  entry: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv }
): Running {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? baseEnv()
  })
  let stdout = ''
  let stderr = ''
  const watchers: { pattern: RegExp; resolve: () => void }[] = []
  const check = () => {
    for (const w of [...watchers])
      if (w.pattern.test(stderr) || w.pattern.test(stdout)) {
        watchers.splice(watchers.indexOf(w), 1)
        w.resolve()
      }
  }
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString()
    check()
  })
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString()
    check()
  })
  const done = new Promise<Finished>(resolve =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
  return {
    child,
    done,
    output: () => ({ stdout, stderr }),
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}\nstderr:\n${stderr}`)),
          timeoutMs
        )
        const w = {
          pattern,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          }
        }
        watchers.push(w)
        check()
        void done.then(() => {
          if (watchers.includes(w)) {
            clearTimeout(timer)
            reject(new Error(`exited before ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`))
          }
        })
      })
    }
  }
}

/** Runs the CLI bundle to the end. */
export function cli(
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<Finished> {
  return start(CLI, args, opts).done
}
