/**
 * Two lint benchmarks, no database (lint is pure):
 *
 * 1. corpus (issue 14 §6): a generated folder of 100 typical migrations (CREATE TABLE, ADD COLUMN, indexes,
 *    constraints, functions, policies, DO blocks; about a third with findings), linted
 *    - in-process through runLintCommand (what `migration-runbook lint` runs), after the parser is loaded:
 *      median of 7 runs, target < 300 ms;
 *    - through the built CLI (`node dist/cli/index.js lint`), start-up included: one file (target < 400 ms)
 *      and the whole folder, median of 5; and `--help` (issue 15: target <= 250 ms);
 *    - by squawk (squawk-cli from npm, its native binary) on the same files, side by side. squawk is installed
 *      once into a folder under the system temp dir with `npm install --prefix` (the registry only, no GitHub
 *      download: the binary is the @squawk-cli/<platform> npm package); when that fails it is skipped.
 * 2. scaling: `lintMigrations` + `scanOtherFiles` (what the `lint` check runs, from discovery) on one generated
 *    migration of 5k, 10k and 50k statements. Lint must stay linear: 50k statements under 10 s.
 *
 *   node --import tsx bench/lint.ts                  # corpus, then 5000, 10000 and 50000 statements
 *   node --import tsx bench/lint.ts 20000            # corpus, then one size (env BENCH_STATEMENTS too)
 *   BENCH_LINT_SCALING=0 node --import tsx bench/lint.ts    # corpus only
 *
 * The files go to a temporary folder, removed at the end. The CLI figures need `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { discoverMigrations } from '../src/plan/files.js'
import { loadParser } from '../src/sql/parser.js'
import { lintMigrations } from '../src/lint/migrations.js'
import { scanOtherFiles } from '../src/lint/other-files.js'
import { intArg } from './args.js'
import { benchLintCorpus } from './lint-corpus.js'

const DEFAULT_SIZES = [5_000, 10_000, 50_000]
const TARGET_SECONDS_AT_50K = 10

/** Ten statements (and comments) per group, so `statements` is rounded up to a multiple of 10. */
function group(i: number): string {
  const t = `dish_${i}`
  return `-- Réservations n°${i}: the café's menu (été ☕, 東京)
CREATE TABLE ${t} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, note text DEFAULT 'crème brûlée');
ALTER TABLE ${t} ADD COLUMN created_at timestamptz DEFAULT now();
CREATE INDEX ${t}_name_idx ON ${t} (name);
INSERT INTO ${t} (name, note) VALUES ('Zoë', 'naïve'), ('Ådne', '東京の寿司 🍣');
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ${t} WHERE name = 'Zoë') THEN
    INSERT INTO ${t} (name) VALUES ('Zoë');
  END IF;
END $$;
/* Ändern: bestehende Tabelle */ ALTER TABLE bookings ADD COLUMN extra_${i} int NOT NULL;
-- runbook:allow require-concurrent-index bookings is small in this bench (übrigens: 12 rows)
CREATE INDEX bookings_extra_${i}_idx ON bookings (extra_${i});
UPDATE ${t} SET note = 'überprüft' WHERE name = 'Ådne';
COMMENT ON TABLE ${t} IS 'Gerichte — plats — 料理';
ALTER TABLE ${t} ADD CONSTRAINT ${t}_name_len CHECK (char_length(name) < 200);
`
}

function generate(statements: number): string {
  const parts: string[] = []
  for (let i = 0; i < Math.ceil(statements / 10); i++) parts.push(group(i))
  return parts.join('\n')
}

function lintOnce(statements: number): void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-'))
  try {
    const dir = path.join(root, 'migrations')
    mkdirSync(dir)
    const sql = generate(statements)
    writeFileSync(path.join(dir, '20260101000000_bench.sql'), sql)
    const t0 = performance.now()
    const migrations = discoverMigrations('migrations', root)
    const t1 = performance.now()
    const result = lintMigrations(migrations)
    result.findings.push(...scanOtherFiles(process.cwd(), dir, migrations))
    const t2 = performance.now()
    const seconds = (t2 - t0) / 1000
    console.log(
      `lint ${String(result.statements).padStart(6)} statements (${(Buffer.byteLength(sql) / 1e6).toFixed(1)} MB): ` +
        `${seconds.toFixed(2)} s (discovery ${((t1 - t0) / 1000).toFixed(2)} s, lint ${((t2 - t1) / 1000).toFixed(2)} s), ` +
        `${result.findings.length} findings, ${Math.round(result.statements / seconds)} statements/s`
    )
    if (statements >= 50_000 && seconds > TARGET_SECONDS_AT_50K * (statements / 50_000))
      console.log(`  over the target of ${TARGET_SECONDS_AT_50K} s per 50k statements`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  await benchLintCorpus()
  if (process.env.BENCH_LINT_SCALING === '0') return
  const one = process.argv[2] ?? process.env.BENCH_STATEMENTS
  const sizes = one === undefined ? DEFAULT_SIZES : [intArg(2, 'BENCH_STATEMENTS', '5000', 10)]
  await loadParser()
  // The WASM parser is compiled lazily on its first calls: one small run first, so the figures compare sizes.
  console.log('\nscaling: warm-up (first calls compile the parser):')
  lintOnce(1_000)
  for (const n of sizes) lintOnce(n)
}

await main()
