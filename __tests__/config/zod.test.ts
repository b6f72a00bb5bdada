/** zod is configured in one place (src/config/zod.ts) before any schema is built. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { config } from 'zod'
import { parsePolicy } from '../../src/config/policy.js'

test('schemas are built jitless: one parse per run does not pay for compiling a parser per object schema', () => {
  // Importing the policy module (which imports src/config/zod.ts first) set it, before the policy's schemas.
  expect(config().jitless).toBe(true)
  // And a policy still parses, with defaults filled in.
  const policy = parsePolicy('environments:\n  staging: {}\n', 'runbook.yml')
  expect(Object.keys(policy.environments)).toEqual(['staging'])
})

test('every module that imports zod imports src/config/zod.ts before it (a schema built before z.config keeps the JIT)', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src')
  const offenders: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts') && path.relative(root, p) !== path.join('config', 'zod.ts')) {
        const code = readFileSync(p, 'utf8')
        const zod = code.search(/from 'zod(\/[^']*)?'/)
        const setup = code.search(/import '(\.\/|\.\.\/config\/)zod\.js'/)
        if (zod >= 0 && (setup < 0 || setup > zod)) offenders.push(path.relative(root, p))
      }
    }
  }
  walk(root)
  expect(offenders).toEqual([])
})
