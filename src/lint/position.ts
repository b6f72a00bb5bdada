/** Locating parse-tree offsets (UTF-8 bytes into the parsed text) as 1-based line and column. */
import { lineColumn } from '../sql/parser.js'

export interface Position {
  line: number
  column: number
}

/** Returns a function mapping a byte offset of `text` to its line and column. */
export function bytePositions(
  text: string
): (byteOffset: number | undefined, fallback: Position) => Position {
  const buf = Buffer.from(text, 'utf8')
  const ascii = buf.length === text.length
  return (byteOffset, fallback) => {
    if (typeof byteOffset !== 'number' || byteOffset < 0) return fallback
    const charOffset = ascii ? byteOffset : buf.subarray(0, byteOffset).toString('utf8').length
    return lineColumn(text, charOffset)
  }
}
