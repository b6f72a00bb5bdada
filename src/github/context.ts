/** Facts about the current workflow run, read from the runner's environment variables. */
import { readFileSync } from 'node:fs'

/** The PR number when the run was triggered by pull_request or pull_request_review*, else undefined. */
export function pullRequestNumber(
  env: Readonly<Record<string, string | undefined>>
): number | undefined {
  if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return undefined
  let payload: { pull_request?: { number?: unknown } }
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch {
    return undefined
  }
  const n = payload.pull_request?.number
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined
}

/**
 * The commit the report is about: on pull_request events the PR head (GITHUB_SHA is then the
 * temporary merge commit nobody pushed), in a merge queue the queue's head, else GITHUB_SHA.
 */
export function headSha(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const payload = readEvent(env) as {
    pull_request?: { head?: { sha?: unknown } }
    merge_group?: { head_sha?: unknown }
  }
  const sha = env.GITHUB_EVENT_NAME?.startsWith('pull_request')
    ? payload.pull_request?.head?.sha
    : env.GITHUB_EVENT_NAME === 'merge_group'
      ? payload.merge_group?.head_sha
      : undefined
  return typeof sha === 'string' && sha !== '' ? sha : env.GITHUB_SHA || undefined
}

function readEvent(env: NodeJS.ProcessEnv): object {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) ?? {}
  } catch {
    return {}
  }
}

/** Link to this workflow run, e.g. https://github.com/o/r/actions/runs/123. */
export function runUrl(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${server.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

/** Link to an uploaded artifact (the run page's artifact download URL). */
export function artifactUrl(
  artifactId: number,
  env: Readonly<Record<string, string | undefined>>
): string | undefined {
  const run = runUrl(env)
  return run ? `${run}/artifacts/${artifactId}` : undefined
}
