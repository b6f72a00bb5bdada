/**
 * secret-literal: API keys and tokens written in migration SQL (Supabase anon and service_role keys are JWTs;
 * Stripe and Supabase sb_ keys; Bearer tokens), in any string constant, function bodies included. The secret
 * is never printed, and the run registers it for redaction.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { lintSql } from '../../src/lint/engine.js'
import { findSecretLiterals, registerRolePasswords } from '../../src/lint/secrets.js'
import { RULES } from '../../src/lint/rules.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { Redactor } from '../../src/report/redact.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const migration = { kind: 'migration' as const, noTransaction: false }
const SIGNATURE = 'Xq3vR9wK2mT7pL0sN5yB8cF1hJ4dG6aZ-u_eW2iO3oQ'

/** A JWT shaped like Supabase's API keys (HS256, signature not valid: it is never checked). */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${SIGNATURE}`
}
const SERVICE_ROLE = jwt({
  iss: 'supabase',
  ref: 'qwertyuiopasdfgh',
  role: 'service_role',
  iat: 1700000000,
  exp: 2000000000
})
const ANON = jwt({
  iss: 'supabase',
  ref: 'qwertyuiopasdfgh',
  role: 'anon',
  iat: 1700000000,
  exp: 2000000000
})
const STRIPE = 'sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv'
const SB_SECRET = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz'
const SB_PUBLISHABLE = 'sb_publishable_ZaZ0gcr3yQ-1V8xCp7ZbKQ_Yb1ma2tx'

// The real case: a trigger function calling an Edge Function through pg_net with a hard-coded key.
const HOOK = `-- Notify the edge function on every new order. (café)
create or replace function public.notify_new_order()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  perform net.http_post(
    url := 'https://qwertyuiopasdfgh.supabase.co/functions/v1/new-order',
    headers := jsonb_build_object(
      'Content-Type', 'application/json',
      'Authorization', 'Bearer ${SERVICE_ROLE}'
    ),
    body := jsonb_build_object('id', new.id)
  );
  return new;
end;
$$;

create trigger on_new_order after insert on public.orders
  for each row execute function public.notify_new_order();
`

const lint = (sql: string, opts = migration) => lintSql('m.sql', sql, opts).findings

test('a service_role key inside a function body calling net.http_post is an error, at the key', () => {
  const findings = lint(HOOK)
  expect(findings).toEqual([
    {
      rule: 'secret-literal',
      severity: 'error',
      file: 'm.sql',
      line: 12,
      column: 32,
      message:
        'a Supabase service_role key of project qwertyuiopasdfgh (eyJhbGciOi…) is written in a string constant: it bypasses row level security, and this file is kept in git and in supabase_migrations.schema_migrations',
      advice: RULES['secret-literal'].advice
    }
  ])
  expect(HOOK.split('\n')[11].slice(31, 41)).toBe('eyJhbGciOi')
  expect(JSON.stringify(findings)).not.toContain(SERVICE_ROLE.slice(10))
})

test('each kind of key, with its severity; the secret itself is never in a message', () => {
  const sql = [
    `select vault.create_secret('${ANON}', 'anon_key');`,
    `insert into settings (k, v) values ('stripe', '${STRIPE}');`,
    `insert into settings (k, v) values ('supabase', E'${SB_SECRET}');`,
    `insert into settings (k, v) values ('public', $v$${SB_PUBLISHABLE}$v$);`,
    `-- curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789"`,
    `select 'Bearer YOUR_SERVICE_ROLE_KEY', 'Bearer ' || current_setting('app.key');`
  ].join('\n')
  const findings = lint(sql)
  expect(findings.map(f => [f.line, f.severity, f.message.split(' is written')[0]])).toEqual([
    [1, 'warning', 'a Supabase anon key of project qwertyuiopasdfgh (eyJhbGciOi…)'],
    [2, 'error', 'a Stripe live secret key (sk_live_…)'],
    [3, 'error', 'a Supabase secret API key (sb_secret_…)'],
    [4, 'warning', 'a Supabase publishable API key (sb_publishable_…)'],
    [5, 'error', 'a bearer token (Bearer …)']
  ])
  expect(findings[4].message).toContain('is written in a comment')
  const text = JSON.stringify(findings)
  for (const secret of [
    ANON,
    STRIPE,
    SB_SECRET,
    SB_PUBLISHABLE,
    'abcdefghijklmnopqrstuvwxyz0123456789'
  ])
    expect(text).not.toContain(secret)
})

test('an anon key may be allowed with a reason; a service_role key cannot be', () => {
  const allowed = lint(
    `-- runbook:allow secret-literal the anon key is public; rotated with the project\nselect '${ANON}';\n`
  )
  expect(allowed.map(f => [f.severity, f.suppressed])).toEqual([
    ['warning', 'the anon key is public; rotated with the project']
  ])
  const notAllowed = lint(
    `-- runbook:allow secret-literal it is only staging\nselect '${SERVICE_ROLE}';\n`
  )
  expect(notAllowed.map(f => [f.severity, f.suppressed])).toEqual([['error', undefined]])
})

test('JWT-looking text that is not a JWT, placeholders and plain words are not secrets', () => {
  expect(
    findSecretLiterals(
      "select 'eyJnot.base64json.atall1234', 'Bearer <token>', 'Bearer xxxxxxxxxxxxxxxxxxxxxxxx', 'sk_live_short', 'skeleton';"
    )
  ).toEqual([])
})

test('a file that does not parse is still searched', () => {
  const findings = lint(`insert into settings values ('k', '${STRIPE}')\nselect from where;`)
  expect(findings.map(f => f.rule)).toEqual(['secret-literal', 'syntax-error'])
})

test('the run registers every key found for redaction, as role passwords are', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secret-literal-'))
  try {
    mkdirSync(path.join(root, 'migrations', 'rollback'), { recursive: true })
    writeFileSync(path.join(root, 'migrations', '1_hook.sql'), HOOK)
    writeFileSync(path.join(root, 'migrations', 'rollback', '1_hook.sql'), `select '${STRIPE}';\n`)
    const redactor = new Redactor()
    registerRolePasswords(redactor, discoverMigrations('migrations', root))
    expect(redactor.redact(`headers: Bearer ${SERVICE_ROLE}; stripe ${STRIPE}`)).toBe(
      'headers: Bearer ***; stripe ***'
    )
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test("the Supabase CLI's local demo key (chatbot-ui hard-codes it) is a warning that says why it breaks after the deploy", () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const demo = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`
  const sql = `create function public.delete_storage_object(bucket text, object text) returns void language plpgsql as $$
declare
  service_role_key text := '${demo}';
begin
  perform 1;
end $$;
`
  const found = lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings.filter(
    f => f.rule === 'secret-literal'
  )
  expect(found.map(f => f.severity)).toEqual(['warning'])
  expect(found[0].message).toContain("the Supabase CLI's local demo service_role key")
  expect(found[0].message).toContain('a hosted project rejects it')
  expect(found[0].message).not.toContain(demo)
})
