/**
 * Secret scrubbing. The database URL and its password are registered the moment they are read, in every
 * form they could be printed in (raw, percent-encoded, decoded, form-encoded), and replaced by *** in every
 * log line, evidence file, comment and error message.
 */
import { parseDatabaseUrl } from '../db/target.js'

export type SecretSink = (secret: string) => void

const ELLIPSIS = '…'
/** What a row's values are replaced by when they are hidden. */
const HIDDEN = 'values hidden: conflicts-sample is 0'
/** A cut secret shorter than this is left alone (as add() ignores secrets shorter than 3). */
const MIN_CUT = 3

/** Whether the first k characters of `secret` are the k characters of `text` before `end`. */
function endsWithStartOf(text: string, end: number, secret: string, k: number): boolean {
  for (let i = 0; i < k; i++)
    if (text.charCodeAt(end - k + i) !== secret.charCodeAt(i)) return false
  return true
}

/** Length of the longest start of a secret (at least MIN_CUT long) that ends at `end` in `text`, else 0. */
function longestCutSecret(text: string, end: number, secrets: string[]): number {
  let best = 0
  for (const s of secrets) {
    for (let k = Math.min(s.length - 1, end); k >= Math.max(MIN_CUT, best + 1); k--) {
      if (endsWithStartOf(text, end, s, k)) {
        best = k
        break
      }
    }
  }
  return best
}

/**
 * Where PostgreSQL's messages quote a row's values: a key (unique, foreign key, exclusion, a unique index's build),
 * a failing row (check, not null), a value a cast refused. Each is masked as (group 1) … (last group). The column
 * names (or an index's expressions, lower(email)) and the constraint stay: they say what failed. Lazy up to
 * PostgreSQL's own wording after the value, so a value holding a parenthesis is still masked whole; a line cut in
 * the middle of a value is masked to its end.
 */
const ROW_VALUES: RegExp[] = [
  /(Key \([\s\S]*?\)=\()[\s\S]*?(\) (?:already exists|is not present in table|is still referenced from table|conflicts with (?:existing )?key|is duplicated)|…|$)/g,
  /((?:conflicts with (?:existing )?key) \([\s\S]*?\)=\()[\s\S]*?(\)\.(?=\s|;|"|\\|$)|…|$)/g,
  /(Failing row contains \()[\s\S]*?(\)\.(?=\s|;|"|\\|$)|…|$)/g,
  /(invalid input (?:syntax|value) for (?:type )?[^:"\n]+: \\?")[^\n]*?(\\?"|…|$)/g
]

export class Redactor {
  private readonly secrets = new Set<string>()
  /** conflicts-sample: 0: no value of a row of the environment is shown, in PostgreSQL's messages either. */
  private rowValuesHidden = false
  /**
   * Secrets masked only whole: the URL forms, whose start (postgres://postgres:) is no secret and begins many
   * words (a log line cut at "…_for_pos…" was masked). A URL cut inside its password still has the password's
   * start before the ellipsis, which is matched as the password.
   */
  private readonly wholeOnly = new Set<string>()
  private readonly sinks: SecretSink[] = []
  /** The secrets longest first: sorted on the first redact after a change, not for every line. */
  private longestFirst: string[] | undefined
  /** longestFirst without wholeOnly. */
  private cutCandidates: string[] | undefined

  /** Called for each secret form, e.g. core.setSecret in the action. */
  onSecret(sink: SecretSink): void {
    this.sinks.push(sink)
    for (const s of this.secrets) sink(s)
  }

  add(secret: string | undefined, opts: { wholeOnly?: boolean } = {}): void {
    if (opts.wholeOnly && secret) this.wholeOnly.add(secret)
    if (!secret || secret.length < 3 || this.secrets.has(secret)) return
    this.secrets.add(secret)
    this.longestFirst = undefined
    this.cutCandidates = undefined
    for (const sink of this.sinks) sink(secret)
  }

  /**
   * Registers a secret written inside SQL, e.g. a role's PASSWORD '...' (see rolePasswordsIn), in the forms
   * logs and evidence quote it: as the server reads it, quotes doubled ('it''s'), backslash-escaped
   * (E'it\'s'), doubled twice (a string inside a DO block's EXECUTE '...'), each also JSON-escaped.
   */
  addSqlSecret(value: string): void {
    const doubled = value.replace(/'/g, "''")
    const forms = [
      value,
      doubled,
      doubled.replace(/'/g, "''"),
      value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
    ]
    for (const f of forms) {
      this.add(f)
      this.add(JSON.stringify(f).slice(1, -1))
    }
  }

  /** Registers a connection string: the whole URL, its password and user:password in all encodings. */
  addDatabaseUrl(url: string): void {
    this.add(url, { wholeOnly: true })
    let parsed: URL
    try {
      parsed = parseDatabaseUrl(url)
    } catch {
      return
    }
    // libpq also takes the password as a query parameter (?password=...).
    const rawPassword =
      parsed.password || encodeURIComponent(parsed.searchParams.get('password') ?? '')
    if (!rawPassword) return
    const forms = new Set<string>([rawPassword])
    try {
      forms.add(decodeURIComponent(rawPassword))
    } catch {
      // malformed percent-encoding: the raw form is still registered
    }
    for (const f of [...forms]) {
      forms.add(encodeURIComponent(f))
      forms.add(encodeURIComponent(f).replace(/%20/g, '+'))
      forms.add(new URLSearchParams({ p: f }).toString().slice(2))
      forms.add(JSON.stringify(f).slice(1, -1))
    }
    for (const f of forms) this.add(f)
    // The URL without the scheme, and as node's URL serialises it.
    this.add(parsed.toString(), { wholeOnly: true })
  }

  /**
   * From now on, the values PostgreSQL quotes from rows (ROW_VALUES) are masked too: a policy of conflicts-sample: 0
   * keeps rows out of the evidence and the PR comment, and a failed statement's DETAIL would put them back.
   */
  hideRowValues(): void {
    this.rowValuesHidden = true
  }

  redact(text: string): string {
    if (!text) return text
    let out = this.rowValuesHidden ? maskRowValues(text) : text
    // Longest first so a URL is replaced whole before its password inside it.
    this.longestFirst ??= [...this.secrets].sort((a, b) => b.length - a.length)
    const secrets = this.longestFirst
    for (const s of secrets) {
      if (out.includes(s)) out = out.split(s).join('***')
    }
    if (!out.includes(ELLIPSIS)) return out
    this.cutCandidates ??= secrets.filter(s => !this.wholeOnly.has(s))
    return this.redactCutSecrets(out, this.cutCandidates)
  }

  /**
   * Statement texts are shortened for logs ("CREATE ROLE app PASSWORD 'correct horse…"): a secret cut by
   * the ellipsis is no longer found whole, so a start of a secret right before an ellipsis is masked too.
   */
  private redactCutSecrets(text: string, secrets: string[]): string {
    let out = text
    for (let at = out.indexOf(ELLIPSIS); at >= 0; at = out.indexOf(ELLIPSIS, at + 1)) {
      const end = out[at - 1] === ' ' ? at - 1 : at
      const cut = longestCutSecret(out, end, secrets)
      if (cut > 0) {
        out = out.slice(0, end - cut) + '***' + out.slice(end)
        at += 3 - cut
      }
    }
    return out
  }

  /** A copy of an error whose message and Postgres fields are scrubbed. */
  redactError(error: unknown): Error {
    // Duck-typed, not instanceof: an error made in another realm (a vm context, Node's core under a test runner)
    // keeps its code and fields too.
    const e = isErrorLike(error) ? error : new Error(String(error))
    const copy = new Error(this.redact(e.message))
    copy.name = e.name
    for (const key of [
      'severity',
      'code',
      'detail',
      'hint',
      'position',
      'where',
      'constraint',
      'table',
      'schema'
    ] as const) {
      const v = (e as unknown as Record<string, unknown>)[key]
      if (typeof v === 'string') (copy as unknown as Record<string, unknown>)[key] = this.redact(v)
    }
    if (e.stack) copy.stack = this.redact(e.stack)
    return copy
  }
}

/** The values of rows PostgreSQL quotes in its messages (ROW_VALUES), masked; column names and constraints kept. */
export function maskRowValues(text: string): string {
  if (!/Key \(|Failing row contains|invalid input/.test(text)) return text
  let out = text
  for (const re of ROW_VALUES) out = out.replace(re, `$1${HIDDEN}$2`)
  return out
}

/** An Error, or an object shaped like one (from another realm: instanceof Error is false there). */
export function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { message?: unknown }).message === 'string' &&
      typeof (value as { name?: unknown }).name === 'string')
  )
}
