/** Locating parse-tree offsets (UTF-8 bytes into the parsed text) as 1-based line and column. */
import { scanTokens, TextIndex } from '../sql/parser.js'

export interface Position {
  line: number
  column: number
}

/**
 * Returns a function mapping a byte offset of `text` to its line and column. The text is indexed once here,
 * so each lookup is a binary search (lint calls this for every finding of every statement).
 */
export function bytePositions(
  text: string | TextIndex
): (byteOffset: number | undefined, fallback: Position) => Position {
  const index = typeof text === 'string' ? new TextIndex(text) : text
  return (byteOffset, fallback) => {
    if (typeof byteOffset !== 'number' || byteOffset < 0) return fallback
    return index.lineColumn(index.charOffset(byteOffset))
  }
}

/** Words that may come between ALTER and the name of what is altered. */
const ALTER_PREFIX = new Set([
  'table',
  'index',
  'view',
  'sequence',
  'materialized',
  'foreign',
  'if',
  'exists',
  'only'
])

/**
 * Character offsets (into `text`) of each comma-separated clause of an ALTER TABLE-like statement: the
 * clauses' nodes (AlterTableCmd) carry no location, so the clause's first token is found with the scanner.
 * Returns [] when the text does not scan.
 */
export function alterClauseOffsets(text: string): number[] {
  let tokens: { start: number; end: number }[]
  try {
    tokens = scanTokens(text)
  } catch {
    return []
  }
  const index = new TextIndex(text)
  const bytes = Buffer.from(text, 'utf8')
  const word = (i: number) =>
    i < tokens.length
      ? bytes.subarray(tokens[i].start, tokens[i].end).toString('utf8').toLowerCase()
      : ''
  if (word(0) !== 'alter') return []
  let i = 1
  while (i < tokens.length && ALTER_PREFIX.has(word(i))) i++
  // The name: name ('.' name)* and an optional '*' (descendants).
  i++
  while (word(i) === '.') i += 2
  if (word(i) === '*') i++
  const out: number[] = []
  if (i < tokens.length) out.push(index.charOffset(tokens[i].start))
  let depth = 0
  for (; i < tokens.length; i++) {
    const w = word(i)
    if (w === '(' || w === '[') depth++
    else if (w === ')' || w === ']') depth--
    else if (w === ',' && depth === 0 && i + 1 < tokens.length)
      out.push(index.charOffset(tokens[i + 1].start))
  }
  return out
}
