/**
 * The lint corpus benchmark of bench/lint.ts (issue 14 §6): 100 generated typical migrations linted in-process,
 * through the built CLI and by squawk, side by side. Not a benchmark on its own (bench/run.ts skips it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runLintCommand, type LintJson } from '../src/lint/command.js'
import { loadParser } from '../src/sql/parser.js'

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const SQUAWK_VERSION = '2.66.0'
const FILES = 100
const TARGET_IN_PROCESS_MS = 300
const TARGET_CLI_ONE_MS = 400
const TARGET_HELP_MS = 250

/**
 * Ten kinds of typical migration, cycled: the tables they alter (`accounts`, `orders`, `customers`) are not
 * created in the corpus, so lint counts them as existing, as a real project's would be. Kinds 2, 5 and 9
 * have findings (an index without CONCURRENTLY, a CHECK validated under the lock, SET NOT NULL by scan).
 */
function migration(i: number): string {
  const t = `item_${i}`
  switch (i % 10) {
    case 0:
      return `-- A new table for feature ${i}.
CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ${t}_account_idx ON ${t} (account_id);
COMMENT ON TABLE ${t} IS 'feature ${i}';
`
    case 1:
      return `ALTER TABLE orders ADD COLUMN note_${i} text;
ALTER TABLE orders ADD COLUMN flag_${i} boolean DEFAULT false;
`
    case 2:
      return `CREATE INDEX orders_note_${i}_idx ON orders (created_at, id);
`
    case 3:
      return `CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_email_${i}_idx ON customers (lower(email));
`
    case 4:
      return `ALTER TABLE orders ADD CONSTRAINT orders_customer_${i}_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_${i}_fk;
`
    case 5:
      return `ALTER TABLE orders ADD CONSTRAINT orders_total_${i}_positive CHECK (total >= 0);
`
    case 6:
      return `CREATE OR REPLACE FUNCTION touch_${i}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER touch_${i} BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch_${i}();
`
    case 7:
      return `CREATE TABLE ${t} (id bigint PRIMARY KEY, owner uuid NOT NULL, body text);
ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
CREATE POLICY ${t}_owner ON ${t} FOR ALL USING (owner = auth.uid());
`
    case 8:
      return `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status_${i}') THEN
    CREATE TYPE status_${i} AS ENUM ('new', 'done');
  END IF;
END $$;
UPDATE accounts SET plan = 'free' WHERE plan IS NULL AND id < ${1000 * i};
`
    default:
      return `ALTER TABLE customers ALTER COLUMN name_${i} SET NOT NULL;
`
  }
}

/** Writes the corpus into `dir`: 100 files with 14-digit versions, as `supabase migration new` names them. */
export function writeCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < FILES; i++) {
    const version = String(20260101000000 + i * 100)
    const file = path.join(dir, `${version}_change_${i}.sql`)
    writeFileSync(file, migration(i))
    files.push(file)
  }
  return files
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Median wall time of `runs` runs of a command; undefined (with the reason printed) when it cannot run. */
function wallMs(command: string, args: string[], runs: number, cwd: string): number | undefined {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(command, args, { cwd, encoding: 'utf8' })
    const ms = performance.now() - t0
    // Exit 1 is "findings" for both tools; anything else (or a spawn error) means it did not lint.
    if (r.error || (r.status !== 0 && r.status !== 1)) {
      console.log(
        `  ${path.basename(command)} ${args[0] ?? ''}: did not run (${r.error?.message ?? `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`})`
      )
      return undefined
    }
    times.push(ms)
  }
  return median(times)
}

/**
 * squawk's native binary: installed once into <tmp>/migration-runbook-bench-squawk-<version> from the npm
 * registry. The js/bin/squawk wrapper is skipped: it adds a node start-up that is not squawk's.
 */
function squawkBinary(): string | undefined {
  const prefix = path.join(os.tmpdir(), `migration-runbook-bench-squawk-${SQUAWK_VERSION}`)
  const native = path.join(
    prefix,
    'node_modules',
    '@squawk-cli',
    `${process.platform}-${process.arch}`,
    'bin',
    process.platform === 'win32' ? 'squawk.exe' : 'squawk'
  )
  if (!existsSync(native)) {
    console.log(`  installing squawk-cli@${SQUAWK_VERSION} into ${prefix} (npm registry)…`)
    const r = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-audit', '--no-fund', `squawk-cli@${SQUAWK_VERSION}`],
      { encoding: 'utf8', shell: process.platform === 'win32' }
    )
    if (r.status !== 0 || !existsSync(native)) {
      console.log(
        `  squawk skipped: could not install squawk-cli@${SQUAWK_VERSION} (${r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit ${r.status}`)})`
      )
      return undefined
    }
  }
  return native
}

const shown = (ms: number | undefined): string => (ms === undefined ? '-' : `${Math.round(ms)} ms`)

export async function benchLintCorpus(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-corpus-'))
  try {
    const dir = path.join(root, 'migrations')
    const files = writeCorpus(dir)
    const io = { out: (t: string) => (output = t), err: () => undefined, cwd: root }
    let output = ''
    await loadParser()
    // The first run compiles the parser's hot paths: not counted.
    await runLintCommand({ paths: ['migrations'], format: 'json' }, io)
    const runs: number[] = []
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      await runLintCommand({ paths: ['migrations'], format: 'json' }, io)
      runs.push(performance.now() - t0)
    }
    const json = JSON.parse(output) as LintJson
    const inProcess = median(runs)
    const rules = new Set(json.findings.map(f => f.rule))
    console.log(
      `corpus: ${json.files} files, ${json.statements} statements, ${json.findings.length} findings (${[...rules].sort().join(', ')})`
    )

    let cliOne: number | undefined
    let cliAll: number | undefined
    let help: number | undefined
    if (existsSync(CLI)) {
      cliOne = wallMs(process.execPath, [CLI, 'lint', path.relative(root, files[2])], 5, root)
      cliAll = wallMs(process.execPath, [CLI, 'lint', 'migrations'], 5, root)
      help = wallMs(process.execPath, [CLI, '--help'], 5, root)
    } else console.log(`  CLI figures skipped: ${CLI} is missing (npm run build)`)

    const squawk = squawkBinary()
    const squawkOne = squawk ? wallMs(squawk, [files[2]], 5, root) : undefined
    const squawkAll = squawk ? wallMs(squawk, files, 5, root) : undefined

    const rows: [string, string, string, string][] = [
      ['', 'migration-runbook', `squawk ${SQUAWK_VERSION}`, 'target'],
      [
        'in-process, 100 files (median of 7)',
        shown(inProcess),
        '-',
        `< ${TARGET_IN_PROCESS_MS} ms`
      ],
      [
        'CLI wall, 1 file (median of 5)',
        shown(cliOne),
        shown(squawkOne),
        `< ${TARGET_CLI_ONE_MS} ms`
      ],
      ['CLI wall, 100 files (median of 5)', shown(cliAll), shown(squawkAll), ''],
      ['CLI --help wall (median of 5)', shown(help), '-', `<= ${TARGET_HELP_MS} ms`]
    ]
    const widths = [0, 1, 2, 3].map(c => Math.max(...rows.map(r => r[c].length)))
    for (const r of rows) console.log('corpus ' + r.map((v, c) => v.padEnd(widths[c])).join('  '))
    const over = [
      inProcess > TARGET_IN_PROCESS_MS && 'in-process',
      cliOne !== undefined && cliOne > TARGET_CLI_ONE_MS && 'CLI one file',
      help !== undefined && help > TARGET_HELP_MS && '--help'
    ].filter(Boolean)
    if (over.length > 0) console.log(`  over target: ${over.join(', ')} (a shared machine: ±50%)`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
