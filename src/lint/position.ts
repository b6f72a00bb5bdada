/** Locating parse-tree offsets (UTF-8 bytes into the parsed text) as 1-based line and column. */
import { TextIndex } from '../sql/parser.js'

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
