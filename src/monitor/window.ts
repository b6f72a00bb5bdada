/**
 * The deploys the scheduled monitor watches: migrations applied to the environment within the last
 * monitor.window, read from migration_runbook.audit_log. A deploy rolled back since is no longer watched.
 */
import type pg from 'pg'
import { auditLogExists } from '../plan/history.js'

type Queryable = Pick<pg.Client, 'query'>

export interface Deploy {
  version: string
  name: string
  /** The commit the apply ran from (GITHUB_SHA), which finds the merged PR. */
  gitSha: string | null
  runId: string
  deployedAt: Date
}

/** Deploys of `environment` finished within `windowMs` before `now`, oldest first. */
export async function findDeploys(
  client: Queryable,
  environment: string,
  windowMs: number,
  now: Date = new Date()
): Promise<Deploy[]> {
  if (!(await auditLogExists(client))) return []
  const res = await client.query(
    `SELECT DISTINCT ON (a.version) a.version, a.name, a.git_sha, a.run_id, a.finished_at
       FROM migration_runbook.audit_log a
      WHERE a.environment = $1
        AND a.stage = 'apply'
        AND a.status = 'applied'
        AND a.finished_at >= $2::timestamptz - make_interval(secs => $3::double precision / 1000)
        AND a.finished_at <= $2::timestamptz
        AND NOT EXISTS (
          SELECT 1 FROM migration_runbook.audit_log r
           WHERE r.environment = a.environment AND r.version = a.version
             AND r.status = 'rolled-back' AND r.id > a.id)
      ORDER BY a.version, a.id DESC`,
    [environment, now, windowMs]
  )
  return res.rows
    .map(r => ({
      version: String(r.version),
      name: String(r.name),
      gitSha: r.git_sha ?? null,
      runId: String(r.run_id),
      deployedAt: new Date(r.finished_at)
    }))
    .sort((a, b) => a.deployedAt.getTime() - b.deployedAt.getTime())
}
