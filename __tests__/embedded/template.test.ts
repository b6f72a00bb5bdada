/**
 * Throwaway servers start on a copy of one initdb template (src/embedded/server.ts): initdb was most of a rehearse's
 * start. Each server gets a password of its own; a template that cannot be used or trusted is not used, and the
 * server is initialised as before. Real servers, the template in the real temp dir.
 */
import { spawnSync } from 'node:child_process'
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/embedded/server.js'

const TEMPLATE = path.join(os.tmpdir(), `migration-runbook-initdb-${process.getuid?.() ?? 'user'}`)
const PASSWORD_FILE = path.join(TEMPLATE, 'migration-runbook-password')

async function versionOf(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query('SHOW server_version_num')).rows[0].server_version_num
  } finally {
    await c.end()
  }
}

async function started(): Promise<{ server: EmbeddedServer; log: string[] }> {
  const log: string[] = []
  const server = await startEmbeddedPostgres({ log: l => log.push(l) })
  return { server, log }
}

test("servers start on copies of the template, each with its own password: the template's is refused", async () => {
  // Whatever an earlier run left: the first start makes the template if it must.
  await (await started()).server.stop()
  const a = await started()
  const b = await started()
  try {
    expect(existsSync(PASSWORD_FILE)).toBe(true)
    const templatePassword = readFileSync(PASSWORD_FILE, 'utf8').trim()
    const passwordOf = (url: string) => new URL(url).password
    expect(passwordOf(a.server.adminUrl)).not.toBe(passwordOf(b.server.adminUrl))
    for (const { server, log } of [a, b]) {
      expect(log.join('\n')).not.toContain('initdb template not used')
      expect(Number(await versionOf(server.adminUrl))).toBeGreaterThan(170000)
      const withTemplatePassword = new URL(server.adminUrl)
      withTemplatePassword.password = templatePassword
      await expect(versionOf(withTemplatePassword.toString())).rejects.toMatchObject({
        code: '28P01'
      })
    }
    // A throwaway needs no durability: no flush on commit.
    const settings = new pg.Client({ connectionString: a.server.adminUrl })
    await settings.connect()
    const flags = await settings.query(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`
    )
    await settings.end()
    expect(flags.rows[0]).toEqual({ fsync: 'off', sync: 'off' })
    // A database made on a copy gets the Supabase stand-in as before.
    const c = new pg.Client({ connectionString: await a.server.createDatabase('copy_check') })
    await c.connect()
    const auth = await c.query(`SELECT to_regnamespace('auth') IS NOT NULL AS present`)
    await c.end()
    expect(auth.rows[0].present).toBe(true)
  } finally {
    await a.server.stop()
    await b.server.stop()
  }
}, 60_000)

test("a template another major version's server wrote is dropped: this server is initialised and works, and the next one makes a new template", async () => {
  await (await started()).server.stop()
  writeFileSync(path.join(TEMPLATE, 'PG_VERSION'), '99\n')
  const { server, log } = await started()
  try {
    expect(log.join('\n')).toContain('initdb template not used')
    expect(Number(await versionOf(server.adminUrl))).toBeGreaterThan(170000)
  } finally {
    await server.stop()
  }
  const next = await started()
  try {
    expect(next.log.join('\n')).not.toContain('initdb template not used')
    expect(readFileSync(path.join(TEMPLATE, 'PG_VERSION'), 'utf8').trim()).toBe('17')
  } finally {
    await next.server.stop()
  }
}, 60_000)

test('a template whose password file is not ours is not trusted: a new one is made', async () => {
  await (await started()).server.stop()
  // As root: another user's file (a local user who made the folder first). Not root: nothing to simulate.
  if (process.getuid?.() !== 0) return
  writeFileSync(PASSWORD_FILE, 'planted\n', { mode: 0o600 })
  chownSync(PASSWORD_FILE, 1, 1)
  const { server } = await started()
  try {
    expect(readFileSync(PASSWORD_FILE, 'utf8').trim()).not.toBe('planted')
    expect(Number(await versionOf(server.adminUrl))).toBeGreaterThan(170000)
  } finally {
    await server.stop()
  }
}, 60_000)

test('two servers starting at once with no template: both start, one template is kept', async () => {
  rmSync(TEMPLATE, { recursive: true, force: true })
  const [a, b] = await Promise.all([started(), started()])
  try {
    for (const { server } of [a, b])
      expect(Number(await versionOf(server.adminUrl))).toBeGreaterThan(170000)
    expect(readFileSync(path.join(TEMPLATE, 'PG_VERSION'), 'utf8').trim()).toBe('17')
    // Only the template is left of the folders they made it in.
    expect(
      readdirSync(os.tmpdir()).filter(n => n.startsWith(`${path.basename(TEMPLATE)}.tmp-`))
    ).toEqual([])
  } finally {
    await a.server.stop()
    await b.server.stop()
  }
}, 60_000)

test('a folder a killed run was making the template in is removed by the next start, and said so', async () => {
  const dead = spawnSync('true').pid as number
  const left = path.join(os.tmpdir(), `${path.basename(TEMPLATE)}.tmp-${dead}-x1y2z3`)
  mkdirSync(path.join(left, 'base'), { recursive: true })
  const { server, log } = await started()
  try {
    expect(existsSync(left)).toBe(false)
    expect(log.join('\n')).toContain(
      `removed an orphaned throwaway Postgres: ${left} (left by process ${dead}`
    )
  } finally {
    await server.stop()
  }
}, 60_000)
