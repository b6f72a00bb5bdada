/**
 * Durations in runbook.yml: 0 where PostgreSQL reads it as "no limit", negative and absurd values are refused
 * before anything connects, with the key's path, the value and the allowed range; a ConfigError (exit 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError } from '../../src/config/errors.js'
import { DURATION_RULES, formatDuration, loadPolicy } from '../../src/config/policy.js'
import { runCli } from '../../src/cli.js'
import { copyFixture } from '../helpers/fixtures.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function runbook(yaml: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-policy-'))
  dirs.push(dir)
  const file = path.join(dir, 'runbook.yml')
  writeFileSync(file, yaml)
  return file
}

/** The ConfigError loadPolicy throws for this runbook.yml (fails the test if it loads). */
function configError(yaml: string): ConfigError {
  const file = runbook(yaml)
  try {
    loadPolicy(file)
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return e as ConfigError
  }
  throw new Error(`loadPolicy accepted:\n${yaml}`)
}

test.each([
  ['lock-timeout', '0s', 'means no limit in PostgreSQL', '1ms to 1h'],
  ['statement-timeout', '0', 'means no limit in PostgreSQL', '1s to 24h'],
  ['conflicts-timeout', '0ms', 'means no limit in PostgreSQL', '1s to 24h'],
  ['lock-budget', '0s', 'every migration would be over budget', '1ms to 1h'],
  ['long-transaction-limit', '0s', 'every open transaction as long', '100ms to 24h'],
  ['backup-max-age', '0h', 'every backup too old', '1m to 720h']
])('%s: %s is refused, naming the key, the value and the range', (key, value, why, range) => {
  const e = configError(`environments:\n  staging: {}\n  production:\n    ${key}: ${value}\n`)
  const shown = /^\d+$/.test(value) ? value : `"${value}"`
  expect(e.message).toContain(`  environments.production.${key}: is ${shown}: 0 `)
  expect(e.message).toContain(why)
  expect(e.message).toContain(`allowed: ${range}`)
})

test('a fraction that rounds to 0 ms is refused like 0', () => {
  const e = configError('defaults:\n  lock-timeout: 0.0001s\nenvironments:\n  staging: {}\n')
  expect(e.message).toContain('defaults.lock-timeout: is "0.0001s": 0 means no limit in PostgreSQL')
})

test('negative, absurd and malformed values are refused with the allowed range', () => {
  const e = configError(
    [
      'environments:',
      '  production:',
      '    lock-timeout: -5s',
      '    statement-timeout: -1',
      '    advisory-lock-wait: 2h',
      '    retry-backoff: 1.5',
      '    conflicts-timeout: true',
      '    backup-max-age: 10000h',
      ''
    ].join('\n')
  )
  const m = e.message
  expect(m).toContain(
    'environments.production.lock-timeout: is "-5s", which is not a duration (write e.g. 500ms, 5s, 2m, 1h); allowed: 1ms to 1h'
  )
  expect(m).toContain(
    'environments.production.statement-timeout: is -1 (-1 ms), below the allowed range; allowed: 1s to 24h'
  )
  expect(m).toContain(
    'environments.production.advisory-lock-wait: is "2h" (7200000 ms), above the allowed range; allowed: 0ms to 1h'
  )
  expect(m).toContain(
    'environments.production.retry-backoff: is 1.5: a number is milliseconds, a whole number; allowed: 0ms to 10m'
  )
  expect(m).toContain('environments.production.conflicts-timeout: is true, which is not a duration')
  expect(m).toContain('environments.production.backup-max-age: is "10000h" (36000000000 ms)')
})

test('monitor durations: 0 and an interval longer than the duration are refused', () => {
  const zero = configError(
    'environments:\n  staging:\n    monitor:\n      duration: 5m\n      interval: 0s\n'
  )
  expect(zero.message).toContain(
    'environments.staging.monitor.interval: is "0s": 0 would sample without pause; allowed: 100ms to 1h'
  )
  const longer = configError(
    'environments:\n  staging:\n    monitor:\n      duration: 10s\n      interval: 30s\n'
  )
  expect(longer.message).toContain(
    'environments.staging.monitor.interval: is 30s, longer than monitor.duration 10s; allowed: at most the duration'
  )
  const missing = configError('environments:\n  staging:\n    monitor:\n      interval: 30s\n')
  expect(missing.message).toContain('environments.staging.monitor.duration: is missing')
})

test('0 stays allowed where it means something: advisory-lock-wait (try once) and retry-backoff (at once)', () => {
  const policy = loadPolicy(
    runbook(
      'defaults:\n  advisory-lock-wait: 0s\n  retry-backoff: 0\n  lock-timeout: 1ms\nenvironments:\n  staging: {}\n'
    )
  )
  expect(policy.environments.staging).toMatchObject({
    advisoryLockWaitMs: 0,
    retryBackoffMs: 0,
    lockTimeoutMs: 1
  })
})

test("every bound is accepted and the repository's own runbook.yml still loads", () => {
  for (const [key, rule] of Object.entries(DURATION_RULES)) {
    if (key.startsWith('monitor.')) continue
    for (const ms of [rule.min, rule.max]) {
      const policy = loadPolicy(
        runbook(`environments:\n  staging:\n    ${key}: ${formatDuration(ms)}\n`)
      )
      expect(policy.environments.staging).toBeDefined()
    }
  }
  const own = loadPolicy(path.resolve(import.meta.dirname, '../../migrations/runbook.yml'))
  expect(own.environments.production.lockTimeoutMs).toBe(5_000)
})

test('the CLI exits 2 on lock-timeout: 0s before connecting, naming the key', async () => {
  const repo = copyFixture('basic')
  dirs.push(repo.root)
  repo.write('runbook.yml', 'environments:\n  staging:\n    lock-timeout: 0s\n')
  const err: string[] = []
  const code = await runCli(
    // TEST-NET-3 address: a connection attempt would hang, so exiting at once proves none was made.
    ['apply', '--env', 'staging', '--database-url', 'postgres://u:p@203.0.113.1:5432/db'],
    { out: () => undefined, err: t => err.push(t), env: {}, cwd: repo.root }
  )
  expect(code).toBe(2)
  expect(err.join('\n')).toContain('environments.staging.lock-timeout: is "0s": 0 means no limit')
})
