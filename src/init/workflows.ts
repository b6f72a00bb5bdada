/**
 * The two workflows `init` adds to a repository: one for pull requests (rehearse on a throwaway Postgres,
 * then validate against staging) and one for deploying (staging, then production behind its reviewers;
 * any stage by hand). They call the published action, with the detected migrations folder filled in.
 */
import type { Layout } from './layout.js'

/** The published action. Pin a major tag or a commit SHA. */
export const ACTION_REPOSITORY = 'your-org/migration-runbook'
export const ACTION_REF = 'v1'

export interface WorkflowFile {
  /** Relative to the repository root. */
  path: string
  content: string
}

export interface WorkflowOptions {
  repository?: string
  ref?: string
}

/** A GitHub expression, written out literally (a template literal would read `${{` as its own). */
const gh = (expression: string): string => '${{ ' + expression + ' }}'

function envBlock(layout: Layout): string {
  return `# The migrations folder and policy this repository uses (found by migration-runbook init).
env:
  MIGRATIONS_DIR: ${layout.migrationsDir}
  RUNBOOK_CONFIG: ${layout.configPath}`
}

/**
 * Third-party actions, pinned by full commit SHA (a tag can be moved; a commit cannot), the release in a
 * comment. All run on node24. The repository's own workflows use the same pins (a test holds them equal).
 */
export const PINNED_ACTIONS = {
  checkout: 'actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3',
  setupNode: 'actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 # v6.5.0',
  uploadArtifact: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
  uploadSarif:
    'github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2'
} as const

/** GitHub's SARIF upload, pinned by commit (the tag it was in the comment). */
export const UPLOAD_SARIF = PINNED_ACTIONS.uploadSarif

const CHECKOUT = `      - uses: ${PINNED_ACTIONS.checkout}
        with:
          persist-credentials: false`

/**
 * Node and the repository's dependencies, before any step that runs the action: the policy's test-command
 * (npm run test:integration, say) runs in the action and the tests-preflight check looks for it in validate.
 */
const SETUP_NODE = `      - uses: ${PINNED_ACTIONS.setupNode}
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies (the test command needs them)
        run: npm ci`

/** The action's step. Backups: SUPABASE_ACCESS_TOKEN (secret) and SUPABASE_PROJECT_REF (variable). */
function runbookStep(
  action: string,
  environment: string,
  stage: string,
  opts: { id?: string; condition?: string } = {}
): string {
  return `      - name: Migration Runbook (${stage})${opts.id ? `\n        id: ${opts.id}` : ''}${opts.condition ? `\n        if: ${opts.condition}` : ''}
        uses: ${action}
        env:
          # The backup check asks Supabase for the newest backup; production fails without it unless
          # runbook.yml says backup: { off: true, reason: "..." }.
          SUPABASE_ACCESS_TOKEN: ${gh('secrets.SUPABASE_ACCESS_TOKEN')}
          SUPABASE_PROJECT_REF: ${gh('vars.SUPABASE_PROJECT_REF')}
        with:
          environment: ${environment}
          stage: ${stage}
          database-url: ${gh('secrets.DATABASE_URL')}
          migrations-dir: ${gh('env.MIGRATIONS_DIR')}
          config: ${gh('env.RUNBOOK_CONFIG')}`
}

/**
 * The newest migration version on the base branch: main deploys to staging, so that is what staging has
 * applied, and the throwaway database is migrated up to it before the PR's migrations are rehearsed.
 */
export const BASELINE_SCRIPT = `base="\${BASE_SHA:-HEAD^1}"
newest="$(git ls-tree --name-only "$base" -- "$MIGRATIONS_DIR/" | sed -n 's#^.*/\\([0-9][0-9A-Za-z]*\\)_[^/]*\\.sql$#\\1#p' | sort -V | tail -n 1)"
baseline=()
if [ -n "$newest" ]; then baseline=(--baseline "$newest"); fi
echo "throwaway database starts at \${newest:-an empty history} (the base branch, as deployed to staging)"`

/**
 * The offline lint of the PR's own SQL files, as SARIF. Only the files the PR adds or changes, linted as one change:
 * the findings are the PR's, not its history's (the whole folder is linted as a history: each file after the ones
 * before it). A rollback/ or verify/ script lints with its migration. The whole folder when the base cannot be
 * diffed. Never fails the job: the rehearsal lints again.
 */
export function lintScript(cli: string): string {
  return `list="$(mktemp)"
if git diff -z --name-only --diff-filter=ACMR "\${BASE_SHA:-HEAD^1}" HEAD -- ":(glob)$MIGRATIONS_DIR/*.sql" \\
    ":(glob)$MIGRATIONS_DIR/rollback/*.sql" ":(glob)$MIGRATIONS_DIR/verify/*.sql" > "$list"; then
  mapfile -t -d '' files < "$list"
else
  echo "cannot diff against the base: linting the whole of $MIGRATIONS_DIR/"
  files=("$MIGRATIONS_DIR")
fi
if [ "\${#files[@]}" -eq 0 ]; then echo "no SQL file under $MIGRATIONS_DIR/ changed: nothing to lint"; exit 0; fi
${cli} lint --format sarif "\${files[@]}" > lint.sarif || true`
}

/** Lint findings as workflow annotations: no token needed, so fork PRs get them too. Errors first. */
export const ANNOTATE_SCRIPT = `[ -s lint.sarif ] || exit 0
jq -r '[.runs[].results[]] | sort_by(if .level == "error" then 0 else 1 end) | .[]
  | "::\\(if .level == "error" then "error" else "warning" end) file=\\(.locations[0].physicalLocation.artifactLocation.uri),line=\\(.locations[0].physicalLocation.region.startLine // 1),title=\\(.ruleId)::\\(.message.text | gsub("\\n"; " "))"' lint.sarif`

/**
 * The one required check. A skipped staging validation is not a pass: the migrations changed, so the gate
 * fails until a maintainer has the validation run (and approved in the staging environment).
 */
export const GATE_SCRIPT = `summary() { printf '%s\\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }
fail() {
  echo "::error title=$1::$2"
  summary "### migrations-gate: failed" "" "$2"
  exit 1
}
echo "changes=$CHANGES ($CHANGED) rehearse=$REHEARSE validate-staging=$STAGING fork=$FORK"
[ "$CHANGES" = success ] || fail "Migration checks failed" "The change detection ended $CHANGES."
if [ "$CHANGED" != true ]; then
  summary "No migration changes: nothing to gate."
  exit 0
fi
[ "$REHEARSE" = success ] || fail "Rehearsal did not pass" "The lint and throwaway rehearsal ended $REHEARSE."
case "$STAGING" in
  success) summary "### migrations-gate: passed" "" "Rehearsed on a throwaway database and validated against staging." ;;
  skipped)
    why="it was skipped"
    if [ "$FORK" = true ]; then why="this PR comes from a fork, which gets no secrets"; fi
    fail "Staging validation did not run" "The migrations changed but were not validated against staging ($why): a maintainer must run/approve the staging validation before this can merge. Review the SQL, push the branch to this repository, and approve the staging deployment." ;;
  *) fail "Staging validation did not pass" "Validation against staging ended $STAGING: a maintainer must run/approve the staging validation (re-run it, or approve the pending staging deployment)." ;;
esac`

/** Indents a script for a \`run: |\` block at the given depth. */
function block(script: string, indent: number): string {
  const pad = ' '.repeat(indent)
  return script
    .split('\n')
    .map(l => (l ? pad + l : ''))
    .join('\n')
}

export function renderPrWorkflow(layout: Layout, opts: WorkflowOptions = {}): string {
  const repository = opts.repository ?? ACTION_REPOSITORY
  const ref = opts.ref ?? ACTION_REF
  const cli = 'node .migration-runbook/dist/cli/index.js'
  return `# Pull requests and merge queues (written by migration-runbook init): when ${layout.migrationsDir}/ or the
# policy changed, lint the migrations and rehearse them on a throwaway Postgres on the runner (no secret:
# fork PRs get it too), then validate them (read-only) against staging in a job bound to the staging
# environment, whose reviewers gate it. pull_request, never pull_request_target. No \`paths:\` filter:
# migrations-gate must report on every PR so it can be the one required check.
name: Migrations (PR)

on:
  pull_request:
  merge_group:

permissions:
  contents: read

concurrency:
  group: migrations-pr-${gh('github.event.pull_request.number || github.ref')}
  cancel-in-progress: true

${envBlock(layout)}

jobs:
  changes:
    name: Did the migrations change?
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    outputs:
      changed: ${gh('steps.diff.outputs.changed')}
    steps:
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          # pull_request: the merge commit and its first parent (the base tip). merge_group: the queue's base.
          fetch-depth: ${gh("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      - name: Did the migrations change?
        id: diff
        env:
          BASE_SHA: ${gh('github.event.merge_group.base_sha')}
        run: |
          files="$(git diff --name-only "\${BASE_SHA:-HEAD^1}" HEAD -- "$MIGRATIONS_DIR/" "$RUNBOOK_CONFIG")"
          if [ -n "$files" ]; then
            echo "changed=true" >> "$GITHUB_OUTPUT"
            { echo "### Migrations changed"; echo; echo "$files" | sed 's/^/- /'; } >> "$GITHUB_STEP_SUMMARY"
          else
            echo "changed=false" >> "$GITHUB_OUTPUT"
            echo "No changes under $MIGRATIONS_DIR/: the migration checks do not run for this PR." >> "$GITHUB_STEP_SUMMARY"
          fi

  rehearse:
    name: Lint and rehearse (throwaway Postgres)
    needs: changes
    if: needs.changes.outputs.changed == 'true'
    runs-on: ubuntu-24.04
    timeout-minutes: 20
    # security-events: write for the SARIF upload only (job permissions replace the workflow's).
    permissions:
      contents: read
      actions: read
      security-events: write
    steps:
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          fetch-depth: ${gh("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      # The CLI of the same release as the action, run from its own folder.
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          repository: ${repository}
          ref: ${ref}
          path: .migration-runbook
          persist-credentials: false
${SETUP_NODE}
      - name: Install Migration Runbook
        run: npm ci --omit=dev --prefix .migration-runbook
      # Offline lint of the PR's SQL files as SARIF for code scanning. Never fails the job: the rehearsal
      # lints again and gates.
      - name: Lint (SARIF)
        timeout-minutes: 10
        env:
          BASE_SHA: ${gh('github.event.merge_group.base_sha')}
        run: |
${block(lintScript(cli), 10)}
      - name: Annotate the lint findings
        if: always()
        run: |
${block(ANNOTATE_SCRIPT, 10)}
      - name: Upload lint results to code scanning
        if: always() && hashFiles('lint.sarif') != ''
        # Fails where code scanning is off, and on fork PRs (read-only token): no gate depends on it.
        continue-on-error: true
        timeout-minutes: 10
        uses: ${UPLOAD_SARIF}
        with:
          sarif_file: lint.sarif
          category: migration-runbook-lint
      # The throwaway database: the Supabase stand-in, runbook.yml setup-sql (your seed), demo data and
      # every migration staging has, then validate → apply → verify → rollback → apply of the PR's.
      - name: Rehearse validate, apply, verify, rollback, apply
        env:
          BASE_SHA: ${gh('github.event.merge_group.base_sha')}
        run: |
${block(BASELINE_SCRIPT, 10)}
          ${cli} rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG" "\${baseline[@]}" 2>&1 | tee rehearsal.txt
      - name: Job summary
        if: always()
        run: |
          { echo "### Throwaway rehearsal"; echo; echo '\`\`\`'; tail -c 60000 rehearsal.txt 2>/dev/null; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"
      - name: Upload rehearsal evidence
        if: always()
        uses: ${PINNED_ACTIONS.uploadArtifact}
        with:
          name: migration-runbook-rehearsal
          path: artifacts/
          if-no-files-found: ignore

  validate-staging:
    name: Validate against staging
    needs: [changes, rehearse]
    # Same-repository PRs and merge queues: a fork PR gets no secrets, and migrations-gate then fails
    # until a maintainer runs it.
    if: >-
      needs.rehearse.result == 'success' &&
      (github.event_name == 'merge_group' ||
      github.event.pull_request.head.repo.full_name == github.repository)
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    # Binds the job to the staging environment: its reviewers gate it, its DATABASE_URL secret is used.
    environment:
      name: staging
      url: ${gh('steps.runbook.outputs.artifact-url')}
    permissions:
      contents: read
      pull-requests: write
    steps:
${CHECKOUT}
${SETUP_NODE}
${runbookStep(`${repository}@${ref}`, 'staging', 'validate', { id: 'runbook' })}

  migrations-gate:
    name: migrations-gate
    needs: [changes, rehearse, validate-staging]
    if: always()
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions: {}
    steps:
      - name: Gate
        env:
          CHANGES: ${gh('needs.changes.result')}
          CHANGED: ${gh('needs.changes.outputs.changed')}
          REHEARSE: ${gh('needs.rehearse.result')}
          STAGING: ${gh("needs['validate-staging'].result")}
          FORK: ${gh("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository")}
        run: |
${block(GATE_SCRIPT, 10)}
`
}

/** One deploy job bound to its GitHub environment, in that environment's concurrency group. */
function deployJob(o: {
  id: string
  name: string
  condition: string
  needs?: string
  environment: string
  stages: string[]
  group: string
  action: string
}): string {
  const steps = o.stages.map((stage, i) =>
    runbookStep(o.action, o.environment, stage, { id: i === 0 ? 'runbook' : stage })
  )
  return `  ${o.id}:
    name: ${o.name}
    if: ${o.condition}${o.needs ? `\n    needs: ${o.needs}` : ''}
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    environment:
      name: ${o.environment}
      url: ${gh('steps.runbook.outputs.artifact-url')}
    permissions:
      contents: read
    concurrency:
      group: ${o.group}
      cancel-in-progress: false
    steps:
${CHECKOUT}
${SETUP_NODE}
${steps.join('\n')}`
}

export function renderDeployWorkflow(layout: Layout, opts: WorkflowOptions = {}): string {
  const action = `${opts.repository ?? ACTION_REPOSITORY}@${opts.ref ?? ACTION_REF}`
  const group = (environment: string) =>
    `migration-runbook-${gh('github.repository')}-${environment}`
  const policyInFolder = layout.configPath.startsWith(`${layout.migrationsDir}/`)
  const paths = [`'${layout.migrationsDir}/**'`]
  if (!policyInFolder) paths.push(`'${layout.configPath}'`)
  return `# Deploy (written by migration-runbook init). A push to main that changes the migrations: apply to
# staging, then, once the production environment's required reviewers approve, apply → verify → monitor
# production in ONE job (one approval, one concurrency group; the monitor rolls back on a breach when
# runbook.yml says on-breach: rollback). workflow_dispatch: any stage on either environment, by hand.
# Each job joins its environment's concurrency group: two applies never run at once, and a running one
# is never cancelled.
name: Deploy migrations

on:
  push:
    branches: [main]
    # Expressions are not allowed here: keep these in step with MIGRATIONS_DIR and RUNBOOK_CONFIG.
    paths:
${paths.map(p => `      - ${p}`).join('\n')}
  workflow_dispatch:
    inputs:
      environment:
        description: Environment
        type: choice
        options: [staging, production]
        required: true
      stage:
        description: Stage
        type: choice
        options: [validate, apply, verify, rollback, monitor]
        required: true
        default: validate

permissions:
  contents: read

${envBlock(layout)}

jobs:
${deployJob({
  id: 'staging',
  name: 'apply · staging',
  condition: "github.event_name == 'push'",
  environment: 'staging',
  stages: ['apply'],
  group: group('staging'),
  action
})}

${deployJob({
  id: 'production',
  name: 'apply → verify → monitor · production',
  condition: "github.event_name == 'push'",
  needs: 'staging',
  environment: 'production',
  stages: ['apply', 'verify', 'monitor'],
  group: group('production'),
  action
})}

  # Read-only stages (validate, verify) get a group of their own: GitHub keeps one pending run per
  # group, and a manual validate must never replace an apply waiting for approval.
${deployJob({
  id: 'manual',
  name: `${gh('inputs.stage')} · ${gh('inputs.environment')}`,
  condition: "github.event_name == 'workflow_dispatch'",
  environment: gh('inputs.environment'),
  stages: [gh('inputs.stage')],
  group: `>-\n        ${group(gh('inputs.environment'))}${gh(
    "(inputs.stage == 'validate' || inputs.stage == 'verify') && format('-{0}-{1}', github.run_id, github.run_attempt) || ''"
  )}`,
  action
})}
`
}

export function renderWorkflows(layout: Layout, opts: WorkflowOptions = {}): WorkflowFile[] {
  return [
    { path: '.github/workflows/migrations-pr.yml', content: renderPrWorkflow(layout, opts) },
    { path: '.github/workflows/migrations-deploy.yml', content: renderDeployWorkflow(layout, opts) }
  ]
}
