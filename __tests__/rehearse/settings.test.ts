/** runbook.yml keys of the shadow rehearsal and the forecast: defaults, opt-in, and clear errors. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parsePolicy } from '../../src/config/policy.js'
import { rehearsalSettingsOf } from '../../src/config/rehearsal-settings.js'
import { forecastModel, scaleForecast } from '../../src/rehearse/forecast.js'
import { loadParser, parseSql } from '../../src/sql/parser.js'

const policy = (yaml: string, file = 'runbook.yml') => parsePolicy(`version: 1\n${yaml}`, file)

test('production rehearses on a shadow by default, other environments live unless they opt in', () => {
  const p = policy(
    'environments:\n  staging: {}\n  preview:\n    rehearsal: shadow\n    shadow-max-rows: 5000\n  production:\n    production: true\n'
  )
  expect(rehearsalSettingsOf(p.environments.production)).toMatchObject({
    mode: 'shadow',
    shadowMaxRows: 2_000_000
  })
  expect(rehearsalSettingsOf(p.environments.staging).mode).toBe('live')
  expect(rehearsalSettingsOf(p.environments.preview)).toMatchObject({
    mode: 'shadow',
    shadowMaxRows: 5000
  })
})

test.each([
  [
    '  staging:\n    rehearsal: copy\n',
    /environments\.staging\.rehearsal: is "copy"; allowed: shadow/
  ],
  ['  staging:\n    shadow-max-rows: 0\n', /environments\.staging\.shadow-max-rows: is below 1/],
  [
    '  staging:\n    shadow-max-rows: 2.5\n',
    /environments\.staging\.shadow-max-rows: is not a whole number/
  ],
  [
    '  staging:\n    forecast: { rows-from: prod }\n',
    /environments\.staging\.forecast\.rows-from: is "prod", which is not an environment; allowed: staging/
  ],
  [
    '  staging:\n    forecast: { rows-from: production }\n  production: {}\n',
    /rows-from: is "production", which names no table-rows/
  ],
  ['  staging:\n    forecast: {}\n', /forecast: names no or several sources/],
  [
    '  staging:\n    forecast: { rows: { "public.a b": 3 } }\n',
    /is not a table name; allowed: schema.table or table/
  ]
])('%j is refused with a clear error', (yaml, message) => {
  expect(() => policy(`environments:\n${yaml}`)).toThrow(message)
})

test('forecast rows come from runbook.yml or from a production run’s table-sizes result', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-forecast-'))
  writeFileSync(
    path.join(dir, 'prod-report.json'),
    JSON.stringify({
      checks: [
        {
          id: 'table-sizes',
          details: {
            tables: [
              { table: 'public.allocations', exists: true, rows: 1_234_567 },
              { table: 'public.new_one', exists: false }
            ]
          }
        }
      ]
    })
  )
  const p = policy(
    'environments:\n  staging:\n    forecast: { table-sizes: prod-report.json }\n  dev:\n    forecast: { rows: { allocations: 42 } }\n',
    path.join(dir, 'runbook.yml')
  )
  expect(p.environments.staging.rehearsal?.forecast).toEqual({
    rows: { 'public.allocations': 1_234_567 },
    source: expect.stringContaining('prod-report.json')
  })
  expect(p.environments.dev.rehearsal?.forecast?.rows).toEqual({ 'public.allocations': 42 })
  expect(() =>
    policy(
      'environments:\n  staging:\n    forecast: { table-sizes: missing.json }\n',
      path.join(dir, 'runbook.yml')
    )
  ).toThrow(/forecast\.table-sizes: is "missing.json", which does not exist/)
})

test('models: index builds n log n, validation scans n, catalog changes constant', async () => {
  await loadParser()
  const model = (sql: string) => forecastModel(parseSql(sql).statements[0].ast)
  expect(model('CREATE INDEX i ON t (a)')).toBe('n log n')
  expect(model('ALTER TABLE t ADD CONSTRAINT c EXCLUDE USING gist (a WITH &&)')).toBe('n log n')
  expect(model('ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i')).toBe('constant')
  expect(model('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)')).toBe('n')
  expect(model('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID')).toBe('constant')
  expect(model('ALTER TABLE t ALTER COLUMN a TYPE bigint')).toBe('n')
  expect(model('ALTER TABLE t DROP CONSTRAINT c')).toBe('constant')
  expect(scaleForecast(100, 1000, 10_000, 'n')).toBeCloseTo(1000)
  expect(scaleForecast(100, 1000, 10_000, 'n log n')).toBeCloseTo(
    (100 * 10_000 * Math.log2(10_000)) / (1000 * Math.log2(1000))
  )
  expect(scaleForecast(100, 1000, 10_000, 'constant')).toBe(100)
})
