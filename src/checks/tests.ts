/**
 * tests: the environment's functional test command against the target. Runs through `sh -c` (pipes work)
 * with the URL in DATABASE_URL and SUPABASE_DB_URL, captures stdout and stderr (redacted) into tests.txt,
 * gates on the exit status, summarises a JUnit report the command wrote, and kills the whole process
 * group when the run exceeds its time bound.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { parseJunit, type JunitSummary } from '../perf/junit.js'

export const TEST_TIMEOUT_CAP_MS = 30 * 60_000
/** Kept of the output: the head (setup errors) and the tail (the summary), enough for any report. */
const HEAD_BYTES = 1 << 20
const TAIL_BYTES = 4 << 20
const KILL_GRACE_MS = 5_000

export interface TestRunOptions {
  command: string
  databaseUrl: string
  cwd: string
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
      env: { ...process.env, DATABASE_URL: opts.databaseUrl, SUPABASE_DB_URL: opts.databaseUrl },
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

function junitLine(j: JunitSummary): string {
  return `${j.tests} tests, ${j.failures} failures, ${j.errors} errors, ${j.skipped} skipped`
}

export async function runTests(ctx: StageContext): Promise<CheckOutcome> {
  const command = ctx.config.testCommand ?? ctx.env.testCommand
  if (!command) {
    return {
      status: 'skip',
      summary: 'no test command configured',
      reasons: [
        `set test-command in runbook.yml for environment "${ctx.env.name}" or the action's test-command input`
      ],
      details: { command: null, exitCode: null }
    }
  }
  ctx.redactor.addDatabaseUrl(ctx.config.databaseUrl)
  // The command inherits the job env: in verify the backup check (which registers the token) never ran.
  ctx.redactor.add(process.env.SUPABASE_ACCESS_TOKEN?.trim())
  const timeoutMs = Math.min(ctx.env.statementTimeoutMs, TEST_TIMEOUT_CAP_MS)
  const shown = ctx.redactor.redact(command)
  ctx.log.info(`tests: running \`${shown}\` (time limit ${Math.round(timeoutMs / 1000)} s)`)
  const run = await runTestCommand({
    command,
    databaseUrl: ctx.config.databaseUrl,
    cwd: process.cwd(),
    timeoutMs,
    junitPath: process.env.JUNIT_OUTPUT_FILE,
    signal: ctx.signal
  })
  const seconds = (run.durationMs / 1000).toFixed(1)
  const header = [
    `$ ${shown}`,
    `exit code: ${run.exitCode ?? 'none'}${run.signal ? ` (signal ${run.signal})` : ''}, ${seconds} s${run.timedOut ? ', killed at the time limit' : ''}`,
    ...(run.junit ? [`junit (${path.basename(run.junitFile!)}): ${junitLine(run.junit)}`] : []),
    ''
  ]
  ctx.evidence.write('tests.txt', ctx.redactor.redact(header.join('\n') + '\n' + run.output))

  const details = {
    command: shown,
    exitCode: run.exitCode,
    ...(run.junit ? { junit: run.junit } : {}),
    timedOut: run.timedOut,
    durationMs: run.durationMs
  }
  const junitNote = run.junit ? `; junit: ${junitLine(run.junit)}` : ''
  const reasons: string[] = []
  if (run.spawnError)
    reasons.push(`the test command could not start: ${ctx.redactor.redact(run.spawnError)}`)
  if (run.timedOut)
    reasons.push(
      `the test command ran longer than ${Math.round(timeoutMs / 1000)} s and was killed`
    )
  else if (run.exitCode !== 0)
    reasons.push(
      `the test command exited with ${run.exitCode ?? `signal ${run.signal}`}; see tests.txt`
    )
  if (reasons.length > 0) {
    return { status: 'fail', summary: `tests failed in ${seconds} s${junitNote}`, reasons, details }
  }
  if (run.junit && run.junit.failures + run.junit.errors > 0) {
    return {
      status: 'warn',
      summary: `exit 0 in ${seconds} s but the JUnit report has failures${junitNote}`,
      reasons: [
        `the command exited 0 while its JUnit report counts ${run.junit.failures} failures and ${run.junit.errors} errors`
      ],
      details
    }
  }
  return { status: 'pass', summary: `tests passed in ${seconds} s${junitNote}`, details }
}

export const testsCheck: Check = {
  id: 'tests',
  title: 'Functional tests against the target',
  run: runTests
}
