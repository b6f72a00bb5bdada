/** "Did you mean": the known name nearest to a mistyped one, for the messages of bad input. */

/** Levenshtein distance (names are short). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]
}

/** The candidate nearest to `name`, when it is at most 3 edits away (a typo, not another word). */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const c of candidates) {
    const distance = editDistance(name.toLowerCase(), c.toLowerCase())
    if (!best || distance < best.distance) best = { name: c, distance }
  }
  return best && best.distance <= 3 ? best.name : undefined
}
