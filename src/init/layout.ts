/**
 * Which migrations layout a repository uses, and where its runbook policy belongs in that layout.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
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
  throw new ConfigError(
    `no migrations folder in ${root}: looked for supabase/migrations/ (Supabase CLI layout) and migrations/; allowed: run init at the repository root, or pass --migrations-dir <dir> naming the folder of <version>_<name>.sql migrations`
  )
}

function layoutOf(root: string, dir: string, kind: LayoutKind): Layout {
  return {
    kind,
    migrationsDir: dir,
    configPath: policyPathFor(root, dir),
    migrationCount: countMigrations(path.resolve(root, dir))
  }
}
