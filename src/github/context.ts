/** Facts about the current workflow run, read from the runner's environment variables. */
import { readFileSync } from 'node:fs'

/** The PR number when the run was triggered by pull_request or pull_request_review*, else undefined. */
export function pullRequestNumber(env: NodeJS.ProcessEnv = process.env): number | undefined {
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

/** Link to this workflow run, e.g. https://github.com/o/r/actions/runs/123. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${server.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

/** Link to an uploaded artifact (the run page's artifact download URL). */
export function artifactUrl(
  artifactId: number,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  const run = runUrl(env)
  return run ? `${run}/artifacts/${artifactId}` : undefined
}
