const i=558,l=[558],c={3558:((s,t,n)=>{n.d(t,{renderRunbook:()=>a});function o(e){const r=e.kind==="supabase"?`# It lives beside ${e.migrationsDir}, not in it: the Supabase CLI reads every file in that
# folder and would print "Skipping migration runbook.yml" on each command. Migration Runbook finds it
# there by default (<migrations-dir>/runbook.yml first, then this file).`:"# Migration Runbook reads it by default as <migrations-dir>/runbook.yml.";return`# Migration Runbook policy for the migrations in ${e.migrationsDir}/ (written by
# \`migration-runbook init\`; edit freely). Schema: src/config/policy.ts of Migration Runbook.
${r}
# Durations: 500ms, 5s, 2m, 1h. Gates: fail | warn | off.
# If the rehearsal's throwaway database lacks something your project needs (an extension, a role, a
# schema the Supabase stand-in does not have), add it with a top-level \`setup-sql:\` key (inline SQL,
# or .sql files relative to this file), run before the migrations: Migration Runbook's docs/adopting.md.`}function a(e){return`${o(e)}
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
`}})};export{i as id,l as ids,c as modules};
