/**
 * A small JSON path: `$`, `.name`, `["name"]` and `[index]` steps from the root (`$.booking.table_ids[0]`).
 * No wildcards or filters: a smoke expectation names one value.
 */
export class JsonPathError extends Error {
  override name = 'JsonPathError'
}

const STEP = /^(?:\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/

/** The path's steps; throws JsonPathError naming the path and the place it cannot read. */
export function parseJsonPath(path: string): (string | number)[] {
  if (!path.startsWith('$'))
    throw new JsonPathError(`JSON path "${path}" does not start with $; allowed: e.g. $.a.b[0]`)
  const steps: (string | number)[] = []
  let rest = path.slice(1)
  while (rest !== '') {
    const m = STEP.exec(rest)
    if (!m)
      throw new JsonPathError(
        `JSON path "${path}" cannot be read at "${rest}"; allowed: .name, [index], ["name"] steps`
      )
    if (m[1] !== undefined) steps.push(m[1])
    else if (m[2] !== undefined) steps.push(Number(m[2]))
    else steps.push(JSON.parse(`"${m[3]}"`) as string)
    rest = rest.slice(m[0].length)
  }
  return steps
}

/** The value at `path`, or { found: false } when a step is missing. */
export function readJsonPath(root: unknown, path: string): { found: boolean; value?: unknown } {
  let at: unknown = root
  for (const step of parseJsonPath(path)) {
    if (typeof step === 'number') {
      if (!Array.isArray(at) || step >= at.length) return { found: false }
      at = at[step]
    } else {
      if (at === null || typeof at !== 'object' || Array.isArray(at) || !(step in at))
        return { found: false }
      at = (at as Record<string, unknown>)[step]
    }
  }
  return { found: true, value: at }
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => jsonEqual(v, b[i]))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    if (ka.length !== kb.length) return false
    return ka.every(k =>
      jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
  }
  return false
}
