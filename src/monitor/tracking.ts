/**
 * The scheduled monitor's GitHub side: the merged PR of a deploy's commit, an issue found again by a
 * hidden marker (refreshed, not duplicated), and the rollback workflow's dispatch.
 */
import type { getOctokit } from '@actions/github'

export interface GitHubTarget {
  token: string
  owner: string
  repo: string
  baseUrl: string
  /** The branch a dispatched workflow runs on (schedules run on the default branch). */
  ref: string
}

/** The target from the token and the runner's variables, or why there is none (nothing is posted). */
export function githubTarget(
  token: string | undefined,
  env: Readonly<Record<string, string | undefined>>
): GitHubTarget | { missing: string } {
  if (!token) return { missing: 'no github-token (or GITHUB_TOKEN) was given' }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo)
    return {
      missing: `GITHUB_REPOSITORY is ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')}; expected owner/repo`
    }
  return {
    token,
    owner,
    repo,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    ref: env.GITHUB_REF_NAME || 'main'
  }
}

type Octokit = ReturnType<typeof getOctokit>

/** Octokit is loaded when the scheduled monitor posts, not by every stage that has the check in its table. */
async function octokitFor(t: GitHubTarget): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github')
  return getOctokit(t.token, { baseUrl: t.baseUrl })
}

/** The PR that brought `sha` in (GET /repos/:o/:r/commits/:sha/pulls): the merged one first. */
export async function pullRequestForCommit(
  t: GitHubTarget,
  sha: string
): Promise<number | undefined> {
  const { data } = await (
    await octokitFor(t)
  ).rest.repos.listPullRequestsAssociatedWithCommit({
    owner: t.owner,
    repo: t.repo,
    commit_sha: sha
  })
  const merged = data.find(pr => pr.merged_at)
  return (merged ?? data[0])?.number
}

export function issueMarker(key: string): string {
  return `<!-- migration-runbook-issue:${key} -->`
}

export interface EnsuredIssue {
  number: number
  url: string
  action: 'created' | 'updated'
}

/**
 * Opens the issue for `key`, or refreshes the open one (title and body): one issue per key while it is
 * open. A closed one was dealt with; the next occurrence opens a new one.
 */
export async function ensureIssue(
  t: GitHubTarget,
  issue: { key: string; title: string; body: string; labels: string[] }
): Promise<EnsuredIssue> {
  const octokit = await octokitFor(t)
  const marker = issueMarker(issue.key)
  const body = `${marker}\n${issue.body}`
  const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: t.owner,
    repo: t.repo,
    state: 'open',
    labels: issue.labels[0],
    per_page: 100
  })
  const found = open.find(i => !i.pull_request && (i.body ?? '').split('\n')[0].trim() === marker)
  if (found) {
    const { data } = await octokit.rest.issues.update({
      owner: t.owner,
      repo: t.repo,
      issue_number: found.number,
      title: issue.title,
      body
    })
    return { number: data.number, url: data.html_url, action: 'updated' }
  }
  const { data } = await octokit.rest.issues.create({
    owner: t.owner,
    repo: t.repo,
    title: issue.title,
    body,
    labels: issue.labels
  })
  return { number: data.number, url: data.html_url, action: 'created' }
}

/**
 * Starts the rollback workflow (workflow_dispatch with { environment, stage: rollback }). Its job is bound
 * to the environment, so the environment's reviewers still approve the rollback.
 */
export async function dispatchRollback(
  t: GitHubTarget,
  workflow: string,
  environment: string
): Promise<void> {
  await (
    await octokitFor(t)
  ).rest.actions.createWorkflowDispatch({
    owner: t.owner,
    repo: t.repo,
    workflow_id: workflow,
    ref: t.ref,
    inputs: { environment, stage: 'rollback' }
  })
}
