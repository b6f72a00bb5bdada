/** Copies a fixture migrations folder to a temp directory, so a test may edit files (drift) freely. */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

export interface FixtureRepo {
  /** Temp folder acting as the repository root. */
  root: string
  /** Its migrations folder (absolute). */
  dir: string
  write: (relative: string, sql: string) => void
}

export function copyFixture(name: string): FixtureRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), `mr-${name}-`))
  const dir = path.join(root, 'migrations')
  cpSync(path.join(FIXTURES, name), dir, { recursive: true })
  return { root, dir, write: (relative, sql) => writeFileSync(path.join(dir, relative), sql) }
}

/** Removes a fixture copy's migrations and their rollback/ and verify/ scripts; runbook.yml stays. */
export function clearMigrations(repo: FixtureRepo): void {
  for (const f of readdirSync(repo.dir))
    if (f.endsWith('.sql') || f === 'rollback' || f === 'verify')
      rmSync(path.join(repo.dir, f), { recursive: true, force: true })
}

/** The top of a file `supabase db pull` writes: pg_dump's session settings, no limits, an empty search_path. */
export const PG_DUMP_HEADER = `SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
`
