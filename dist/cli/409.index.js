export const id = 409;
export const ids = [409,61];
export const modules = {

/***/ 2968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ renderWorkflows),
/* harmony export */   Yx: () => (/* binding */ ACTION_REPOSITORY)
/* harmony export */ });
/* unused harmony exports ACTION_REF, PINNED_ACTIONS, UPLOAD_SARIF, BASELINE_SCRIPT, lintScript, ANNOTATE_SCRIPT, GATE_SCRIPT, renderPrWorkflow, renderDeployWorkflow */
/** The published action. Pin a major tag or a commit SHA. */
const ACTION_REPOSITORY = 'your-org/migration-runbook';
const ACTION_REF = 'v1';
/** A GitHub expression, written out literally (a template literal would read `${{` as its own). */
const gh = (expression) => '${{ ' + expression + ' }}';
function envBlock(layout) {
    return `# The migrations folder and policy this repository uses (found by migration-runbook init).
env:
  MIGRATIONS_DIR: ${layout.migrationsDir}
  RUNBOOK_CONFIG: ${layout.configPath}`;
}
/**
 * Third-party actions, pinned by full commit SHA (a tag can be moved; a commit cannot), the release in a
 * comment. All run on node24. The repository's own workflows use the same pins (a test holds them equal).
 */
const PINNED_ACTIONS = {
    checkout: 'actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3',
    setupNode: 'actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 # v6.5.0',
    uploadArtifact: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
    uploadSarif: 'github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2'
};
/** GitHub's SARIF upload, pinned by commit (the tag it was in the comment). */
const UPLOAD_SARIF = PINNED_ACTIONS.uploadSarif;
const CHECKOUT = `      - uses: ${PINNED_ACTIONS.checkout}
        with:
          persist-credentials: false`;
/**
 * Node and the repository's dependencies, before any step that runs the action: the policy's test-command
 * (npm run test:integration, say) runs in the action and the tests-preflight check looks for it in validate.
 */
const SETUP_NODE = `      - uses: ${PINNED_ACTIONS.setupNode}
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies (the test command needs them)
        run: npm ci`;
/** The action's step. Backups: SUPABASE_ACCESS_TOKEN (secret) and SUPABASE_PROJECT_REF (variable). */
function runbookStep(action, environment, stage, opts = {}) {
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
          config: ${gh('env.RUNBOOK_CONFIG')}`;
}
/**
 * The newest migration version on the base branch: main deploys to staging, so that is what staging has
 * applied, and the throwaway database is migrated up to it before the PR's migrations are rehearsed.
 */
const BASELINE_SCRIPT = `base="\${BASE_SHA:-HEAD^1}"
newest="$(git ls-tree --name-only "$base" -- "$MIGRATIONS_DIR/" | sed -n 's#^.*/\\([0-9][0-9A-Za-z]*\\)_[^/]*\\.sql$#\\1#p' | sort -V | tail -n 1)"
baseline=()
if [ -n "$newest" ]; then baseline=(--baseline "$newest"); fi
echo "throwaway database starts at \${newest:-an empty history} (the base branch, as deployed to staging)"`;
/**
 * The offline lint of the PR's own SQL files, as SARIF. Only the files the PR adds or changes, linted as one change:
 * the findings are the PR's, not its history's (the whole folder is linted as a history: each file after the ones
 * before it). A rollback/ or verify/ script lints with its migration. The whole folder when the base cannot be
 * diffed. Never fails the job: the rehearsal lints again.
 */
function lintScript(cli) {
    return `list="$(mktemp)"
if git diff -z --name-only --diff-filter=ACMR "\${BASE_SHA:-HEAD^1}" HEAD -- ":(glob)$MIGRATIONS_DIR/*.sql" \\
    ":(glob)$MIGRATIONS_DIR/rollback/*.sql" ":(glob)$MIGRATIONS_DIR/verify/*.sql" > "$list"; then
  mapfile -t -d '' files < "$list"
else
  echo "cannot diff against the base: linting the whole of $MIGRATIONS_DIR/"
  files=("$MIGRATIONS_DIR")
fi
if [ "\${#files[@]}" -eq 0 ]; then echo "no SQL file under $MIGRATIONS_DIR/ changed: nothing to lint"; exit 0; fi
${cli} lint --format sarif "\${files[@]}" > lint.sarif || true`;
}
/** Lint findings as workflow annotations: no token needed, so fork PRs get them too. Errors first. */
const ANNOTATE_SCRIPT = `[ -s lint.sarif ] || exit 0
jq -r '[.runs[].results[]] | sort_by(if .level == "error" then 0 else 1 end) | .[]
  | "::\\(if .level == "error" then "error" else "warning" end) file=\\(.locations[0].physicalLocation.artifactLocation.uri),line=\\(.locations[0].physicalLocation.region.startLine // 1),title=\\(.ruleId)::\\(.message.text | gsub("\\n"; " "))"' lint.sarif`;
/**
 * The one required check. A skipped staging validation is not a pass: the migrations changed, so the gate
 * fails until a maintainer has the validation run (and approved in the staging environment).
 */
const GATE_SCRIPT = `summary() { printf '%s\\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }
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
esac`;
/** Indents a script for a \`run: |\` block at the given depth. */
function block(script, indent) {
    const pad = ' '.repeat(indent);
    return script
        .split('\n')
        .map(l => (l ? pad + l : ''))
        .join('\n');
}
function renderPrWorkflow(layout, opts = {}) {
    const repository = opts.repository ?? ACTION_REPOSITORY;
    const ref = opts.ref ?? ACTION_REF;
    const cli = 'node .migration-runbook/dist/cli/index.js';
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
`;
}
/** One deploy job bound to its GitHub environment, in that environment's concurrency group. */
function deployJob(o) {
    const steps = o.stages.map((stage, i) => runbookStep(o.action, o.environment, stage, { id: i === 0 ? 'runbook' : stage }));
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
${steps.join('\n')}`;
}
function renderDeployWorkflow(layout, opts = {}) {
    const action = `${opts.repository ?? ACTION_REPOSITORY}@${opts.ref ?? ACTION_REF}`;
    const group = (environment) => `migration-runbook-${gh('github.repository')}-${environment}`;
    const policyInFolder = layout.configPath.startsWith(`${layout.migrationsDir}/`);
    const paths = [`'${layout.migrationsDir}/**'`];
    if (!policyInFolder)
        paths.push(`'${layout.configPath}'`);
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
        group: `>-\n        ${group(gh('inputs.environment'))}${gh("(inputs.stage == 'validate' || inputs.stage == 'verify') && format('-{0}-{1}', github.run_id, github.run_attempt) || ''")}`,
        action
    })}
`;
}
function renderWorkflows(layout, opts = {}) {
    return [
        { path: '.github/workflows/migrations-pr.yml', content: renderPrWorkflow(layout, opts) },
        { path: '.github/workflows/migrations-deploy.yml', content: renderDeployWorkflow(layout, opts) }
    ];
}


/***/ }),

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLintCommand: () => (/* binding */ runLintCommand)
});

// UNUSED EXPORTS: LINT_FORMATS, LINT_USAGE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/lint/engine.ts + 2 modules
var engine = __webpack_require__(4609);
// EXTERNAL MODULE: ./src/lint/migrations.ts
var lint_migrations = __webpack_require__(4840);
// EXTERNAL MODULE: ./src/lint/other-files.ts
var other_files = __webpack_require__(2589);
// EXTERNAL MODULE: ./src/lint/rules.ts
var lint_rules = __webpack_require__(834);
// EXTERNAL MODULE: ./src/lint/formats.ts
var formats = __webpack_require__(4061);
// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/lint/sarif.ts
/**
 * Lint findings as SARIF 2.1.0, the format GitHub code scanning takes (github/codeql-action/upload-sarif):
 * one run, the tool's rules with their advice as help, one result per finding with a repository-relative
 * location. Suppressed findings stay in, marked as suppressed in source with the comment's reason.
 */




const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_TOOL_NAME = 'migration-runbook';
const SARIF_INFORMATION_URI = `https://github.com/${workflows/* ACTION_REPOSITORY */.Yx}`;
function sarifLevel(severity) {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}
/** "require-concurrent-index" → "Require concurrent index". */
function sentence(id) {
    const words = id.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}
/** "require-concurrent-index" → "RequireConcurrentIndex" (SARIF's optional name, an identifier). */
function pascal(id) {
    return id
        .split('-')
        .map(w => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}
function rule(id, severity, advice) {
    return {
        id,
        name: pascal(id),
        shortDescription: { text: sentence(id) },
        fullDescription: { text: advice },
        help: { text: advice },
        defaultConfiguration: { level: sarifLevel(severity) }
    };
}
/**
 * A path as a SARIF artifact URI relative to the repository root: forward slashes, each segment
 * percent-encoded (a space is %20), so the URI is valid whatever the folder names are.
 */
function artifactUri(file, cwd, repoRoot) {
    const rel = external_node_path_default().relative(repoRoot, external_node_path_default().resolve(cwd, file)) || file;
    return rel.split((external_node_path_default()).sep).join('/').split('/').map(encodeURIComponent).join('/');
}
/**
 * The SARIF log of a lint run. File names in `findings` are relative to `cwd`; URIs in the log are
 * relative to `repoRoot` (the folder the upload's checkout_path points at).
 */
function toSarif(findings, cwd, repoRoot) {
    const rules = Object.entries(lint_rules/* RULES */.y).map(([id, spec]) => rule(id, spec.severity, spec.advice));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const results = findings.map(f => {
        // A rule outside RULES (none today) still gets a descriptor: every ruleIndex must point at one.
        if (!index.has(f.rule)) {
            index.set(f.rule, rules.length);
            rules.push(rule(f.rule, f.severity, f.advice));
        }
        const result = {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: sarifLevel(f.severity),
            message: { text: f.message },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: artifactUri(f.file, cwd, repoRoot), uriBaseId: '%SRCROOT%' },
                        region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) }
                    }
                }
            ]
        };
        if (f.suppressed !== undefined)
            result.suppressions = [{ kind: 'inSource', justification: f.suppressed }];
        return result;
    });
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: SARIF_TOOL_NAME,
                        version: version/* VERSION */.x,
                        semanticVersion: version/* VERSION */.x,
                        informationUri: SARIF_INFORMATION_URI,
                        rules
                    }
                },
                columnKind: 'utf16CodeUnits',
                results
            }
        ]
    };
}

;// CONCATENATED MODULE: ./src/lint/command.ts
/**
 * `migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml]
 * <file|dir>...`: the lint rules offline, with no database and no environment. Every table not created in
 * the linted files counts as existing. A folder is read as a migrations folder (<version>_<name>.sql with its
 * rollback/ and verify/ sidecars; skipped names are warned on stderr). A migration file named on its own is
 * read as its folder reads it, sidecars included, and a rollback/ or verify/ script named on its own lints the
 * migration it belongs to with it: a PR's changed files lint as the folder would lint them, with the tables of
 * the files already deployed counting as existing. Any other file is linted as a migration whatever its name.
 * Files are linted in version order. Files named are one change: a table created by an earlier one is new to the
 * later ones. A folder is a history: each file is linted as it runs after the ones before it were deployed, so
 * their tables have rows (lintMigrations' history); --since reports only the findings from a version on. With
 * --format-in (or runbook.yml lint.format-in) only each file's up section is linted; the config's
 * lint.no-transaction-markers are no-transaction markers too.
 * Exit 0 clean or warnings only, 1 an unsuppressed error, 2 bad usage (a ConfigError).
 */











const LINT_FORMATS = ['text', 'json', 'sarif'];
const LINT_USAGE = 'migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml] [--since <version>] [<file|dir>...]';
function formatOf(value) {
    if (value === undefined)
        return 'text';
    if (LINT_FORMATS.includes(value))
        return value;
    throw new errors/* ConfigError */.x(`option --format is "${value}"; allowed: ${LINT_FORMATS.join(', ')}`);
}
function formatInOf(value) {
    if (value === undefined || formats/* INPUT_FORMATS */.o.includes(value))
        return value;
    throw new errors/* ConfigError */.x(`option --format-in is "${value}"; allowed: ${formats/* INPUT_FORMATS */.o.join(', ')}`);
}
/** runbook.yml's lint settings when --config is given (zod and yaml are loaded only then). */
async function lintSettings(config, cwd) {
    if (config === undefined)
        return { noTransactionMarkers: [] };
    const { loadPolicy } = await Promise.all(/* import() */[__webpack_require__.e(368), __webpack_require__.e(243), __webpack_require__.e(844)]).then(__webpack_require__.bind(__webpack_require__, 5844));
    return loadPolicy(external_node_path_default().resolve(cwd, config)).lint;
}
/**
 * A migration as lint sees it: with --format-in only its up section (same lines, the rest blanked), and its
 * transaction mode worked out from that section with the project's markers.
 */
function asLinted(m, reading) {
    if (!reading.formatIn && reading.markers.length === 0)
        return m;
    const sql = reading.formatIn ? (0,formats/* upSection */.V)(m.sql, reading.formatIn, m.file) : m.sql;
    const mode = (0,files/* transactionModeOf */.F8)(sql, m.file, reading.markers);
    return {
        file: m.file,
        path: m.path,
        sql,
        checksum: m.checksum,
        version: m.version,
        name: m.name,
        rollback: m.rollback,
        verify: m.verify,
        noTransaction: mode.noTransaction,
        noTransactionReason: mode.reason
    };
}
/**
 * One file named on the command line, read as a migration whatever its name (no sidecars). An empty one is
 * linted as 0 statements, with a warning (as in a folder: `supabase db push` applies it and records its version).
 */
function singleFile(abs, cwd, warn) {
    const file = external_node_path_default().relative(cwd, abs) || abs;
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(abs);
    }
    catch (e) {
        throw new errors/* ConfigError */.x(`${file}: cannot read the file: ${e.message}`);
    }
    const sql = (0,files/* decodeSqlFile */.tx)(bytes, file);
    const empty = (0,files/* emptiness */.B_)(bytes, sql);
    if (empty)
        warn(`${file}: empty file (${empty}): nothing to lint`);
    const m = files/* MIGRATION_FILE */.g8.exec(external_node_path_default().basename(abs));
    const mode = (0,files/* transactionModeOf */.F8)(sql, file);
    return {
        file,
        path: abs,
        sql,
        checksum: (0,files/* checksumOf */.lf)(sql),
        // Unnamed files sort after the versioned ones (see byVersion), in command-line order.
        version: m?.[1] ?? '',
        name: m?.[2] ?? external_node_path_default().basename(abs, external_node_path_default().extname(abs)),
        noTransaction: mode.noTransaction,
        noTransactionReason: mode.reason
    };
}
/**
 * The migration file a file named on its own belongs to: itself when it is a migration of a folder, the
 * migration of the same name when it is a rollback/ or verify/ script (sidecars are found by exact name), else
 * nothing (a sidecar with no migration is linted as a file of its own, as before).
 */
function owningMigration(abs) {
    if (!files/* MIGRATION_FILE */.g8.test(external_node_path_default().basename(abs)))
        return undefined;
    const folder = external_node_path_default().basename(external_node_path_default().dirname(abs));
    if (!files/* SIDECAR_FOLDERS */.mF.includes(folder))
        return abs;
    const migration = external_node_path_default().join(external_node_path_default().dirname(external_node_path_default().dirname(abs)), external_node_path_default().basename(abs));
    return (0,external_node_fs_.existsSync)(migration) ? migration : undefined;
}
/** Version order; files with no version keep their command-line order, after the versioned ones. */
function byVersion(a, b) {
    if (a.version === '' || b.version === '')
        return (a.version === '' ? 1 : 0) - (b.version === '' ? 1 : 0);
    return (0,files/* compareVersions */.Zy)(a.version, b.version);
}
function renderText(findings, summary) {
    const lines = (0,engine/* activeFindings */.zP)(findings).map(f => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}`);
    return [...lines, summary].join('\n');
}
/**
 * --since: the files whose findings are reported (the migrations of that version and later, with their rollback
 * and verify scripts), or undefined without it. The older files are linted all the same: the history they make is
 * what the later ones run after. Exit 2 on a value that is no version, or later than every linted migration.
 */
function sinceFiles(since, migrations) {
    if (since === undefined)
        return undefined;
    if (!/^\d+$/.test(since))
        throw new errors/* ConfigError */.x(`option --since is "${since}"; allowed: a migration version, the digits a migration's file name starts with (e.g. 20250101000000)`);
    const from = migrations.filter(m => m.version !== '' && (0,files/* compareVersions */.Zy)(m.version, since) >= 0);
    if (from.length === 0) {
        const newest = migrations.filter(m => m.version !== '').at(-1)?.version;
        throw new errors/* ConfigError */.x(`option --since is "${since}"; allowed: a version at or before the newest linted migration${newest ? `, ${newest}` : ' (none has a version)'}`);
    }
    return new Set(from.flatMap(m => [m.file, m.rollback?.file, m.verify?.file]).filter(f => f !== undefined));
}
async function runLintCommand(args, io) {
    const format = formatOf(args.format);
    formatInOf(args.formatIn);
    if (args.paths.length === 0)
        throw new errors/* ConfigError */.x(`lint needs at least one file or folder: ${LINT_USAGE}`);
    // Read and checked, so a broken policy is reported here too; --format-in wins over lint.format-in.
    const settings = await lintSettings(args.config, io.cwd);
    const reading = {
        formatIn: formatInOf(args.formatIn) ?? settings.formatIn,
        markers: settings.noTransactionMarkers
    };
    for (const p of args.paths) {
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().resolve(io.cwd, p)))
            throw new errors/* ConfigError */.x(`path "${p}" does not exist; pass migration files or folders`);
    }
    await (0,parser/* loadParser */.qd)();
    const migrations = [];
    const seen = new Set();
    // Versions the Supabase CLI orders differently (a stage refuses the folder): one finding, and the files are
    // linted all the same (a real project's one 8-digit version left lint with nothing but exit 2).
    const orderFindings = [];
    // Each folder is read once, whether it is named or holds a file that is (owningMigration). It is read as validate
    // will read it: a version another file there uses too, versions the Supabase CLI orders differently or a file
    // that cannot be read exit 2 as when the folder is linted, so a pre-commit hook on the changed files finds what
    // CI would refuse.
    const readOnce = new Map();
    const readFolder = (dir) => {
        const cached = readOnce.get(dir);
        if (cached)
            return cached;
        let found;
        try {
            found = (0,files/* discoverMigrationsWithWarnings */.Aq)(external_node_path_default().relative(io.cwd, dir) || '.', io.cwd, {
                noTransactionMarkers: reading.markers
            });
        }
        catch (e) {
            if (!(e instanceof files/* VersionOrderError */.zf))
                throw e;
            orderFindings.push({
                rule: 'version-order',
                severity: 'error',
                file: e.file,
                line: 1,
                column: 1,
                message: e.message,
                advice: lint_rules/* RULES */.y['version-order'].advice
            });
            found = e.found;
        }
        readOnce.set(dir, found);
        return found;
    };
    const folders = [];
    const add = (m) => {
        const key = external_node_path_default().resolve(m.path);
        if (seen.has(key))
            return;
        seen.add(key);
        migrations.push(asLinted(m, reading));
    };
    for (const p of args.paths) {
        const abs = external_node_path_default().resolve(io.cwd, p);
        if ((0,external_node_fs_.statSync)(abs).isDirectory()) {
            const found = readFolder(abs);
            for (const w of found.warnings)
                io.err(`warning: ${w}`);
            found.migrations.forEach(add);
            folders.push({ dir: abs, migrations: found.migrations });
        }
        else {
            // A file of a folder is linted as the folder reads it (sidecars included); the folder's other files are not.
            const owner = owningMigration(abs);
            const inFolder = owner === undefined
                ? undefined
                : readFolder(external_node_path_default().dirname(owner)).migrations.find(m => external_node_path_default().resolve(m.path) === owner);
            add(inFolder ?? singleFile(abs, io.cwd, line => io.err(`warning: ${line}`)));
        }
    }
    // Array.prototype.sort is stable: equal versions and unversioned files keep their order.
    migrations.sort(byVersion);
    // A folder is a history, files named are one change (a PR's changed files): see lintMigrations' history.
    const reported = sinceFiles(args.since, migrations);
    const result = (0,lint_migrations/* lintMigrations */.JW)(migrations, {}, { history: folders.length > 0 });
    if (reported)
        result.findings = result.findings.filter(f => reported.has(f.file));
    result.findings.unshift(...orderFindings);
    // Connection strings with a password in the folders' other files (runbook.yml, notes), as the lint check.
    for (const { dir, migrations: inFolder } of folders) {
        result.findings.push(...(0,other_files/* scanOtherFiles */.l)(io.cwd, dir, inFolder));
    }
    const active = (0,engine/* activeFindings */.zP)(result.findings);
    const exitCode = active.some(f => f.severity === 'error') ? 1 : 0;
    if (format === 'json') {
        const json = {
            files: result.files,
            statements: result.statements,
            findings: result.findings
        };
        io.out(JSON.stringify(json, null, 2));
    }
    else if (format === 'sarif') {
        io.out(JSON.stringify(toSarif(result.findings, io.cwd, (0,files/* repositoryTop */.Ky)(io.cwd) ?? external_node_path_default().resolve(io.cwd)), null, 2));
    }
    else {
        const since = args.since === undefined ? '' : ` (findings of ${args.since} and later)`;
        io.out(renderText(result.findings, (0,lint_migrations/* summarizeLint */.tn)(result).summary + since));
    }
    return exitCode;
}


/***/ }),

/***/ 4061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ upSection),
/* harmony export */   o: () => (/* binding */ INPUT_FORMATS)
/* harmony export */ });
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);
/**
 * Migration files of other runners that hold both directions in one file: only the up section is what a
 * deploy runs, so `lint --format-in dbmate|goose` lints that alone.
 *
 * - dbmate: `-- migrate:up [transaction:false]` ... `-- migrate:down [transaction:false]`. dbmate refuses
 *   a file without the up directive and statements outside the two sections.
 * - goose: `-- +goose Up` ... `-- +goose Down` (annotations are case-insensitive, start the line, and Up is
 *   mandatory), with `-- +goose StatementBegin` / `StatementEnd` around statements goose must not split and
 *   `-- +goose NO TRANSACTION` for the whole file.
 *
 * The up section keeps the file's lines: every line outside it is blanked (an empty line), so positions in
 * findings are the file's real line and column. The comment lines that open the file stay, and so does the up
 * directive itself: that is where dbmate's `transaction:false` and goose's `NO TRANSACTION` are written, and
 * the runbook's marker recognition (src/plan/files.ts) finds them there. A malformed file is refused with a
 * ConfigError naming file:line, as the runner would refuse it.
 */

/** Migration file formats of other runners whose up section `lint --format-in` can pick out. */
const INPUT_FORMATS = ['dbmate', 'goose'];
const DBMATE = /^--\s*migrate:(up|down)(?:\s|$)/;
const GOOSE = /^--\s*\+goose\s+(.*?)\s*$/i;
function dbmateDirective(line) {
    const m = DBMATE.exec(line.trimEnd());
    return m ? { kind: m[1] } : undefined;
}
function gooseDirective(line) {
    const m = GOOSE.exec(line.trimEnd());
    if (!m)
        return undefined;
    const word = m[1].toLowerCase().replace(/\s+/g, ' ');
    const kinds = {
        up: 'up',
        down: 'down',
        statementbegin: 'begin',
        statementend: 'end'
    };
    return { kind: kinds[word] ?? 'other' };
}
const UP_DIRECTIVE = {
    dbmate: '-- migrate:up',
    goose: '-- +goose Up'
};
/** Whether a line holds SQL rather than nothing or a `--` comment (block comments count as SQL: rare here). */
function holdsSql(line) {
    const t = line.trim();
    return t !== '' && !t.startsWith('--');
}
/**
 * The up section of a dbmate or goose migration, as text of the same lines (see the module comment).
 * Throws a ConfigError naming `file` and the line for a file the runner would refuse.
 */
function upSection(sql, format, file) {
    const directiveOf = format === 'dbmate' ? dbmateDirective : gooseDirective;
    const up = UP_DIRECTIVE[format];
    const lines = sql.split('\n');
    const out = [];
    let section = 'before';
    let upLine = 0;
    let blockStart = 0;
    const refuse = (line, why) => {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`${file}:${line}: ${why} (read with --format-in ${format})`);
    };
    if (!lines.some(l => directiveOf(l)?.kind === 'up'))
        refuse(1, `no "${up}" line; ${format} needs one to know what to run`);
    for (const [i, line] of lines.entries()) {
        const n = i + 1;
        const d = directiveOf(line);
        if (d?.kind === 'up') {
            if (upLine)
                refuse(n, `a second "${up}" (the first is on line ${upLine}); ${format} expects one`);
            if (blockStart)
                refuse(blockStart, `"-- +goose StatementBegin" has no StatementEnd before "${up}"`);
            upLine = n;
            section = 'up';
            out.push(line);
            continue;
        }
        if (d?.kind === 'down') {
            if (blockStart)
                refuse(blockStart, `"-- +goose StatementBegin" has no StatementEnd before the Down annotation`);
            section = 'down';
            out.push('');
            continue;
        }
        if (d?.kind === 'begin') {
            if (blockStart)
                refuse(n, `"-- +goose StatementBegin" inside the block opened on line ${blockStart}`);
            blockStart = n;
        }
        else if (d?.kind === 'end') {
            if (!blockStart)
                refuse(n, '"-- +goose StatementEnd" with no StatementBegin before it');
            blockStart = 0;
        }
        if (section === 'before' && holdsSql(line))
            refuse(n, `SQL before "${up}": ${format} runs only what is in the up and down sections`);
        // Before the up directive only comments remain: the file's opening comments, where markers are.
        out.push(section === 'down' ? '' : line);
    }
    if (blockStart)
        refuse(blockStart, '"-- +goose StatementBegin" has no StatementEnd');
    return out.join('\n');
}


/***/ })

};
