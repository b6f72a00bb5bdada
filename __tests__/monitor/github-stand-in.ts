/**
 * A local GitHub REST stand-in for the scheduled monitor, speaking the real request shapes octokit uses:
 * commits/:sha/pulls, issue comments (list, create, edit, delete), issues (list, create, edit) and
 * workflow dispatches. Everything it receives is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StandInIssue {
  number: number
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
}

export interface StandInComment {
  id: number
  issueNumber: number
  body: string
}

export interface GitHubStandIn {
  url: string
  /** commit sha → PR numbers that contain it (merged). */
  pulls: Map<string, number[]>
  comments: StandInComment[]
  issues: StandInIssue[]
  dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[]
  requests: { method: string; path: string }[]
  close(): Promise<void>
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const text = Buffer.concat(chunks).toString()
  return text ? JSON.parse(text) : {}
}

function send(res: ServerResponse, status: number, value?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(value === undefined ? '' : JSON.stringify(value))
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' }

export async function startGitHubStandIn(token = 'test-token'): Promise<GitHubStandIn> {
  const s: Omit<GitHubStandIn, 'url' | 'close'> = {
    pulls: new Map(),
    comments: [],
    issues: [],
    dispatches: [],
    requests: []
  }
  let nextId = 5000
  let nextIssue = 100
  const html = (n: number, id?: number) =>
    `https://github.com/o/r/issues/${n}${id ? `#issuecomment-${id}` : ''}`
  const issueJson = (i: StandInIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    labels: i.labels.map(name => ({ name })),
    user: BOT,
    html_url: html(i.number)
  })

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const method = req.method ?? 'GET'
    const body = await readJson(req)
    s.requests.push({ method, path: url.pathname + url.search })
    if (req.headers.authorization !== `token ${token}`)
      return send(res, 401, { message: 'Bad credentials' })
    const p = url.pathname
    // GITHUB_TOKEN is an installation token: it cannot read its own identity, and posts as the bot.
    if (p === '/user' && method === 'GET')
      return send(res, 403, { message: 'Resource not accessible by integration' })
    let m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(p)
    if (m && method === 'GET')
      return send(
        res,
        200,
        (s.pulls.get(m[1]) ?? []).map(n => ({
          number: n,
          state: 'closed',
          merged_at: '2026-01-01T00:00:00Z'
        }))
      )
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p)
    if (m && method === 'GET') {
      const n = Number(m[1])
      return send(
        res,
        200,
        s.comments
          .filter(c => c.issueNumber === n)
          .map(c => ({ id: c.id, body: c.body, user: BOT, html_url: html(n, c.id) }))
      )
    }
    if (m && method === 'POST') {
      const c = { id: nextId++, issueNumber: Number(m[1]), body: String(body.body) }
      s.comments.push(c)
      return send(res, 201, {
        id: c.id,
        body: c.body,
        user: BOT,
        html_url: html(c.issueNumber, c.id)
      })
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p)
    if (m) {
      const c = s.comments.find(x => x.id === Number(m![1]))
      if (!c) return send(res, 404, { message: 'Not Found' })
      if (method === 'PATCH') {
        c.body = String(body.body)
        return send(res, 200, {
          id: c.id,
          body: c.body,
          user: BOT,
          html_url: html(c.issueNumber, c.id)
        })
      }
      if (method === 'DELETE') {
        s.comments.splice(s.comments.indexOf(c), 1)
        return send(res, 204)
      }
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues$/.exec(p)
    if (m && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open'
      const label = url.searchParams.get('labels')
      return send(
        res,
        200,
        s.issues
          .filter(
            i => (state === 'all' || i.state === state) && (!label || i.labels.includes(label))
          )
          .map(issueJson)
      )
    }
    if (m && method === 'POST') {
      const i: StandInIssue = {
        number: nextIssue++,
        title: String(body.title),
        body: String(body.body ?? ''),
        labels: (body.labels as string[] | undefined) ?? [],
        state: 'open'
      }
      s.issues.push(i)
      return send(res, 201, issueJson(i))
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(p)
    if (m && method === 'PATCH') {
      const i = s.issues.find(x => x.number === Number(m![1]))
      if (!i) return send(res, 404, { message: 'Not Found' })
      if (body.title !== undefined) i.title = String(body.title)
      if (body.body !== undefined) i.body = String(body.body)
      if (body.state !== undefined) i.state = body.state as 'open' | 'closed'
      return send(res, 200, issueJson(i))
    }
    m = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/([^/]+)\/dispatches$/.exec(p)
    if (m && method === 'POST') {
      s.dispatches.push({
        workflow: decodeURIComponent(m[1]),
        ref: String(body.ref),
        inputs: (body.inputs as Record<string, string>) ?? {}
      })
      return send(res, 204)
    }
    send(res, 404, { message: `no route ${method} ${p}` })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    ...s,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}
