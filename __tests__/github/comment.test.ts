import { upsertStickyComment } from '../../src/github/comment.js'
import { commentMarker } from '../../src/report/markdown.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let gh: FakeGitHub
const logs: string[] = []

beforeEach(async () => {
  gh = await startFakeGitHub()
  logs.length = 0
})
afterEach(() => gh.close())

function upsert(environment: string, body: string, issueNumber = 7) {
  return upsertStickyComment({
    token: 'test-token',
    owner: 'acme',
    repo: 'bookings',
    issueNumber,
    environment,
    body: `${commentMarker(environment)}\n${body}`,
    baseUrl: gh.url,
    log: (level, msg) => logs.push(`${level}: ${msg}`),
    retry: { attempts: 3, baseDelayMs: 1 }
  })
}

test('the first run creates the comment, the second edits it', async () => {
  const first = await upsert('staging', 'run 1')
  expect(first.action).toBe('created')
  expect(first.url).toMatch(/^https:\/\/github\.com\/acme\/bookings\/pull\/7#issuecomment-\d+$/)
  const second = await upsert('staging', 'run 2')
  expect(second).toEqual({ action: 'updated', url: first.url })
  expect(gh.comments).toHaveLength(1)
  expect(gh.comments[0].body).toBe(`${commentMarker('staging')}\nrun 2`)
  // Each run reads the token's identity once, and only when a comment carries the marker.
  expect(
    gh.requests.map(r => `${r.method} ${r.path.split('?')[0].replace(/^.*\/issues/, '')}`)
  ).toEqual([
    'GET /7/comments',
    'POST /7/comments',
    'GET /7/comments',
    'GET /user',
    'GET /7/comments',
    'GET /user',
    'PATCH /comments/1000'
  ])
})

test('adds the marker when the body lacks it', async () => {
  await upsertStickyComment({
    token: 'test-token',
    owner: 'acme',
    repo: 'bookings',
    issueNumber: 7,
    environment: 'staging',
    body: 'no marker here',
    baseUrl: gh.url
  })
  expect(gh.comments[0].body.split('\n')[0]).toBe(commentMarker('staging'))
})

test('comments of other environments and other tools are left alone', async () => {
  gh.seed(7, [
    'LGTM',
    `${commentMarker('production')}\nprod report`,
    `${commentMarker('staging-eu')}\nsimilar name`,
    `> quoting ${commentMarker('staging')}\nnot ours`,
    '<!-- other-tool:staging -->\ncoverage report'
  ])
  gh.seed(8, [`${commentMarker('staging')}\nanother PR`])
  const before = gh.comments.map(c => ({ ...c }))

  expect((await upsert('staging', 'ours')).action).toBe('created')
  expect((await upsert('staging', 'ours again')).action).toBe('updated')

  expect(gh.comments.slice(0, before.length)).toEqual(before)
  const ours = gh.comments.filter(c => c.body.startsWith(`${commentMarker('staging')}\n`))
  expect(ours.map(c => [c.issueNumber, c.body])).toEqual([
    [8, `${commentMarker('staging')}\nanother PR`],
    [7, `${commentMarker('staging')}\nours again`]
  ])
})

test('finds the existing comment beyond the first 100 (Link header pagination)', async () => {
  gh.seed(
    7,
    Array.from({ length: 150 }, (_, i) => `chatter ${i}`)
  )
  gh.seed(7, [`${commentMarker('staging')}\nold report`], 'github-actions[bot]')
  gh.seed(
    7,
    Array.from({ length: 120 }, (_, i) => `more chatter ${i}`)
  )
  const result = await upsert('staging', 'new report')
  expect(result.action).toBe('updated')
  expect(gh.comments).toHaveLength(271)
  expect(gh.comments[150].body).toBe(`${commentMarker('staging')}\nnew report`)
  const pages = gh.requests
    .filter(r => r.method === 'GET' && r.path.includes('/comments'))
    .map(r => r.path)
  expect(pages[0]).toContain('per_page=100')
  expect(pages).toHaveLength(3) // every page: a duplicate left by a race may be further down
})

test('a 5xx is retried', async () => {
  gh.fail(502, 2, 'GET')
  const result = await upsert('staging', 'after hiccup')
  expect(result.action).toBe('created')
  // list ×3 (two 502s), create, list again (race check), then GET /user (whose comment is ours)
  expect(gh.requests.map(r => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
    ...Array(3).fill('GET /repos/acme/bookings/issues/7/comments'),
    'POST /repos/acme/bookings/issues/7/comments',
    'GET /repos/acme/bookings/issues/7/comments',
    'GET /user'
  ])
  expect(logs.some(l => l.includes('502') && l.includes('retry 1 of 3'))).toBe(true)
})

test('retries are bounded: a persistent 5xx throws a clear error', async () => {
  gh.fail(503, 100)
  await expect(upsert('staging', 'x')).rejects.toThrow(
    /staging comment on acme\/bookings#7 failed \(HTTP 503\)/
  )
  expect(gh.requests).toHaveLength(4)
  expect(gh.comments).toHaveLength(0)
})

test('a 403 becomes a warning naming the missing permission, not an exception', async () => {
  gh.fail(403, 1, 'POST')
  const result = await upsert('staging', 'x')
  expect(result.action).toBe('skipped')
  expect(result.url).toBeUndefined()
  expect(result.warning).toContain('pull-requests: write')
  expect(logs.some(l => l.startsWith('warning:') && l.includes('pull-requests: write'))).toBe(true)
  expect(gh.requests.filter(r => r.method === 'POST')).toHaveLength(1) // 4xx is not retried
})

test('no token: skipped with a warning, no request made', async () => {
  const result = await upsertStickyComment({
    token: '',
    owner: 'acme',
    repo: 'bookings',
    issueNumber: 7,
    environment: 'staging',
    body: 'x',
    baseUrl: gh.url
  })
  expect(result.action).toBe('skipped')
  expect(result.warning).toMatch(/github-token/)
  expect(gh.requests).toHaveLength(0)
})

describe('only our own comment is edited (marker and author)', () => {
  const marker = commentMarker('staging')

  test('GITHUB_TOKEN (GET /user is 403): a human comment starting with the marker is never overwritten', async () => {
    gh.seed(7, [`${marker}\nmy own notes, copied from the bot`], 'alice')
    const first = await upsert('staging', 'report 1')
    expect(first.action).toBe('created')
    const second = await upsert('staging', 'report 2')
    expect(second.action).toBe('updated')
    expect(gh.comments.map(c => [c.user.login, c.body])).toEqual([
      ['alice', `${marker}\nmy own notes, copied from the bot`],
      ['github-actions[bot]', `${marker}\nreport 2`]
    ])
    expect(gh.requests.filter(r => r.method === 'DELETE')).toHaveLength(0)
  })

  test("a personal access token: only the token user's comment is ours, not a bot's or a human's", async () => {
    gh.setUser({ login: 'release-robot', type: 'User' })
    gh.seed(7, [`${marker}\nfrom actions`], 'github-actions[bot]')
    gh.seed(7, [`${marker}\nfrom alice`], 'alice')
    gh.seed(7, [`${marker}\nold report`], 'release-robot')
    const result = await upsert('staging', 'new report')
    expect(result.action).toBe('updated')
    expect(gh.comments.map(c => c.body.split('\n')[1])).toEqual([
      'from actions',
      'from alice',
      'new report'
    ])
  })

  test('an explicit author (an app bot) wins over the token lookup', async () => {
    gh.seed(7, [`${marker}\nfrom actions`], 'github-actions[bot]')
    gh.seed(7, [`${marker}\napp report`], 'my-app[bot]')
    const result = await upsertStickyComment({
      token: 'test-token',
      owner: 'acme',
      repo: 'bookings',
      issueNumber: 7,
      environment: 'staging',
      body: `${marker}\nnew app report`,
      author: 'my-app[bot]',
      baseUrl: gh.url
    })
    expect(result.action).toBe('updated')
    expect(gh.comments.map(c => c.body.split('\n')[1])).toEqual(['from actions', 'new app report'])
    expect(gh.requests.some(r => r.path === '/user')).toBe(false)
  })

  test('a composed body sees our existing body only, and undefined posts nothing', async () => {
    gh.seed(7, [`${marker}\nhuman text`], 'alice')
    const seen: (string | undefined)[] = []
    const compose = (existing: string | undefined) => {
      seen.push(existing)
      return existing === undefined ? undefined : `${marker}\nupdated`
    }
    const opts = {
      token: 'test-token',
      owner: 'acme',
      repo: 'bookings',
      issueNumber: 7,
      environment: 'staging',
      body: compose,
      baseUrl: gh.url
    }
    expect((await upsertStickyComment(opts)).action).toBe('skipped')
    expect(seen).toEqual([undefined]) // alice's comment is not ours
    expect(gh.requests.filter(r => r.method === 'POST')).toHaveLength(0)
    gh.seed(7, [`${marker}\nours`], 'github-actions[bot]')
    expect((await upsertStickyComment(opts)).action).toBe('updated')
    expect(seen[1]).toBe(`${marker}\nours`)
    expect(gh.comments.map(c => c.body.split('\n')[1])).toEqual(['human text', 'updated'])
  })
})
