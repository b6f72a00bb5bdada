/**
 * Which migrations layout a repository uses, and where its runbook policy belongs in that layout.
 */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/errors.js'
import { configCandidates } from '../config/inputs.js'

export type LayoutKind = 'supabase' | 'plain'

export interface Layout {
  kind: LayoutKind
  /** Relative to the repository root, forward slashes (it is written into YAML). */
  migrationsDir: string
  /** Where the policy is (or will be) read from by default for this folder. */
  configPath: string
  /** How many .sql files the folder holds (sidecar folders not counted). */
  migrationCount: number
}

/** Looked for in this order when --migrations-dir is not given. */
export const LAYOUT_FOLDERS: readonly { dir: string; kind: LayoutKind }[] = [
  { dir: 'supabase/migrations', kind: 'supabase' },
  { dir: 'migrations', kind: 'plain' }
]

function isFolder(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory()
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

/**
 * The policy path for a migrations folder: an existing candidate if there is one (so init never writes a
 * second policy that the first would shadow), else the last candidate, which in the Supabase layout is
 * supabase/runbook.yml, outside the folder the Supabase CLI reads.
 */
export function policyPathFor(root: string, migrationsDir: string): string {
  const candidates = configCandidates(migrationsDir)
  const existing = candidates.find(c => existsSync(path.resolve(root, c)))
  return toPosix(existing ?? candidates[candidates.length - 1])
}

function countMigrations(dir: string): number {
  return readdirSync(dir).filter(f => f.endsWith('.sql') && !isFolder(path.join(dir, f))).length
}

/**
 * The repository's layout: the folder named by --migrations-dir (which must exist), else
 * supabase/migrations (Supabase CLI), else migrations/. Neither found is a ConfigError saying what was
 * looked for.
 */
export function detectLayout(root: string, migrationsDir?: string): Layout {
  if (migrationsDir !== undefined) {
    // Relative to the root: the path is written into workflows that run from the repository root.
    const dir = toPosix(path.relative(root, path.resolve(root, migrationsDir)))
    if (dir === '' || dir.startsWith('..') || path.isAbsolute(dir)) {
      throw new ConfigError(
        `option --migrations-dir is "${migrationsDir}", which is not inside the repository ${root}; allowed: a folder of <version>_<name>.sql migrations below the repository root`
      )
    }
    if (!isFolder(path.resolve(root, dir))) {
      throw new ConfigError(
        `option --migrations-dir is "${migrationsDir}", which is not a folder under ${root}; allowed: an existing folder of <version>_<name>.sql migrations`
      )
    }
    const kind: LayoutKind = configCandidates(dir).length > 1 ? 'supabase' : 'plain'
    return layoutOf(root, dir, kind)
  }
  for (const { dir, kind } of LAYOUT_FOLDERS) {
    if (isFolder(path.join(root, dir))) return layoutOf(root, dir, kind)
  }
  // A monorepo keeps its Supabase project in a package (packages/db/supabase/migrations): name what is there.
  const below = migrationFoldersBelow(root)
  throw new ConfigError(
    `no migrations folder in ${root}: looked for supabase/migrations/ (Supabase CLI layout) and migrations/` +
      (below.length > 0 ? `; found below it: ${below.join(', ')}` : '') +
      '; allowed: run init in the project (the folder that holds supabase/migrations or migrations), or pass ' +
      '--migrations-dir <dir> naming the folder of <version>_<name>.sql migrations' +
      (below.length > 0 ? ` (here: --migrations-dir ${below[0]})` : '')
  )
}

/** Folders not looked into for migrations folders: dependencies, build output, hidden folders. */
const NOT_SEARCHED = new Set(['node_modules', 'dist', 'build', 'vendor', 'target'])

/**
 * The supabase/migrations folders below `root`, at most `depth` folders down, relative and with forward
 * slashes, nearest first: where a monorepo keeps its project.
 */
export function migrationFoldersBelow(root: string, depth = 4): string[] {
  const found: string[] = []
  let level = ['']
  for (let d = 0; d <= depth && level.length > 0 && found.length < 5; d++) {
    const next: string[] = []
    for (const rel of level) {
      let entries: Dirent[]
      try {
        entries = readdirSync(path.join(root, rel), { withFileTypes: true })
      } catch {
        continue
      }
      for (const e of entries) {
        if (!e.isDirectory() || e.name.startsWith('.') || NOT_SEARCHED.has(e.name)) continue
        const child = rel ? `${rel}/${e.name}` : e.name
        if (d > 0 && e.name === 'supabase' && isFolder(path.join(root, child, 'migrations')))
          found.push(`${child}/migrations`)
        else next.push(child)
      }
    }
    level = next.sort()
  }
  return found
}

/**
 * The folder init works from inside a repository: the nearest at or above `cwd` (up to `top`) that holds
 * supabase/migrations or migrations, relative to `top`; undefined when none does.
 */
export function nearestLayoutDir(cwd: string, top: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    for (const { dir: folder } of LAYOUT_FOLDERS)
      if (isFolder(path.join(dir, folder)))
        return toPosix(path.relative(top, path.join(dir, folder)))
    if (dir === top || path.dirname(dir) === dir) return undefined
  }
}

function layoutOf(root: string, dir: string, kind: LayoutKind): Layout {
  return {
    kind,
    migrationsDir: dir,
    configPath: policyPathFor(root, dir),
    migrationCount: countMigrations(path.resolve(root, dir))
  }
}
