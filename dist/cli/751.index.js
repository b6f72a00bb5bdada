export const id = 751;
export const ids = [751];
export const modules = {

/***/ 3751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// UNUSED EXPORTS: ACTION_REF, ACTION_REPOSITORY, detectLayout, nextCommands, planInit, policyPathFor, renderRunbook, renderWorkflows, writeInit

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
;// CONCATENATED MODULE: ./src/init/layout.ts
/**
 * Which migrations layout a repository uses, and where its runbook policy belongs in that layout.
 */




/** Looked for in this order when --migrations-dir is not given. */
const LAYOUT_FOLDERS = [
    { dir: 'supabase/migrations', kind: 'supabase' },
    { dir: 'migrations', kind: 'plain' }
];
function isFolder(p) {
    return (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isDirectory();
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/**
 * The policy path for a migrations folder: an existing candidate if there is one (so init never writes a
 * second policy that the first would shadow), else the last candidate, which in the Supabase layout is
 * supabase/runbook.yml, outside the folder the Supabase CLI reads.
 */
function policyPathFor(root, migrationsDir) {
    const candidates = (0,inputs/* configCandidates */.J)(migrationsDir);
    const existing = candidates.find(c => (0,external_node_fs_.existsSync)(external_node_path_default().resolve(root, c)));
    return toPosix(existing ?? candidates[candidates.length - 1]);
}
function countMigrations(dir) {
    return (0,external_node_fs_.readdirSync)(dir).filter(f => f.endsWith('.sql') && !isFolder(external_node_path_default().join(dir, f))).length;
}
/**
 * The repository's layout: the folder named by --migrations-dir (which must exist), else
 * supabase/migrations (Supabase CLI), else migrations/. Neither found is a ConfigError saying what was
 * looked for.
 */
function detectLayout(root, migrationsDir) {
    if (migrationsDir !== undefined) {
        // Relative to the root: the path is written into workflows that run from the repository root.
        const dir = toPosix(external_node_path_default().relative(root, external_node_path_default().resolve(root, migrationsDir)));
        if (dir === '' || dir.startsWith('..') || external_node_path_default().isAbsolute(dir)) {
            throw new errors/* ConfigError */.x(`option --migrations-dir is "${migrationsDir}", which is not inside the repository ${root}; allowed: a folder of <version>_<name>.sql migrations below the repository root`);
        }
        if (!isFolder(external_node_path_default().resolve(root, dir))) {
            throw new errors/* ConfigError */.x(`option --migrations-dir is "${migrationsDir}", which is not a folder under ${root}; allowed: an existing folder of <version>_<name>.sql migrations`);
        }
        const kind = (0,inputs/* configCandidates */.J)(dir).length > 1 ? 'supabase' : 'plain';
        return layoutOf(root, dir, kind);
    }
    for (const { dir, kind } of LAYOUT_FOLDERS) {
        if (isFolder(external_node_path_default().join(root, dir)))
            return layoutOf(root, dir, kind);
    }
    throw new errors/* ConfigError */.x(`no migrations folder in ${root}: looked for supabase/migrations/ (Supabase CLI layout) and migrations/; allowed: run init at the repository root, or pass --migrations-dir <dir> naming the folder of <version>_<name>.sql migrations`);
}
function layoutOf(root, dir, kind) {
    return {
        kind,
        migrationsDir: dir,
        configPath: policyPathFor(root, dir),
        migrationCount: countMigrations(external_node_path_default().resolve(root, dir))
    };
}

;// CONCATENATED MODULE: ./src/init/runbook.ts
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
  retry-backoff: 2s # wait between those retries
  advisory-lock-wait: 2m # a second run against the same database waits this long for the first, then fails
  lock-budget: 10s # the rehearsal measures how long each migration holds its locks; longer is over budget
  long-transaction-limit: 5m # transactions open longer than this on the target are reported before applying
  backup-max-age: 24h # newest backup must be younger (checked when supabase-project-ref and SUPABASE_ACCESS_TOKEN are set)
  conflicts-timeout: 2m # budget of each query looking for rows a new constraint would reject
  conflicts-sample: 20 # offending rows shown per constraint in the evidence
  artifact-retention-days: 30 # how long GitHub keeps the evidence artifact

# Names must match the GitHub environments that hold each database's DATABASE_URL secret.
environments:
  staging:
    # Open transactions and lock holders are reported, not fatal: staging is shared and noisy.
    long-transactions: warn
    lock-holders: warn
    rehearsal-over-budget: warn
    # test-command: npm test # functional tests run against the target (DATABASE_URL and SUPABASE_DB_URL set)

  production:
    production: true # strict: long transactions, lock holders and an over-budget rehearsal fail the run
    lock-budget: 5s # users wait behind an ACCESS EXCLUSIVE lock this long at most; raise it for a planned window
    long-transactions: fail
    lock-holders: fail
    rehearsal-over-budget: fail
    # supabase-project-ref: abcdefghijklmnopqrst # 20 characters; with SUPABASE_ACCESS_TOKEN, enables the backup check
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

// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
;// CONCATENATED MODULE: ./src/init/plan.ts
/**
 * What `init` would write (planInit) and writing it (writeInit). Nothing existing is replaced without
 * force, and a refusal writes nothing at all, so a re-run never leaves half a setup behind.
 */






function planInit(root, opts = {}) {
    const layout = detectLayout(root, opts.migrationsDir);
    const files = [
        { path: layout.configPath, content: renderRunbook(layout) },
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
function describeLayout(layout) {
    const kind = layout.kind === 'supabase' ? 'Supabase CLI layout' : 'migrations folder';
    const count = `${layout.migrationCount} migration${layout.migrationCount === 1 ? '' : 's'}`;
    return `${kind}: ${layout.migrationsDir}/ (${count}); policy: ${layout.configPath}`;
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
function renderNext(layout, printed) {
    const lines = [
        'Next:',
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
function runInit(flags, io) {
    refuseStageOptions(flags);
    const force = flags.force === true;
    const plan = planInit(io.cwd, { migrationsDir: flags['migrations-dir'] });
    const found = describeLayout(plan.layout);
    if (flags.print === true) {
        io.out(`${found}\nprinting the edits; nothing is written.\n\n${renderPrint(plan, force)}`);
    }
    else {
        const written = writeInit(plan, { force });
        const lines = written.map(f => `${f.exists ? 'replaced' : 'wrote'} ${f.path}`);
        io.out(`${found}\n${lines.join('\n')}`);
    }
    io.out(`\n${renderNext(plan.layout, flags.print === true)}`);
    return 0;
}


/***/ }),

/***/ 2968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ renderWorkflows),
/* harmony export */   Yx: () => (/* binding */ ACTION_REPOSITORY)
/* harmony export */ });
/* unused harmony exports ACTION_REF, UPLOAD_SARIF, renderPrWorkflow, renderDeployWorkflow */
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
function runbookStep(action, environment, stage) {
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
          config: ${gh('env.RUNBOOK_CONFIG')}`;
}
/** GitHub's SARIF upload, pinned by commit (the tag it was in the comment). */
const UPLOAD_SARIF = 'github/codeql-action/upload-sarif@dd903d2e4f5405488e5ef1422510ee31c8b32357 # v3.36.2';
const CHECKOUT = `      - uses: actions/checkout@v5
        with:
          persist-credentials: false`;
function renderPrWorkflow(layout, opts = {}) {
    const repository = opts.repository ?? ACTION_REPOSITORY;
    const ref = opts.ref ?? ACTION_REF;
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
`;
}
/** One deploy job bound to its GitHub environment, in that environment's concurrency group. */
function deployJob(o) {
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
${runbookStep(o.action, o.environment, o.stage)}`;
}
function renderDeployWorkflow(layout, opts = {}) {
    const action = `${opts.repository ?? ACTION_REPOSITORY}@${opts.ref ?? ACTION_REF}`;
    const group = (environment) => `migration-runbook-${gh('github.repository')}-${environment}`;
    const policyInFolder = layout.configPath.startsWith(`${layout.migrationsDir}/`);
    const paths = [`'${layout.migrationsDir}/**'`];
    if (!policyInFolder)
        paths.push(`'${layout.configPath}'`);
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
