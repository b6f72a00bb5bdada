/**
 * What the server and the session are: version, recovery, the role, whether transactions are read-only by
 * default (and where that is set), and whether the role can create the extensions the plan needs.
 */
import type pg from 'pg'
import {
  judgeExtension,
  readExtensionFacts,
  readRoleFacts,
  type ExtensionFacts,
  type RoleFacts
} from './extensions.js'
import { quoteIdent } from './connect.js'

type Queryable = Pick<pg.Client, 'query'>

export interface ConnectionFacts {
  serverVersion: string
  serverVersionNum: number
  user: string
  database: string
  inRecovery: boolean
  isSuperuser: boolean
  /** default_transaction_read_only of this session: every transaction starts READ ONLY. */
  defaultReadOnly: boolean
  /** Where that setting comes from (pg_settings.source): database, user, database user, configuration file, client, ... */
  readOnlySource: string
  /** Every extension the plan creates is installed or creatable; with none planned, whether any trusted one could be. */
  canCreateExtensions: boolean
}

/** What readConnectionFacts read on the way, for a later check to reuse (pg_available_extensions is ~15 ms). */
export interface ServerReads {
  role: RoleFacts
  /** The planned extensions' facts. */
  extensions: ExtensionFacts[]
}

export async function readConnectionFacts(
  db: Queryable,
  plannedExtensions: string[]
): Promise<ConnectionFacts & { reads: ServerReads }> {
  const { rows } = await db.query(
    `SELECT current_setting('server_version') AS server_version,
            current_setting('server_version_num')::int AS server_version_num,
            pg_is_in_recovery() AS in_recovery,
            s.setting = 'on' AS default_read_only,
            s.source AS read_only_source
       FROM pg_settings s WHERE s.name = 'default_transaction_read_only'`
  )
  const role = await readRoleFacts(db)
  const extensions =
    plannedExtensions.length > 0 ? await readExtensionFacts(db, plannedExtensions, role) : []
  const canCreateExtensions =
    extensions.length > 0
      ? extensions.every(f => judgeExtension(f, role).creatable)
      : role.isSuperuser || role.hasDatabaseCreate || (role.privilegedExtensions?.length ?? 0) > 0
  return {
    serverVersion: rows[0].server_version,
    serverVersionNum: rows[0].server_version_num,
    user: role.user,
    database: role.database,
    inRecovery: rows[0].in_recovery,
    isSuperuser: role.isSuperuser,
    defaultReadOnly: rows[0].default_read_only,
    readOnlySource: rows[0].read_only_source,
    canCreateExtensions,
    reads: { role, extensions }
  }
}

/** Where default_transaction_read_only was set, in words (from pg_settings.source). */
export function describeSettingSource(source: string): string {
  switch (source) {
    case 'user':
      return 'for the role'
    case 'database':
      return 'for the database'
    case 'database user':
      return 'for the role in this database'
    case 'configuration file':
      return 'in the server configuration'
    case 'client':
      return 'by the client (connection options or PGOPTIONS)'
    default:
      return `by ${source}`
  }
}

function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdent(name)
}

/** The statement that turns it off where it was turned on (run as a role allowed to, e.g. the owner or a superuser). */
export function readOnlyFix(
  facts: Pick<ConnectionFacts, 'user' | 'database' | 'readOnlySource'>
): string {
  const role = ident(facts.user)
  const db = ident(facts.database)
  switch (facts.readOnlySource) {
    case 'user':
      return `run ALTER ROLE ${role} SET default_transaction_read_only = off (or use a writable role); if this is a read-only endpoint, point database-url at the primary`
    case 'database':
      return `run ALTER DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`
    case 'database user':
      return `run ALTER ROLE ${role} IN DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`
    case 'configuration file':
      return 'set default_transaction_read_only = off in postgresql.conf (or ALTER SYSTEM) and reload, or point database-url at the primary'
    case 'client':
      return 'remove default_transaction_read_only from the connection string options / PGOPTIONS'
    default:
      return `run ALTER ROLE ${role} SET default_transaction_read_only = off, or point database-url at the primary`
  }
}
