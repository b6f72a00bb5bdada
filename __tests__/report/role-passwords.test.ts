/**
 * Role passwords written in migrations never reach the run log or an error message once registered from the
 * files (registerRolePasswords: rolePasswordsIn + Redactor.addSqlSecret), applied against a real PostgreSQL.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { loadParser } from '../../src/sql/parser.js'
import { registerRolePasswords } from '../../src/lint/secrets.js'
import { applyMigrations, type ApplyOptions } from '../../src/apply/apply.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'

const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
// Roles belong to the whole cluster: unique names, dropped at the end.
const ROLE = `rp_app_${suffix}`
const FIRST = "correct horse battery staple, it's 1"
const SECOND = 'a second secret that is long enough to be cut short'

let db: TestDatabase
let client: pg.Client
let root: string

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('rolepw')
  client = await db.client()
  root = mkdtempSync(path.join(os.tmpdir(), 'rolepw-'))
  mkdirSync(path.join(root, 'migrations'))
  mkdirSync(path.join(root, 'migrations', 'rollback'))
  writeFileSync(
    path.join(root, 'migrations', 'rollback', '1_role.sql'),
    `ALTER ROLE ${ROLE} PASSWORD 'from-the-rollback-script';\nDROP ROLE ${ROLE};\n`
  )
  writeFileSync(
    path.join(root, 'migrations', '1_role.sql'),
    `CREATE ROLE ${ROLE} LOGIN PASSWORD '${FIRST.replace(/'/g, "''")}';\n`
  )
  // Fails (no such role) after the statement text, password included, is quoted in the error.
  writeFileSync(
    path.join(root, 'migrations', '2_missing.sql'),
    `ALTER ROLE rp_missing_${suffix} WITH LOGIN PASSWORD '${SECOND}';\n`
  )
})
afterAll(async () => {
  await client.query(`DROP ROLE IF EXISTS ${ROLE}`)
  await db.drop()
  rmSync(root, { recursive: true, force: true })
})

test('passwords registered from the migrations are masked in the log and in the failure message', async () => {
  const migrations = discoverMigrations('migrations', root)
  const redactor = new Redactor()
  registerRolePasswords(redactor, migrations)
  const lines: string[] = []
  const log = new Logger(redactor, (_level, line) => lines.push(line))
  const opts: ApplyOptions = {
    environment: 'test',
    runId: 'rolepw',
    lockTimeoutMs: 1000,
    statementTimeoutMs: 10_000,
    retries: 0,
    retryBackoffMs: 10,
    advisoryLockWaitMs: 1000,
    allowOutOfOrder: false,
    log
  }
  const error = await applyMigrations(client, 'migrations', migrations, opts).then(
    () => undefined,
    (e: Error) => e
  )
  expect(error?.message).toMatch(/does not exist/)
  log.error(error?.message ?? '')
  const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [ROLE])
  expect(rows).toHaveLength(1) // the first migration did run
  const everything = lines.join('\n') + log.text()
  // The statements were logged (so the test could fail), but not their passwords, whole or cut.
  expect(everything).toContain(`CREATE ROLE ${ROLE} LOGIN PASSWORD '***`)
  expect(everything).toContain(`PASSWORD '***`)
  expect(redactor.redact('rolled back with from-the-rollback-script')).toBe('rolled back with ***')
  for (const fragment of ['correct horse', "it''s 1", 'a second secret', 'a second']) {
    expect(everything).not.toContain(fragment)
  }
})
