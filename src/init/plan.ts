/**
 * What `init` would write (planInit) and writing it (writeInit). Nothing existing is replaced without
 * force, and a refusal writes nothing at all, so a re-run never leaves half a setup behind.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/errors.js'
import { detectLayout, type Layout } from './layout.js'
import { renderRunbook } from './runbook.js'
import { renderWorkflows, type WorkflowOptions } from './workflows.js'

export interface PlannedFile {
  /** Relative to the repository root, forward slashes. */
  path: string
  content: string
  /** A file is already there (init replaces it only with force). */
  exists: boolean
}

export interface InitPlan {
  root: string
  layout: Layout
  files: PlannedFile[]
}

export interface PlanOptions extends WorkflowOptions {
  /** --migrations-dir; undefined: detect the layout. */
  migrationsDir?: string
}

export function planInit(root: string, opts: PlanOptions = {}): InitPlan {
  const layout = detectLayout(root, opts.migrationsDir)
  const files = [
    { path: layout.configPath, content: renderRunbook(layout) },
    ...renderWorkflows(layout, opts)
  ].map(f => ({ ...f, exists: existsSync(path.join(root, f.path)) }))
  return { root, layout, files }
}

/** Writes the plan; throws a ConfigError naming every existing file (and writes nothing) unless force. */
export function writeInit(plan: InitPlan, opts: { force: boolean }): PlannedFile[] {
  const existing = plan.files.filter(f => f.exists)
  if (existing.length > 0 && !opts.force) {
    const names = existing.map(f => f.path).join(', ')
    throw new ConfigError(
      `${names} already exist${existing.length === 1 ? 's' : ''}; init never overwrites a file: pass --force to replace ${existing.length === 1 ? 'it' : 'them'}, or --print to see the edits without writing`
    )
  }
  for (const file of plan.files) {
    const target = path.join(plan.root, file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.content)
  }
  return plan.files
}
