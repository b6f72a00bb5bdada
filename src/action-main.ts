/**
 * The action's process. A cancelled job gets SIGINT (then SIGTERM 7.5 s later, then SIGKILL): the first
 * signal cancels the run, which still writes its evidence and updates the PR comment. The exit code is
 * set explicitly at the end.
 */
import { runAction } from './action.js'
import { trapSignals } from './cancel.js'

const trap = trapSignals({
  hardDeadlineMs: 9_000,
  exit: code => process.exit(code),
  onFirst: sig =>
    process.stdout.write(
      `received ${sig}: cancelling the running statement, rolling back, writing the evidence and the comment\n`
    )
})
await runAction(process.env, trap.signal)
trap.dispose()
process.exit(
  typeof process.exitCode === 'number' && process.exitCode !== 0
    ? process.exitCode
    : trap.received()
      ? 1
      : 0
)
