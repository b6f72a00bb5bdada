/**
 * Runs a test command through `sh -c` (pipes work) with the URL in DATABASE_URL and SUPABASE_DB_URL,
 * keeps the head and the tail of its output, finds the JUnit report it wrote, and kills the whole process
 * group when it runs past its time bound or the run is cancelled.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseJunit, type JunitSummary } from '../perf/junit.js'

/** Kept of the output: the head (setup errors) and the tail (the summary), enough for any report. */
const HEAD_BYTES = 1 << 20
const TAIL_BYTES = 4 << 20
const KILL_GRACE_MS = 5_000

export interface TestRunOptions {
  command: string
  databaseUrl: string
  cwd: string
  /** The job's environment the command inherits (the URL variables are set over it). */
  environ: Readonly<Record<string, string | undefined>>
  timeoutMs: number
  /** Where a JUnit report may be written (besides <cwd>/junit.xml). */
  junitPath?: string
  /** A cancelled run stops the test command's whole process group. */
  signal?: AbortSignal
}

export interface TestRun {
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  durationMs: number
  output: string
  junit?: JunitSummary
  junitFile?: string
  spawnError?: string
}

/** Keeps the first and the last bytes of a stream, in the order they arrived. */
class OutputBuffer {
  private head: Buffer[] = []
  private headLen = 0
  private tail: Buffer[] = []
  private tailLen = 0
  private dropped = 0

  push(chunk: Buffer): void {
    if (this.headLen < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - this.headLen)
      this.head.push(take)
      this.headLen += take.length
      chunk = chunk.subarray(take.length)
      if (chunk.length === 0) return
    }
    this.tail.push(chunk)
    this.tailLen += chunk.length
    while (this.tailLen - this.tail[0].length >= TAIL_BYTES) {
      this.dropped += this.tail[0].length
      this.tailLen -= this.tail.shift()!.length
    }
  }

  text(): string {
    let head = Buffer.concat(this.head)
    let tail = Buffer.concat(this.tail)
    if (this.dropped === 0) return Buffer.concat([head, tail]).toString('utf8')
    // Cut at whole lines: a secret split by the cut would be left half-printed, where redaction cannot find it.
    const headEnd = head.lastIndexOf(10) + 1
    const tailStart = tail.indexOf(10) + 1
    const dropped = this.dropped + (head.length - headEnd) + tailStart
    head = head.subarray(0, headEnd)
    tail = tail.subarray(tailStart)
    const gap = `\n[... ${dropped} bytes of output left out ...]\n`
    return head.toString('utf8') + gap + tail.toString('utf8')
  }
}

function findJunit(
  cwd: string,
  startedMs: number,
  junitPath?: string
): { file: string; summary: JunitSummary } | undefined {
  const candidates = [
    junitPath ? path.resolve(cwd, junitPath) : undefined,
    path.join(cwd, 'junit.xml')
  ]
  for (const file of candidates) {
    if (!file || !existsSync(file)) continue
    // Written by this run, not left over from an earlier one (1 s slack for coarse file-system clocks).
    if (statSync(file).mtimeMs < startedMs - 1000) continue
    const summary = parseJunit(readFileSync(file, 'utf8'))
    if (summary) return { file, summary }
  }
  return undefined
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

export function runTestCommand(opts: TestRunOptions): Promise<TestRun> {
  const startedMs = Date.now()
  const out = new OutputBuffer()
  return new Promise(resolve => {
    // detached: the shell leads its own process group, so a timeout kills its children (pipes, npm, jest) too.
    const child = spawn('sh', ['-c', opts.command], {
      cwd: opts.cwd,
      env: { ...opts.environ, DATABASE_URL: opts.databaseUrl, SUPABASE_DB_URL: opts.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    let timedOut = false
    let spawnError: string | undefined
    let graceTimer: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid, 'SIGTERM')
      graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS)
    }, opts.timeoutMs)
    const onAbort = () => {
      killGroup(child.pid, 'SIGTERM')
      graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2_000)
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => out.push(c))
    let done = false
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      if (graceTimer) clearTimeout(graceTimer)
      opts.signal?.removeEventListener('abort', onAbort)
      const junit = findJunit(opts.cwd, startedMs, opts.junitPath)
      resolve({
        exitCode: code,
        signal: signal ?? null,
        timedOut,
        durationMs: Date.now() - startedMs,
        output: out.text(),
        ...(junit ? { junit: junit.summary, junitFile: junit.file } : {}),
        ...(spawnError ? { spawnError } : {})
      })
    }
    child.on('error', e => {
      spawnError = e.message
      finish(null, null)
    })
    // Background processes the command left behind would hold the pipes open (and outlive the check).
    child.on('exit', () => killGroup(child.pid, 'SIGKILL'))
    child.on('close', (code, signal) => finish(code, signal))
  })
}

/** The JUnit report in one line, for the summary and tests.txt. */
export function junitLine(j: JunitSummary): string {
  return `${j.tests} tests, ${j.failures} failures, ${j.errors} errors, ${j.skipped} skipped`
}
