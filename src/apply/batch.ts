/**
 * A migration file's statements sent to the server as one simple-protocol query: one round trip for the file
 * instead of one per statement. On a hosted database each round trip costs 10–100 ms (`supabase db push` sends
 * a file as one batch too).
 *
 * The server's clock is read between statements (`clock_timestamp()`, in the same batch), so each statement's
 * time is measured where it ran, not lost in the batch. Each statement still runs under its own
 * statement_timeout: PostgreSQL 13+ times every statement of a multi-statement query separately. When one fails,
 * the statements before it completed (their timestamps say when) and the server stops there; the transaction
 * is then aborted, as it would be statement by statement.
 */
import pg from 'pg'
import type { SqlStatement } from '../sql/parser.js'

/**
 * Server time in ms since the epoch, as a float (microseconds kept). The tool's own SQL in a batch names
 * pg_catalog's functions in full: a migration may have set search_path before it runs.
 */
export const CLOCK_MS = '(extract(epoch FROM pg_catalog.clock_timestamp()) * 1000)::float8'
const CLOCK = `SELECT ${CLOCK_MS} AS mr_clock_ms`

/** Whole statements separated so that a trailing line comment in one cannot swallow the separator. */
const SEPARATOR = '\n;\n'

/**
 * What runs around the file's statements, in the same batch: SQL statements of the tool's own (each one
 * complete statement), before the first, after each one (`gap`, also after the last), and at the end.
 */
export interface BatchFrame {
  /** What the batch is, as a comment at its top: what pg_stat_activity shows a DBA first. */
  label?: string
  prologue: readonly string[]
  gap: readonly string[]
  epilogue?: readonly string[]
}

const TIMED: BatchFrame = { prologue: [CLOCK], gap: [CLOCK] }

/** The batch text: the prologue, then each statement followed by the gap, then the epilogue. */
export function batchText(statements: readonly SqlStatement[], frame: BatchFrame = TIMED): string {
  const label = frame.label ? `-- ${frame.label.replace(/[\r\n]+/g, ' ')}\n` : ''
  return (
    label +
    [
      ...frame.prologue,
      ...statements.flatMap(s => [s.text, ...frame.gap]),
      ...(frame.epilogue ?? [])
    ].join(SEPARATOR)
  )
}

/** A statement of the batch failed: which one, and the durations of those before it. */
export class BatchStatementError extends Error {
  constructor(
    override readonly cause: unknown,
    /** Index in the statements array of the one that failed. */
    readonly index: number,
    readonly completedMs: number[]
  ) {
    super((cause as Error)?.message ?? String(cause))
  }
}

export interface ResultLike {
  command: string | null
  rows: Record<string, unknown>[]
}

/** pg's Query, counting the commands the server completed (a failure's position in the batch). */
class CountingQuery extends pg.Query {
  completed = 0

  // Called by pg's client once per statement the server completed.
  handleCommandComplete(msg: unknown, connection: unknown): void {
    this.completed++
    const base = pg.Query.prototype as unknown as {
      handleCommandComplete(this: pg.Query, m: unknown, c: unknown): void
    }
    base.handleCommandComplete.call(this, msg, connection)
  }

  /** The results received so far (pg keeps them on the query until it ends). */
  received(): ResultLike[] {
    const results = (this as unknown as { _results: ResultLike | ResultLike[] })._results
    const all = Array.isArray(results) ? results : [results]
    return all.filter(r => r.command !== null)
  }
}

export interface BatchOutcome {
  /** The results of the commands that completed, in order. */
  results: ResultLike[]
  /** Postgres's error, when a command failed. */
  error?: unknown
  /** The statement (index into `statements`) that failed; undefined when the tool's own SQL failed. */
  failedIndex?: number
}

/** Sends the statements, framed, as one simple-protocol query in the client's current transaction. */
export async function sendBatch(
  client: pg.ClientBase,
  statements: readonly SqlStatement[],
  frame: BatchFrame
): Promise<BatchOutcome> {
  const [outcome] = await sendBatches(client, [{ statements, frame }])
  return outcome
}

/** Commands a framed part sends: its prologue, each statement and its gap, its epilogue. */
function commandCount(part: BatchPart): number {
  return (
    part.frame.prologue.length +
    part.statements.length * (1 + part.frame.gap.length) +
    (part.frame.epilogue?.length ?? 0)
  )
}

export interface BatchPart {
  statements: readonly SqlStatement[]
  frame: BatchFrame
}

/**
 * Several framed parts (a file each) as one simple-protocol query: one round trip for all of them. One outcome
 * per part that ran, in order; the server stops at the first failure, so the last outcome is the one with the
 * error and the parts after it have none. Each statement completes exactly one command (the parser splits the
 * files), so the commands completed say where each part's results start and where a failure was.
 */
export async function sendBatches(
  client: pg.ClientBase,
  parts: readonly BatchPart[]
): Promise<BatchOutcome[]> {
  // Only the first part's label: it is what pg_stat_activity shows, the top of the query.
  const text = parts
    .map((p, i) => batchText(p.statements, i === 0 ? p.frame : { ...p.frame, label: undefined }))
    .join(SEPARATOR)
  const query = new CountingQuery(text)
  const error = await new Promise<unknown>(resolve => {
    query.on('end', () => resolve(undefined))
    query.on('error', (e: Error) => resolve(e))
    void client.query(query as unknown as pg.QueryConfig)
  })
  const results = query.received()
  const outcomes: BatchOutcome[] = []
  let first = 0
  for (const part of parts) {
    const count = commandCount(part)
    if (error === undefined || query.completed >= first + count) {
      outcomes.push({ results: results.slice(first, first + count) })
      first += count
      continue
    }
    // The failing command's position in its part: the prologue, then per statement the statement and its gap.
    const at = query.completed - first - part.frame.prologue.length
    const per = 1 + part.frame.gap.length
    const failedIndex =
      at >= 0 && at < part.statements.length * per && at % per === 0 ? at / per : undefined
    outcomes.push({ results: results.slice(first), error, failedIndex })
    return outcomes
  }
  // Every command completed and still an error (the connection ended before the server said it was ready).
  if (error !== undefined) outcomes[outcomes.length - 1].error = error
  return outcomes
}

/** Durations between consecutive clock reads: one per statement that completed. */
function durations(results: ResultLike[]): number[] {
  const clocks = results
    .filter(r => r.command === 'SELECT' && r.rows[0] && 'mr_clock_ms' in r.rows[0])
    .map(r => Number(r.rows[0].mr_clock_ms))
  return clocks.slice(1).map((t, i) => Math.round((t - clocks[i]) * 10) / 10)
}

/** The tool's own statements around a file's in runBatch (each one complete statement, without results). */
export interface BatchAround {
  /** Sent first, untimed: `BEGIN` and the transaction's SET LOCALs ride in the file's round trip. */
  before?: readonly string[]
  /** Sent after each statement's clock read, untimed. */
  after?: readonly string[]
}

/**
 * Runs the statements as one batch in the client's current transaction (or in the one `around.before` opens)
 * and returns each one's duration in ms. Throws BatchStatementError naming the statement that failed.
 */
export async function runBatch(
  client: pg.ClientBase,
  statements: readonly SqlStatement[],
  label?: string,
  around: BatchAround = {}
): Promise<number[]> {
  const before = around.before ?? []
  if (statements.length === 0) {
    if (before.length > 0) await client.query(before.join(';\n'))
    return []
  }
  const outcome = await sendBatch(client, statements, {
    prologue: [...before, CLOCK],
    gap: [CLOCK, ...(around.after ?? [])],
    label
  })
  const completedMs = durations(outcome.results)
  if (outcome.error !== undefined) {
    if (outcome.failedIndex === undefined) throw outcome.error
    throw new BatchStatementError(
      outcome.error,
      outcome.failedIndex,
      completedMs.slice(0, outcome.failedIndex)
    )
  }
  if (completedMs.length !== statements.length)
    throw new Error(
      `the batch of ${statements.length} statement(s) returned ${completedMs.length} timing(s): a statement returned more than one result`
    )
  return completedMs
}
