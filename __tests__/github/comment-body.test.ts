import { composeCommentBody, keepHumanTicks } from '../../src/github/comment-body.js'
import { commentMarker, headOf, renderReportMarkdown } from '../../src/report/markdown.js'
import type { CheckResult, Report } from '../../src/types.js'

const OLD = '1111111aaaaaaa'
const NEW = '2222222bbbbbbb'

function report(over: Partial<Report> = {}, sha = NEW): Report {
  const lint: CheckResult = {
    id: 'lint',
    title: 'Lint',
    status: 'pass',
    summary: 'clean',
    reasons: [],
    details: {},
    annotations: [],
    durationMs: 5
  }
  const diff: CheckResult = {
    ...lint,
    id: 'schema-diff',
    title: 'Schema diff',
    details: { diffText: '+ table x' }
  }
  return {
    tool: 'migration-runbook',
    version: '0.1.0',
    environment: 'staging',
    stage: 'validate',
    status: 'passed',
    startedAt: '2026-11-29T20:00:00.000Z',
    finishedAt: '2026-11-29T20:00:05.000Z',
    durationMs: 5000,
    target: { host: 'h', port: 5432, database: 'postgres' },
    pending: ['20250101000000'],
    applied: [],
    checks: [lint, diff],
    run: { url: 'https://github.com/acme/bookings/actions/runs/9', sha },
    ...over
  }
}

const compose = (r: Report, existing?: string) =>
  composeCommentBody({ fresh: renderReportMarkdown(r), report: r, existing })

test('a later push that removes the migrations replaces the old green result with a notice', () => {
  const green = renderReportMarkdown(report({}, OLD))
  expect(green).toContain('**PASSED**')
  const body = compose(report({ pending: [] }), green)!
  expect(body.split('\n')[0]).toBe(commentMarker('staging'))
  expect(body).toContain('**No migrations in this PR any more** as of `2222222`')
  expect(body).not.toContain('PASSED')
  expect(body).not.toContain('Schema diff')
  expect(headOf(body)).toBe(NEW)
})

test('a PR that never had migrations gets no comment', () => {
  expect(compose(report({ pending: [] }))).toBeUndefined()
})

test('a failed run with nothing pending is a real result, not "no migrations"', () => {
  const body = compose(
    report({ pending: [], status: 'failed' }),
    renderReportMarkdown(report({}, OLD))
  )
  expect(body).toContain('**FAILED**')
  expect(body).not.toContain('No migrations')
})

test('a cancelled run over an older commit: says so, and the result below is marked as the older one', () => {
  const green = renderReportMarkdown(report({}, OLD))
  const cancelled = report({
    status: 'cancelled',
    cancelled: { check: 'rehearsal', signal: 'SIGINT' }
  })
  const body = compose(cancelled, green)!
  const [marker, head, start, banner] = body.split('\n')
  expect(marker).toBe(commentMarker('staging'))
  expect(head).toBe(`<!-- migration-runbook:head=${OLD} -->`)
  expect(start).toBe('<!-- migration-runbook:notice -->')
  expect(banner).toContain('🛑 **Cancelled** … the validate run for `2222222`')
  expect(banner).toContain('during `rehearsal`')
  expect(banner).toContain('**The result below is from `1111111`**')
  expect(body).toContain('**PASSED**') // the old result, below the banner
  // A second cancel does not stack banners or lose the old result.
  const again = compose(cancelled, body)!
  expect(again.split('🛑 **Cancelled**')).toHaveLength(2)
  expect(again).toContain('**PASSED**')
  expect(again.match(/<!-- migration-runbook:staging -->/g)).toHaveLength(1)
})

test('a cancelled run for the same commit (or the first run) shows its own cancelled report', () => {
  const cancelled = report({ status: 'cancelled', cancelled: { check: 'lint', signal: 'SIGINT' } })
  const body = compose(cancelled, renderReportMarkdown(report()))!
  expect(body).toContain('**CANCELLED**')
  expect(body).not.toContain('result below is from')
  expect(compose(cancelled)).toContain('**CANCELLED**')
})

test("a reviewer's tick survives the update for the same head commit, not for a new push", () => {
  const first = renderReportMarkdown(report())
  expect(first).toContain('- [ ] Schema diff reviewed _(diff attached, awaiting review)_')
  const ticked = first
    .replace('- [ ] Schema diff reviewed', '- [x] Schema diff reviewed')
    .replace('- [ ] Production sign-off', '- [x] Production sign-off')
  const rerun = compose(report(), ticked)!
  expect(rerun).toContain('- [x] Schema diff reviewed _(ticked by a reviewer)_')
  expect(rerun).toContain('- [x] Production sign-off _(ticked by a reviewer)_')
  const newPush = compose(report({}, '3333333ccccccc'), ticked)!
  expect(newPush).toContain('- [ ] Schema diff reviewed _(diff attached, awaiting review)_')
  expect(newPush).toContain('- [ ] Production sign-off')
})

test('only the human items keep a tick: a ticked tool item follows the results', () => {
  const fresh = '- [ ] Tests pass _(not run in this stage)_\n- [ ] Schema diff reviewed _(x)_'
  const existing = '- [x] Tests pass\n- [ ] Schema diff reviewed'
  expect(keepHumanTicks(fresh, existing)).toBe(fresh)
})
