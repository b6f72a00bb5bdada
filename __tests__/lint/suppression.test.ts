/**
 * Suppressing escapes-transaction for one statement takes a reason, in either spelling:
 * `-- runbook:allow <rule> <reason>` or `-- migration-runbook: allow <rule> because <reason>`.
 * The reason is kept on the finding and the report shows it; without one, nothing is suppressed.
 */
import { lintOutcome } from '../../src/checks/lint.js'
import { lintSql } from '../../src/lint/engine.js'
import { readSuppressions } from '../../src/lint/suppress.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const lint = (sql: string) => lintSql('m.sql', sql, { kind: 'migration', noTransaction: false })

test("the issue's spelling: -- migration-runbook: allow <rule> because <reason>", () => {
  const sql = `-- migration-runbook: allow escapes-transaction because the export is the point: ops run it once, reviewed in #412
copy (select * from public.orders) to program 'gzip > /var/backups/orders.csv.gz';
copy public.customers to program 'gzip > /var/backups/customers.csv.gz';
`
  const result = lint(sql)
  const escapes = result.findings.filter(f => f.rule === 'escapes-transaction')
  expect(escapes.map(f => [f.line, f.suppressed])).toEqual([
    [2, 'the export is the point: ops run it once, reviewed in #412'],
    // Per statement: the next COPY is still an error.
    [3, undefined]
  ])
  const outcome = lintOutcome({ ...result, files: 1 })
  expect(outcome.status).toBe('fail')
  expect(outcome.summary).toBe('1 file(s), 2 statement(s): 1 error(s), 0 warning(s), 1 suppressed')
  expect(outcome.reasons).toEqual([
    expect.stringMatching(/^m\.sql:3:1 escapes-transaction: COPY \.\.\. TO PROGRAM/)
  ])
})

test('the existing spelling, on the DO statement, suppresses what is inside the block', () => {
  const sql = `-- runbook:allow escapes-transaction one-off cleanup of the legacy link, approved by the DBA
do $$
begin
  perform dblink_disconnect('legacy');
end $$;
`
  const f = lint(sql).findings.filter(x => x.rule === 'escapes-transaction')
  expect(f.map(x => [x.line, x.suppressed])).toEqual([
    [4, 'one-off cleanup of the legacy link, approved by the DBA']
  ])
  const outcome = lintOutcome({ ...lint(sql), files: 1 })
  expect(outcome.status).toBe('pass')
  expect(outcome.details?.findings).toEqual([
    expect.objectContaining({
      rule: 'escapes-transaction',
      suppressed: 'one-off cleanup of the legacy link, approved by the DBA'
    })
  ])
})

test('without a reason nothing is suppressed, and the comment is reported', () => {
  const sql = `-- migration-runbook: allow escapes-transaction because
select pg_reload_conf();
-- migration-runbook: allow escapes-transaction
select pg_reload_conf();
-- migration-runbook: allow no-such-rule because reasons
select 1;
`
  const findings = lint(sql).findings
  expect(findings.map(f => [f.line, f.rule, f.suppressed ?? null, f.message])).toEqual([
    [
      1,
      'invalid-suppression',
      null,
      'migration-runbook: allow escapes-transaction gives no reason, so it suppresses nothing'
    ],
    [2, 'escapes-transaction', null, expect.any(String)],
    [
      3,
      'invalid-suppression',
      null,
      'migration-runbook: allow escapes-transaction gives no reason, so it suppresses nothing'
    ],
    [4, 'escapes-transaction', null, expect.any(String)],
    [5, 'invalid-suppression', null, 'migration-runbook: allow names unknown rule "no-such-rule"']
  ])
})

test('readSuppressions: both spellings, a reason without "because", and the no-transaction marker left alone', () => {
  const { allows, bad } = readSuppressions(
    [
      '-- migration-runbook: no-transaction',
      '-- runbook:allow partial-rollback the sequence is reset from max(id), safe to repeat',
      '--migration-runbook:allow partial-rollback because listeners are idempotent',
      '-- Migration-Runbook: allow escapes-transaction reviewed by the DBA'
    ].join('\n')
  )
  expect(bad).toEqual([])
  expect(allows).toEqual([
    {
      rule: 'partial-rollback',
      reason: 'the sequence is reset from max(id), safe to repeat',
      line: 2
    },
    { rule: 'partial-rollback', reason: 'listeners are idempotent', line: 3 },
    { rule: 'escapes-transaction', reason: 'reviewed by the DBA', line: 4 }
  ])
})
