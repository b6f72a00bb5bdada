/**
 * The GitHub Action front end: reads the inputs (in this one place), runs the engine, then does what only a
 * workflow run can: outputs, annotations, the evidence artifact, the sticky PR comment and the job summary.
 */
// Only light modules are imported here, so the first line (the URL mask) comes before anything heavy loads
// (issue 15): @actions/core (its HTTP client), the stage engine, and the GitHub clients needed only once the
// stage is over (@actions/artifact with the Azure SDK, Octokit) are imported where they are first used.
import type { InputName, RawInputs } from './config/inputs.js'
import { ConfigError } from './config/errors.js'
import { Redactor } from './report/redact.js'
import { getInput, setSecret } from './github/runner.js'
import { artifactUrl, headSha, pullRequestNumber, runUrl } from './github/context.js'

const INPUTS: InputName[] = [
  'environment',
  'stage',
  'database-url',
  'migrations-dir',
  'config',
  'github-token',
  'comment',
  'artifact-name',
  'test-command',
  'artifacts-dir',
  'env-file'
]

export async function runAction(
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal
): Promise<void> {
  const redactor = new Redactor()
  redactor.onSecret(secret => setSecret(secret))
  // The URL is masked before anything else is read or printed.
  redactor.addDatabaseUrl(getInput('database-url'))
  const raw: RawInputs = {}
  for (const name of INPUTS) raw[name] = getInput(name)
  const { parseInputs } = await import('./config/inputs.js')
  let config
  let commentAuthor: string | undefined
  try {
    config = parseInputs(raw, { env })
    commentAuthor = parseCommentAuthor(getInput('comment-author'))
  } catch (e) {
    const core = await import('@actions/core')
    core.setOutput('status', 'failed')
    core.setFailed(redactor.redact((e as Error).message))
    return
  }
  const core = await import('@actions/core')
  const pr = pullRequestNumber(env)
  try {
    const { runStage } = await import('./run.js')
    const outcome = await runStage({
      config,
      redactor,
      // The front door: the repository is the job's working directory.
      root: process.cwd(),
      environ: env,
      signal,
      logSink: (level, line) => {
        if (level === 'debug') core.debug(line)
        else if (level === 'warn') core.info(`⚠ ${line}`)
        else core.info(line)
      },
      // On a PR, GITHUB_SHA is a merge commit nobody pushed: the report names the PR's head.
      run: { url: runUrl(env), sha: headSha(env), actor: env.GITHUB_ACTOR, pullRequest: pr }
    })
    const { report } = outcome
    const { emitAnnotations, uploadEvidence, renderReportMarkdown } = await loadPublishers()
    emitAnnotations(
      report.checks.flatMap(c => c.annotations),
      core
    )

    const retentionDays = outcome.publish.artifactRetentionDays
    const upload = await uploadEvidence({
      name: config.artifactName,
      files: outcome.evidence.files(),
      rootDirectory: outcome.evidence.dir,
      retentionDays,
      runAttempt: env.GITHUB_RUN_ATTEMPT
    })
    if (upload.notice) core.notice(redactor.redact(upload.notice))
    if (upload.warning) core.warning(redactor.redact(upload.warning))
    const uploadedUrl = upload.id !== undefined ? artifactUrl(upload.id, env) : undefined
    if (upload.id !== undefined) core.setOutput('artifact-id', String(upload.id))
    if (uploadedUrl) core.setOutput('artifact-url', uploadedUrl)

    // Cut to GitHub's limit with a link to the artifact; report.md in the artifact is the full text.
    const markdown = redactor.redact(renderReportMarkdown(report, { artifactUrl: uploadedUrl }))
    const wantComment =
      config.comment === 'always' ||
      (config.comment === 'auto' && env.GITHUB_EVENT_NAME?.startsWith('pull_request'))
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/')
    if (wantComment && pr && config.githubToken && owner && repo) {
      // The comment is a convenience: failing to post it is a warning, never the run's result.
      try {
        const [{ upsertStickyComment }, { composeCommentBody }] = await Promise.all([
          import('./github/comment.js'),
          import('./github/comment-body.js')
        ])
        const result = await upsertStickyComment({
          token: config.githubToken,
          owner,
          repo,
          issueNumber: pr,
          environment: config.environment,
          body: existing =>
            composeCommentBody({ fresh: markdown, report, existing: existing ?? undefined }),
          author: commentAuthor,
          baseUrl: env.GITHUB_API_URL,
          log: (level, msg) => (level === 'warning' ? core.warning(msg) : core.info(msg))
        })
        if (result.warning) core.warning(result.warning)
        if (result.url) core.setOutput('comment-url', result.url)
      } catch (e) {
        core.warning(`PR comment not posted: ${redactor.redact((e as Error).message)}`)
      }
    } else if (wantComment) {
      core.info(
        'no pull request for this run: the PR comment is skipped, the job summary is written'
      )
    }
    await core.summary
      .addRaw(markdown)
      .write()
      .catch(e => core.warning(`job summary not written: ${(e as Error).message}`))

    core.setOutput('status', report.status)
    core.setOutput('applied', JSON.stringify(report.applied))
    core.setOutput('pending', JSON.stringify(report.pending))
    core.setOutput('report-path', outcome.reportPath)
    if (report.status === 'cancelled') {
      core.setFailed(
        `${config.stage} on ${config.environment} was cancelled` +
          (report.cancelled?.check ? ` during ${report.cancelled.check}` : '') +
          `: its statement was cancelled on the server and rolled back` +
          (report.applied.length ? `; applied before that: ${report.applied.join(', ')}` : '')
      )
    } else if (outcome.exitCode !== 0) {
      const failed = report.checks.filter(c => c.status === 'fail')
      core.setFailed(
        `${config.stage} on ${config.environment} failed: ${failed.map(c => `${c.id}: ${c.reasons[0] ?? c.summary}`).join('; ')}`
      )
    }
  } catch (e) {
    core.setOutput('status', 'failed')
    const message =
      e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)
    core.setFailed(redactor.redact(message))
  }
}

/**
 * What publishes every finished run, loaded once the stage is over so none of it delays the first line (the
 * comment's Octokit loads only when a comment is posted).
 */
async function loadPublishers() {
  const [annotations, artifact, markdown] = await Promise.all([
    import('./github/annotations.js'),
    import('./github/artifact.js'),
    import('./report/markdown.js')
  ])
  return {
    emitAnnotations: annotations.emitAnnotations,
    uploadEvidence: artifact.uploadEvidence,
    renderReportMarkdown: markdown.renderReportMarkdown
  }
}

/** A GitHub login (a bot's with its [bot] suffix), or undefined when the input is empty. */
function parseCommentAuthor(value: string): string | undefined {
  if (value === '') return undefined
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(value)) {
    throw new ConfigError(
      `input "comment-author" is ${JSON.stringify(value)}; expected a GitHub login such as ` +
        `"octocat" or "my-app[bot]" (the account the comment is posted as), or empty`
    )
  }
  return value
}
