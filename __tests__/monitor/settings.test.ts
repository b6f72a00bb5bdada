/** The scheduled monitor's keys in runbook.yml: defaults, and errors that name the key, value and range. */
import { environmentPolicy, parsePolicy } from '../../src/config/policy.js'

function monitor(extra: string, check = '') {
  const yaml = `environments:
  staging:
    monitor:
      duration: 1m
      interval: 10s
${extra}
      checks:
        - name: c
          sql: SELECT 1 AS value
${check}`
  return environmentPolicy(parsePolicy(yaml, 'runbook.yml'), 'staging').monitor
}

test('window defaults to 48h, rollback-workflow to release-migrations.yml', () => {
  expect(monitor('')).toMatchObject({
    windowMs: 48 * 3_600_000,
    rollbackWorkflow: 'release-migrations.yml',
    onBreach: 'fail'
  })
  expect(monitor('      window: 2d\n      on-breach: issue')).toMatchObject({
    windowMs: 48 * 3_600_000,
    onBreach: 'issue'
  })
  expect(monitor('      window: 90m')?.windowMs).toBe(90 * 60_000)
})

test.each([
  ['      window: 30m', /monitor\.window: is "30m" \(1800000 ms\); allowed: 1h to 30d/],
  ['      window: soon', /monitor\.window: is "soon"; allowed: 1h to 30d/],
  ['      window: 31d', /monitor\.window: is "31d" .*allowed: 1h to 30d/],
  ['      on-breach: page', /monitor\.on-breach: is "page"; allowed: fail, rollback, issue, none/],
  ['      rollback-workflow: ../x', /monitor\.rollback-workflow: is not a workflow file name/]
])('%s is refused, naming the key, the value and what is allowed', (extra, message) => {
  expect(() => monitor(extra)).toThrow(message)
})

test('a spike needs a factor above 1; min-count defaults to 5', () => {
  expect(monitor('', '          spike: { factor: 2 }')?.checks[0].spike).toEqual({
    factor: 2,
    'min-count': 5
  })
  expect(() => monitor('', '          spike: { factor: 1 }')).toThrow(
    /checks\.0\.spike\.factor: must be more than 1/
  )
  expect(() => monitor('', '          spike: { factor: 2, ratio: 3 }')).toThrow(/spike/)
})
