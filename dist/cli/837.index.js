export const id = 837;
export const ids = [837,558];
export const modules = {

/***/ 5837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// UNUSED EXPORTS: ACTION_REF, ACTION_REPOSITORY, detectLayout, initRoot, nextCommands, planInit, policyPathFor, renderRunbook, renderWorkflows, writeInit

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/init/layout.ts
var init_layout = __webpack_require__(550);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/init/runbook.ts
var runbook = __webpack_require__(3558);
// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
;// CONCATENATED MODULE: ./src/init/plan.ts
/**
 * What `init` would write (planInit) and writing it (writeInit). Nothing existing is replaced without
 * force, and a refusal writes nothing at all, so a re-run never leaves half a setup behind.
 */






function planInit(root, opts = {}) {
    const layout = (0,init_layout.detectLayout)(root, opts.migrationsDir);
    const files = [
        { path: layout.configPath, content: (0,runbook.renderRunbook)(layout) },
        ...(0,workflows/* renderWorkflows */.L5)(layout, opts)
    ].map(f => ({ ...f, exists: (0,external_node_fs_.existsSync)(external_node_path_default().join(root, f.path)) }));
    return { root, layout, files };
}
/** Writes the plan; throws a ConfigError naming every existing file (and writes nothing) unless force. */
function writeInit(plan, opts) {
    const existing = plan.files.filter(f => f.exists);
    if (existing.length > 0 && !opts.force) {
        const names = existing.map(f => f.path).join(', ');
        throw new errors/* ConfigError */.x(`${names} already exist${existing.length === 1 ? 's' : ''}; init never overwrites a file: pass --force to replace ${existing.length === 1 ? 'it' : 'them'}, or --print to see the edits without writing`);
    }
    for (const file of plan.files) {
        const target = external_node_path_default().join(plan.root, file.path);
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, file.content);
    }
    return plan.files;
}

;// CONCATENATED MODULE: ./src/init/index.ts
/**
 * `migration-runbook init [--migrations-dir D] [--force] [--print]`: detects the layout, writes a commented
 * runbook.yml and the two workflows (or prints them), and says what to run next. Needs no database.
 * Bad usage throws a ConfigError (the CLI exits 2).
 */











/** Options of the stage commands: given to init they would be silently ignored, so they are refused. */
const STAGE_ONLY = [
    'env',
    'database-url',
    'embedded',
    'baseline',
    'migration',
    'config',
    'artifacts-dir',
    'test-command',
    'demo-rows',
    'json'
];
function refuseStageOptions(flags) {
    const given = STAGE_ONLY.filter(o => flags[o] !== undefined && flags[o] !== false);
    if (given.length > 0) {
        throw new errors/* ConfigError */.x(`option --${given[0]} does not apply to init; allowed: --migrations-dir <dir>, --force, --print`);
    }
}
async function viewFolder(root, migrationsDir) {
    // A CONCURRENTLY file is parsed to decide how it runs.
    await (0,parser/* loadParser */.qd)();
    try {
        const { migrations, warnings } = (0,files/* discoverMigrationsWithWarnings */.Aq)(migrationsDir, root);
        return { migrations: migrations.length, skipped: warnings };
    }
    catch (e) {
        if (!(e instanceof errors/* ConfigError */.x))
            throw e;
        return { migrations: 0, skipped: [], refused: e.message };
    }
}
function describeLayout(layout, folder) {
    const kind = layout.kind === 'supabase' ? 'Supabase CLI layout' : 'migrations folder';
    const count = folder.refused
        ? `${layout.migrationCount} .sql file${layout.migrationCount === 1 ? '' : 's'}`
        : `${folder.migrations} migration${folder.migrations === 1 ? '' : 's'}` +
            (folder.skipped.length > 0 ? `, ${folder.skipped.length} skipped` : '');
    return `${kind}: ${layout.migrationsDir}/ (${count}); policy: ${layout.configPath}`;
}
/** What the stages will say of the folder, said now: skipped files, or why they will refuse it. */
function describeFolderProblems(folder) {
    if (folder.refused)
        return [`WARN the stages will refuse this folder until it is fixed: ${folder.refused}`];
    if (folder.skipped.length === 0)
        return [];
    return [
        ...folder.skipped.map(w => `WARN ${w}`),
        `WARN ${folder.skipped.length} file(s) skipped, as the Supabase CLI skips them: rename a migration to ` +
            '<timestamp>_<name>.sql (what `supabase migration new` writes) to have it applied.'
    ];
}
/** The commands to run next; the CLI's own default folder is migrations/, so others are named. */
function nextCommands(layout) {
    // The CLI finds supabase/migrations by itself when there is no migrations/ folder (defaultMigrationsDir).
    const dir = ['migrations', 'supabase/migrations'].includes(layout.migrationsDir)
        ? ''
        : ` --migrations-dir ${layout.migrationsDir}`;
    return [
        `npx migration-runbook rehearse${dir}`,
        `npx migration-runbook validate --env staging --embedded${dir}`
    ];
}
function renderNext(layout, printed, top) {
    const lines = [
        top ? `Next, from ${top}:` : 'Next:',
        ...(printed ? ['  migration-runbook init (without --print) to write these files'] : []),
        ...nextCommands(layout).map(c => `  ${c}`),
        'then create the GitHub environments staging and production, each with a DATABASE_URL secret,',
        'and open a pull request that touches the migrations (docs/adopting.md of Migration Runbook).'
    ];
    return lines.join('\n');
}
function renderPrint(plan, force) {
    return plan.files
        .map(f => {
        const state = !f.exists
            ? 'new file'
            : force
                ? 'exists: --force replaces it'
                : 'exists: init refuses to replace it without --force';
        return `--- ${f.path} (${state})\n${f.content}`;
    })
        .join('\n');
}
/**
 * Where init writes: the repository's top, where GitHub reads workflows and runs them, with the migrations
 * folder relative to it. Run inside a package of a monorepo (packages/db), the folder is the nearest one at or
 * above the working directory: written from there, the workflows landed in packages/db/.github, which GitHub
 * never reads (found on real projects). Outside a repository: the working directory.
 */
function initRoot(cwd, given) {
    const top = (0,files/* repositoryTop */.Ky)(cwd);
    if (!top || top === external_node_path_default().resolve(cwd))
        return { root: cwd, migrationsDir: given, fromBelow: false };
    return {
        root: top,
        // Absolute: detectLayout makes it relative to the top, and names it in full when it is outside.
        migrationsDir: given !== undefined ? external_node_path_default().resolve(cwd, given) : (0,init_layout/* nearestLayoutDir */._d)(cwd, top),
        fromBelow: true
    };
}
async function runInit(flags, io) {
    refuseStageOptions(flags);
    const force = flags.force === true;
    const { root, migrationsDir, fromBelow } = initRoot(io.cwd, flags['migrations-dir']);
    const plan = planInit(root, { migrationsDir });
    const folder = await viewFolder(root, plan.layout.migrationsDir);
    const found = [
        ...(fromBelow
            ? [
                `repository: ${root} (GitHub reads workflows at its top and runs them there: the paths below are relative to it)`
            ]
            : []),
        describeLayout(plan.layout, folder),
        ...describeFolderProblems(folder)
    ].join('\n');
    if (flags.print === true) {
        io.out(`${found}\nprinting the edits; nothing is written.\n\n${renderPrint(plan, force)}`);
    }
    else {
        const written = writeInit(plan, { force });
        const lines = written.map(f => `${f.exists ? 'replaced' : 'wrote'} ${f.path}`);
        io.out(`${found}\n${lines.join('\n')}`);
    }
    io.out(`\n${renderNext(plan.layout, flags.print === true, fromBelow ? root : undefined)}`);
    return 0;
}


/***/ }),

/***/ 3558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderRunbook: () => (/* binding */ renderRunbook)
/* harmony export */ });
function header(layout) {
    const where = layout.kind === 'supabase'
        ? `# It lives beside ${layout.migrationsDir}, not in it: the Supabase CLI reads every file in that
# folder and would print "Skipping migration runbook.yml" on each command. Migration Runbook finds it
# there by default (<migrations-dir>/runbook.yml first, then this file).`
        : `# Migration Runbook reads it by default as <migrations-dir>/runbook.yml.`;
    return `# Migration Runbook policy for the migrations in ${layout.migrationsDir}/ (written by
# \`migration-runbook init\`; edit freely). Schema: src/config/policy.ts of Migration Runbook.
${where}
# Durations: 500ms, 5s, 2m, 1h. Gates: fail | warn | off.
# If the rehearsal's throwaway database lacks something your project needs (an extension, a role, a
# schema the Supabase stand-in does not have), add it with a top-level \`setup-sql:\` key (inline SQL,
# or .sql files relative to this file), run before the migrations: Migration Runbook's docs/adopting.md.`;
}
function renderRunbook(layout) {
    return `${header(layout)}
version: 1

# Merged under every environment below; an environment's own keys win.
defaults:
  lock-timeout: 5s # SET LOCAL lock_timeout per migration: give up on a lock instead of queueing every query behind it
  statement-timeout: 15m # no single statement of a migration runs longer
  apply-retries: 3 # retries after a lock timeout (55P03) only, never after any other error
  retry-backoff: 2s # wait before the first retry, doubled before each next one (2s, 4s, 8s)
  advisory-lock-wait: 2m # a second run against the same database waits this long for the first, then fails
  lock-budget: 10s # the rehearsal measures how long each migration holds its locks; longer is over budget
  long-transaction-limit: 5m # transactions open longer than this on the target are reported before applying
  backup-max-age: 24h # newest backup must be younger (checked when supabase-project-ref and SUPABASE_ACCESS_TOKEN are set)
  conflicts-timeout: 2m # budget of each query looking for rows a new constraint would reject
  conflicts-sample: 20 # offending rows shown per constraint in the evidence and the PR comment; 0: counts only (rows may hold personal data)
  artifact-retention-days: 30 # how long GitHub keeps the evidence artifact

# Names must match the GitHub environments that hold each database's DATABASE_URL secret.
environments:
  staging:
    # Open transactions and lock holders are reported, not fatal: staging is shared and noisy.
    long-transactions: warn
    lock-holders: warn
    rehearsal-over-budget: warn
    # test-command: npm test # functional tests run against the target (DATABASE_URL and SUPABASE_DB_URL set)
    # target: # pins this environment's database: another environment's URL in its secret stops the run (exit 2)
    #   project-ref: abcdefghijklmnopqrst # or host:, port:, database:

  production:
    production: true # strict: long transactions, lock holders and an over-budget rehearsal fail the run
    lock-budget: 5s # users wait behind an ACCESS EXCLUSIVE lock this long at most; raise it for a planned window
    long-transactions: fail
    lock-holders: fail
    rehearsal-over-budget: fail
    # supabase-project-ref: abcdefghijklmnopqrst # 20 characters; with SUPABASE_ACCESS_TOKEN, enables the backup check
    # target: # pins production's database: a swapped secret (staging's URL here) stops the run before any statement
    #   project-ref: abcdefghijklmnopqrst # or host:, port:, database:
    # monitor: # watch production after the apply; on-breach: rollback reverts the newest migration
    #   duration: 15m
    #   interval: 30s
    #   on-breach: fail
    #   checks:
    #     - name: error-rate
    #       sql: SELECT 0 AS value # one numeric column named value per sample
    #       max: 5
`;
}


/***/ }),

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


/***/ })

};
