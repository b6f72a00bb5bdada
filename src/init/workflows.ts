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

function runbookStep(action: string, environment: string, stage: string): string {
  return `      - name: Migration Runbook (${stage})
        uses: ${action}
        env:
          # Optional: with supabase-project-ref in the policy, the backup check asks Supabase for the
          # newest backup. Unset, that check is skipped with a note.
          SUPABASE_ACCESS_TOKEN: ${gh('secrets.SUPABASE_ACCESS_TOKEN')}
        with:
          environment: ${environment}
          stage: ${stage}
          database-url: ${gh('secrets.DATABASE_URL')}
          migrations-dir: ${gh('env.MIGRATIONS_DIR')}
          config: ${gh('env.RUNBOOK_CONFIG')}`
}

/** GitHub's SARIF upload, pinned by commit (the tag it was in the comment). */
export const UPLOAD_SARIF =
  'github/codeql-action/upload-sarif@dd903d2e4f5405488e5ef1422510ee31c8b32357 # v3.36.2'

const CHECKOUT = `      - uses: actions/checkout@v5
        with:
          persist-credentials: false`

export function renderPrWorkflow(layout: Layout, opts: WorkflowOptions = {}): string {
  const repository = opts.repository ?? ACTION_REPOSITORY
  const ref = opts.ref ?? ACTION_REF
  return `# Pull requests (written by migration-runbook init): when ${layout.migrationsDir}/ or the policy
# changed, lint and rehearse the migrations on a throwaway Postgres, then validate them (read-only)
# against staging. pull_request, never pull_request_target: fork PRs get no secrets, so staging is
# skipped for them with a notice. No \`paths:\` filter: the migrations-gate job must report on every
# PR so it can be the one required check (a skipped workflow never reports).
name: Migrations (PR)

on:
  pull_request:

permissions:
  contents: read

concurrency:
  group: migrations-pr-${gh('github.event.pull_request.number')}
  cancel-in-progress: true

${envBlock(layout)}

jobs:
  changes:
    name: Did the migrations change?
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    outputs:
      changed: ${gh('steps.diff.outputs.changed')}
    steps:
      - uses: actions/checkout@v5
        with:
          # The PR merge commit and its first parent (the base branch tip) are enough to diff.
          fetch-depth: 2
          persist-credentials: false
      - name: Did the migrations change?
        id: diff
        run: |
          files="$(git diff --name-only HEAD^1 HEAD -- "$MIGRATIONS_DIR/" "$RUNBOOK_CONFIG")"
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
    # On a fork PR the token stays read-only and code scanning still takes the upload: no secret.
    permissions:
      contents: read
      actions: read
      security-events: write
    steps:
${CHECKOUT}
      # The CLI of the same release as the action, run from its own folder.
      - uses: actions/checkout@v5
        with:
          repository: ${repository}
          ref: ${ref}
          path: .migration-runbook
          persist-credentials: false
      - uses: actions/setup-node@v5
        with:
          node-version: 24
      - name: Install Migration Runbook
        run: npm ci --omit=dev --prefix .migration-runbook
      # Offline lint as SARIF for code scanning (annotations on the PR diff). Never fails the job:
      # the rehearsal below lints again and gates, through migrations-gate.
      - name: Lint (SARIF)
        timeout-minutes: 10
        run: node .migration-runbook/dist/cli/index.js lint --format sarif "$MIGRATIONS_DIR" > lint.sarif || true
      - name: Upload lint results to code scanning
        if: always()
        # Fails where code scanning is off (a private repository without it): no gate depends on it.
        continue-on-error: true
        timeout-minutes: 10
        uses: ${UPLOAD_SARIF}
        with:
          sarif_file: lint.sarif
          category: migration-runbook-lint
      - name: Rehearse validate, apply, verify, rollback, apply
        run: node .migration-runbook/dist/cli/index.js rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG"
      - name: Upload rehearsal evidence
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: migration-runbook-rehearsal
          path: artifacts/
          if-no-files-found: ignore

  validate-staging:
    name: Validate against staging
    needs: rehearse
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    # Binds the job to the staging environment: its reviewers gate it, its DATABASE_URL secret is used.
    environment: staging
    permissions:
      contents: read
      pull-requests: write
    steps:
${CHECKOUT}
${runbookStep(`${repository}@${ref}`, 'staging', 'validate')}

  fork-notice:
    name: Validate against staging (skipped for forks)
    needs: changes
    if: >-
      needs.changes.outputs.changed == 'true' &&
      github.event.pull_request.head.repo.full_name != github.repository
    runs-on: ubuntu-24.04
    steps:
      - name: Explain why staging validation is skipped
        run: |
          msg="This PR comes from a fork, which gets no secrets: staging validation was skipped. The rehearsal on a throwaway database still ran."
          echo "::notice title=Staging validation skipped::$msg"
          echo "$msg" >> "$GITHUB_STEP_SUMMARY"

  # The one required check: passes when the migrations did not change, or when every migration job
  # that ran passed (skipped is fine: a fork PR skips staging). always() so it reports even when a
  # job it needs failed.
  migrations-gate:
    name: migrations-gate
    needs: [changes, rehearse, validate-staging]
    if: always()
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - name: Gate
        env:
          RESULTS: ${gh("join(needs.*.result, ' ')")}
        run: |
          echo "needed jobs: $RESULTS"
          for r in $RESULTS; do
            if [ "$r" = failure ] || [ "$r" = cancelled ]; then
              echo "::error title=Migration checks failed::a migration check did not pass ($RESULTS)"
              exit 1
            fi
          done
`
}

/** One deploy job bound to its GitHub environment, in that environment's concurrency group. */
function deployJob(o: {
  id: string
  name: string
  condition: string
  needs?: string
  environment: string
  stage: string
  group: string
  action: string
}): string {
  return `  ${o.id}:
    name: ${o.name}
    if: ${o.condition}${o.needs ? `\n    needs: ${o.needs}` : ''}
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    environment: ${o.environment}
    concurrency:
      group: ${o.group}
      cancel-in-progress: false
    steps:
${CHECKOUT}
${runbookStep(o.action, o.environment, o.stage)}`
}

export function renderDeployWorkflow(layout: Layout, opts: WorkflowOptions = {}): string {
  const action = `${opts.repository ?? ACTION_REPOSITORY}@${opts.ref ?? ACTION_REF}`
  const group = (environment: string) =>
    `migration-runbook-${gh('github.repository')}-${environment}`
  const policyInFolder = layout.configPath.startsWith(`${layout.migrationsDir}/`)
  const paths = [`'${layout.migrationsDir}/**'`]
  if (!policyInFolder) paths.push(`'${layout.configPath}'`)
  return `# Deploy (written by migration-runbook init). A push to main that changes the migrations: apply to
# staging, then to production once the production environment's required reviewers approve.
# workflow_dispatch: any stage on either environment, by hand. Each job is bound to its GitHub
# environment (its reviewers gate it, its DATABASE_URL secret is the one used) and joins that
# environment's concurrency group, so two applies never run at once and a running one is never
# cancelled.
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
  stage: 'apply',
  group: group('staging'),
  action
})}

${deployJob({
  id: 'production',
  name: 'apply · production',
  condition: "github.event_name == 'push'",
  needs: 'staging',
  environment: 'production',
  stage: 'apply',
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
  stage: gh('inputs.stage'),
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
