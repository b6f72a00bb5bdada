/**
 * tests-preflight (validate): the environment's test command can start on this machine: its programs, npm
 * scripts and node script files exist (src/shell/preflight.ts), and nothing is run. A fresh runner without
 * `npm ci` then fails here, before apply, instead of after the change with "Cannot find module".
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { preflightTestCommand } from '../shell/preflight.js'

/** What the tests-preflight check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    'tests-preflight': TestsPreflightDetails
  }
}

export interface TestsPreflightDetails {
  /** The test command as shown (secrets masked); null when none is configured. */
  command: string | null
  /** What was found, one line per program or script (and what could not be analysed). */
  checked?: string[]
}

export async function runTestsPreflight(
  ctx: StageContext
): Promise<CheckOutcome<TestsPreflightDetails>> {
  const command = ctx.config.testCommand ?? ctx.env.testCommand
  if (!command) {
    return {
      status: 'skip',
      summary: 'no test command configured',
      details: { command: null }
    }
  }
  const shown = ctx.redactor.redact(command)
  const result = preflightTestCommand(command, ctx.facts.root, ctx.facts.environ.PATH ?? '')
  const details: TestsPreflightDetails = { command: shown, checked: result.checked }
  if (result.problems.length > 0) {
    return {
      status: 'fail',
      summary: `the test command \`${shown}\` cannot start here: ${result.problems[0]}`,
      reasons: result.problems,
      details
    }
  }
  return { status: 'pass', summary: `the test command \`${shown}\` can start`, details }
}

export const testsPreflightCheck: Check<'tests-preflight'> = {
  id: 'tests-preflight',
  title: 'Test command can start',
  run: async ctx => runTestsPreflight(ctx)
}
