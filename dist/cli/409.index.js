const oe=409,se=[409,61],re={2968:((K,U,a)=>{a.d(U,{L5:()=>G,Yx:()=>I});const I="your-org/migration-runbook",M="v1",n=i=>"${{ "+i+" }}";function $(i){return`# The migrations folder and policy this repository uses (found by migration-runbook init).
env:
  MIGRATIONS_DIR: ${i.migrationsDir}
  RUNBOOK_CONFIG: ${i.configPath}`}const u={checkout:"actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3",setupNode:"actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 # v6.5.0",uploadArtifact:"actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0",uploadSarif:"github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2"},_=u.uploadSarif,x=`      - uses: ${u.checkout}
        with:
          persist-credentials: false`,O=`      - uses: ${u.setupNode}
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies (the test command needs them)
        run: npm ci`;function P(i,s,d,r={}){return`      - name: Migration Runbook (${d})${r.id?`
        id: ${r.id}`:""}${r.condition?`
        if: ${r.condition}`:""}
        uses: ${i}
        env:
          # The backup check asks Supabase for the newest backup; production fails without it unless
          # runbook.yml says backup: { off: true, reason: "..." }.
          SUPABASE_ACCESS_TOKEN: ${n("secrets.SUPABASE_ACCESS_TOKEN")}
          SUPABASE_PROJECT_REF: ${n("vars.SUPABASE_PROJECT_REF")}
        with:
          environment: ${s}
          stage: ${d}
          database-url: ${n("secrets.DATABASE_URL")}
          migrations-dir: ${n("env.MIGRATIONS_DIR")}
          config: ${n("env.RUNBOOK_CONFIG")}`}const v=`base="\${BASE_SHA:-HEAD^1}"
newest="$(git ls-tree --name-only "$base" -- "$MIGRATIONS_DIR/" | sed -n 's#^.*/\\([0-9][0-9A-Za-z]*\\)_[^/]*\\.sql$#\\1#p' | sort -V | tail -n 1)"
baseline=()
if [ -n "$newest" ]; then baseline=(--baseline "$newest"); fi
echo "throwaway database starts at \${newest:-an empty history} (the base branch, as deployed to staging)"`;function f(i){return`list="$(mktemp)"
if git diff -z --name-only --diff-filter=ACMR "\${BASE_SHA:-HEAD^1}" HEAD -- ":(glob)$MIGRATIONS_DIR/*.sql" \\
    ":(glob)$MIGRATIONS_DIR/rollback/*.sql" ":(glob)$MIGRATIONS_DIR/verify/*.sql" > "$list"; then
  mapfile -t -d '' files < "$list"
else
  echo "cannot diff against the base: linting the whole of $MIGRATIONS_DIR/"
  files=("$MIGRATIONS_DIR")
fi
if [ "\${#files[@]}" -eq 0 ]; then echo "no SQL file under $MIGRATIONS_DIR/ changed: nothing to lint"; exit 0; fi
${i} lint --format sarif "\${files[@]}" > lint.sarif || true`}const D=`[ -s lint.sarif ] || exit 0
jq -r '[.runs[].results[]] | sort_by(if .level == "error" then 0 else 1 end) | .[]
  | "::\\(if .level == "error" then "error" else "warning" end) file=\\(.locations[0].physicalLocation.artifactLocation.uri),line=\\(.locations[0].physicalLocation.region.startLine // 1),title=\\(.ruleId)::\\(.message.text | gsub("\\n"; " "))"' lint.sarif`,N=`summary() { printf '%s\\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }
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
esac`;function b(i,s){const d=" ".repeat(s);return i.split(`
`).map(r=>r?d+r:"").join(`
`)}function C(i,s={}){const d=s.repository??I,r=s.ref??M,h="node .migration-runbook/dist/cli/index.js";return`# Pull requests and merge queues (written by migration-runbook init): when ${i.migrationsDir}/ or the
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
  group: migrations-pr-${n("github.event.pull_request.number || github.ref")}
  cancel-in-progress: true

${$(i)}

jobs:
  changes:
    name: Did the migrations change?
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    outputs:
      changed: ${n("steps.diff.outputs.changed")}
    steps:
      - uses: ${u.checkout}
        with:
          # pull_request: the merge commit and its first parent (the base tip). merge_group: the queue's base.
          fetch-depth: ${n("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      - name: Did the migrations change?
        id: diff
        env:
          BASE_SHA: ${n("github.event.merge_group.base_sha")}
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
      - uses: ${u.checkout}
        with:
          fetch-depth: ${n("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      # The CLI of the same release as the action, run from its own folder.
      - uses: ${u.checkout}
        with:
          repository: ${d}
          ref: ${r}
          path: .migration-runbook
          persist-credentials: false
${O}
      - name: Install Migration Runbook
        run: npm ci --omit=dev --prefix .migration-runbook
      # Offline lint of the PR's SQL files as SARIF for code scanning. Never fails the job: the rehearsal
      # lints again and gates.
      - name: Lint (SARIF)
        timeout-minutes: 10
        env:
          BASE_SHA: ${n("github.event.merge_group.base_sha")}
        run: |
${b(f(h),10)}
      - name: Annotate the lint findings
        if: always()
        run: |
${b(D,10)}
      - name: Upload lint results to code scanning
        if: always() && hashFiles('lint.sarif') != ''
        # Fails where code scanning is off, and on fork PRs (read-only token): no gate depends on it.
        continue-on-error: true
        timeout-minutes: 10
        uses: ${_}
        with:
          sarif_file: lint.sarif
          category: migration-runbook-lint
      # The throwaway database: the Supabase stand-in, runbook.yml setup-sql (your seed), demo data and
      # every migration staging has, then validate \u2192 apply \u2192 verify \u2192 rollback \u2192 apply of the PR's.
      - name: Rehearse validate, apply, verify, rollback, apply
        env:
          BASE_SHA: ${n("github.event.merge_group.base_sha")}
        run: |
${b(v,10)}
          ${h} rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG" "\${baseline[@]}" 2>&1 | tee rehearsal.txt
      - name: Job summary
        if: always()
        run: |
          { echo "### Throwaway rehearsal"; echo; echo '\`\`\`'; tail -c 60000 rehearsal.txt 2>/dev/null; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"
      - name: Upload rehearsal evidence
        if: always()
        uses: ${u.uploadArtifact}
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
      url: ${n("steps.runbook.outputs.artifact-url")}
    permissions:
      contents: read
      pull-requests: write
    steps:
${x}
${O}
${P(`${d}@${r}`,"staging","validate",{id:"runbook"})}

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
          CHANGES: ${n("needs.changes.result")}
          CHANGED: ${n("needs.changes.outputs.changed")}
          REHEARSE: ${n("needs.rehearse.result")}
          STAGING: ${n("needs['validate-staging'].result")}
          FORK: ${n("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository")}
        run: |
${b(N,10)}
`}function R(i){const s=i.stages.map((d,r)=>P(i.action,i.environment,d,{id:r===0?"runbook":d}));return`  ${i.id}:
    name: ${i.name}
    if: ${i.condition}${i.needs?`
    needs: ${i.needs}`:""}
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    environment:
      name: ${i.environment}
      url: ${n("steps.runbook.outputs.artifact-url")}
    permissions:
      contents: read
    concurrency:
      group: ${i.group}
      cancel-in-progress: false
    steps:
${x}
${O}
${s.join(`
`)}`}function E(i,s={}){const d=`${s.repository??I}@${s.ref??M}`,r=B=>`migration-runbook-${n("github.repository")}-${B}`,h=i.configPath.startsWith(`${i.migrationsDir}/`),T=[`'${i.migrationsDir}/**'`];return h||T.push(`'${i.configPath}'`),`# Deploy (written by migration-runbook init). A push to main that changes the migrations: apply to
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
${T.map(B=>`      - ${B}`).join(`
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

${$(i)}

jobs:
${R({id:"staging",name:"apply \xB7 staging",condition:"github.event_name == 'push'",environment:"staging",stages:["apply"],group:r("staging"),action:d})}

${R({id:"production",name:"apply \u2192 verify \u2192 monitor \xB7 production",condition:"github.event_name == 'push'",needs:"staging",environment:"production",stages:["apply","verify","monitor"],group:r("production"),action:d})}

  # Read-only stages (validate, verify) get a group of their own: GitHub keeps one pending run per
  # group, and a manual validate must never replace an apply waiting for approval.
${R({id:"manual",name:`${n("inputs.stage")} \xB7 ${n("inputs.environment")}`,condition:"github.event_name == 'workflow_dispatch'",environment:n("inputs.environment"),stages:[n("inputs.stage")],group:`>-
        ${r(n("inputs.environment"))}${n("(inputs.stage == 'validate' || inputs.stage == 'verify') && format('-{0}-{1}', github.run_id, github.run_attempt) || ''")}`,action:d})}
`}function G(i,s={}){return[{path:".github/workflows/migrations-pr.yml",content:C(i,s)},{path:".github/workflows/migrations-deploy.yml",content:E(i,s)}]}}),3409:((K,U,a)=>{a.d(U,{runLintCommand:()=>ne});var I=a(3024),M=a(6760),n=a.n(M),$=a(7827),u=a(28),_=a(7117),x=a(4609),O=a(4840),P=a(2589),v=a(834),f=a(4061),D=a(2968),N=a(311);const b="https://json.schemastore.org/sarif-2.1.0.json",C="migration-runbook",R=`https://github.com/${D.Yx}`;function E(e){return e==="error"?"error":e==="warning"?"warning":"note"}function G(e){const t=e.replace(/-/g," ");return t.charAt(0).toUpperCase()+t.slice(1)}function i(e){return e.split("-").map(t=>t.charAt(0).toUpperCase()+t.slice(1)).join("")}function s(e,t,l){return{id:e,name:i(e),shortDescription:{text:G(e)},fullDescription:{text:l},help:{text:l},defaultConfiguration:{level:E(t)}}}function d(e,t,l){return(n().relative(l,n().resolve(t,e))||e).split(n().sep).join("/").split("/").map(encodeURIComponent).join("/")}function r(e,t,l){const o=Object.entries(v.y).map(([c,m])=>s(c,m.severity,m.advice)),y=new Map(o.map((c,m)=>[c.id,m])),S=e.map(c=>{y.has(c.rule)||(y.set(c.rule,o.length),o.push(s(c.rule,c.severity,c.advice)));const m={ruleId:c.rule,ruleIndex:y.get(c.rule),level:E(c.severity),message:{text:c.message},locations:[{physicalLocation:{artifactLocation:{uri:d(c.file,t,l),uriBaseId:"%SRCROOT%"},region:{startLine:Math.max(1,c.line),startColumn:Math.max(1,c.column)}}}]};return c.suppressed!==void 0&&(m.suppressions=[{kind:"inSource",justification:c.suppressed}]),m});return{$schema:b,version:"2.1.0",runs:[{tool:{driver:{name:C,version:N.x,semanticVersion:N.x,informationUri:R,rules:o}},columnKind:"utf16CodeUnits",results:S}]}}const h=["text","json","sarif"],T="migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml] [--since <version>] [<file|dir>...]";function B(e){if(e===void 0)return"text";if(h.includes(e))return e;throw new $.x(`option --format is "${e}"; allowed: ${h.join(", ")}`)}function q(e){if(e===void 0||f.o.includes(e))return e;throw new $.x(`option --format-in is "${e}"; allowed: ${f.o.join(", ")}`)}async function W(e,t){if(e===void 0)return{noTransactionMarkers:[]};const{loadPolicy:l}=await Promise.all([a.e(368),a.e(243),a.e(844)]).then(a.bind(a,5844));return l(n().resolve(t,e)).lint}function Y(e,t){if(!t.formatIn&&t.markers.length===0)return e;const l=t.formatIn?(0,f.V)(e.sql,t.formatIn,e.file):e.sql,o=(0,u.F8)(l,e.file,t.markers);return{file:e.file,path:e.path,sql:l,checksum:e.checksum,version:e.version,name:e.name,rollback:e.rollback,verify:e.verify,noTransaction:o.noTransaction,noTransactionReason:o.reason}}function z(e,t,l){const o=n().relative(t,e)||e;let y;try{y=(0,I.readFileSync)(e)}catch(j){throw new $.x(`${o}: cannot read the file: ${j.message}`)}const S=(0,u.tx)(y,o),c=(0,u.B_)(y,S);c&&l(`${o}: empty file (${c}): nothing to lint`);const m=u.g8.exec(n().basename(e)),F=(0,u.F8)(S,o);return{file:o,path:e,sql:S,checksum:(0,u.lf)(S),version:m?.[1]??"",name:m?.[2]??n().basename(e,n().extname(e)),noTransaction:F.noTransaction,noTransactionReason:F.reason}}function Q(e){if(!u.g8.test(n().basename(e)))return;const t=n().basename(n().dirname(e));if(!u.mF.includes(t))return e;const l=n().join(n().dirname(n().dirname(e)),n().basename(e));return(0,I.existsSync)(l)?l:void 0}function Z(e,t){return e.version===""||t.version===""?(e.version===""?1:0)-(t.version===""?1:0):(0,u.Zy)(e.version,t.version)}function X(e,t){return[...(0,x.zP)(e).map(o=>`${o.file}:${o.line}:${o.column}: ${o.severity} ${o.rule}: ${o.message}`),t].join(`
`)}function ee(e,t){if(e===void 0)return;if(!/^\d+$/.test(e))throw new $.x(`option --since is "${e}"; allowed: a migration version, the digits a migration's file name starts with (e.g. 20250101000000)`);const l=t.filter(o=>o.version!==""&&(0,u.Zy)(o.version,e)>=0);if(l.length===0){const o=t.filter(y=>y.version!=="").at(-1)?.version;throw new $.x(`option --since is "${e}"; allowed: a version at or before the newest linted migration${o?`, ${o}`:" (none has a version)"}`)}return new Set(l.flatMap(o=>[o.file,o.rollback?.file,o.verify?.file]).filter(o=>o!==void 0))}async function ne(e,t){const l=B(e.format);if(q(e.formatIn),e.paths.length===0)throw new $.x(`lint needs at least one file or folder: ${T}`);const o=await W(e.config,t.cwd),y={formatIn:q(e.formatIn)??o.formatIn,markers:o.noTransactionMarkers};for(const g of e.paths)if(!(0,I.existsSync)(n().resolve(t.cwd,g)))throw new $.x(`path "${g}" does not exist; pass migration files or folders`);await(0,_.qd)();const S=[],c=new Set,m=[],F=new Map,j=g=>{const p=F.get(g);if(p)return p;let w;try{w=(0,u.Aq)(n().relative(t.cwd,g)||".",t.cwd,{noTransactionMarkers:y.markers})}catch(k){if(!(k instanceof u.zf))throw k;m.push({rule:"version-order",severity:"error",file:k.file,line:1,column:1,message:k.message,advice:v.y["version-order"].advice}),w=k.found}return F.set(g,w),w},H=[],V=g=>{const p=n().resolve(g.path);c.has(p)||(c.add(p),S.push(Y(g,y)))};for(const g of e.paths){const p=n().resolve(t.cwd,g);if((0,I.statSync)(p).isDirectory()){const w=j(p);for(const k of w.warnings)t.err(`warning: ${k}`);w.migrations.forEach(V),H.push({dir:p,migrations:w.migrations})}else{const w=Q(p),k=w===void 0?void 0:j(n().dirname(w)).migrations.find(L=>n().resolve(L.path)===w);V(k??z(p,t.cwd,L=>t.err(`warning: ${L}`)))}}S.sort(Z);const J=ee(e.since,S),A=(0,O.JW)(S,{},{history:H.length>0});J&&(A.findings=A.findings.filter(g=>J.has(g.file))),A.findings.unshift(...m);for(const{dir:g,migrations:p}of H)A.findings.push(...(0,P.l)(t.cwd,g,p));const te=(0,x.zP)(A.findings).some(g=>g.severity==="error")?1:0;if(l==="json"){const g={files:A.files,statements:A.statements,findings:A.findings};t.out(JSON.stringify(g,null,2))}else if(l==="sarif")t.out(JSON.stringify(r(A.findings,t.cwd,(0,u.Ky)(t.cwd)??n().resolve(t.cwd)),null,2));else{const g=e.since===void 0?"":` (findings of ${e.since} and later)`;t.out(X(A.findings,(0,O.tn)(A).summary+g))}return te}}),4061:((K,U,a)=>{a.d(U,{V:()=>P,o:()=>M});var I=a(7827);const M=["dbmate","goose"],n=/^--\s*migrate:(up|down)(?:\s|$)/,$=/^--\s*\+goose\s+(.*?)\s*$/i;function u(v){const f=n.exec(v.trimEnd());return f?{kind:f[1]}:void 0}function _(v){const f=$.exec(v.trimEnd());if(!f)return;const D=f[1].toLowerCase().replace(/\s+/g," ");return{kind:{up:"up",down:"down",statementbegin:"begin",statementend:"end"}[D]??"other"}}const x={dbmate:"-- migrate:up",goose:"-- +goose Up"};function O(v){const f=v.trim();return f!==""&&!f.startsWith("--")}function P(v,f,D){const N=f==="dbmate"?u:_,b=x[f],C=v.split(`
`),R=[];let E="before",G=0,i=0;const s=(d,r)=>{throw new I.x(`${D}:${d}: ${r} (read with --format-in ${f})`)};C.some(d=>N(d)?.kind==="up")||s(1,`no "${b}" line; ${f} needs one to know what to run`);for(const[d,r]of C.entries()){const h=d+1,T=N(r);if(T?.kind==="up"){G&&s(h,`a second "${b}" (the first is on line ${G}); ${f} expects one`),i&&s(i,`"-- +goose StatementBegin" has no StatementEnd before "${b}"`),G=h,E="up",R.push(r);continue}if(T?.kind==="down"){i&&s(i,'"-- +goose StatementBegin" has no StatementEnd before the Down annotation'),E="down",R.push("");continue}T?.kind==="begin"?(i&&s(h,`"-- +goose StatementBegin" inside the block opened on line ${i}`),i=h):T?.kind==="end"&&(i||s(h,'"-- +goose StatementEnd" with no StatementBegin before it'),i=0),E==="before"&&O(r)&&s(h,`SQL before "${b}": ${f} runs only what is in the up and down sections`),R.push(E==="down"?"":r)}return i&&s(i,'"-- +goose StatementBegin" has no StatementEnd'),R.join(`
`)}})};export{oe as id,se as ids,re as modules};
