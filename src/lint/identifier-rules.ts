/**
 * identifier-too-long: PostgreSQL's scanner cuts every identifier to NAMEDATALEN - 1 = 63 bytes (UTF-8),
 * with only a NOTICE. Identifiers are read from the scanner's tokens (libpg_query's scanSync), so names in
 * comments and string constants are not counted; dollar-quoted bodies (functions, DO blocks) are scanned too.
 */
import { scanTokens } from '../sql/parser.js'

export const MAX_IDENTIFIER_BYTES = 63

export interface LongIdentifier {
  /** The identifier as PostgreSQL reads it (unquoted ones folded to lower case). */
  name: string
  bytes: number
  /** What PostgreSQL keeps. */
  truncated: string
  /** Character offset of the token in the scanned text. */
  offset: number
}

/**
 * Runs of name characters, or quoted names, long enough (4 bytes a character at most) to be over 63 bytes. A
 * quoted name is taken to hold no ( ) , ; so that the text between two names on a line is not one.
 */
const MAYBE_LONG = /[\p{L}\p{N}_$]{16,}|"[^"\n(),;]{16,}"/gu

/** A cheap test, before the scanner runs, that some word of the text is over 63 bytes. */
function mayHoldLongName(text: string): boolean {
  for (const m of text.matchAll(MAYBE_LONG))
    if (Buffer.byteLength(m[0], 'utf8') > MAX_IDENTIFIER_BYTES) return true
  return false
}

/** The first `max` bytes of a name, never cutting a character in two (as PostgreSQL's pg_mbcliplen). */
function clip(name: string, max: number): string {
  let bytes = 0
  let out = ''
  for (const ch of name) {
    const n = Buffer.byteLength(ch, 'utf8')
    if (bytes + n > max) break
    bytes += n
    out += ch
  }
  return out
}

function identifierValue(token: string): string {
  if (token.startsWith('"')) return token.slice(1, -1).replace(/""/g, '"')
  return token.toLowerCase()
}

/** Identifiers longer than 63 bytes in `text`, each name once (its first occurrence). */
export function longIdentifiers(text: string, seen = new Set<string>()): LongIdentifier[] {
  if (!mayHoldLongName(text)) return []
  let tokens: { start: number; end: number; tokenName: string }[]
  try {
    tokens = scanTokens(text)
  } catch {
    return [] // a text that does not scan is reported as a syntax error elsewhere
  }
  const bytes = Buffer.from(text, 'utf8')
  const charAt = (byte: number) => bytes.subarray(0, byte).toString('utf8').length
  const out: LongIdentifier[] = []
  let previous = ''
  for (const t of tokens) {
    const raw = bytes.subarray(t.start, t.end).toString('utf8')
    const before = previous
    previous = raw.toLowerCase()
    // A dollar-quoted function or DO body (after AS, DO, or DO's LANGUAGE name): code whose names are cut
    // the same way when it runs. Any other dollar-quoted string is a value (it may hold a key): not read.
    const isBody = ['as', 'do', 'plpgsql', 'sql'].includes(before)
    if (t.tokenName === 'SCONST' && raw.startsWith('$') && isBody) {
      const open = raw.indexOf('$', 1) + 1
      const body = raw.slice(open, raw.length - open)
      const base = charAt(t.start) + open
      for (const inner of longIdentifiers(body, seen))
        out.push({ ...inner, offset: base + inner.offset })
      continue
    }
    if (t.tokenName !== 'IDENT') continue
    const name = identifierValue(raw)
    const size = Buffer.byteLength(name, 'utf8')
    if (size <= MAX_IDENTIFIER_BYTES || seen.has(name)) continue
    seen.add(name)
    out.push({
      name,
      bytes: size,
      truncated: clip(name, MAX_IDENTIFIER_BYTES),
      offset: charAt(t.start)
    })
  }
  return out
}
