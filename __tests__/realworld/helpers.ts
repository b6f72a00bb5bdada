/** Runs the engine's stages end to end (runStage) on a copy of a realworld-* fixture and a fresh database. */
import pg from 'pg'
import { rmSync } from 'node:fs'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { parseInputs } from '../../src/config/inputs.js'
import { Redactor } from '../../src/report/redact.js'
import { runStage } from '../../src/run.js'
import {
  findCheck,
  type CheckResult,
  type Stage,
  type CheckId,
  type CheckResultOf
} from '../../src/types.js'

export interface Project {
  db: TestDatabase
  repo: FixtureRepo
  stage: (name: Stage, environment?: string) => ReturnType<typeof runStage>
  query: (sql: string) => Promise<pg.QueryResult>
  done: () => Promise<void>
}

export async function project(fixture: string): Promise<Project> {
  const db = await createTestDatabase(fixture.replace(/-/g, '_'))
  const repo = copyFixture(fixture)
  return {
    db,
    repo,
    stage: (name, environment = 'staging') =>
      runStage({
        config: parseInputs({ environment, stage: name, 'database-url': db.url }),
        redactor: new Redactor(),
        root: repo.root,
        environ: process.env
      }),
    async query(sql) {
      const c = await db.client()
      try {
        return await c.query(sql)
      } finally {
        await c.end()
      }
    },
    async done() {
      await db.drop()
      rmSync(repo.root, { recursive: true, force: true })
    }
  }
}

export function check<K extends CheckId>(
  run: { report: { checks: CheckResult[] } },
  id: K
): CheckResultOf<K> {
  const c = findCheck(run.report.checks, id)
  if (!c) throw new Error(`no ${id} check in ${run.report.checks.map(x => x.id).join(', ')}`)
  return c
}
