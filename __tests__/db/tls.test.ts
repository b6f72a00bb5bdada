/**
 * sslmode as libpq reads it, on a real server with TLS whose certificate is signed by a private root CA (as
 * Supabase signs its projects'): the URL people give psql and `supabase db push` must connect here too.
 * pg 8 alone reads sslmode=require as verify-full and fails "self-signed certificate in certificate chain".
 */
import { chmodSync, chownSync, copyFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/embedded/server.js'
import { connect, effectiveSslMode } from '../../src/db/connect.js'
import { Redactor } from '../../src/report/redact.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { createTestDatabase, urlForDatabase } from '../helpers/db.js'
import { baseEnv, cli } from '../e2e/processes.js'

const TLS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls')
const CA = path.join(TLS, 'ca.crt')

let server: EmbeddedServer
/** A database on the TLS server. */
let url: string
const redactor = new Redactor()

/** Whether the session is encrypted, as the server sees it. */
async function encrypted(client: pg.Client): Promise<boolean> {
  const r = await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')
  return r.rows[0].ssl
}

const withParams = (params: string, base = url) => `${base}?${params}`

beforeAll(async () => {
  server = await startEmbeddedPostgres()
  const admin = new pg.Client({ connectionString: server.adminUrl })
  await admin.connect()
  try {
    const dataDir = (await admin.query('SHOW data_directory')).rows[0].data_directory as string
    // The server runs as the data directory's owner, and refuses a key others can read.
    const owner = statSync(dataDir)
    for (const f of ['server.crt', 'server.key']) {
      copyFileSync(path.join(TLS, f), path.join(dataDir, f))
      chownSync(path.join(dataDir, f), owner.uid, owner.gid)
      chmodSync(path.join(dataDir, f), 0o600)
    }
    await admin.query(`ALTER SYSTEM SET ssl_cert_file = 'server.crt'`)
    await admin.query(`ALTER SYSTEM SET ssl_key_file = 'server.key'`)
    await admin.query('ALTER SYSTEM SET ssl = on')
    await admin.query('SELECT pg_reload_conf()')
  } finally {
    await admin.end()
  }
  url = await server.createDatabase('tls')
}, 120_000)
afterAll(() => server?.stop())

describe('connect', () => {
  test('sslmode=require encrypts without verifying the certificate, as psql does', async () => {
    const c = await connect({ url: withParams('sslmode=require'), redactor })
    try {
      expect(await encrypted(c)).toBe(true)
    } finally {
      await c.end()
    }
  })

  test('sslmode=verify-full refuses a certificate of an unknown CA, and says what to add to the URL', async () => {
    const err = await connect({ url: withParams('sslmode=verify-full'), redactor }).catch(e => e)
    expect(err).toBeInstanceOf(Error)
    expect(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']).toContain(err.code)
    expect(err.message).toContain('add sslrootcert=<file>')
    expect(err.message).toContain('sslmode=require to encrypt without verifying')
  })

  test('sslmode=verify-full with sslrootcert verifies the chain and the host name', async () => {
    const c = await connect({
      url: withParams(`sslmode=verify-full&sslrootcert=${encodeURIComponent(CA)}`),
      redactor
    })
    try {
      expect(await encrypted(c)).toBe(true)
    } finally {
      await c.end()
    }
    // The certificate names localhost and 127.0.0.1: another name for the same address (127.1, in ?host=,
    // which a URL's authority would normalise) is refused.
    const err = await connect({
      url: withParams(`sslmode=verify-full&sslrootcert=${encodeURIComponent(CA)}&host=127.1`),
      redactor
    }).catch(e => e)
    expect(err.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
  })

  test('sslmode=verify-ca verifies the chain, not the host name (libpq)', async () => {
    const c = await connect({
      url: withParams(`sslmode=verify-ca&sslrootcert=${encodeURIComponent(CA)}&host=127.1`),
      redactor
    })
    try {
      expect(await encrypted(c)).toBe(true)
    } finally {
      await c.end()
    }
  })

  test('sslmode=prefer encrypts when the server offers SSL and connects in the clear when it does not', async () => {
    const c = await connect({ url: withParams('sslmode=prefer'), redactor })
    const plain = await connect({
      url: withParams('sslmode=prefer', urlForDatabase('postgres')),
      redactor
    })
    try {
      expect(await encrypted(c)).toBe(true)
      expect(await encrypted(plain)).toBe(false)
    } finally {
      await c.end()
      await plain.end()
    }
  })

  test("no sslmode reads as libpq's default, prefer, except on a loopback host or a Unix socket", async () => {
    const remote = 'postgres://postgres.abc:pw@aws-0-eu-west-1.pooler.supabase.com:5432/postgres'
    expect(effectiveSslMode(remote)).toBe('prefer')
    expect(effectiveSslMode('postgres://u:pw@db.abc.supabase.co/postgres')).toBe('prefer')
    expect(effectiveSslMode(`${remote}?sslmode=disable`)).toBe('disable')
    expect(effectiveSslMode(`${remote}?ssl=true`)).toBeUndefined()
    for (const local of [
      'postgres://u:pw@127.0.0.1:5432/db',
      'postgres://u:pw@localhost/db',
      'postgres://u:pw@[::1]:5432/db',
      'postgres://u:pw@127.0.0.2/db',
      'postgres://u:pw@/db?host=/var/run/postgresql'
    ])
      expect(effectiveSslMode(local)).toBeUndefined()
    // On loopback the session is in the clear, on its first connection: TLS would protect nothing here.
    const c = await connect({ url, redactor })
    try {
      expect(await encrypted(c)).toBe(false)
    } finally {
      await c.end()
    }
  })

  test('sslmode=require against a server without SSL says so, and what connects', async () => {
    const err = await connect({
      url: withParams('sslmode=require', urlForDatabase('postgres')),
      redactor
    }).catch(e => e)
    expect(err.message).toBe(
      'The server does not support SSL connections: the URL asks for sslmode=require; this server does not offer SSL (sslmode=disable or prefer connects to it)'
    )
  })

  test("pg's own sslmode=no-verify and sslmode=disable keep their meaning", async () => {
    const noVerify = await connect({ url: withParams('sslmode=no-verify'), redactor })
    const disabled = await connect({ url: withParams('sslmode=disable'), redactor })
    try {
      expect(await encrypted(noVerify)).toBe(true)
      expect(await encrypted(disabled)).toBe(false)
    } finally {
      await noVerify.end()
      await disabled.end()
    }
  })
})

describe('through the CLI', () => {
  let repo: FixtureRepo
  beforeEach(() => (repo = copyFixture('basic')))
  afterEach(() => rmSync(repo.root, { recursive: true, force: true }))

  test.each([
    [
      'sslmode=requir',
      'has sslmode="requir"; allowed: disable, allow, prefer, require, verify-ca, verify-full, no-verify'
    ],
    ['sslmode=verify-ca', 'has sslmode=verify-ca without sslrootcert'],
    [
      'sslmode=verify-full&sslrootcert=certs/prod-ca-2021.crt',
      'has sslrootcert="certs/prod-ca-2021.crt", which does not exist'
    ]
  ])(
    'a bad TLS parameter (%s) is refused before anything connects: exit 2, named, no password',
    async (params, expected) => {
      const target = withParams(params)
      const r = await cli(['validate', '--env', 'staging'], {
        cwd: repo.root,
        env: baseEnv({ DATABASE_URL: target })
      })
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`input "database-url" ${expected}`)
      expect(r.stdout + r.stderr).not.toContain(decodeURIComponent(new URL(url).password))
    }
  )

  test("libpq's PGSSLMODE and PGSSLROOTCERT apply where the URL says nothing, as for psql; the URL's own sslmode wins", async () => {
    const validate = (env: NodeJS.ProcessEnv, target = url) =>
      cli(['validate', '--env', 'staging'], {
        cwd: repo.root,
        env: baseEnv({ DATABASE_URL: target, ...env })
      })
    // Without the variables a loopback host is read in the clear; with verify-full and no root CA the
    // certificate cannot be verified: the variable was read.
    expect((await validate({})).code).toBe(0)
    const unverified = await validate({ PGSSLMODE: 'verify-full' })
    expect(unverified.code).toBe(1)
    expect(unverified.stdout + unverified.stderr).toContain(
      "the server's certificate could not be verified (sslmode=verify-full)"
    )
    expect((await validate({ PGSSLMODE: 'verify-full', PGSSLROOTCERT: CA })).code).toBe(0)
    expect((await validate({ PGSSLMODE: 'verify-full' }, withParams('sslmode=disable'))).code).toBe(
      0
    )
    // A bad value is refused before anything connects, naming the variable.
    const bad = await validate({ PGSSLMODE: 'requir' })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('environment variable PGSSLMODE is "requir"; allowed: disable,')
    const missing = await validate({ PGSSLMODE: 'verify-ca', PGSSLROOTCERT: 'no/such/ca.crt' })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      'environment variable PGSSLROOTCERT is "no/such/ca.crt", which does not exist'
    )
  })

  test('PGSSLMODE=require against a server without SSL fails the connection gate: no silent fall back to the clear', async () => {
    const plain = await createTestDatabase('tls_plain')
    // Host 0.0.0.0 reaches this machine's server (Linux) without being a loopback name: read as a remote host,
    // whose default, prefer, falls back to the clear.
    const remote = new URL(plain.url)
    remote.hostname = '0.0.0.0'
    try {
      const run = (env: NodeJS.ProcessEnv) =>
        cli(['validate', '--env', 'staging'], {
          cwd: repo.root,
          env: baseEnv({ DATABASE_URL: remote.toString(), ...env })
        })
      expect((await run({})).code).toBe(0)
      const r = await run({ PGSSLMODE: 'require' })
      expect(r.code).toBe(1)
      expect(r.stdout + r.stderr).toContain('this server does not offer SSL')
    } finally {
      await plain.drop()
    }
  })

  test('apply with a Supabase-style URL (?sslmode=require) connects encrypted and applies', async () => {
    const target = withParams('sslmode=require')
    const r = await cli(['apply', '--env', 'staging'], {
      cwd: repo.root,
      env: baseEnv({ DATABASE_URL: target })
    })
    expect(r.stderr + r.stdout).not.toContain('self-signed')
    expect(r.code).toBe(0)
    const password = decodeURIComponent(new URL(url).password)
    expect(r.stdout + r.stderr).not.toContain(password)
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      const applied = await c.query(
        'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version'
      )
      expect(applied.rows.map(x => x.version)).toEqual(['20250101000000', '20250201000000'])
    } finally {
      await c.end()
    }
  })
})
