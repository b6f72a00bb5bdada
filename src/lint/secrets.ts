/** Connection strings with a password in any text (SQL, comments, YAML, Markdown). The password is never echoed. */
import { lineColumn } from '../sql/parser.js'

export interface SecretHit {
  line: number
  column: number
  /** The connection string with user and password masked, e.g. postgres://***:***@db.example.com */
  masked: string
}

const URL_WITH_PASSWORD =
  /\b([a-z][a-z0-9+.-]*):\/\/([^\s:/?#@'"`]+):([^\s@/'"`]+)@([^\s/:?#'"`]+)/gi
const KEYWORD_PASSWORD = /\bpassword\s*=\s*('[^']+'|[^\s'"]+)/gi
/** Template placeholders are not secrets: ${VAR}, $VAR, <password>, ***. */
const PLACEHOLDER = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[^>]*>|\*+|\{\{.*\}\}|%[sv])$/

export function findConnectionPasswords(text: string): SecretHit[] {
  const hits: SecretHit[] = []
  for (const m of text.matchAll(URL_WITH_PASSWORD)) {
    if (PLACEHOLDER.test(m[3])) continue
    hits.push({ ...lineColumn(text, m.index ?? 0), masked: `${m[1]}://***:***@${m[4]}` })
  }
  // libpq key=value strings: only when the line reads as a connection string (host= or dbname= next to it).
  for (const m of text.matchAll(KEYWORD_PASSWORD)) {
    const at = m.index ?? 0
    const lineStart = text.lastIndexOf('\n', at) + 1
    const lineEnd = text.indexOf('\n', at)
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    if (!/\b(host|hostaddr|dbname)\s*=/i.test(line) || PLACEHOLDER.test(m[1].replace(/^'|'$/g, '')))
      continue
    hits.push({ ...lineColumn(text, at), masked: 'password=***' })
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column)
}
