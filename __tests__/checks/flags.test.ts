/**
 * The `flags` check on a real capacity database: the value from the job's environment or the env file,
 * refused outside the allowed set or different from the environment's expected one, and the per-venue
 * overrides of feature_flag_overrides counted and named.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { capacityDatabase, createRestaurant, type CapacityDatabase } from '../helpers/capacity.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { flagsCheck, type FlagsDetails, renderFlags } from '../../src/checks/flags.js'
import { parseEnvFile } from '../../src/config/env-file.js'
import { parseInputs } from '../../src/config/inputs.js'
import { ConfigError } from '../../src/config/errors.js'
import { parsePolicy } from '../../src/config/policy.js'
import type { Report, StageContext } from '../../src/types.js'

const POLICY = `
feature-flags:
  - name: FEATURE_ALLOCATOR_ADJACENCY_MODE
    allowed: [connected, pairwise, neighbors]
    default: connected
    expected:
      staging: connected
    overrides-sql: |
      SELECT r.name AS venue, f.flag_value AS value
        FROM public.feature_flag_overrides f JOIN public.restaurants r ON r.id = f.restaurant_id
       WHERE f.flag_key = 'allocator.adjacency_mode' AND f.enabled AND f.flag_value IS NOT NULL
       ORDER BY r.name
environments:
  staging: {}
  local: {}
`

let cap: CapacityDatabase
const contexts: StageContext[] = []

beforeAll(async () => {
  cap = await capacityDatabase('runbook_flags')
  const venues: Record<string, string> = {}
  for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta'])
    venues[name] = await createRestaurant(cap.client, name)
  const override = (venue: string, value: string, enabled = true) =>
    cap.client.query(
      `INSERT INTO public.feature_flag_overrides (restaurant_id, flag_key, flag_value, enabled)
       VALUES ($1, 'allocator.adjacency_mode', $2, $3)`,
      [venues[venue], value, enabled]
    )
  await override('Alpha', 'pairwise')
  await override('Bravo', 'neighbors')
  await override('Charlie', 'connected')
  // Disabled: the confirm function ignores it, so the listing must too.
  await override('Delta', 'pairwise', false)
})
afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await cap.db.drop()
})

function context(
  environment: string,
  variables: Record<string, string>,
  envFile?: Record<string, string>
) {
  const ctx = makeContext({ client: cap.client, url: cap.db.url, policyYaml: POLICY, environment })
  ctx.config.variables = {
    environment: variables,
    envFile: envFile ? { path: '.env.staging', variables: envFile } : undefined
  }
  contexts.push(ctx)
  return ctx
}

test('a value outside the allowed set fails naming the variable, the value and the allowed values', async () => {
  const ctx = context('local', { FEATURE_ALLOCATOR_ADJACENCY_MODE: 'diagonal' })
  const outcome = await flagsCheck.run(ctx)
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons).toContain(
    `FEATURE_ALLOCATOR_ADJACENCY_MODE is "diagonal" (from the job's environment); allowed: connected, pairwise, neighbors`
  )
})

test("a value that differs from the environment's expected one fails; the env file is read when the job has none", async () => {
  const ctx = context('staging', {}, { FEATURE_ALLOCATOR_ADJACENCY_MODE: 'pairwise' })
  const outcome = await flagsCheck.run(ctx)
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons).toEqual([
    'FEATURE_ALLOCATOR_ADJACENCY_MODE is "pairwise" (from .env.staging), but staging expects "connected" (feature-flags[0].expected.staging)'
  ])
  const flag = (outcome.details as unknown as FlagsDetails).flags[0]
  expect(flag).toMatchObject({ value: 'pairwise', source: 'env-file', expected: 'connected' })
})

test('the job environment wins over the env file (with a warning), and unset falls back to the default', async () => {
  const both = await flagsCheck.run(
    context(
      'staging',
      { FEATURE_ALLOCATOR_ADJACENCY_MODE: 'connected' },
      { FEATURE_ALLOCATOR_ADJACENCY_MODE: 'pairwise' }
    )
  )
  expect(both.status).toBe('warn')
  expect(both.reasons?.[0]).toContain(
    `is "connected" in the job's environment but "pairwise" in .env.staging`
  )
  const unset = await flagsCheck.run(context('staging', {}))
  expect(unset.status).toBe('pass')
  expect((unset.details as unknown as FlagsDetails).flags[0]).toMatchObject({
    value: 'connected',
    source: 'default'
  })
})

test('per-venue overrides: counted by mode, the venues that differ from the default named, in the evidence', async () => {
  const ctx = context('staging', { FEATURE_ALLOCATOR_ADJACENCY_MODE: 'connected' })
  const outcome = await flagsCheck.run(ctx)
  expect(outcome.status).toBe('pass')
  const flag = (outcome.details as unknown as FlagsDetails).flags[0]
  expect(flag.overrides).toEqual({
    total: 3,
    byValue: { pairwise: 1, neighbors: 1, connected: 1 },
    differing: [
      { venue: 'Alpha', value: 'pairwise' },
      { venue: 'Bravo', value: 'neighbors' }
    ]
  })
  expect(outcome.summary).toContain('3 venue overrides (pairwise 1, neighbors 1, connected 1)')
  const evidence = JSON.parse(readFileSync(path.join(ctx.evidence.dir, 'flags.json'), 'utf8'))
  expect(evidence.flags[0].overrides.differing).toHaveLength(2)
  const comment = renderFlags({
    checks: [{ id: 'flags', status: outcome.status, details: outcome.details }]
  } as unknown as Report)
  expect(comment).toContain(
    '| ✅ | `FEATURE_ALLOCATOR_ADJACENCY_MODE` | `connected` | environment | `connected` | pairwise: 1, neighbors: 1, connected: 1 |'
  )
  expect(comment).toContain(
    '- `FEATURE_ALLOCATOR_ADJACENCY_MODE`: venues that differ from the default `connected`: Alpha → `pairwise`, Bravo → `neighbors`'
  )
})

test('apply runs the check twice: before and after the migrations', async () => {
  const ctx = context('staging', {})
  ctx.config.stage = 'apply'
  const before = await flagsCheck.run(ctx)
  const after = await flagsCheck.run(ctx)
  expect((before.details as unknown as FlagsDetails).phase).toBe('before-apply')
  expect((after.details as unknown as FlagsDetails).phase).toBe('after-apply')
})

test('an overrides query that fails is a warning with the error, not a crash', async () => {
  const ctx = context('staging', {})
  ctx.policy = parsePolicy(
    POLICY.replace('public.feature_flag_overrides', 'public.no_such_table'),
    'runbook.yml'
  )
  const outcome = await flagsCheck.run(ctx)
  expect(outcome.status).toBe('warn')
  expect(outcome.reasons?.[0]).toMatch(/overrides query failed: .*no_such_table.* does not exist/)
})

test('an overrides query with a second statement is refused: a COMMIT cannot end the read-only transaction', async () => {
  const ctx = context('staging', {})
  ctx.policy = parsePolicy(
    POLICY.replace(
      '       ORDER BY r.name\n',
      '       ORDER BY r.name; COMMIT; CREATE TABLE public.escaped_flags (id int)\n'
    ),
    'runbook.yml'
  )
  const outcome = await flagsCheck.run(ctx)
  expect(outcome.status).toBe('warn')
  expect(outcome.reasons?.[0]).toMatch(/overrides query failed: cannot insert multiple commands/)
  const left = await cap.client.query(`SELECT to_regclass('public.escaped_flags') AS t`)
  expect(left.rows[0].t).toBeNull()
})

describe('configuration', () => {
  test('runbook.yml: a default or expected value outside allowed, and an unknown environment, are refused', () => {
    expect(() =>
      parsePolicy(POLICY.replace('default: connected', 'default: diagonal'), 'runbook.yml')
    ).toThrow('feature-flags.0.default: is "diagonal"; allowed: connected, pairwise, neighbors')
    expect(() =>
      parsePolicy(POLICY.replace('staging: connected', 'stagin: connected'), 'runbook.yml')
    ).toThrow(
      'feature-flags.0.expected.stagin: "stagin" is not an environment; allowed: staging, local'
    )
  })

  test('env files: comments, export, quotes, escapes, multi-line values; errors name the file and line', () => {
    const vars = parseEnvFile(
      [
        '# staging flags',
        'export FEATURE_A=connected # trailing comment',
        "B='single # not a comment'",
        'C="line1\\nline2 \\"q\\""',
        'D="spans',
        'two lines"',
        'E=',
        ''
      ].join('\n'),
      '.env.staging'
    )
    expect(vars).toEqual({
      FEATURE_A: 'connected',
      B: 'single # not a comment',
      C: 'line1\nline2 "q"',
      D: 'spans\ntwo lines',
      E: ''
    })
    expect(() => parseEnvFile('A=1\nB="open', '.env.staging')).toThrow('env file .env.staging:2: B')
    expect(() => parseEnvFile('A=1\nnot a line', '.env.staging')).toThrow(
      'env file .env.staging:2: "not a line" has no "="'
    )
  })

  test('the env-file input is read relative to the repository; a missing one names the input', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mr-envfile-'))
    writeFileSync(path.join(root, '.env.staging'), 'FEATURE_ALLOCATOR_ADJACENCY_MODE=pairwise\n')
    const raw = {
      environment: 'staging',
      stage: 'validate',
      'database-url': 'postgres://u:p@h/db',
      config: 'x.yml'
    }
    const config = parseInputs(
      { ...raw, 'env-file': '.env.staging' },
      { root, env: { OTHER: 'x', EMPTY: '' } }
    )
    expect(config.variables?.envFile?.variables).toEqual({
      FEATURE_ALLOCATOR_ADJACENCY_MODE: 'pairwise'
    })
    expect(config.variables?.environment).toEqual({ OTHER: 'x' })
    expect(() => parseInputs({ ...raw, 'env-file': '.env.prod' }, { root })).toThrow(ConfigError)
    expect(() => parseInputs({ ...raw, 'env-file': '.env.prod' }, { root })).toThrow(
      'input "env-file" is ".env.prod", which does not exist'
    )
  })
})
