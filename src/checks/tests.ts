/**
 * tests: the environment's functional test command against the target (run by src/tests-runner/run.ts):
 * stdout and stderr (redacted) into tests.txt, gated on the exit status, with the summary of a JUnit report
 * the command wrote.
 */
import path from 'node:path'
import type { Check, CheckOutcome, StageContext } from '../types.js'
import type { JunitSummary } from '../perf/junit.js'
import { junitLine, runTestCommand } from '../tests-runner/run.js'

export const TEST_TIMEOUT_CAP_MS = 30 * 60_000

/** What the tests check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    tests: TestsDetails
  }
}

export interface TestsDetails {
  /** The command as shown (redacted); null when none is configured. */
  command: string | null
  exitCode: number | null
  junit?: JunitSummary
  timedOut?: boolean
  durationMs?: number
}

export async function runTests(ctx: StageContext): Promise<CheckOutcome<TestsDetails>> {
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
  ctx.redactor.add(ctx.facts.tokens.supabaseAccess)
  const timeoutMs = Math.min(ctx.env.statementTimeoutMs, TEST_TIMEOUT_CAP_MS)
  const shown = ctx.redactor.redact(command)
  ctx.log.info(`tests: running \`${shown}\` (time limit ${Math.round(timeoutMs / 1000)} s)`)
  const run = await runTestCommand({
    command,
    databaseUrl: ctx.config.databaseUrl,
    cwd: ctx.facts.root,
    environ: ctx.facts.environ,
    timeoutMs,
    junitPath: ctx.facts.environ.JUNIT_OUTPUT_FILE,
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

  const details: TestsDetails = {
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

export const testsCheck: Check<'tests'> = {
  id: 'tests',
  title: 'Functional tests against the target',
  run: runTests,
  // Runs the project's suite for minutes: not watched for lock waits.
  long: true
}
