/**
 * The action reads its inputs and masks the database URL through src/github/runner.ts before @actions/core
 * loads (start-up, issue 15): what it writes and reads must be exactly what @actions/core does.
 */
import { jest } from '@jest/globals'
import * as core from '@actions/core'
import { getInput, setSecret } from '../../src/github/runner.js'

/** What `fn` writes to stdout. */
function stdoutOf(fn: () => void): string {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    chunks.push(String(chunk))
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

const SECRETS = [
  'postgres://user:p%40ss@db.example.com:5432/postgres',
  'line one\nline two\r\nthree',
  '100%25 %0A not decoded twice',
  '::warning::looks like a command'
]

test.each(SECRETS)('setSecret writes what core.setSecret writes for %j', secret => {
  const ours = stdoutOf(() => setSecret(secret))
  expect(ours).toBe(stdoutOf(() => core.setSecret(secret)))
  // One line, whatever the secret holds: a newline in it must not end the command early.
  expect(ours.trimEnd().split('\n')).toHaveLength(1)
})

test('getInput reads INPUT_<NAME> as core.getInput does: spaces as _, upper case, trimmed', () => {
  const saved = { ...process.env }
  try {
    process.env['INPUT_DATABASE-URL'] = '  postgres://x@h/db \n'
    process.env['INPUT_COMMENT_AUTHOR'] = 'octocat'
    delete process.env['INPUT_ARTIFACT-NAME']
    for (const name of ['database-url', 'comment author', 'artifact-name']) {
      expect(getInput(name)).toBe(core.getInput(name))
    }
    expect(getInput('database-url')).toBe('postgres://x@h/db')
    expect(getInput('comment author')).toBe('octocat')
    expect(getInput('artifact-name')).toBe('')
  } finally {
    process.env = saved
  }
})

test('getInput reads the environment it is given', () => {
  expect(getInput('stage', { INPUT_STAGE: ' apply ' })).toBe('apply')
  expect(getInput('stage', {})).toBe('')
})
