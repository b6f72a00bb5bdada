/**
 * Two runs for one PR and environment that both find no comment: each creates one, and the sticky
 * comment must still end up single. The local server holds the first listings until both runs
 * have asked, so both really see an empty PR (the shared fake has no DELETE, hence this one).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { upsertStickyComment } from '../../src/github/comment.js'
import { commentMarker } from '../../src/report/markdown.js'

interface Comment {
  id: number
  body: string
}

let server: Server
let base = ''
let comments: Comment[] = []
let heldLists: (() => void)[] = []
let holdFirstLists = 0

beforeEach(async () => {
  comments = []
  heldLists = []
  let nextId = 1
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(value))
      }
      const json = (c: Comment) => ({
        ...c,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        html_url: `https://github.com/acme/bookings/pull/7#issuecomment-${c.id}`
      })
      if (url.pathname === '/repos/acme/bookings/issues/7/comments' && req.method === 'GET') {
        const answer = () => send(200, comments.map(json))
        if (holdFirstLists > 0) {
          // Answer only once every run has listed: the snapshot each gets is taken now (empty).
          const snapshot = comments.map(json)
          heldLists.push(() => send(200, snapshot))
          if (heldLists.length === holdFirstLists) {
            holdFirstLists = 0
            for (const release of heldLists) release()
          }
          return
        }
        return answer()
      }
      if (url.pathname === '/repos/acme/bookings/issues/7/comments' && req.method === 'POST') {
        const c = { id: nextId++, body: JSON.parse(Buffer.concat(chunks).toString()).body }
        comments.push(c)
        return send(201, json(c))
      }
      const m = /^\/repos\/acme\/bookings\/issues\/comments\/(\d+)$/.exec(url.pathname)
      const c = m ? comments.find(x => x.id === Number(m[1])) : undefined
      if (m && !c) return send(404, { message: 'Not Found' })
      if (c && req.method === 'PATCH') {
        c.body = JSON.parse(Buffer.concat(chunks).toString()).body
        return send(200, json(c))
      }
      if (c && req.method === 'DELETE') {
        comments = comments.filter(x => x !== c)
        res.writeHead(204)
        return res.end()
      }
      send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

function upsert(body: string) {
  return upsertStickyComment({
    token: 'test-token',
    owner: 'acme',
    repo: 'bookings',
    issueNumber: 7,
    environment: 'staging',
    body: `${commentMarker('staging')}\n${body}`,
    baseUrl: base,
    retry: { attempts: 0 }
  })
}

test('two runs racing to create the comment leave exactly one', async () => {
  holdFirstLists = 2
  const [a, b] = await Promise.all([upsert('run A'), upsert('run B')])
  expect(comments).toHaveLength(1)
  expect(comments[0].id).toBe(1)
  expect(['run A', 'run B'].map(r => `${commentMarker('staging')}\n${r}`)).toContain(
    comments[0].body
  )
  // Both runs point at the one comment that is left.
  expect(a.url).toBe(b.url)
  expect(a.url).toMatch(/#issuecomment-1$/)
})

test('duplicates left by an earlier race are removed on the next run', async () => {
  comments = [
    { id: 5, body: `${commentMarker('staging')}\nold` },
    { id: 6, body: 'LGTM' },
    { id: 8, body: `${commentMarker('staging')}\nduplicate` }
  ]
  const result = await upsert('new')
  expect(result.action).toBe('updated')
  expect(comments).toEqual([
    { id: 5, body: `${commentMarker('staging')}\nnew` },
    { id: 6, body: 'LGTM' }
  ])
})
