#!/usr/bin/env node
/**
 * The CLI's process: signals in, an exit code out. The code is passed to process.exit explicitly once
 * everything is stopped, so no dependency's exit hook can change it.
 */
import { setFlagsFromString } from 'node:v8'
import { runCli } from './cli.js'
import { trapSignals } from './cancel.js'

// A lint run is short: optimising the parser's WASM (TurboFan tier-up) costs more CPU than it saves there
// (measured on 100 files: 1.0 s of CPU with it, 0.4 s with the baseline compiler only). V8 reads the flag
// when the module is compiled, on first use of the parser, so it is set before anything loads it.
if (process.argv.slice(2).includes('lint')) setFlagsFromString('--liftoff-only')

const exit = (code: number): never => {
  // Let what is already written to a pipe drain first.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
  // A closed pipe never calls back: leave anyway.
  setTimeout(() => process.exit(code), 2_000).unref()
  return undefined as never
}

const trap = trapSignals({
  hardDeadlineMs: 9_000,
  exit: code => process.exit(code),
  onFirst: sig =>
    process.stderr.write(
      `\nreceived ${sig}: cancelling the running statement, rolling back, writing the evidence (send it again to exit at once)\n`
    )
})

let code: number
try {
  code = await runCli(process.argv.slice(2), {
    out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    env: process.env,
    cwd: process.cwd(),
    signal: trap.signal
  })
} catch (e) {
  // runCli reports every error itself (redacted); this is a last resort that prints no message, which
  // could hold a secret.
  process.stderr.write(`error: internal failure (${(e as Error)?.name ?? 'unknown'})\n`)
  code = 1
}
trap.dispose()
exit(trap.received() && code === 0 ? 1 : code)
