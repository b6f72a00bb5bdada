/**
 * Issue 14 through the door users use: the built CLI bundle (dist/cli/index.js) as a child process, SARIF
 * out. Clause positions, a DO block's statements at their own lines, the info hint as a SARIF note that does
 * not fail the run. Needs `npm run build` first (the bundle is committed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cli } from '../e2e/processes.js'

let root: string
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-lint14-'))
  mkdirSync(path.join(root, '.git'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, text)
}

interface Result {
  ruleId: string
  level: string
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string }
      region: { startLine: number; startColumn: number }
    }
  }[]
}

test('migration-runbook lint --format sarif: per-clause and DO-block positions, info as note, exit 0 on warnings', async () => {
  write(
    'db/migrations/20250301000000_orders_payment.sql',
    [
      'ALTER TABLE public.orders',
      '  ADD COLUMN paid_by uuid DEFAULT auth.uid() REFERENCES auth.users (id),',
      '  ALTER COLUMN status SET NOT NULL;',
      'DO $$',
      'BEGIN',
      "  IF to_regclass('public.orders_legacy_idx') IS NOT NULL THEN",
      '    DROP INDEX public.orders_legacy_idx;',
      '  END IF;',
      'END $$;',
      ''
    ].join('\n')
  )
  write(
    'db/migrations/20250302000000_orders_paid_idx.sql',
    'CREATE INDEX CONCURRENTLY orders_paid_by_idx ON public.orders (paid_by);\n'
  )
  const r = await cli(['lint', '--format', 'sarif', 'db/migrations'], { cwd: root })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  const results = JSON.parse(r.stdout).runs[0].results as Result[]
  expect(
    results.map(x => {
      const { artifactLocation, region } = x.locations[0].physicalLocation
      return `${path.basename(artifactLocation.uri)}:${region.startLine}:${region.startColumn} ${x.level} ${x.ruleId}`
    })
  ).toEqual([
    '20250301000000_orders_payment.sql:2:14 warning add-column-foreign-key',
    '20250301000000_orders_payment.sql:3:3 warning set-not-null-without-check',
    '20250301000000_orders_payment.sql:7:5 warning require-concurrent-index-drop',
    '20250302000000_orders_paid_idx.sql:1:1 note prefer-robust'
  ])
})

test('a pre-commit hook linting the changed file: a version the folder uses twice exits 2 through the bundle', async () => {
  write('supabase/migrations/20250101000000_orders.sql', 'CREATE TABLE public.orders (id int);\n')
  write('supabase/migrations/20250101000000_orders_again.sql', 'SELECT 1;\n')
  const r = await cli(['lint', 'supabase/migrations/20250101000000_orders_again.sql'], {
    cwd: root
  })
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('a version is used more than once in supabase/migrations')
})
