/** The engine's own source files, for tests that read the code itself (an import order, an API not to use). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src')

/** Every .ts file under src/: its path relative to src/ and its text. */
export function engineSources(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts'))
        out.push({ file: path.relative(SRC, p), code: readFileSync(p, 'utf8') })
    }
  }
  walk(SRC)
  return out
}
