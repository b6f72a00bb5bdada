import { spawnSync } from 'node:child_process'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/embedded/server.js'
const server = await startEmbeddedPostgres()
const url = await server.createDatabase('hosted')
const c = new pg.Client({ connectionString: url }); await c.connect()
await c.query(`CREATE ROLE hosted_pg LOGIN PASSWORD 'Hosted-pw-1' NOSUPERUSER CREATEDB CREATEROLE BYPASSRLS;
  GRANT CREATE, CONNECT, TEMPORARY ON DATABASE hosted TO hosted_pg;
  GRANT ALL ON SCHEMA public TO hosted_pg;
  GRANT anon, authenticated, service_role TO hosted_pg;
  GRANT USAGE ON SCHEMA auth, extensions TO hosted_pg;
  GRANT pg_read_all_stats, pg_signal_backend TO hosted_pg`)
const u = new URL(url); u.username = 'hosted_pg'; u.password = 'Hosted-pw-1'
const dir = process.argv[2] ?? '/work/main'
const mdir = process.argv[3] ?? 'migrations'
for (const stage of ['validate', 'apply', 'verify', 'rollback']) {
  const r = spawnSync(process.execPath, ['/work/main/dist/cli/index.js', stage, '--env', 'staging', '--database-url', u.toString(), '--migrations-dir', mdir, '--artifacts-dir', '/tmp/prof/ns', '--test-command', 'true'], { cwd: dir, encoding: 'utf8' })
  console.log('==', stage, 'exit', r.status)
  console.log((r.stdout + r.stderr).split('\n').filter(l => /^[A-Z]+ on|FAIL|WARN|fail|error|denied|must be/.test(l)).slice(0, 14).join('\n'))
}
await c.end(); await server.stop()
