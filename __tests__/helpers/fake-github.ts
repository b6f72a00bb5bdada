/**
 * Small local stand-ins for GitHub, speaking the real request shapes so the real libraries
 * (@actions/github's octokit, @actions/artifact's twirp + Azure blob clients) run unmodified.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: Buffer
}

export interface FakeComment {
  id: number
  body: string
  issueNumber: number
  user: { login: string; type: string }
}

export interface FakeGitHub {
  url: string
  comments: FakeComment[]
  requests: RecordedRequest[]
  /** The next `times` requests (optionally only of `method`) answer `status`. */
  fail(status: number, times?: number, method?: string): void
  /** Adds comments directly (as if posted earlier by someone else). */
  seed(issueNumber: number, bodies: string[], login?: string): void
  /** The token's identity for GET /user and new comments; none (default) answers 403 like GITHUB_TOKEN. */
  setUser(user: { login: string; type: string } | undefined): void
  close(): Promise<void>
}

interface Failure {
  status: number
  times: number
  method?: string
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(value))
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise(resolve => server.close(() => resolve()))
}

/** GitHub REST: list (paginated with a Link header), create and edit issue comments. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const comments: FakeComment[] = []
  const requests: RecordedRequest[] = []
  const failures: Failure[] = []
  let nextId = 1000
  let base = ''
  let user: { login: string; type: string } | undefined

  const toJson = (c: FakeComment, owner: string, repo: string) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issueNumber}#issuecomment-${c.id}`
  })

  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', base)
    const method = req.method ?? 'GET'
    requests.push({ method, path: url.pathname + url.search, headers: req.headers, body })

    const failure = failures.find(f => !f.method || f.method === method)
    if (failure) {
      failure.times--
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1)
      const message =
        failure.status === 403 ? 'Resource not accessible by integration' : 'Server Error'
      return sendJson(res, failure.status, {
        message,
        documentation_url: 'https://docs.github.com/rest'
      })
    }
    if (req.headers.authorization !== 'token test-token') {
      return sendJson(res, 401, { message: 'Bad credentials' })
    }

    if (url.pathname === '/user' && method === 'GET') {
      if (!user) return sendJson(res, 403, { message: 'Resource not accessible by integration' })
      return sendJson(res, 200, { ...user, id: 1 })
    }
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    if (m && method === 'GET') {
      const [, owner, repo, n] = m
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
      const page = Number(url.searchParams.get('page') ?? 1)
      const all = comments.filter(c => c.issueNumber === Number(n))
      const lastPage = Math.max(1, Math.ceil(all.length / perPage))
      const slice = all.slice((page - 1) * perPage, page * perPage)
      const link = (p: number, rel: string) =>
        `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`
      const links: string[] = []
      if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
      return sendJson(
        res,
        200,
        slice.map(c => toJson(c, owner, repo)),
        links.length > 0 ? { link: links.join(', ') } : {}
      )
    }
    if (m && method === 'POST') {
      const [, owner, repo, n] = m
      const comment: FakeComment = {
        id: nextId++,
        body: JSON.parse(body.toString()).body,
        issueNumber: Number(n),
        user: user ?? { login: 'github-actions[bot]', type: 'Bot' }
      }
      comments.push(comment)
      return sendJson(res, 201, toJson(comment, owner, repo))
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (m && method === 'PATCH') {
      const [, owner, repo, id] = m
      const comment = comments.find(c => c.id === Number(id))
      if (!comment) return sendJson(res, 404, { message: 'Not Found' })
      comment.body = JSON.parse(body.toString()).body
      return sendJson(res, 200, toJson(comment, owner, repo))
    }
    sendJson(res, 404, { message: 'Not Found' })
  })
  base = await listen(server)

  return {
    url: base,
    comments,
    requests,
    fail(status, times = 1, method) {
      failures.push({ status, times, method })
    },
    seed(issueNumber, bodies, login = 'someone') {
      for (const b of bodies) {
        comments.push({ id: nextId++, body: b, issueNumber, user: { login, type: 'User' } })
      }
    },
    setUser(u) {
      user = u
    },
    close: () => close(server)
  }
}

export interface FakeArtifactService {
  url: string
  requests: RecordedRequest[]
  /** Bytes received by blob block uploads, in order. */
  uploadedBytes: () => number
  /** The name from CreateArtifact, once called (the last one). */
  created: { name?: string; expiresAt?: string }
  /** Every artifact name created on this "workflow run", in order. */
  names: string[]
  close(): Promise<void>
}

/**
 * The artifact results service (twirp JSON) plus an Azure-blob-like endpoint for the signed URL:
 * CreateArtifact → PUT ?comp=block → PUT ?comp=blocklist → FinalizeArtifact.
 */
export async function startFakeArtifactService(
  opts: { artifactId?: number; createStatus?: number } = {}
): Promise<FakeArtifactService> {
  const requests: RecordedRequest[] = []
  const created: FakeArtifactService['created'] = {}
  const names: string[] = []
  let bytes = 0
  let base = ''
  const twirp = '/twirp/github.actions.results.api.v1.ArtifactService/'

  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', base)
    const method = req.method ?? 'GET'
    requests.push({ method, path: url.pathname + url.search, headers: req.headers, body })

    if (method === 'POST' && url.pathname === `${twirp}CreateArtifact`) {
      if (!req.headers.authorization?.startsWith('Bearer ')) {
        return sendJson(res, 401, { code: 'unauthenticated', msg: 'no bearer token' })
      }
      if (opts.createStatus && opts.createStatus >= 300) {
        return sendJson(res, opts.createStatus, {
          code: 'permission_denied',
          msg: 'denied by fake'
        })
      }
      const request = JSON.parse(body.toString())
      // As GitHub's service: a name is unique per workflow run, and a re-run job is the same run.
      if (names.includes(request.name)) {
        return sendJson(res, 409, {
          code: 'already_exists',
          msg: 'an artifact with this name already exists on the workflow run'
        })
      }
      names.push(request.name)
      created.name = request.name
      created.expiresAt = request.expires_at ?? request.expiresAt
      return sendJson(res, 200, {
        ok: true,
        signed_upload_url: `${base}/devstoreaccount1/actions-results/${encodeURIComponent(request.name)}.zip?sig=fake`
      })
    }
    if (method === 'POST' && url.pathname === `${twirp}FinalizeArtifact`) {
      // One id per artifact: the first gets artifactId, the next ones count up from it.
      return sendJson(res, 200, {
        ok: true,
        artifact_id: String((opts.artifactId ?? 4242) + names.length - 1)
      })
    }
    if (method === 'PUT' && url.pathname.startsWith('/devstoreaccount1/')) {
      if (url.searchParams.get('comp') === 'block') bytes += body.length
      res.writeHead(201, {
        'x-ms-request-id': 'fake',
        'x-ms-version': '2025-01-05',
        'x-ms-request-server-encrypted': 'true',
        etag: '"0x1"',
        'last-modified': new Date().toUTCString()
      })
      return res.end()
    }
    sendJson(res, 404, { code: 'not_found', msg: `no route ${method} ${url.pathname}` })
  })
  base = await listen(server)
  return {
    url: base,
    requests,
    created,
    names,
    uploadedBytes: () => bytes,
    close: () => close(server)
  }
}

/** An unsigned JWT whose `scp` claim carries the run and job ids the artifact client reads. */
export function fakeRuntimeToken(runId = 'run-1', jobId = 'job-1'): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.Results:${runId}:${jobId}` })}.sig`
}
