/**
 * Secret scrubbing. The database URL and its password are registered the moment they are read, in every
 * form they could be printed in (raw, percent-encoded, decoded, form-encoded), and replaced by *** in every
 * log line, evidence file, comment and error message.
 */
export type SecretSink = (secret: string) => void

export class Redactor {
  private readonly secrets = new Set<string>()
  private readonly sinks: SecretSink[] = []

  /** Called for each secret form, e.g. core.setSecret in the action. */
  onSecret(sink: SecretSink): void {
    this.sinks.push(sink)
    for (const s of this.secrets) sink(s)
  }

  add(secret: string | undefined): void {
    if (!secret || secret.length < 3 || this.secrets.has(secret)) return
    this.secrets.add(secret)
    for (const sink of this.sinks) sink(secret)
  }

  /** Registers a connection string: the whole URL, its password and user:password in all encodings. */
  addDatabaseUrl(url: string): void {
    this.add(url)
    let parsed: URL
    try {
      parsed = new URL(url)
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
    this.add(parsed.toString())
  }

  redact(text: string): string {
    if (!text) return text
    let out = text
    // Longest first so a URL is replaced whole before its password inside it.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join('***')
    }
    return out
  }

  /** A copy of an error whose message and Postgres fields are scrubbed. */
  redactError(error: unknown): Error {
    const e = error instanceof Error ? error : new Error(String(error))
    const copy = new Error(this.redact(e.message))
    copy.name = e.name
    for (const key of [
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
