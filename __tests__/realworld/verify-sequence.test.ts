/**
 * Derived verification over a whole run of real-world migrations (quivr: 68 files in one run; supabase/storage's
 * tenant migrations): each migration's expectations follow what later migrations of the same run drop, rename
 * or move, unqualified names resolve through the search_path in force, and an object the tool cannot be sure
 * about is left unverified (listed in details) rather than reported as a failure.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildPlan } from '../../src/plan/plan.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { readHistory } from '../../src/plan/history.js'
import { verifyCheck, type VerifyDetails } from '../../src/checks/verify.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { check, project, type Project } from './helpers.js'

let p: Project | undefined
afterEach(async () => {
  await p?.done()
  p = undefined
})

function results(v: { details?: Partial<VerifyDetails> }) {
  return (v.details?.derived ?? []).flatMap(d =>
    d.results.map(r => ({ version: d.version, describe: r.describe, ok: r.ok }))
  )
}

/** verify over every migration of the fixture, as the apply stage runs it (all applied in this run). */
async function verifyAll(pr: Project) {
  const client = await pr.db.client()
  const migrations = discoverMigrations('migrations', pr.repo.root)
  const plan = buildPlan('migrations', migrations, await readHistory(client))
  const ctx = makeContext({ client, url: pr.db.url, stage: 'verify', plan })
  ctx.applied.push(...migrations.map(m => m.version))
  try {
    return await verifyCheck.run(ctx)
  } finally {
    await closeContext(ctx)
  }
}

describe('quivr (supabase db diff migrations, many in one run)', () => {
  test('later drops, re-created constraints, renamed and dropped columns are followed: verify does not fail', async () => {
    p = await project('realworld-quivr')
    const run = await p.stage('apply')
    expect(check(run, 'apply').status).toBe('pass')
    expect(run.report.applied).toHaveLength(11)
    const v = check(run, 'verify')
    expect(v.reasons.filter(r => r.includes('expected'))).toEqual([])
    expect(v.status).toBe('warn') // only for the missing verify/ scripts
    const all = results(v)
    expect(all.filter(r => !r.ok)).toEqual([])
    // A column renamed by a later migration is checked under its new name, for the migration that added it.
    expect(all).toContainEqual({
      version: '20240206040636',
      describe: expect.stringMatching(
        /^column public\.knowledge\.source exists \(renamed from integration by migrations\/20240821191057_knowledge_fix\.sql:1\)$/
      ),
      ok: true
    })
    // What a later migration dropped is no longer expected, and details say by what.
    const followed = v.details.followed ?? []
    expect(followed).toContainEqual(
      expect.objectContaining({
        file: 'migrations/20240103175048_prod.sql',
        describe: 'constraint documents_pkey on public.documents (PRIMARY KEY)',
        reason: expect.stringContaining('migrations/20240107231636_policies.sql')
      })
    )
    // Dropping knowledge.brain_id dropped the foreign key on it (re-added by 20240228182948).
    expect(followed).toContainEqual(
      expect.objectContaining({
        file: 'migrations/20240228182948_notion.sql',
        describe: expect.stringMatching(/^constraint knowledge_brain_id_fkey on public\.knowledge/),
        reason: expect.stringMatching(
          /column public\.knowledge\.brain_id dropped by migrations\/20240821201741_brain-knowledge\.sql:\d+/
        )
      })
    )
    // The drops themselves are verified.
    expect(all).toContainEqual({
      version: '20240722164034',
      describe: 'table public.onboardings gone',
      ok: true
    })
  })

  test('still fails when an object the sequence leaves in place is missing, naming the migration that made it', async () => {
    p = await project('realworld-quivr')
    await p.stage('apply')
    await p.query('ALTER TABLE public.knowledge DROP COLUMN source')
    const v = await verifyAll(p)
    expect(v.status).toBe('fail')
    expect(v.reasons).toEqual([
      'migrations/20240206040636_notion.sql:1: expected column public.knowledge.source exists (renamed from integration by migrations/20240821191057_knowledge_fix.sql:1); not found'
    ])
  })
})

describe('supabase storage (tenant migrations)', () => {
  test('search_path set by a migration, DO-block renames and drops, functions restated unchanged: verify does not fail', async () => {
    p = await project('realworld-storage')
    const run = await p.stage('apply')
    expect(check(run, 'apply').status).toBe('pass')
    const v = check(run, 'verify')
    expect(v.reasons.filter(r => r.includes('expected'))).toEqual([])
    expect(v.status).toBe('warn')
    const all = results(v)
    expect(all.filter(r => !r.ok)).toEqual([])
    const describes = all.map(r => r.describe)
    // Unqualified names went where the file's SET search_path = storage_tenant, ... put them.
    expect(describes).toEqual(
      expect.arrayContaining([
        'table storage_tenant.buckets exists',
        'index storage_tenant.bname exists',
        'row level security on for storage_tenant.objects',
        'function storage_tenant.update_updated_at_column replaced',
        // Restated with the definition it already had: in place, so it holds.
        'function storage_tenant.foldername replaced'
      ])
    )
    // A rename inside IF ... THEN in a DO block may or may not have run: unverified, and said so.
    const uncertain = v.details.uncertain ?? []
    expect(uncertain).toContainEqual(
      expect.objectContaining({
        file: 'migrations/20200101000013_add_bucket_custom_limits.sql',
        describe: 'column storage_tenant.buckets.max_file_size_kb exists',
        reason: expect.stringMatching(
          /DO block .*migrations\/20200101000014_use_bytes_for_max_size\.sql:\d+/
        )
      })
    )
    // DROP TABLE ... CASCADE takes the table's RLS setting and indexes with it.
    const followed = v.details.followed ?? []
    expect(followed.map(f => f.describe)).toEqual(
      expect.arrayContaining([
        'row level security on for storage_tenant.prefixes',
        'index storage_tenant.idx_prefixes_lower_name exists'
      ])
    )
  })

  test('unqualified names follow the database search_path when the files set none', async () => {
    p = await project('realworld-storage')
    const sql = readFileSync(path.join(p.repo.dir, '20200101000001_initialmigration.sql'), 'utf8')
    p.repo.write(
      '20200101000001_initialmigration.sql',
      sql.replace('SET search_path = storage_tenant, public, extensions;\n', '')
    )
    // As storage's tenant databases are set up: ALTER DATABASE ... SET search_path = storage, public, extensions.
    await p.query(
      `ALTER DATABASE ${p.db.name} SET search_path = storage_tenant, public, extensions`
    )
    const run = await p.stage('apply')
    expect(check(run, 'apply').status).toBe('pass')
    const v = check(run, 'verify')
    expect(v.reasons.filter(r => r.includes('expected'))).toEqual([])
    expect(results(v).map(r => r.describe)).toContain('table storage_tenant.buckets exists')
  })

  test('still fails when a function the sequence leaves in place is missing', async () => {
    p = await project('realworld-storage')
    await p.stage('apply')
    await p.query('DROP FUNCTION storage_tenant.update_updated_at_column() CASCADE')
    const v = await verifyAll(p)
    expect(v.status).toBe('fail')
    expect(v.reasons).toEqual([
      'migrations/20200101000011_add_trigger_to_auto_update_updated_at_column.sql:4: expected function storage_tenant.update_updated_at_column replaced; not found'
    ])
  })
})
