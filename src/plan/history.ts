/**
 * Migration history. `supabase_migrations.schema_migrations` is the table the Supabase CLI reads (so
 * `supabase migration list` agrees with us); `migration_runbook.audit_log` is our own evidence trail with
 * checksums, run ids, actors and the schema snapshot taken before each apply (for rollback checks).
 */
import type pg from 'pg'
import { quoteLiteral, quoteTextArray } from '../db/connect.js'
import { compareVersions } from './files.js'

export interface HistoryRow {
  version: string
  name: string | null
  /** sha256 recorded by our audit log when we applied it; null when another tool applied it. */
  checksum: string | null
}

export interface AuditEntry {
  runId: string
  environment: string
  stage: string
  version: string
  name: string
  checksum: string
  gitSha?: string
  actor?: string
  startedAt: Date
  finishedAt?: Date
  status: 'applied' | 'rolled-back' | 'failed'
  schemaBefore?: unknown
  details?: Record<string, unknown>
}

type Queryable = Pick<pg.Client, 'query'>

export const HISTORY_DDL = `
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
  version text NOT NULL PRIMARY KEY,
  statements text[],
  name text
);
-- A table an older Supabase CLI created has only version (or version and statements): the columns are added as
-- \`supabase db push\` adds them, only when missing (ALTER TABLE takes ACCESS EXCLUSIVE even with IF NOT EXISTS).
DO $migration_runbook$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                  WHERE attrelid = 'supabase_migrations.schema_migrations'::regclass
                    AND attname = 'statements' AND NOT attisdropped) THEN
    ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN statements text[];
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                  WHERE attrelid = 'supabase_migrations.schema_migrations'::regclass
                    AND attname = 'name' AND NOT attisdropped) THEN
    ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN name text;
  END IF;
END
$migration_runbook$;
CREATE SCHEMA IF NOT EXISTS migration_runbook;
CREATE TABLE IF NOT EXISTS migration_runbook.audit_log (
  id bigserial PRIMARY KEY,
  run_id text NOT NULL,
  environment text NOT NULL,
  stage text NOT NULL,
  version text NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  git_sha text,
  actor text,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('applied', 'rolled-back', 'failed')),
  schema_before jsonb,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_version_idx ON migration_runbook.audit_log (version, id);
-- The scheduled monitor (stage monitor-window): one row per run, deploy and check. since..taken_at is
-- the interval the value covers; threshold is the limit in force (a spike limit moves with the data).
CREATE TABLE IF NOT EXISTS migration_runbook.monitor_samples (
  id bigserial PRIMARY KEY,
  run text NOT NULL,
  environment text NOT NULL,
  migration text NOT NULL,
  "check" text NOT NULL,
  value double precision,
  threshold double precision,
  unit text NOT NULL DEFAULT '',
  breached boolean NOT NULL DEFAULT false,
  error text,
  since timestamptz NOT NULL,
  taken_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_samples_series_idx
  ON migration_runbook.monitor_samples (environment, migration, "check", taken_at);
`

/**
 * Creates the history tables if missing. Serialised by an advisory lock so concurrent first runs do not race
 * (CREATE ... IF NOT EXISTS is not safe against a concurrent create: 23505 on pg_namespace). The lock and the
 * DDL go in one simple query, which the server runs as one transaction: a transaction-level lock taken by a
 * query of its own would be released as that query ends, before the DDL. Returns the history, read in the same
 * query: apply and revert need it next, and a hosted database is 10–100 ms away per round trip.
 */
export async function ensureHistoryTables(client: Queryable): Promise<HistoryRow[]> {
  const results = (await client.query(
    `SELECT pg_advisory_xact_lock(hashtext('migration_runbook.ddl'));\n${HISTORY_DDL}\n${historySql(true)}`
  )) as unknown as { rows: Record<string, unknown>[] }[]
  return historyRows(results[results.length - 1].rows)
}

/**
 * Reads history without creating anything (validate must change nothing). A table an older Supabase CLI created
 * may have no name column: the names are then null, as `supabase migration list` shows them.
 */
export async function readHistory(client: Queryable): Promise<HistoryRow[]> {
  const exists = await client.query(`SELECT
      to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history,
      to_regclass('migration_runbook.audit_log') IS NOT NULL AS has_audit,
      EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
               WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
                 AND attname = 'name' AND NOT attisdropped) AS has_name`)
  const { has_history: hasHistory, has_audit: hasAudit, has_name: hasName } = exists.rows[0]
  if (!hasHistory) return []
  const res = await client.query(historySql(hasAudit, hasName))
  return historyRows(res.rows)
}

/** The history rows, each with the checksum its last apply recorded in the audit log (when there is one). */
function historySql(hasAudit: boolean, hasName = true): string {
  const checksum = hasAudit
    ? `(SELECT a.checksum FROM migration_runbook.audit_log a
         WHERE a.version = s.version AND a.status = 'applied' ORDER BY a.id DESC LIMIT 1)`
    : 'NULL::text'
  return `SELECT s.version, ${hasName ? 's.name' : 'NULL::text AS name'}, ${checksum} AS checksum FROM supabase_migrations.schema_migrations s`
}

/** Rows of historySql, oldest version first. */
function historyRows(rows: Record<string, unknown>[]): HistoryRow[] {
  return rows
    .map(r => ({
      version: String(r.version),
      name: (r.name as string | null) ?? null,
      checksum: (r.checksum as string | null) ?? null
    }))
    .sort((a, b) => compareVersions(a.version, b.version))
}

export async function recordApplied(
  client: Queryable,
  version: string,
  name: string,
  statements: string[]
): Promise<void> {
  await client.query(`${HISTORY_INSERT} ($1, $2, $3)`, [version, statements, name])
}

const HISTORY_INSERT =
  'INSERT INTO supabase_migrations.schema_migrations (version, statements, name) VALUES'

/**
 * recordApplied and writeAudit as SQL text, to be sent with the COMMIT in one round trip (a hosted database is
 * 10-100 ms away per query). Untyped literals take their column's type, as parameters do.
 */
export function recordAppliedSql(version: string, name: string, statements: string[]): string {
  return `${HISTORY_INSERT} (${quoteLiteral(version)}, ${quoteTextArray(statements)}, ${quoteLiteral(name)})`
}

export function writeAuditSql(e: AuditEntry): string {
  return `${AUDIT_INSERT} (${auditValues(e).map(quoteLiteral).join(', ')})`
}

/**
 * Adds `patch` to an audit row's details and stamps its finished_at: how far a no-transaction migration got, and
 * why it stopped (apply.ts; readUnfinishedRuns reads it back).
 */
export async function patchAuditDetails(
  client: Queryable,
  id: string,
  patch: Record<string, unknown>
): Promise<void> {
  await client.query(
    `UPDATE migration_runbook.audit_log SET details = details || $2::jsonb, finished_at = now() WHERE id = $1`,
    [id, JSON.stringify(patch)]
  )
}

export async function removeApplied(client: Queryable, version: string): Promise<number> {
  const res = await client.query(
    `DELETE FROM supabase_migrations.schema_migrations WHERE version = $1`,
    [version]
  )
  return res.rowCount ?? 0
}

const AUDIT_INSERT = `INSERT INTO migration_runbook.audit_log
  (run_id, environment, stage, version, name, checksum, git_sha, actor, started_at, finished_at, status, schema_before, details)
  VALUES`

/** An audit entry's column values, in AUDIT_INSERT's order, as text. */
function auditValues(e: AuditEntry): (string | null)[] {
  return [
    e.runId,
    e.environment,
    e.stage,
    e.version,
    e.name,
    e.checksum,
    e.gitSha ?? null,
    e.actor ?? null,
    e.startedAt.toISOString(),
    (e.finishedAt ?? new Date()).toISOString(),
    e.status,
    e.schemaBefore === undefined ? null : JSON.stringify(e.schemaBefore),
    JSON.stringify(e.details ?? {})
  ]
}

export async function writeAudit(client: Queryable, e: AuditEntry): Promise<void> {
  await client.query(
    `${AUDIT_INSERT} ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    auditValues(e)
  )
}

/**
 * The schema snapshot recorded before `version` was last applied (for the rollback's equality check). `known`:
 * the snapshots this run took itself (apply), used as they are instead of read back.
 */
export async function schemaBefore(
  client: Queryable,
  version: string,
  known?: ReadonlyMap<string, unknown>
): Promise<unknown | null> {
  if (known?.has(version)) return known.get(version)
  // A database only the Supabase CLI has migrated has no audit log: there is no snapshot, which is not an error.
  if (!(await auditLogExists(client))) return null
  const res = await client.query(
    `SELECT schema_before FROM migration_runbook.audit_log
      WHERE version = $1 AND status = 'applied' AND schema_before IS NOT NULL ORDER BY id DESC LIMIT 1`,
    [version]
  )
  return res.rows[0]?.schema_before ?? null
}

/** A no-transaction migration a run started and did not record as applied (apply.ts writes the marker). */
export interface UnfinishedRun {
  version: string
  runId: string
  startedAt: Date
  /** When its last statement completed (or it failed). */
  lastAt: Date
  statementsDone: number
  statements: number
  /** The failing statement's error; absent when the run was killed or lost half-way. */
  error?: string
}

/**
 * The newest unfinished run of each of `versions` that is still not applied: its completed statements stay
 * applied (each committed on its own), and apply will run the file again from its first statement.
 */
export async function readUnfinishedRuns(
  client: Queryable,
  versions: readonly string[]
): Promise<UnfinishedRun[]> {
  if (versions.length === 0) return []
  if (!(await auditLogExists(client))) return []
  const res = await client.query(
    `SELECT DISTINCT ON (a.version) a.version, a.run_id, a.started_at, a.finished_at, a.details
       FROM migration_runbook.audit_log a
      WHERE a.version = ANY ($1::text[]) AND a.status = 'failed' AND a.details->>'unfinished' = 'true'
      ORDER BY a.version, a.id DESC`,
    [versions]
  )
  return res.rows.map(r => ({
    version: String(r.version),
    runId: String(r.run_id),
    startedAt: new Date(r.started_at),
    lastAt: new Date(r.finished_at),
    statementsDone: Number(r.details.statementsDone ?? 0),
    statements: Number(r.details.statements ?? 0),
    ...(typeof r.details.error === 'string' ? { error: r.details.error } : {})
  }))
}

/** Whether migration_runbook.audit_log exists: a database only the Supabase CLI has migrated has none. */
export async function auditLogExists(client: Queryable): Promise<boolean> {
  const res = await client.query(
    `SELECT to_regclass('migration_runbook.audit_log') IS NOT NULL AS ok`
  )
  return res.rows[0].ok === true
}

/** Another migration tool's history table, found where this tool's history records nothing. */
export interface ForeignHistory {
  /** schema.table, e.g. public.schema_migrations. */
  table: string
  /** Its rows: what that tool counts as applied. */
  rows: number
}

/**
 * History tables other migration tools keep (dbmate, golang-migrate, Rails and hand-written scripts:
 * schema_migrations; Flyway; Prisma; goose; Atlas; Knex; Drizzle), outside supabase_migrations, with rows. One
 * round trip to find them, a second to count their rows only when there are any (not query_to_xml with xpath:
 * that needs a server built with libxml).
 */
export async function readForeignHistories(client: Queryable): Promise<ForeignHistory[]> {
  const found = await client.query<{ tbl: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS tbl
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'supabase_migrations'
        AND c.relname IN ('schema_migrations', 'flyway_schema_history', '_prisma_migrations', 'goose_db_version',
                          'atlas_schema_revisions', 'knex_migrations', '__drizzle_migrations')
        AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
      ORDER BY 1`
  )
  const tables = found.rows.map(r => r.tbl)
  if (tables.length === 0) return []
  // The names come from format('%I.%I'): quoted as identifiers already.
  const counts = await client.query(
    `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t})::int AS c${i}`).join(', ')}`
  )
  return tables
    .map((table, i) => ({ table, rows: Number(counts.rows[0][`c${i}`]) }))
    .filter(f => f.rows > 0)
}
