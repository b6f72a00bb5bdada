/** zod is configured in one place (src/config/zod.ts) before any schema is built. */
import path from 'node:path'
import { config } from 'zod/mini'
import { parsePolicy } from '../../src/config/policy.js'
import { engineSources } from '../helpers/sources.js'

test('schemas are built jitless: one parse per run does not pay for compiling a parser per object schema', () => {
  // Importing the policy module (which imports src/config/zod.ts first) set it, before the policy's schemas.
  expect(config().jitless).toBe(true)
  // And a policy still parses, with defaults filled in.
  const policy = parsePolicy('environments:\n  staging: {}\n', 'runbook.yml')
  expect(Object.keys(policy.environments)).toEqual(['staging'])
})

test("zod/mini has no default locale: zod's own messages are English, set with the configuration", () => {
  // Without it, every issue zod words itself would read "Invalid input".
  expect(() =>
    parsePolicy('environments:\n  staging:\n    apply-retries: 99\n', 'runbook.yml')
  ).toThrow('  environments.staging.apply-retries: Too big: expected number to be <=20')
})

test('every module that imports zod imports src/config/zod.ts before it (a schema built before z.config keeps the JIT)', () => {
  const offenders: string[] = []
  for (const { file, code } of engineSources()) {
    if (file === path.join('config', 'zod.ts')) continue
    // A type-only import builds nothing.
    const zod = code.search(/^import (?!type )[^\n]*from 'zod(\/[^']*)?'/m)
    const setup = code.search(/import (\{[^}]*\} from )?'(\.\/|\.\.\/config\/)zod\.js'/)
    if (zod >= 0 && (setup < 0 || setup > zod)) offenders.push(file)
  }
  expect(offenders).toEqual([])
})
