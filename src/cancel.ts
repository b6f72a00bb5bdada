/**
 * Cancellation of a run (a cancelled GitHub job sends SIGINT then SIGTERM; Ctrl-C sends SIGINT). The front
 * doors own the signal handlers and an AbortController; the engine only reads the AbortSignal.
 */

/** Thrown where a run stops because it was cancelled (checked between statements, during waits). */
export class CancelledError extends Error {
  override name = 'CancelledError'
  constructor(message = 'the run was cancelled') {
    super(message)
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) throw new CancelledError(what ? `cancelled before ${what}` : undefined)
}

/** setTimeout as a promise that rejects with CancelledError as soon as the signal fires. */
export function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError())
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms)
    )
    const onAbort = () => {
      clearTimeout(timer)
      reject(new CancelledError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export interface SignalTrap {
  signal: AbortSignal
  /** The name of the first signal received, once one was. */
  received: () => NodeJS.Signals | undefined
  dispose: () => void
}

/**
 * First SIGINT/SIGTERM/SIGHUP: abort (the engine cancels its statements, rolls back, writes the evidence and returns),
 * with a hard deadline after which the process exits anyway. Second signal: exit at once.
 */
export function trapSignals(opts: {
  onFirst: (signal: NodeJS.Signals) => void
  exit: (code: number) => void
  hardDeadlineMs: number
}): SignalTrap {
  const controller = new AbortController()
  let first: NodeJS.Signals | undefined
  let deadline: NodeJS.Timeout | undefined
  const handler = (sig: NodeJS.Signals) => {
    if (first) {
      opts.exit(130)
      return
    }
    first = sig
    opts.onFirst(sig)
    controller.abort(new CancelledError(`cancelled by ${sig}`))
    deadline = setTimeout(() => opts.exit(130), opts.hardDeadlineMs)
    deadline.unref()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  // A closed terminal or a dropped ssh session: by default the process dies at once, leaving its statement
  // running on the server and a throwaway Postgres without a parent.
  process.on('SIGHUP', handler)
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
      process.off('SIGHUP', handler)
      if (deadline) clearTimeout(deadline)
    }
  }
}
