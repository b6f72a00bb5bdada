/** The lint rules: id, severity, the scripts each applies to, and one line of advice. */
export type ScriptKind = 'migration' | 'rollback' | 'verify'

export interface RuleSpec {
  /** info: a hint, shown (SARIF note, annotation notice) but never failing nor warning the gate. */
  severity: 'error' | 'warning' | 'info'
  appliesTo: ScriptKind[]
  /** Errors that must never be silenced (a leaked password stays leaked whatever the comment says). */
  suppressible: boolean
  advice: string
}

const ALL: ScriptKind[] = ['migration', 'rollback', 'verify']
const CHANGES: ScriptKind[] = ['migration', 'rollback']
// Rollbacks exist to drop and rename what the migration added: the destructive rules would only be noise there.
const FORWARD: ScriptKind[] = ['migration']

export const RULES = {
  'syntax-error': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: false,
    advice:
      'Fix the SQL so the PostgreSQL parser accepts it; quote reserved words used as names, e.g. "window".'
  },
  'version-order': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: false,
    advice:
      'Give every migration version the same number of digits (the 14-digit timestamps `supabase migration new` writes), so that file-name order and version order agree.'
  },
  'transaction-control': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'Keep at most one BEGIN ... COMMIT, around the whole file, and no COMMIT, ROLLBACK or SAVEPOINT between: the runbook runs each script in its own transaction, where the Supabase CLI would commit part of the file on its own.'
  },
  'connection-string-password': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: false,
    advice:
      'Remove the credential from the repository, rotate the password, and pass connection strings through secrets.'
  },
  'secret-literal': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: true,
    advice:
      "Remove the key from the migration and rotate it (it stays in git history and in supabase_migrations.schema_migrations); read it at run time instead, e.g. from Supabase Vault: (select decrypted_secret from vault.decrypted_secrets where name = '...')."
  },
  'drop-supabase-publication': {
    severity: 'error',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'Change what Realtime streams table by table: ALTER PUBLICATION supabase_realtime ADD TABLE ... / DROP TABLE ...; never drop the publication or replace its whole list with SET TABLE.'
  },
  'role-password-literal': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: true,
    advice:
      "Rotate this password: it is in the repository's history. The runbook masks it in its own logs and evidence, but not in git nor in supabase_migrations.schema_migrations."
  },
  'constraint-full-scan': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'The constraint is checked against every row while ACCESS EXCLUSIVE blocks reads and writes: add CHECK as NOT VALID then VALIDATE CONSTRAINT; build UNIQUE/PRIMARY KEY with CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX; EXCLUDE has no online form, so check conflicts first and keep lock_timeout short.'
  },
  'require-concurrent-index': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'CREATE INDEX takes a SHARE lock that blocks writes for the whole build: use CREATE INDEX CONCURRENTLY in a migration of its own (a file of only CONCURRENTLY statements runs outside a transaction).'
  },
  'concurrently-in-transaction': {
    severity: 'error',
    appliesTo: CHANGES,
    // The runbook refuses to run such a file (statementsOf), whatever a comment says.
    suppressible: false,
    advice:
      'Give CONCURRENTLY statements a migration of their own, without BEGIN/COMMIT: a file of only CONCURRENTLY statements runs outside a transaction by itself (as under the Supabase CLI); or mark the file -- migration-runbook: no-transaction to run it statement by statement.'
  },
  'add-column-not-null-without-default': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'Fails on a table with rows: add the column with a constant DEFAULT, or nullable, backfill, then add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it and SET NOT NULL.'
  },
  'index-mutable-function': {
    severity: 'error',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      "An index's expressions and WHERE predicate must give the same result forever: PostgreSQL refuses now(), CURRENT_DATE, random() and any other function not IMMUTABLE there (42P17). Index the column and filter by time in the query, or make the predicate a fixed value (WHERE status = 'live')."
  },
  'volatile-default': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'A volatile DEFAULT (random(), gen_random_uuid(), clock_timestamp(), nextval()) rewrites the table under ACCESS EXCLUSIVE: add the column without it, SET DEFAULT afterwards, backfill in batches.'
  },
  'alter-column-type': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'Changing a column type usually rewrites the table and its indexes under ACCESS EXCLUSIVE: add a new column, backfill it in batches, switch readers, drop the old one.'
  },
  'set-not-null-without-check': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'SET NOT NULL scans the table under ACCESS EXCLUSIVE: first ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it (SHARE UPDATE EXCLUSIVE), then SET NOT NULL skips the scan (PostgreSQL 12+), then DROP CONSTRAINT the CHECK.'
  },
  'require-concurrent-index-drop': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      "DROP INDEX takes ACCESS EXCLUSIVE on the index's table, queued behind every running query and blocking all that come after: use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE) in a migration of its own."
  },
  'require-concurrent-reindex': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'REINDEX blocks writes to the table (SHARE) and reads through the index (ACCESS EXCLUSIVE on it) for the whole rebuild: use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a migration of its own.'
  },
  'add-column-foreign-key': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'ADD COLUMN ... REFERENCES with a DEFAULT (or GENERATED ... STORED, or a serial type) validates every row while the table is locked ACCESS EXCLUSIVE and the referenced table SHARE ROW EXCLUSIVE (without one, PostgreSQL skips the validation: every row is NULL): add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE).'
  },
  'require-concurrent-detach': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table and the partition: use DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+, SHARE UPDATE EXCLUSIVE; not with a default partition) in a migration of its own.'
  },
  'truncate-cascade': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'TRUNCATE ... CASCADE also empties every table with a foreign key to it, and those referencing them, none of them named here (ACCESS EXCLUSIVE on each): name the tables to empty and drop CASCADE.'
  },
  'identifier-too-long': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'PostgreSQL silently truncates names to 63 bytes (NAMEDATALEN - 1, counted in UTF-8): two long names can become the same name, and tools comparing names miss the object. Choose a name of at most 63 bytes.'
  },
  'prefer-robust': {
    severity: 'info',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'This file runs outside a transaction, so a failure leaves it half applied (a CONCURRENTLY build leaves an INVALID index): write CREATE ... IF NOT EXISTS and DROP ... IF EXISTS so it can be run again as it is.'
  },
  'drop-table': {
    severity: 'warning',
    appliesTo: FORWARD,
    suppressible: true,
    advice:
      'Dropping a table loses its data and no rollback brings it back: stop using it, back it up, drop it in a later release.'
  },
  'drop-column': {
    severity: 'warning',
    appliesTo: FORWARD,
    suppressible: true,
    advice:
      'Dropping a column loses its data and breaks clients still selecting it: stop using it first, drop it in a later release.'
  },
  rename: {
    severity: 'warning',
    appliesTo: FORWARD,
    suppressible: true,
    advice:
      'Renaming breaks clients still using the old name: add the new object, move clients over, then remove the old one.'
  },
  'foreign-key-not-valid': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'Adding a FOREIGN KEY scans the table while both tables are locked SHARE ROW EXCLUSIVE: add it NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE).'
  },
  'supabase-managed-schema': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      "Leave the auth, storage and realtime schemas to Supabase: since its April 2025 permission change the postgres role your migrations run as owns none of their tables, and `supabase db push` fails there with 42501 (must be owner); this tool's throwaway rehearsal runs as a superuser and cannot show it. RLS is already on for storage.objects: delete that statement. Keep your own columns in a table of yours keyed by auth.users(id). Policies on storage.objects and triggers on auth.users are still yours to create."
  },
  'rls-without-policy': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      'With row level security enabled and no policy, every query by a non-owner role sees no rows: create the policies in the same change.'
  },
  'security-definer-search-path': {
    severity: 'warning',
    appliesTo: CHANGES,
    suppressible: true,
    advice:
      "A SECURITY DEFINER function must pin its search path: add SET search_path = '' (or pg_catalog, public) and schema-qualify the names it uses."
  },
  'lock-in-function': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'LOCK TABLE inside a function holds the lock until the caller commits: lock as narrowly as possible, or lock rows with SELECT ... FOR UPDATE.'
  },
  'ddl-in-function': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'DDL inside a function runs on every call with the locks it needs and escapes migration review: keep schema changes in migrations.'
  },
  'escapes-transaction': {
    severity: 'error',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'ROLLBACK cannot undo this, and the rehearsal runs every pending migration on the target before rolling it back: move it out of the migration (an operator task, a client-side COPY ... TO STDOUT / FROM STDIN, a job run after the release), or, when it is deliberate, write -- runbook:allow escapes-transaction <reason> above the statement.'
  },
  'partial-rollback': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: true,
    advice:
      'Sequence changes (nextval, setval) are never rolled back, and a notification is sent once the migration commits: make the step safe to repeat (e.g. setval from max(id)), or notify from the application after the release.'
  },
  'invalid-suppression': {
    severity: 'warning',
    appliesTo: ALL,
    suppressible: false,
    advice:
      'Write -- runbook:allow <rule-id> <reason> (or -- migration-runbook: allow <rule-id> because <reason>), with a known rule id and a reason a reviewer can judge.'
  }
} satisfies Record<string, RuleSpec>

export type RuleId = keyof typeof RULES

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id)
}
