const x=837,U=[837,558],B={5837:((T,f,u)=>{u.d(f,{runInit:()=>s});var h=u(6760),c=u.n(h),i=u(7827),g=u(28),d=u(7117),w=u(550),p=u(3024),b=u(3558),y=u(2968);function k(e,t={}){const n=(0,w.detectLayout)(e,t.migrationsDir),r=[{path:n.configPath,content:(0,b.renderRunbook)(n)},...(0,y.L5)(n,t)].map(l=>({...l,exists:(0,p.existsSync)(c().join(e,l.path))}));return{root:e,layout:n,files:r}}function S(e,t){const n=e.files.filter(r=>r.exists);if(n.length>0&&!t.force){const r=n.map(l=>l.path).join(", ");throw new i.x(`${r} already exist${n.length===1?"s":""}; init never overwrites a file: pass --force to replace ${n.length===1?"it":"them"}, or --print to see the edits without writing`)}for(const r of e.files){const l=c().join(e.root,r.path);(0,p.mkdirSync)(c().dirname(l),{recursive:!0}),(0,p.writeFileSync)(l,r.content)}return e.files}const A=["env","database-url","embedded","baseline","migration","config","artifacts-dir","test-command","demo-rows","json"];function R(e){const t=A.filter(n=>e[n]!==void 0&&e[n]!==!1);if(t.length>0)throw new i.x(`option --${t[0]} does not apply to init; allowed: --migrations-dir <dir>, --force, --print`)}async function m(e,t){await(0,d.qd)();try{const{migrations:n,warnings:r}=(0,g.Aq)(t,e);return{migrations:n.length,skipped:r}}catch(n){if(!(n instanceof i.x))throw n;return{migrations:0,skipped:[],refused:n.message}}}function I(e,t){const n=e.kind==="supabase"?"Supabase CLI layout":"migrations folder",r=t.refused?`${e.migrationCount} .sql file${e.migrationCount===1?"":"s"}`:`${t.migrations} migration${t.migrations===1?"":"s"}`+(t.skipped.length>0?`, ${t.skipped.length} skipped`:"");return`${n}: ${e.migrationsDir}/ (${r}); policy: ${e.configPath}`}function $(e){return e.refused?[`WARN the stages will refuse this folder until it is fixed: ${e.refused}`]:e.skipped.length===0?[]:[...e.skipped.map(t=>`WARN ${t}`),`WARN ${e.skipped.length} file(s) skipped, as the Supabase CLI skips them: rename a migration to <timestamp>_<name>.sql (what \`supabase migration new\` writes) to have it applied.`]}function E(e){const t=["migrations","supabase/migrations"].includes(e.migrationsDir)?"":` --migrations-dir ${e.migrationsDir}`;return[`npx migration-runbook rehearse${t}`,`npx migration-runbook validate --env staging --embedded${t}`]}function _(e,t,n){return[n?`Next, from ${n}:`:"Next:",...t?["  migration-runbook init (without --print) to write these files"]:[],...E(e).map(l=>`  ${l}`),"then create the GitHub environments staging and production, each with a DATABASE_URL secret,","and open a pull request that touches the migrations (docs/adopting.md of Migration Runbook)."].join(`
`)}function a(e,t){return e.files.map(n=>{const r=n.exists?t?"exists: --force replaces it":"exists: init refuses to replace it without --force":"new file";return`--- ${n.path} (${r})
${n.content}`}).join(`
`)}function o(e,t){const n=(0,g.Ky)(e);return!n||n===c().resolve(e)?{root:e,migrationsDir:t,fromBelow:!1}:{root:n,migrationsDir:t!==void 0?c().resolve(e,t):(0,w._d)(e,n),fromBelow:!0}}async function s(e,t){R(e);const n=e.force===!0,{root:r,migrationsDir:l,fromBelow:N}=o(t.cwd,e["migrations-dir"]),v=k(r,{migrationsDir:l}),O=await m(r,v.layout.migrationsDir),D=[...N?[`repository: ${r} (GitHub reads workflows at its top and runs them there: the paths below are relative to it)`]:[],I(v.layout,O),...$(O)].join(`
`);if(e.print===!0)t.out(`${D}
printing the edits; nothing is written.

${a(v,n)}`);else{const P=S(v,{force:n}).map(G=>`${G.exists?"replaced":"wrote"} ${G.path}`);t.out(`${D}
${P.join(`
`)}`)}return t.out(`
${_(v.layout,e.print===!0,N?r:void 0)}`),0}}),3558:((T,f,u)=>{u.d(f,{renderRunbook:()=>c});function h(i){const g=i.kind==="supabase"?`# It lives beside ${i.migrationsDir}, not in it: the Supabase CLI reads every file in that
# folder and would print "Skipping migration runbook.yml" on each command. Migration Runbook finds it
# there by default (<migrations-dir>/runbook.yml first, then this file).`:"# Migration Runbook reads it by default as <migrations-dir>/runbook.yml.";return`# Migration Runbook policy for the migrations in ${i.migrationsDir}/ (written by
# \`migration-runbook init\`; edit freely). Schema: src/config/policy.ts of Migration Runbook.
${g}
# Durations: 500ms, 5s, 2m, 1h. Gates: fail | warn | off.
# If the rehearsal's throwaway database lacks something your project needs (an extension, a role, a
# schema the Supabase stand-in does not have), add it with a top-level \`setup-sql:\` key (inline SQL,
# or .sql files relative to this file), run before the migrations: Migration Runbook's docs/adopting.md.`}function c(i){return`${h(i)}
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
`}}),2968:((T,f,u)=>{u.d(f,{L5:()=>_,Yx:()=>h});const h="your-org/migration-runbook",c="v1",i=a=>"${{ "+a+" }}";function g(a){return`# The migrations folder and policy this repository uses (found by migration-runbook init).
env:
  MIGRATIONS_DIR: ${a.migrationsDir}
  RUNBOOK_CONFIG: ${a.configPath}`}const d={checkout:"actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3",setupNode:"actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 # v6.5.0",uploadArtifact:"actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0",uploadSarif:"github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2"},w=d.uploadSarif,p=`      - uses: ${d.checkout}
        with:
          persist-credentials: false`,b=`      - uses: ${d.setupNode}
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies (the test command needs them)
        run: npm ci`;function y(a,o,s,e={}){return`      - name: Migration Runbook (${s})${e.id?`
        id: ${e.id}`:""}${e.condition?`
        if: ${e.condition}`:""}
        uses: ${a}
        env:
          # The backup check asks Supabase for the newest backup; production fails without it unless
          # runbook.yml says backup: { off: true, reason: "..." }.
          SUPABASE_ACCESS_TOKEN: ${i("secrets.SUPABASE_ACCESS_TOKEN")}
          SUPABASE_PROJECT_REF: ${i("vars.SUPABASE_PROJECT_REF")}
        with:
          environment: ${o}
          stage: ${s}
          database-url: ${i("secrets.DATABASE_URL")}
          migrations-dir: ${i("env.MIGRATIONS_DIR")}
          config: ${i("env.RUNBOOK_CONFIG")}`}const k=`base="\${BASE_SHA:-HEAD^1}"
newest="$(git ls-tree --name-only "$base" -- "$MIGRATIONS_DIR/" | sed -n 's#^.*/\\([0-9][0-9A-Za-z]*\\)_[^/]*\\.sql$#\\1#p' | sort -V | tail -n 1)"
baseline=()
if [ -n "$newest" ]; then baseline=(--baseline "$newest"); fi
echo "throwaway database starts at \${newest:-an empty history} (the base branch, as deployed to staging)"`;function S(a){return`list="$(mktemp)"
if git diff -z --name-only --diff-filter=ACMR "\${BASE_SHA:-HEAD^1}" HEAD -- ":(glob)$MIGRATIONS_DIR/*.sql" \\
    ":(glob)$MIGRATIONS_DIR/rollback/*.sql" ":(glob)$MIGRATIONS_DIR/verify/*.sql" > "$list"; then
  mapfile -t -d '' files < "$list"
else
  echo "cannot diff against the base: linting the whole of $MIGRATIONS_DIR/"
  files=("$MIGRATIONS_DIR")
fi
if [ "\${#files[@]}" -eq 0 ]; then echo "no SQL file under $MIGRATIONS_DIR/ changed: nothing to lint"; exit 0; fi
${a} lint --format sarif "\${files[@]}" > lint.sarif || true`}const A=`[ -s lint.sarif ] || exit 0
jq -r '[.runs[].results[]] | sort_by(if .level == "error" then 0 else 1 end) | .[]
  | "::\\(if .level == "error" then "error" else "warning" end) file=\\(.locations[0].physicalLocation.artifactLocation.uri),line=\\(.locations[0].physicalLocation.region.startLine // 1),title=\\(.ruleId)::\\(.message.text | gsub("\\n"; " "))"' lint.sarif`,R=`summary() { printf '%s\\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }
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
esac`;function m(a,o){const s=" ".repeat(o);return a.split(`
`).map(e=>e?s+e:"").join(`
`)}function I(a,o={}){const s=o.repository??h,e=o.ref??c,t="node .migration-runbook/dist/cli/index.js";return`# Pull requests and merge queues (written by migration-runbook init): when ${a.migrationsDir}/ or the
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
  group: migrations-pr-${i("github.event.pull_request.number || github.ref")}
  cancel-in-progress: true

${g(a)}

jobs:
  changes:
    name: Did the migrations change?
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    outputs:
      changed: ${i("steps.diff.outputs.changed")}
    steps:
      - uses: ${d.checkout}
        with:
          # pull_request: the merge commit and its first parent (the base tip). merge_group: the queue's base.
          fetch-depth: ${i("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      - name: Did the migrations change?
        id: diff
        env:
          BASE_SHA: ${i("github.event.merge_group.base_sha")}
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
      - uses: ${d.checkout}
        with:
          fetch-depth: ${i("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      # The CLI of the same release as the action, run from its own folder.
      - uses: ${d.checkout}
        with:
          repository: ${s}
          ref: ${e}
          path: .migration-runbook
          persist-credentials: false
${b}
      - name: Install Migration Runbook
        run: npm ci --omit=dev --prefix .migration-runbook
      # Offline lint of the PR's SQL files as SARIF for code scanning. Never fails the job: the rehearsal
      # lints again and gates.
      - name: Lint (SARIF)
        timeout-minutes: 10
        env:
          BASE_SHA: ${i("github.event.merge_group.base_sha")}
        run: |
${m(S(t),10)}
      - name: Annotate the lint findings
        if: always()
        run: |
${m(A,10)}
      - name: Upload lint results to code scanning
        if: always() && hashFiles('lint.sarif') != ''
        # Fails where code scanning is off, and on fork PRs (read-only token): no gate depends on it.
        continue-on-error: true
        timeout-minutes: 10
        uses: ${w}
        with:
          sarif_file: lint.sarif
          category: migration-runbook-lint
      # The throwaway database: the Supabase stand-in, runbook.yml setup-sql (your seed), demo data and
      # every migration staging has, then validate \u2192 apply \u2192 verify \u2192 rollback \u2192 apply of the PR's.
      - name: Rehearse validate, apply, verify, rollback, apply
        env:
          BASE_SHA: ${i("github.event.merge_group.base_sha")}
        run: |
${m(k,10)}
          ${t} rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG" "\${baseline[@]}" 2>&1 | tee rehearsal.txt
      - name: Job summary
        if: always()
        run: |
          { echo "### Throwaway rehearsal"; echo; echo '\`\`\`'; tail -c 60000 rehearsal.txt 2>/dev/null; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"
      - name: Upload rehearsal evidence
        if: always()
        uses: ${d.uploadArtifact}
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
      url: ${i("steps.runbook.outputs.artifact-url")}
    permissions:
      contents: read
      pull-requests: write
    steps:
${p}
${b}
${y(`${s}@${e}`,"staging","validate",{id:"runbook"})}

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
          CHANGES: ${i("needs.changes.result")}
          CHANGED: ${i("needs.changes.outputs.changed")}
          REHEARSE: ${i("needs.rehearse.result")}
          STAGING: ${i("needs['validate-staging'].result")}
          FORK: ${i("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository")}
        run: |
${m(R,10)}
`}function $(a){const o=a.stages.map((s,e)=>y(a.action,a.environment,s,{id:e===0?"runbook":s}));return`  ${a.id}:
    name: ${a.name}
    if: ${a.condition}${a.needs?`
    needs: ${a.needs}`:""}
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    environment:
      name: ${a.environment}
      url: ${i("steps.runbook.outputs.artifact-url")}
    permissions:
      contents: read
    concurrency:
      group: ${a.group}
      cancel-in-progress: false
    steps:
${p}
${b}
${o.join(`
`)}`}function E(a,o={}){const s=`${o.repository??h}@${o.ref??c}`,e=r=>`migration-runbook-${i("github.repository")}-${r}`,t=a.configPath.startsWith(`${a.migrationsDir}/`),n=[`'${a.migrationsDir}/**'`];return t||n.push(`'${a.configPath}'`),`# Deploy (written by migration-runbook init). A push to main that changes the migrations: apply to
# staging, then, once the production environment's required reviewers approve, apply \u2192 verify \u2192 monitor
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
${n.map(r=>`      - ${r}`).join(`
`)}
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

${g(a)}

jobs:
${$({id:"staging",name:"apply \xB7 staging",condition:"github.event_name == 'push'",environment:"staging",stages:["apply"],group:e("staging"),action:s})}

${$({id:"production",name:"apply \u2192 verify \u2192 monitor \xB7 production",condition:"github.event_name == 'push'",needs:"staging",environment:"production",stages:["apply","verify","monitor"],group:e("production"),action:s})}

  # Read-only stages (validate, verify) get a group of their own: GitHub keeps one pending run per
  # group, and a manual validate must never replace an apply waiting for approval.
${$({id:"manual",name:`${i("inputs.stage")} \xB7 ${i("inputs.environment")}`,condition:"github.event_name == 'workflow_dispatch'",environment:i("inputs.environment"),stages:[i("inputs.stage")],group:`>-
        ${e(i("inputs.environment"))}${i("(inputs.stage == 'validate' || inputs.stage == 'verify') && format('-{0}-{1}', github.run_id, github.run_attempt) || ''")}`,action:s})}
`}function _(a,o={}){return[{path:".github/workflows/migrations-pr.yml",content:I(a,o)},{path:".github/workflows/migrations-deploy.yml",content:E(a,o)}]}})};export{x as id,U as ids,B as modules};
