/**
 * A local stand-in for the Supabase Management API (node:http), following the real request shape:
 * GET /v1/projects/{ref}/database/backups with `Authorization: Bearer <token>`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeSupabase {
  url: string
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[]
  close: () => Promise<void>
}

export interface FakeSupabaseOptions {
  token: string
  /** ref -> the JSON body GET .../database/backups answers. */
  backups: Record<string, unknown>
}

export async function startFakeSupabase(opts: FakeSupabaseOptions): Promise<FakeSupabase> {
  const requests: FakeSupabase['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers })
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.headers.authorization !== `Bearer ${opts.token}`)
      return send(401, { message: 'Unauthorized' })
    const m = /^\/v1\/projects\/([^/]+)\/database\/backups$/.exec(req.url ?? '')
    if (req.method !== 'GET' || !m) return send(404, { message: 'Cannot GET ' + req.url })
    const body = opts.backups[decodeURIComponent(m[1])]
    if (body === undefined) return send(404, { message: 'Project not found' })
    return send(200, body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
