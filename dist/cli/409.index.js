export const id = 409;
export const ids = [409];
export const modules = {

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


/***/ }),

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLintCommand: () => (/* binding */ runLintCommand)
});

// UNUSED EXPORTS: LINT_FORMATS, LINT_USAGE, repositoryRoot

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/lint.ts
var lint = __webpack_require__(6576);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/policy.ts
var policy = __webpack_require__(9706);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/lint/engine.ts + 4 modules
var engine = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/lint/rules.ts
var lint_rules = __webpack_require__(834);
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
 * `migration-runbook lint [--format text|json|sarif] [--config runbook.yml] <file|dir>...`: the lint rules
 * offline, with no database and no environment. Every table not created in the linted files counts as
 * existing. A folder is read as a migrations folder (<version>_<name>.sql with its rollback/ and verify/
 * sidecars; skipped names are warned on stderr); a file is linted as a migration whatever its name. Files
 * are linted in version order, so a table created by an earlier file is new to the later ones.
 * Exit 0 clean or warnings only, 1 an unsuppressed error, 2 bad usage (a ConfigError).
 */









const LINT_FORMATS = ['text', 'json', 'sarif'];
const LINT_USAGE = 'migration-runbook lint [--format text|json|sarif] [--config runbook.yml] <file|dir>...';
function formatOf(value) {
    if (value === undefined)
        return 'text';
    if (LINT_FORMATS.includes(value))
        return value;
    throw new errors/* ConfigError */.x(`option --format is "${value}"; allowed: ${LINT_FORMATS.join(', ')}`);
}
/** The repository root: the nearest folder up from `cwd` holding .git, else `cwd` itself. */
function repositoryRoot(cwd) {
    for (let dir = external_node_path_default().resolve(cwd);; dir = external_node_path_default().dirname(dir)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, '.git')))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return external_node_path_default().resolve(cwd);
    }
}
/** One file named on the command line, read as a migration whatever its name (no sidecars). */
function singleFile(abs, cwd) {
    const file = external_node_path_default().relative(cwd, abs) || abs;
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(abs);
    }
    catch (e) {
        throw new errors/* ConfigError */.x(`${file}: cannot read the file: ${e.message}`);
    }
    const sql = (0,files/* decodeSqlFile */.tx)(bytes, file);
    if (/^[ \t\n\r\f\v]*$/.test(sql))
        throw new errors/* ConfigError */.x(`${file}: empty file (${bytes.length === 0 ? '0 bytes' : 'whitespace only'}); delete it or add SQL`);
    const m = files/* MIGRATION_FILE */.g8.exec(external_node_path_default().basename(abs));
    const mode = (0,files/* transactionModeOf */.F8)(sql, file);
    return {
        file,
        path: abs,
        sql,
        checksum: (0,files/* sha256 */.sc)(sql),
        // Unnamed files sort after the versioned ones (see byVersion), in command-line order.
        version: m?.[1] ?? '',
        name: m?.[2] ?? external_node_path_default().basename(abs, external_node_path_default().extname(abs)),
        noTransaction: mode.noTransaction,
        noTransactionReason: mode.reason
    };
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
async function runLintCommand(args, io) {
    const format = formatOf(args.format);
    if (args.paths.length === 0)
        throw new errors/* ConfigError */.x(`lint needs at least one file or folder: ${LINT_USAGE}`);
    // Read and checked, so a broken policy is reported here too; no lint setting lives in it yet.
    if (args.config)
        (0,policy/* loadPolicy */.tb)(external_node_path_default().resolve(io.cwd, args.config));
    for (const p of args.paths) {
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().resolve(io.cwd, p)))
            throw new errors/* ConfigError */.x(`path "${p}" does not exist; pass migration files or folders`);
    }
    await (0,parser/* loadParser */.qd)();
    const migrations = [];
    const seen = new Set();
    const folders = [];
    const add = (m) => {
        const key = external_node_path_default().resolve(m.path);
        if (seen.has(key))
            return;
        seen.add(key);
        migrations.push(m);
    };
    for (const p of args.paths) {
        const abs = external_node_path_default().resolve(io.cwd, p);
        if ((0,external_node_fs_.statSync)(abs).isDirectory()) {
            const found = (0,files/* discoverMigrationsWithWarnings */.Aq)(p, io.cwd);
            for (const w of found.warnings)
                io.err(`warning: ${w}`);
            found.migrations.forEach(add);
            folders.push({ dir: abs, migrations: found.migrations });
        }
        else
            add(singleFile(abs, io.cwd));
    }
    // Array.prototype.sort is stable: equal versions and unversioned files keep their order.
    migrations.sort(byVersion);
    const result = (0,lint/* lintMigrations */.JW)(migrations);
    // Connection strings with a password in the folders' other files (runbook.yml, notes), as the lint check.
    for (const { dir, migrations: inFolder } of folders) {
        for (const f of (0,lint/* scanOtherFiles */.l6)(dir, inFolder)) {
            // scanOtherFiles names files relative to the process's folder; this command's are relative to io.cwd.
            const abs = external_node_path_default().resolve(process.cwd(), f.file);
            result.findings.push({ ...f, file: external_node_path_default().relative(io.cwd, abs) || abs });
        }
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
        io.out(JSON.stringify(toSarif(result.findings, io.cwd, repositoryRoot(io.cwd)), null, 2));
    }
    else {
        io.out(renderText(result.findings, (0,lint/* lintOutcome */.ie)(result).summary));
    }
    return exitCode;
}


/***/ })

};
