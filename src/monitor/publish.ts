/**
 * Posts one deploy's monitoring to GitHub: the tracking comment on its merged PR (or a tracking issue when
 * the commit has no PR), and on a breach the breach issue and, by policy, the rollback request.
 * GitHub failures become warnings: the samples are stored whatever GitHub answers.
 */
import { upsertStickyComment } from '../github/comment.js'
import type { OnBreach } from '../config/monitor-settings.js'
import {
  deployLabel,
  renderBreachIssue,
  renderTracking,
  type TrackingView
} from '../report/monitor-window-section.js'
import {
  dispatchRollback,
  ensureIssue,
  pullRequestForCommit,
  type GitHubTarget
} from './tracking.js'

export const ISSUE_LABEL = 'migration-runbook'

export interface Published {
  version: string
  tracking?: { on: 'pull-request' | 'issue'; number: number; url?: string; action: string }
  breachIssue?: { number: number; url: string; action: string }
  rollbackRequested?: { workflow: string }
  warnings: string[]
}

export interface PublishOptions extends TrackingView {
  onBreach: OnBreach
  rollbackWorkflow: string
  /** A threshold was crossed (not only a sample that failed to run). */
  measuredBreach: boolean
  /** Only the newest deploy can be rolled back (the rollback stage reverts the newest applied). */
  newest: boolean
  /** The other deploys still in the window (named in the breach issue). */
  others: string[]
}

function why(e: unknown): string {
  const status = (e as { status?: number }).status
  return `${status ? `HTTP ${status}: ` : ''}${(e as Error).message}`
}

export async function publishDeploy(t: GitHubTarget, o: PublishOptions): Promise<Published> {
  const out: Published = { version: o.deploy.version, warnings: [] }
  const label = deployLabel(o.deploy)
  const body = renderTracking(o)
  let pr: number | undefined
  if (o.deploy.gitSha) {
    try {
      pr = await pullRequestForCommit(t, o.deploy.gitSha)
    } catch (e) {
      out.warnings.push(`could not find the PR of commit ${o.deploy.gitSha}: ${why(e)}`)
    }
  }
  try {
    if (pr !== undefined) {
      const r = await upsertStickyComment({
        token: t.token,
        owner: t.owner,
        repo: t.repo,
        issueNumber: pr,
        // Its own marker: the deploy's comment (marker of the environment alone) is left as it is.
        environment: `${o.environment}:monitor:${o.deploy.version}`,
        body,
        baseUrl: t.baseUrl,
        retry: { attempts: 2, baseDelayMs: 500 }
      })
      out.tracking = { on: 'pull-request', number: pr, url: r.url, action: r.action }
      if (r.warning) out.warnings.push(r.warning)
    } else {
      const r = await ensureIssue(t, {
        key: `tracking:${o.environment}:${o.deploy.version}`,
        title: `Monitoring ${label} on ${o.environment}`,
        body,
        labels: [ISSUE_LABEL]
      })
      out.tracking = { on: 'issue', ...r }
    }
  } catch (e) {
    out.warnings.push(`could not update the tracking comment of ${label}: ${why(e)}`)
  }
  // The metrics are the environment's, not one migration's: one issue, under the newest deploy (the one a
  // rollback would revert), listing the others still watched.
  if (o.breaches.length === 0 || o.onBreach === 'none' || !o.newest) return out

  const action =
    o.onBreach === 'rollback'
      ? `rollback: the ${o.rollbackWorkflow} workflow is requested with stage rollback (the environment's reviewers approve it)`
      : 'issue'
  try {
    out.breachIssue = await ensureIssue(t, {
      key: `breach:${o.environment}:${o.deploy.version}`,
      title: `Monitor breach: ${label} on ${o.environment}`,
      body: renderBreachIssue({ ...o, trackingUrl: out.tracking?.url, action, others: o.others }),
      labels: [ISSUE_LABEL, 'monitor-breach']
    })
  } catch (e) {
    out.warnings.push(`could not open the breach issue of ${label}: ${why(e)}`)
    return out
  }
  // Once per breach issue: every later run refreshes the issue instead of queueing more rollbacks.
  if (o.onBreach === 'rollback' && o.measuredBreach && out.breachIssue.action === 'created') {
    try {
      await dispatchRollback(t, o.rollbackWorkflow, o.environment)
      out.rollbackRequested = { workflow: o.rollbackWorkflow }
    } catch (e) {
      out.warnings.push(
        `could not request the rollback (${o.rollbackWorkflow}, needs actions: write): ${why(e)}`
      )
    }
  }
  return out
}
