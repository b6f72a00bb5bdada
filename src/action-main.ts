/**
 * The action's process. A cancelled job gets SIGINT (then SIGTERM 7.5 s later, then SIGKILL): the first
 * signal cancels the run, which still writes its evidence and updates the PR comment. The exit code is
 * set explicitly at the end.
 */
import module from 'node:module'
import { runAction } from './action.js'
import { trapSignals } from './cancel.js'

// Node 22.1+ can keep V8's compiled code of the chunks loaded from here on (the engine, ~1.4 MB) on disk and
// reuse it next run (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off): ~20 ms of
// start-up on Node 24, measured to the first line. Node 20 has no such cache.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

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
