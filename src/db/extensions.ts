/**
 * Extension facts: which extensions the pending migrations create or need, whether the server ships them and
 * whether this role may create them. "Need" adds btree_gist when a gist index or EXCLUDE USING gist compares a
 * plain scalar column (uuid, text, int, ...) with `=`: core gist has no operator class for those, btree_gist
 * provides them. Read by the extensions check and by connection (can this role create what the plan needs).
 */
import type pg from 'pg'
import { STAND_IN_MARKER } from './stand-in.js'
import type { Migration } from '../plan/files.js'
import { loadParser, names, parseSql, qualifiedName, walk, type AstNode } from '../sql/parser.js'
import { regclassName } from './sessions.js'

type Queryable = Pick<pg.Client, 'query'>

/** Types btree_gist gives gist operator classes for (pg_type.typname, plus the parser's spellings). */
// prettier-ignore
const BTREE_GIST_TYPES = new Set([
  'int2', 'int4', 'int8', 'smallint', 'integer', 'bigint', 'serial', 'bigserial', 'smallserial',
  'float4', 'float8', 'numeric', 'money', 'oid', 'bool',
  'text', 'varchar', 'bpchar', 'char', 'name', 'bytea', 'bit', 'varbit',
  'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval',
  'uuid', 'inet', 'cidr', 'macaddr', 'macaddr8'
])

/** A column a gist index or exclusion constraint uses in a way that needs btree_gist (when it is scalar). */
export interface GistColumnUse {
  file: string
  line: number
  table: string
  column: string
  via: 'exclude' | 'index'
  /** The column's type if the pending SQL declares it (CREATE TABLE / ADD COLUMN), else undefined. */
  declaredType?: string
}

function typeNameOf(typeName: AstNode | undefined): string | undefined {
  const parts = names(typeName?.names)
  return parts.length ? parts[parts.length - 1] : undefined
}

/** Columns declared by the pending SQL: 'schema.table.column' -> type name. */
function declaredColumns(statements: AstNode[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const stmt of statements) {
    const relation = stmt.CreateStmt?.relation ?? stmt.AlterTableStmt?.relation
    if (!relation) continue
    const table = qualifiedName(relation)
    walk(stmt, (key, value) => {
      if (key === 'ColumnDef' && value.colname) {
        const type = typeNameOf(value.typeName)
        if (type) out.set(`${table}.${value.colname}`, type)
      }
    })
  }
  return out
}

/**
 * Plain columns that a gist index (without an explicit operator class) or a gist EXCLUDE with `=` uses, in
 * the pending migrations. Whether btree_gist is really needed depends on the column's type: see needsBtreeGist.
 */
export function gistColumnUses(pending: Pick<Migration, 'file' | 'sql'>[]): GistColumnUse[] {
  const uses: GistColumnUse[] = []
  for (const m of pending) {
    const { statements } = parseSql(m.sql)
    const declared = declaredColumns(statements.map(s => s.ast))
    for (const s of statements) {
      const relation =
        s.ast.CreateStmt?.relation ?? s.ast.AlterTableStmt?.relation ?? s.ast.IndexStmt?.relation
      if (!relation) continue
      const table = qualifiedName(relation)
      const add = (column: string, via: GistColumnUse['via']) =>
        uses.push({
          file: m.file,
          line: s.line,
          table,
          column,
          via,
          declaredType: declared.get(`${table}.${column}`)
        })
      walk(s.ast, (key, value) => {
        if (key === 'IndexStmt' && value.accessMethod === 'gist') {
          for (const p of value.indexParams ?? []) {
            const elem = p.IndexElem
            if (elem?.name && !elem.opclass?.length) add(elem.name, 'index')
          }
        }
        if (
          key === 'Constraint' &&
          value.contype === 'CONSTR_EXCLUSION' &&
          (value.access_method ?? 'btree') === 'gist'
        ) {
          for (const pair of value.exclusions ?? []) {
            const [elemNode, opsNode] = pair.List?.items ?? []
            const elem = elemNode?.IndexElem
            const operator = names(opsNode?.List?.items).pop()
            if (elem?.name && operator === '=' && !elem.opclass?.length) add(elem.name, 'exclude')
          }
        }
      })
    }
  }
  return uses
}

/** Types with gist support of their own (ranges, geometry, text search): `=` on them needs no btree_gist. */
const OWN_GIST_TYPES = new Set(['box', 'point', 'polygon', 'circle', 'tsvector', 'tsquery'])

/**
 * Whether a use needs btree_gist, given the column's type (pg_type.typname and typtype when read from the
 * database, the declared name otherwise; undefined if unknown). An unknown type compared with `=` in a gist
 * exclusion is nearly always a scalar key (an id, an enum): assume yes.
 */
export function needsBtreeGist(
  use: GistColumnUse,
  type: { typname: string; typtype?: string } | undefined
): boolean {
  if (!type) return use.via === 'exclude'
  if (BTREE_GIST_TYPES.has(type.typname) || type.typtype === 'e') return true
  if (
    type.typtype === 'r' ||
    type.typtype === 'm' ||
    /range$/.test(type.typname) ||
    OWN_GIST_TYPES.has(type.typname)
  ) {
    return false
  }
  // A type the SQL names but we cannot classify (e.g. an enum created in the same migration).
  return type.typtype === undefined && use.via === 'exclude'
}

export interface RoleFacts {
  user: string
  database: string
  isSuperuser: boolean
  /** CREATE on the database: enough for trusted extensions (PostgreSQL 13+). */
  hasDatabaseCreate: boolean
  /** Supabase's supautils allow list (supautils.privileged_extensions), null when not on supautils. */
  privilegedExtensions: string[] | null
}

export interface ExtensionFacts {
  name: string
  available: boolean
  defaultVersion: string | null
  installedVersion: string | null
  /**
   * Trusted (its default version's control file), read only where it can matter: not installed, and the role
   * not superuser. Elsewhere false: pg_available_extension_versions reads every control and script file of
   * the server (~10 ms of a run, most of the extensions fact).
   */
  trusted: boolean
  /** The throwaway server's stand-in (DDL only), not the real extension. */
  standIn?: boolean
}

export interface ExtensionVerdict {
  name: string
  available: boolean
  installedVersion: string | null
  creatable: boolean
  why: string
}

export async function readRoleFacts(db: Queryable): Promise<RoleFacts> {
  const { rows } = await db.query(
    `SELECT current_user::text AS user, current_database()::text AS database,
            coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) AS is_superuser,
            has_database_privilege(current_database(), 'CREATE') AS has_create,
            current_setting('supautils.privileged_extensions', true) AS privileged`
  )
  const r = rows[0]
  const privileged =
    typeof r.privileged === 'string' && r.privileged.trim() !== '' ? r.privileged : null
  return {
    user: r.user,
    database: r.database,
    isSuperuser: r.is_superuser,
    hasDatabaseCreate: r.has_create,
    privilegedExtensions:
      privileged === null
        ? null
        : privileged
            .split(',')
            .map((s: string) => s.trim())
            .filter(Boolean)
  }
}

export async function readExtensionFacts(
  db: Queryable,
  wanted: string[],
  role: Pick<RoleFacts, 'isSuperuser'>
): Promise<ExtensionFacts[]> {
  const { rows } = await db.query(
    `SELECT w.name, e.name IS NOT NULL AS available, e.default_version, e.installed_version,
            CASE WHEN e.name IS NOT NULL AND e.installed_version IS NULL AND NOT $3::boolean
                 -- An uncorrelated subquery: run once, and only when a row gets here.
                 THEN (e.name || '@' || e.default_version) = ANY (
                        (SELECT coalesce(array_agg(v.name || '@' || v.version), '{}')
                           FROM pg_available_extension_versions v
                          WHERE v.trusted AND v.name = ANY ($1::text[]))::text[])
                 ELSE false END AS trusted,
            coalesce(e.comment LIKE $2 || '%', false) AS stand_in
       FROM unnest($1::text[]) AS w(name)
       LEFT JOIN pg_available_extensions e ON e.name = w.name
      ORDER BY w.name`,
    [wanted, STAND_IN_MARKER, role.isSuperuser]
  )
  return rows.map(r => ({
    name: r.name,
    available: r.available,
    defaultVersion: r.default_version,
    installedVersion: r.installed_version,
    trusted: r.trusted,
    standIn: r.stand_in
  }))
}

/** Whether this role can have the extension: installed already, or it may create it. */
export function judgeExtension(fact: ExtensionFacts, role: RoleFacts): ExtensionVerdict {
  const base = {
    name: fact.name,
    available: fact.available,
    installedVersion: fact.installedVersion
  }
  if (fact.installedVersion)
    return { ...base, creatable: true, why: `installed (version ${fact.installedVersion})` }
  if (!fact.available) {
    return {
      ...base,
      creatable: false,
      why: 'not available on this server (absent from pg_available_extensions)'
    }
  }
  if (role.isSuperuser)
    return { ...base, creatable: true, why: `available; ${role.user} is superuser` }
  if (role.privilegedExtensions?.includes(fact.name)) {
    return {
      ...base,
      creatable: true,
      why: 'available; in the Supabase allow list (supautils.privileged_extensions)'
    }
  }
  if (fact.trusted && role.hasDatabaseCreate) {
    return {
      ...base,
      creatable: true,
      why: `available and trusted; ${role.user} has CREATE on database ${role.database}`
    }
  }
  if (fact.trusted) {
    return {
      ...base,
      creatable: false,
      why: `trusted, but ${role.user} lacks CREATE on database ${role.database}; GRANT CREATE ON DATABASE or create it as an owner`
    }
  }
  return {
    ...base,
    creatable: false,
    why: `not a trusted extension and ${role.user} is not superuser; have a superuser create it (on Supabase: enable it in the dashboard)`
  }
}

/** Column types of existing tables, for the gist uses the pending SQL does not declare. */
async function liveColumnTypes(
  db: Queryable,
  uses: GistColumnUse[]
): Promise<Map<string, { typname: string; typtype: string }>> {
  const unknown = uses.filter(u => !u.declaredType)
  const out = new Map<string, { typname: string; typtype: string }>()
  if (unknown.length === 0) return out
  const { rows } = await db.query(
    `SELECT u.i, t.typname::text, t.typtype::text
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(tbl, col, i)
       JOIN pg_attribute a ON a.attrelid = to_regclass(u.tbl) AND a.attname = u.col AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid`,
    [unknown.map(u => regclassName(u.table)), unknown.map(u => u.column)]
  )
  for (const r of rows) {
    const u = unknown[Number(r.i) - 1]
    out.set(`${u.table}.${u.column}`, { typname: r.typname, typtype: r.typtype })
  }
  return out
}

/** Extensions the plan needs: plan.extensions plus btree_gist when the pending SQL needs it (with why). */
export async function neededExtensions(
  db: Queryable,
  plan: { extensions: string[]; pending: Pick<Migration, 'file' | 'sql'>[] }
): Promise<{ names: string[]; because: Record<string, string> }> {
  const because: Record<string, string> = {}
  for (const e of plan.extensions) because[e] = 'created by a pending migration'
  if (!because.btree_gist && plan.pending.length > 0) {
    await loadParser()
    const uses = gistColumnUses(plan.pending)
    const live = await liveColumnTypes(db, uses)
    const use = uses.find(u => {
      const type = u.declaredType ? { typname: u.declaredType } : live.get(`${u.table}.${u.column}`)
      return needsBtreeGist(u, type)
    })
    if (use) {
      because.btree_gist = `${use.file}:${use.line} uses ${use.table}.${use.column} in a gist ${use.via === 'exclude' ? 'exclusion with =' : 'index'}`
    }
  }
  return { names: Object.keys(because).sort(), because }
}
