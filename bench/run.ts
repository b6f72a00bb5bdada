/**
 * Runs every benchmark in bench/ one after another, each as its own `node --import tsx bench/<name>.ts` at its
 * default size, passes its output through, and ends with a table of each one's headline figures. A failing
 * benchmark makes the run exit 1; the others still run.
 *
 *   npm run bench                                  # all, default sizes (a few minutes on 2 cores)
 *   npm run bench -- --only conflicts              # one (or --only conflicts,validate, or repeated)
 *   BENCH_ROWS=1000000 npm run bench -- --only validate
 *
 * The environment (BENCH_ROWS, BENCH_TABLES, BENCH_STATEMENTS, BENCH_DATABASE_URL, ...) is passed through.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const ROOT = path.dirname(path.resolve(BENCH_DIR))
/** The capacity sample's own benchmarks live beside it; they run here like the tool's. */
const BENCH_DIRS = [BENCH_DIR, path.join(ROOT, 'examples', 'capacity', 'bench')]

/** The file of a benchmark, in whichever of BENCH_DIRS holds it. */
function benchFile(name: string): string {
  const dir = BENCH_DIRS.find(d => existsSync(path.join(d, `${name}.ts`))) ?? BENCH_DIR
  return path.join(dir, `${name}.ts`)
}

/** Lines of each benchmark's stdout that carry its headline figures; otherwise its last line. */
const HEADLINES: Record<string, RegExp> = {
  cancel: /^SIG/,
  conflicts: /^(sweep|self-join|ratio)/,
  'fast-path':
    /^(start-up (cli|action)|overhead |ratio apply|per round|with NODE_EXTRA_CA_CERTS unset)/,
  'constraint-order': /\bbest\b/,
  forecast: /^forecast /,
  generate: /rows\/s/,
  lint: /^(lint +50000|corpus )/,
  'post-checks': /^(probe|plan baselines)/,
  'schema-snapshot': /^(snapshotSchema|pg_dump)/,
  validate: /^(validate total|rehearsal total|conflicts check:)/
}

interface Outcome {
  name: string
  code: number | null
  seconds: number
  headlines: string[]
}

/** Files in bench/ that are not benchmarks: this runner and shared helpers. */
const NOT_BENCHMARKS = new Set(['run.ts', 'args.ts', 'lint-corpus.ts'])

function allBenchmarks(): string[] {
  return BENCH_DIRS.filter(d => existsSync(d))
    .flatMap(d => readdirSync(d))
    .filter(f => f.endsWith('.ts') && !NOT_BENCHMARKS.has(f) && !f.endsWith('.d.ts'))
    .map(f => f.slice(0, -3))
    .sort()
}

/** --only a,b (repeatable); no --only: all of them. */
function selectBenchmarks(argv: string[], all: string[]): string[] {
  const wanted: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    let value: string | undefined
    if (arg === '--only') value = argv[++i]
    else if (arg.startsWith('--only=')) value = arg.slice('--only='.length)
    else throw new Error(`argument "${arg}" is not known; allowed: --only <name>[,<name>...]`)
    if (!value) throw new Error(`--only needs a benchmark name; allowed: ${all.join(', ')}`)
    for (const name of value.split(',').map(s => s.trim().replace(/\.ts$/, ''))) {
      if (!all.includes(name))
        throw new Error(`--only "${name}" is not a benchmark; allowed: ${all.join(', ')}`)
      if (!wanted.includes(name)) wanted.push(name)
    }
  }
  return wanted.length > 0 ? wanted : all
}

function headlinesOf(name: string, stdout: string): string[] {
  const lines = stdout
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const pattern = HEADLINES[name]
  const picked = pattern ? lines.filter(l => pattern.test(l)) : []
  return picked.length > 0 ? picked : lines.slice(-1)
}

/** One benchmark as a child process; stdout is shown as it comes and kept for the summary. */
function runOne(name: string): Promise<Outcome> {
  const t0 = performance.now()
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['--import', 'tsx', benchFile(name)], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      stdout += chunk.toString('utf8')
    })
    const done = (code: number | null, signal?: string | null) => {
      const seconds = (performance.now() - t0) / 1000
      const headlines = headlinesOf(name, stdout)
      if (signal) headlines.push(`killed by ${signal}`)
      if (headlines.length === 0) headlines.push('no figures (see its error above)')
      resolve({ name, code, seconds, headlines })
    }
    child.on('error', e => {
      console.error(`${name}: could not start: ${e.message}`)
      done(null)
    })
    child.on('close', (code, signal) => done(code, signal))
  })
}

function summary(outcomes: Outcome[]): string {
  const width = Math.max(...outcomes.map(o => o.name.length), 'benchmark'.length)
  const out = [`${'benchmark'.padEnd(width)}  result   time     headline`]
  for (const o of outcomes) {
    const result = o.code === 0 ? 'ok' : `FAIL(${o.code ?? '-'})`
    const [first = '', ...rest] = o.headlines
    out.push(
      `${o.name.padEnd(width)}  ${result.padEnd(7)}  ${`${o.seconds.toFixed(0)} s`.padStart(5)}    ${first}`
    )
    for (const h of rest) out.push(`${''.padEnd(width + 20)}${h}`)
  }
  return out.join('\n')
}

async function main(): Promise<number> {
  const names = selectBenchmarks(process.argv.slice(2), allBenchmarks())
  const outcomes: Outcome[] = []
  for (const name of names) {
    console.log(`\n=== ${name} (node --import tsx ${path.relative(ROOT, benchFile(name))}) ===`)
    const o = await runOne(name)
    console.log(
      `--- ${name}: ${o.code === 0 ? 'ok' : `FAILED, exit ${o.code}`} in ${o.seconds.toFixed(1)} s`
    )
    outcomes.push(o)
  }
  console.log(`\n=== summary ===\n${summary(outcomes)}`)
  return outcomes.every(o => o.code === 0) ? 0 : 1
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(2)
  }
)
