/**
 * A dotenv file (`.env.staging`): `NAME=value` lines, `#` comments, an optional `export ` prefix, values
 * bare, 'single-quoted' (literal) or "double-quoted" (\n, \t, \", \\ escapes; may span lines). Small on
 * purpose: the runbook's flag files need no interpolation, and a dependency would add nothing but surface.
 */
import { ConfigError } from './errors.js'

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }

/** The file's variables; `label` (the path) names the file and line in every error. */
export function parseEnvFile(text: string, label: string): Record<string, string> {
  const vars: Record<string, string> = {}
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  let i = 0
  let line = 1
  const fail = (why: string): never => {
    throw new ConfigError(
      `env file ${label}:${line}: ${why}; allowed: NAME=value lines, # comments, values bare, 'single' or "double" quoted`
    )
  }
  while (i < src.length) {
    const end = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i)
    const raw = src.slice(i, end)
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) {
      i = end + 1
      line++
      continue
    }
    const eq = raw.indexOf('=')
    if (eq < 0) fail(`"${trimmed.slice(0, 40)}" has no "="`)
    const name = raw
      .slice(0, eq)
      .trim()
      .replace(/^export\s+/, '')
    if (!NAME.test(name)) fail(`"${name}" is not a variable name`)
    let j = i + eq + 1
    while (src[j] === ' ' || src[j] === '\t') j++
    const quote = src[j]
    let value: string
    if (quote === '"' || quote === "'") {
      // A quoted value ends at its closing quote, which may be lines later.
      const startLine = line
      let out = ''
      j++
      for (;;) {
        if (j >= src.length) {
          line = startLine
          fail(`${name}'s value opens a ${quote} quote that is never closed`)
        }
        const c = src[j]
        if (c === quote) break
        if (c === '\n') line++
        if (quote === '"' && c === '\\' && j + 1 < src.length) {
          const next = src[j + 1]
          out += ESCAPES[next] ?? '\\' + next
          j += 2
          continue
        }
        out += c
        j++
      }
      value = out
      // After the closing quote only spaces and a comment may follow.
      const restEnd = src.indexOf('\n', j) === -1 ? src.length : src.indexOf('\n', j)
      const rest = src.slice(j + 1, restEnd).trim()
      if (rest !== '' && !rest.startsWith('#'))
        fail(`${name}'s quoted value is followed by "${rest.slice(0, 40)}"`)
      i = restEnd + 1
    } else {
      // Bare: up to the end of the line; " #" starts a comment.
      value = src
        .slice(j, end)
        .replace(/\s+#.*$/, '')
        .trim()
      i = end + 1
    }
    vars[name] = value
    line++
  }
  return vars
}
