/**
 * Can a shell command line start on this machine? Finds the programs it runs (on PATH or in
 * node_modules/.bin), the npm scripts it names (in package.json, followed into their own commands) and the
 * script files it hands to node, without running anything. The tests-preflight check asks it about the
 * environment's test command.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Words that are not programs: builtins and keywords `sh -c` knows. */
const SHELL_BUILTINS = new Set([
  ':',
  '.',
  '[',
  'cd',
  'echo',
  'eval',
  'exec',
  'exit',
  'export',
  'false',
  'printf',
  'pwd',
  'set',
  'source',
  'test',
  'true',
  'umask',
  'unset'
])
/** Constructs a word list cannot follow (control flow, substitutions): the command is left unanalysed. */
const UNANALYSABLE = new Set(['if', 'then', 'for', 'while', 'until', 'case', 'do', 'function', '{'])
/** node options whose value is the next word. */
const NODE_VALUE_OPTIONS = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--env-file',
  '--conditions',
  '-C',
  '--stack-size',
  '--max-old-space-size'
])
const MAX_SCRIPT_DEPTH = 4

export type Token = { word: string } | { op: string }

/**
 * Splits a `sh -c` line into words and control operators, honouring quotes and backslashes. Returns null
 * for what a word list cannot describe ($(...), backquotes, here-documents, subshells).
 */
export function tokenizeShell(line: string): Token[] | null {
  const tokens: Token[] = []
  let word: string | null = null
  let i = 0
  const push = () => {
    if (word !== null) tokens.push({ word })
    word = null
  }
  while (i < line.length) {
    const c = line[i]
    if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[i + 1]
      i += 2
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return null
      word = (word ?? '') + line.slice(i + 1, end)
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      let text = ''
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length) j++
        if (line[j] === '`' || (line[j] === '$' && line[j + 1] === '(')) return null
        text += line[j]
        j++
      }
      if (j >= line.length) return null
      word = (word ?? '') + text
      i = j + 1
    } else if (c === '`' || (c === '$' && line[i + 1] === '(') || c === '(' || c === ')') {
      return null
    } else if (c === '#' && word === null) {
      break
    } else if (/\s/.test(c)) {
      if (c === '\n') {
        push()
        tokens.push({ op: ';' })
      } else push()
      i++
    } else if ('&|;<>'.includes(c)) {
      push()
      const two = line.slice(i, i + 2)
      if (two === '<<') return null
      const op = ['&&', '||', '>>', '>&', '2>'].includes(two) ? two : c
      tokens.push({ op })
      i += op.length
    } else {
      word = (word ?? '') + c
      i++
    }
  }
  push()
  return tokens
}

/** The simple commands of a tokenized line (redirection targets dropped). */
function simpleCommands(tokens: Token[]): string[][] {
  const commands: string[][] = [[]]
  let redirect = false
  for (const t of tokens) {
    if ('op' in t) {
      if (['>', '>>', '<', '>&', '2>'].includes(t.op)) redirect = true
      else commands.push([])
    } else if (redirect) {
      redirect = false
    } else {
      commands[commands.length - 1].push(t.word)
    }
  }
  return commands.filter(c => c.length > 0)
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Where `sh` (with node_modules/.bin first, as npm scripts have it) would find the program, or null. */
export function resolveProgram(program: string, cwd: string, pathEnv: string): string | null {
  if (program.includes('/')) {
    const file = path.resolve(cwd, program)
    return isExecutableFile(file) ? file : null
  }
  const dirs = [path.join(cwd, 'node_modules', '.bin'), ...pathEnv.split(path.delimiter)]
  for (const dir of dirs) {
    if (!dir) continue
    const file = path.join(dir, program)
    if (isExecutableFile(file)) return file
  }
  return null
}

function packageScripts(cwd: string): Record<string, string> | null {
  const file = path.join(cwd, 'package.json')
  if (!existsSync(file)) return null
  try {
    const scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: unknown }).scripts
    return scripts && typeof scripts === 'object' ? (scripts as Record<string, string>) : {}
  } catch {
    return null
  }
}

/** The script file a `node` command line runs, when it runs one. */
function nodeScript(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-') return null
    if (NODE_VALUE_OPTIONS.has(a)) {
      i++
      continue
    }
    if (a.startsWith('-')) continue
    return a
  }
  return null
}

interface Probe {
  cwd: string
  pathEnv: string
  problems: string[]
  checked: string[]
}

/** The npm script a package-manager command line runs (`npm run x`, `npm test`, `pnpm x`), if any. */
function scriptName(program: string, args: string[]): string | null {
  const [sub, name] = args
  if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') return name ?? null
  if (sub === 'test' || sub === 't' || sub === 'tst') return 'test'
  if (sub === 'start') return 'start'
  if ((program === 'pnpm' || program === 'yarn') && sub && !sub.startsWith('-')) return sub
  return null
}

function probeLine(line: string, where: string, probe: Probe, depth: number): void {
  const tokens = tokenizeShell(line)
  if (!tokens) {
    probe.checked.push(`${where}: not analysed (substitutions or subshells)`)
    return
  }
  for (const words of simpleCommands(tokens)) {
    let start = 0
    while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start])) start++
    const program = words[start]
    if (program === undefined || SHELL_BUILTINS.has(program)) continue
    if (UNANALYSABLE.has(program)) {
      probe.checked.push(`${where}: not analysed (shell control flow)`)
      return
    }
    const args = words.slice(start + 1)
    if (program === 'npx' || (program === 'npm' && args[0] === 'exec')) {
      const bin = (program === 'npx' ? args : args.slice(1)).find(a => !a.startsWith('-'))
      if (bin && !resolveProgram(bin, probe.cwd, '')) {
        probe.problems.push(
          `${where}: \`${program} ${bin}\` finds no ${bin} in node_modules/.bin (npx would download it at run time); install dependencies first (npm ci) or add ${bin} to devDependencies`
        )
      }
      continue
    }
    if (!resolveProgram(program, probe.cwd, probe.pathEnv)) {
      probe.problems.push(
        `${where}: program "${program}" is not on PATH or in node_modules/.bin; install it (npm ci, actions/setup-node) before the run`
      )
      continue
    }
    probe.checked.push(`${where}: ${program} found`)
    if (program === 'node') {
      const script = nodeScript(args)
      if (script && !existsSync(path.resolve(probe.cwd, script))) {
        probe.problems.push(
          `${where}: node runs "${script}", which does not exist in ${probe.cwd}; install dependencies first (npm ci)`
        )
      }
      continue
    }
    if (program === 'npm' || program === 'pnpm' || program === 'yarn') {
      const name = scriptName(program, args)
      if (name === null) continue
      const scripts = packageScripts(probe.cwd)
      if (scripts === null) {
        probe.problems.push(
          `${where}: \`${program} ${args.join(' ')}\` needs a package.json in ${probe.cwd}, found none`
        )
        continue
      }
      const body = scripts[name]
      if (body === undefined) {
        const known = Object.keys(scripts)
        probe.problems.push(
          `${where}: package.json has no script "${name}"; allowed: ${known.join(', ') || '(no scripts defined)'}`
        )
      } else if (depth < MAX_SCRIPT_DEPTH) {
        probeLine(body, `npm script "${name}"`, probe, depth + 1)
      }
    }
  }
}

export interface PreflightResult {
  problems: string[]
  checked: string[]
}

/** Whether `command` can start in `cwd` with `pathEnv`; runs nothing. */
export function preflightTestCommand(
  command: string,
  cwd: string,
  pathEnv: string
): PreflightResult {
  const probe: Probe = { cwd, pathEnv, problems: [], checked: [] }
  probeLine(command, 'test-command', probe, 0)
  return { problems: probe.problems, checked: probe.checked }
}
