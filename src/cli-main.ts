#!/usr/bin/env node
/**
 * The CLI's process: signals in, an exit code out. The code is passed to process.exit explicitly once
 * everything is stopped, so no dependency's exit hook can change it.
 */
import { runCli } from './cli.js'
import { trapSignals } from './cancel.js'

// pg asks whether it runs on Cloudflare Workers by reading navigator.userAgent. Node 20 has no navigator, so pg
// builds a Response to find out, which loads Node's whole fetch stack (~40 ms of every run). Node 21+ defines
// navigator.userAgent itself ("Node.js/<major>"): Node 20 gets the same answer. (The action runs on Node 24.)
if (typeof (globalThis as { navigator?: unknown }).navigator === 'undefined')
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
    configurable: true,
    writable: true
  })

/**
 * The log's lines, written once per turn of the event loop: a run logs ~200 lines, many in bursts (the lint's lock
 * table, apply's statements), and on Linux each write to a pipe is a blocking system call. Flushed before stdout
 * is written and before the process exits, so nothing is reordered or lost.
 */
function lineWriter(stream: NodeJS.WriteStream): {
  write: (text: string) => void
  flush: () => void
} {
  let pending = ''
  const flush = (): void => {
    if (!pending) return
    const text = pending
    pending = ''
    stream.write(text)
  }
  return {
    write: text => {
      if (!pending) setImmediate(flush)
      pending += text.endsWith('\n') ? text : text + '\n'
    },
    flush
  }
}
const log = lineWriter(process.stderr)

const exit = (code: number): never => {
  log.flush()
  // Let what is already written to a pipe drain first.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
  // A closed pipe never calls back: leave anyway.
  setTimeout(() => process.exit(code), 2_000).unref()
  return undefined as never
}

const trap = trapSignals({
  hardDeadlineMs: 9_000,
  exit: code => {
    log.flush()
    process.exit(code)
  },
  onFirst: sig =>
    log.write(
      `\nreceived ${sig}: cancelling the running statement, rolling back, writing the evidence (send it again to exit at once)\n`
    )
})

let code: number
try {
  code = await runCli(process.argv.slice(2), {
    out: text => {
      log.flush()
      process.stdout.write(text.endsWith('\n') ? text : text + '\n')
    },
    err: log.write,
    env: process.env,
    cwd: process.cwd(),
    signal: trap.signal
  })
} catch (e) {
  // runCli reports every error itself (redacted); this is a last resort that prints no message, which
  // could hold a secret.
  log.write(`error: internal failure (${(e as Error)?.name ?? 'unknown'})`)
  code = 1
}
trap.dispose()
exit(trap.received() && code === 0 ? 1 : code)
