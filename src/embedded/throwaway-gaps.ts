/**
 * What the throwaway database lacks that hosted Supabase has: an error on it is then the throwaway's gap, not the
 * migration's fault, and the fix says so. Used by the baseline (deployed files) and the rehearsal (pending ones).
 */
import { standInOfAccessMethod } from '../db/stand-in-index.js'

/** A CREATE EXTENSION the server has no files for. */
const UNAVAILABLE_EXTENSION =
  /extension "([^"]+)" is not available|could not open extension control file ".*\/([^/"]+)\.control"/

/**
 * Extensions hosted Supabase offers beyond what PostgreSQL's contrib ships (the throwaway server has contrib):
 * supabase/postgres's supautils list of privileged extensions.
 */
const HOSTED_EXTENSIONS = new Set(
  (
    'address_standardizer address_standardizer_data_us http hypopg index_advisor pg_cron pg_graphql pg_hashids ' +
    'pg_jsonschema pg_net pg_repack pg_stat_monitor pg_tle pgaudit pgjwt pgmq pgroonga pgroonga_database pgrouting ' +
    'pgsodium pgtap pljava plpgsql_check postgis postgis_raster postgis_sfcgal postgis_tiger_geocoder ' +
    'postgis_topology rum supabase_vault vector wrappers'
  ).split(' ')
)

/** Offered on Supabase's Postgres 15 projects, not on Postgres 17 ones (supabase/postgres removes them there). */
const HOSTED_ON_15_ONLY = new Set(['timescaledb', 'plv8', 'plcoffee', 'plls'])

/** Schemas hosted Supabase creates and manages; the throwaway has stand-ins of them. */
const MANAGED_SCHEMA =
  /(?:function|relation|type|table|view) "?((auth|storage|realtime|vault|net|cron|graphql|graphql_public|supabase_functions|pgsodium|pgmq)\.[^"\s(]+)/

const ELSEWHERE =
  'Rehearse against a database that has it (--database-url of a Supabase branch or staging).'

/** The fix for a CREATE EXTENSION the throwaway server cannot run (setup-sql cannot help: no control file). */
function extensionAdvice(name: string): string {
  if (HOSTED_ON_15_ONLY.has(name))
    return (
      `extension "${name}" is offered on Supabase's Postgres 15 projects but not on Postgres 17 ones, and the throwaway ` +
      `server (Postgres 17) does not ship it: a project created today fails on this migration too. ${ELSEWHERE}`
    )
  if (HOSTED_EXTENSIONS.has(name))
    return (
      `the throwaway server does not ship extension "${name}" (hosted Supabase offers it): the gap is the throwaway ` +
      `database's, not your migration's. ${ELSEWHERE}`
    )
  return (
    `extension "${name}" is neither on the throwaway server nor in hosted Supabase's list of extensions: check the ` +
    `project's dashboard (Database, Extensions). ${ELSEWHERE}`
  )
}

/** Why an error on the throwaway database is the throwaway's gap, and what to do; undefined when it is not. */
export function throwawayGap(message: string): string | undefined {
  const ext = UNAVAILABLE_EXTENSION.exec(message)
  if (ext) return extensionAdvice(ext[1] ?? ext[2])
  const multicolumn = /access method "([^"]+)" does not support multicolumn indexes/.exec(message)
  const standIn = multicolumn ? standInOfAccessMethod(multicolumn[1]) : undefined
  if (multicolumn && standIn)
    return (
      `the throwaway server's ${standIn} is a stand-in whose ${multicolumn[1]} index is a hash index, which ` +
      `takes one column: the gap is the throwaway database's, not your migration's. ${ELSEWHERE}`
    )
  const provider = /security label provider "([^"]+)" is not loaded/.exec(message)
  if (provider)
    return (
      `the throwaway server cannot load security label provider "${provider[1]}" (a C module hosted Supabase loads): ` +
      `the gap is the throwaway database's, not your migration's. ${ELSEWHERE}`
    )
  const managed = /does not exist/.test(message) ? MANAGED_SCHEMA.exec(message) : null
  if (managed)
    return (
      `${managed[1]} is in the ${managed[2]} schema, which hosted Supabase manages and the throwaway database imitates. ` +
      "If hosted Supabase has it, the gap is the throwaway's: define a stand-in in setup-sql: in runbook.yml, or " +
      'rehearse against a database that has it (--database-url of a Supabase branch or staging). If your project ' +
      'made it outside the migrations, add it to setup-sql:'
    )
  return undefined
}
