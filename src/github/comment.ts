/**
 * One sticky PR comment per environment: found by its hidden marker (first line) and its author being
 * this token's identity, created once, then edited. Comments of other environments, other tools and
 * people (a human comment that starts with the marker included) are never touched.
 */
import type { getOctokit } from '@actions/github'
import { commentMarker } from '../report/markers.js'

export interface UpsertCommentOptions {
  token: string
  owner: string
  repo: string
  issueNumber: number
  environment: string
  /** The new body; or compose it from the existing comment's body (undefined: post nothing). */
  body: string | ((existing: string | undefined) => string | undefined)
  /**
   * The login our comments are posted as. Default: the token's own (GET /user); an installation token
   * (GITHUB_TOKEN) cannot read that, and then a bot author (github-actions[bot], an app's bot) is ours.
   */
  author?: string
  baseUrl?: string
  log?: (level: 'info' | 'warning', msg: string) => void
  /** 5xx retries per request (default 3) and the first backoff (default 1000 ms, doubled each time). */
  retry?: { attempts?: number; baseDelayMs?: number }
}

export interface UpsertCommentResult {
  url?: string
  action: 'created' | 'updated' | 'skipped'
  warning?: string
}

interface IssueComment {
  id: number
  body?: string
  html_url: string
  user?: { login?: string; type?: string } | null
}

type Octokit = ReturnType<typeof getOctokit>

export async function upsertStickyComment(
  opts: UpsertCommentOptions
): Promise<UpsertCommentResult> {
  const log = opts.log ?? (() => {})
  if (!opts.token) {
    return skipped(log, 'No github-token was given, so the PR comment was not posted.')
  }
  const marker = commentMarker(opts.environment)
  const withMarker = (text: string) => (firstLine(text) === marker ? text : `${marker}\n${text}`)
  // Loaded on first use: octokit is 1.6 MB of the bundle, and a run that posts no comment never needs it.
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(opts.token, {
    baseUrl: opts.baseUrl ?? 'https://api.github.com'
  })
  retryServerErrors(octokit, opts.retry ?? {}, log)
  const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber }
  const ours = ownComments(octokit, opts.author, log)

  try {
    const [existing, ...duplicates] = await ours(await findComments(octokit, where, marker))
    const composed =
      typeof opts.body === 'function' ? opts.body(existing?.body ?? undefined) : opts.body
    if (composed === undefined) {
      log('info', `Nothing to post for ${opts.environment}: no comment was created.`)
      return { action: 'skipped' }
    }
    const body = withMarker(composed)
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({
        owner: opts.owner,
        repo: opts.repo,
        comment_id: existing.id,
        body
      })
      await deleteComments(octokit, { ...opts, log }, duplicates)
      log('info', `Updated the ${opts.environment} comment: ${data.html_url}`)
      return { url: data.html_url, action: 'updated' }
    }
    const { data } = await octokit.rest.issues.createComment({ ...where, body })
    // Two runs that both found no comment both create one (and a retried POST may have created one
    // already): the oldest comment is the sticky one, so a newer one of ours gives way to it.
    const [oldest] = await ours(await findComments(octokit, where, marker))
    if (oldest && oldest.id < data.id) {
      const { data: kept } = await octokit.rest.issues.updateComment({
        owner: opts.owner,
        repo: opts.repo,
        comment_id: oldest.id,
        body
      })
      await deleteComments(octokit, { ...opts, log }, [data])
      log('info', `Updated the ${opts.environment} comment: ${kept.html_url}`)
      return { url: kept.html_url, action: 'updated' }
    }
    log('info', `Created the ${opts.environment} comment: ${data.html_url}`)
    return { url: data.html_url, action: 'created' }
  } catch (error) {
    const status = (error as { status?: number }).status
    const target = `${opts.owner}/${opts.repo}#${opts.issueNumber}`
    if (status === 403 && isRateLimited(error)) {
      return skipped(
        log,
        `GitHub API rate limit reached; the PR comment on ${target} was not posted.`
      )
    }
    if (status === 403) {
      return skipped(
        log,
        `The token may not comment on ${target} (403): grant \`pull-requests: write\` in the ` +
          `workflow's permissions (PRs from forks only get a read-only token). The report is in ` +
          `the job summary and the artifact.`
      )
    }
    if (status === 404) {
      return skipped(
        log,
        `Pull request ${target} was not found (404), or the token cannot see it; the comment was not posted.`
      )
    }
    throw new Error(
      `Posting the ${opts.environment} comment on ${target} failed` +
        (status ? ` (HTTP ${status})` : '') +
        `: ${(error as Error).message}`,
      { cause: error }
    )
  }
}

/**
 * A filter keeping the comments this token posted. The identity is looked up once, and only when a
 * comment carries the marker (an empty PR costs no extra request).
 */
function ownComments(
  octokit: Octokit,
  author: string | undefined,
  log: (level: 'info' | 'warning', msg: string) => void
): (comments: IssueComment[]) => Promise<IssueComment[]> {
  let isOurs: Promise<(c: IssueComment) => boolean> | undefined
  const lookUp = async (): Promise<(c: IssueComment) => boolean> => {
    if (author) return c => c.user?.login === author
    try {
      const { data } = await octokit.rest.users.getAuthenticated()
      return c => c.user?.login === data.login
    } catch (error) {
      // GITHUB_TOKEN and app tokens get 403 "Resource not accessible by integration": they post as a bot.
      const status = (error as { status?: number }).status
      if (status !== 403) {
        log(
          'info',
          `Could not read the token's identity (HTTP ${status ?? '?'}); treating bot comments as ours.`
        )
      }
      return c => c.user?.login === 'github-actions[bot]' || c.user?.type === 'Bot'
    }
  }
  return async comments => {
    if (comments.length === 0) return comments
    isOurs ??= lookUp()
    const keep = await isOurs
    return comments.filter(keep)
  }
}

/**
 * Every comment for this environment (by marker), oldest first. Walks every page (100 a page) so an
 * old comment far down a busy PR is still found.
 */
async function findComments(
  octokit: Octokit,
  where: { owner: string; repo: string; issue_number: number },
  marker: string
): Promise<IssueComment[]> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...where,
    per_page: 100
  })
  const found: IssueComment[] = []
  for await (const page of pages) {
    found.push(...(page.data as IssueComment[]).filter(c => firstLine(c.body ?? '') === marker))
  }
  return found.sort((a, b) => a.id - b.id)
}

/**
 * Removes duplicates, best effort: the report is already posted. One already gone (another run
 * removed it) is fine.
 */
async function deleteComments(
  octokit: Octokit,
  opts: { owner: string; repo: string; log: (level: 'info' | 'warning', msg: string) => void },
  comments: { id: number }[]
): Promise<void> {
  for (const c of comments) {
    try {
      await octokit.rest.issues.deleteComment({
        owner: opts.owner,
        repo: opts.repo,
        comment_id: c.id
      })
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status !== 404) {
        opts.log(
          'warning',
          `Could not remove the duplicate comment ${c.id} (HTTP ${status ?? '?'}).`
        )
      }
    }
  }
}

/** Bounded retries with doubling backoff for 5xx (and network failures, which octokit reports as 500). */
function retryServerErrors(
  octokit: Octokit,
  retry: { attempts?: number; baseDelayMs?: number },
  log: (level: 'info' | 'warning', msg: string) => void
): void {
  const attempts = Math.max(0, retry.attempts ?? 3)
  const baseDelayMs = Math.max(0, retry.baseDelayMs ?? 1000)
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options)
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0
        if (status < 500 || attempt >= attempts) throw error
        const delay = baseDelayMs * 2 ** attempt
        log(
          'info',
          `GitHub API ${options.method} ${options.url} returned ${status}; retry ${attempt + 1} of ${attempts} in ${delay} ms`
        )
        await new Promise(resolve => setTimeout(resolve, delay))
      }
    }
  })
}

function isRateLimited(error: unknown): boolean {
  const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers
  return headers?.['x-ratelimit-remaining'] === '0'
}

function skipped(
  log: (level: 'info' | 'warning', msg: string) => void,
  warning: string
): UpsertCommentResult {
  log('warning', warning)
  return { action: 'skipped', warning }
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return (end === -1 ? text : text.slice(0, end)).trim()
}
