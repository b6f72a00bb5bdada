/**
 * A tiny JUnit XML summariser: sums tests/failures/errors/skipped over <testsuite> elements (falling back to
 * the <testsuites> root when there are none). Reads attributes only; no XML library needed for four numbers.
 */
export interface JunitSummary {
  tests: number
  failures: number
  errors: number
  skipped: number
}

/** Attributes of the opening tag starting at `start` (the index of '<'). */
function tagAttributes(xml: string, start: number): Record<string, string> {
  const end = xml.indexOf('>', start)
  const tag = xml.slice(start, end < 0 ? xml.length : end)
  const attrs: Record<string, string> = {}
  const re = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
  for (let m = re.exec(tag); m; m = re.exec(tag)) attrs[m[1]] = m[2] ?? m[3] ?? ''
  return attrs
}

/** Opening tags named exactly `name` (so "testsuite" does not match "testsuites"). */
function openingTags(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = []
  const needle = '<' + name
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + 1)) {
    const next = xml.charAt(i + needle.length)
    if (
      next === ' ' ||
      next === '>' ||
      next === '/' ||
      next === '\t' ||
      next === '\n' ||
      next === '\r'
    ) {
      out.push(tagAttributes(xml, i))
    }
  }
  return out
}

function num(value: string | undefined): number {
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}

/** null when the text holds neither <testsuite> nor <testsuites>. */
export function parseJunit(xml: string): JunitSummary | null {
  let suites = openingTags(xml, 'testsuite')
  if (suites.length === 0) suites = openingTags(xml, 'testsuites')
  if (suites.length === 0) return null
  const sum: JunitSummary = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  for (const a of suites) {
    sum.tests += num(a.tests)
    sum.failures += num(a.failures)
    sum.errors += num(a.errors)
    // "disabled" is what some reporters (e.g. Go's) write for skipped tests.
    sum.skipped += num(a.skipped ?? a.disabled)
  }
  return sum
}
