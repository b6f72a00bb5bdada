import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { artifactUrl, headSha, pullRequestNumber, runUrl } from '../../src/github/context.js'

function eventFile(payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mr-event-')), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

test('pull request number from the event payload on pull_request events only', () => {
  const file = eventFile({ pull_request: { number: 42 } })
  expect(pullRequestNumber({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file })).toBe(42)
  expect(
    pullRequestNumber({ GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_EVENT_PATH: file })
  ).toBe(42)
  expect(pullRequestNumber({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file })).toBeUndefined()
  expect(pullRequestNumber({ GITHUB_EVENT_NAME: 'pull_request' })).toBeUndefined()
  expect(
    pullRequestNumber({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: '/nonexistent/event.json'
    })
  ).toBeUndefined()
})

test('reads the environment the front door passes (no default to process.env)', () => {
  const env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7 } }),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/bookings',
    GITHUB_RUN_ID: '123'
  }
  expect(pullRequestNumber(env)).toBe(7)
  expect(runUrl(env)).toBe('https://github.com/acme/bookings/actions/runs/123')
  expect(runUrl({})).toBeUndefined()
})

test('run and artifact URLs', () => {
  const env = {
    GITHUB_SERVER_URL: 'https://ghe.example/',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '9'
  }
  expect(runUrl(env)).toBe('https://ghe.example/o/r/actions/runs/9')
  expect(artifactUrl(4242, env)).toBe('https://ghe.example/o/r/actions/runs/9/artifacts/4242')
  expect(runUrl({ GITHUB_REPOSITORY: 'o/r' })).toBeUndefined()
})

test('head SHA: the PR head on pull_request (not the merge commit in GITHUB_SHA), else GITHUB_SHA', () => {
  const pr = eventFile({ pull_request: { number: 7, head: { sha: 'feedface00' } } })
  const merge = 'a1b2c3d4e5'
  expect(
    headSha({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr, GITHUB_SHA: merge })
  ).toBe('feedface00')
  expect(
    headSha({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: pr, GITHUB_SHA: merge })
  ).toBe('feedface00')
  const queue = eventFile({ merge_group: { head_sha: 'cafe0001' } })
  expect(
    headSha({ GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: queue, GITHUB_SHA: merge })
  ).toBe('cafe0001')
  expect(headSha({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: pr, GITHUB_SHA: merge })).toBe(
    merge
  )
  // A payload without the head (or none at all) falls back to GITHUB_SHA.
  expect(headSha({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: merge })).toBe(merge)
  expect(headSha({})).toBeUndefined()
})
