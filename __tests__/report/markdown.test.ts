import {
  commentMarker,
  headOf,
  renderReportMarkdown,
  signOffChecklist
} from '../../src/report/markdown.js'
import type { CheckResult, CheckStatus, Report } from '../../src/types.js'
import { findCheck } from '../../src/types.js'

function check(
  id: CheckResult['id'],
  status: CheckStatus,
  details: Record<string, unknown> = {},
  reasons: string[] = []
): CheckResult {
  return {
    id,
    title: id,
    status,
    summary: `${id} ${status}`,
    durationMs: 1234,
    reasons,
    details,
    annotations: []
    // One object for any id: TypeScript checks a union of more than 25 ids only by its members.
  } as CheckResult
}

function report(checks: CheckResult[], over: Partial<Report> = {}): Report {
  return {
    tool: 'migration-runbook',
    version: '0.1.0',
    environment: 'staging',
    stage: 'apply',
    status: 'passed',
    startedAt: '2026-11-13T20:30:00.000Z',
    finishedAt: '2026-11-13T20:31:05.000Z',
    durationMs: 65_000,
    target: { host: 'db.example', port: 5432, database: 'postgres', serverVersion: '17.6' },
    pending: [],
    applied: ['20251113203000'],
    checks,
    run: {
      url: 'https://github.com/acme/bookings/actions/runs/42',
      sha: 'abcdef1234567',
      actor: 'ana'
    },
    ...over
  }
}

const fullRun = () =>
  report([
    check('connection', 'pass'),
    check('pooler', 'warn', {}, ['transaction pooler | port 6543']),
    check('lint', 'warn', {
      findings: [
        {
          rule: 'constraint-missing-not-valid',
          severity: 'warning',
          file: 'migrations/20251113203000_capacity.sql',
          line: 12,
          column: 3,
          message: 'ADD CONSTRAINT scans the table under an ACCESS EXCLUSIVE lock',
          advice: 'add it NOT VALID, then VALIDATE CONSTRAINT'
        }
      ]
    }),
    check('conflicts', 'pass', {
      constraints: [
        {
          file: 'migrations/20251113203000_capacity.sql',
          line: 20,
          table: 'public.table_holds',
          constraint: 'table_holds_no_overlap',
          kind: 'exclude',
          count: 0,
          sample: [],
          query: 'select 1',
          durationMs: 3
        }
      ]
    }),
    check('rehearsal', 'pass', {
      migrations: [
        {
          version: '20251113203000',
          durationMs: 84,
          locks: [{ relation: 'public.table_holds', mode: 'AccessExclusiveLock' }],
          diffText: '+ constraint table_holds_no_overlap',
          overBudget: false
        }
      ]
    }),
    check('apply', 'pass'),
    check('verify', 'pass'),
    check('schema-diff', 'pass', {
      diffText: '+ ALTER TABLE table_holds ADD CONSTRAINT x',
      added: 1,
      removed: 0,
      changed: 0
    }),
    check('tests', 'pass', { command: 'npm test', exitCode: 0 }),
    check('performance', 'pass', {
      probes: [
        {
          name: 'availability',
          runs: 20,
          p50Ms: 1.234,
          p95Ms: 2.5,
          maxP95Ms: 200,
          indexesUsed: ['table_holds_no_overlap'],
          pass: true
        }
      ]
    })
  ])

test('starts with the hidden marker and carries status, checks and migrations', () => {
  const md = renderReportMarkdown(fullRun(), { artifactUrl: 'https://example/artifact/9' })
  expect(md.split('\n')[0]).toBe('<!-- migration-runbook:staging -->')
  expect(commentMarker('production')).toBe('<!-- migration-runbook:production -->')
  expect(md).toContain('**PASSED**')
  expect(md).toMatch(/\| ✅ \| connection `connection` \| connection pass \| 1\.2 s \|/)
  expect(md).toMatch(/\| ⚠️ \| pooler/)
  expect(md).toContain('transaction pooler \\| port 6543') // pipes escaped inside the table
  expect(md).toContain('`20251113203000`')
  expect(md).toContain('constraint-missing-not-valid')
  expect(md).toContain('`migrations/20251113203000_capacity.sql:12:3`')
  expect(md).toContain('`table_holds_no_overlap`')
  expect(md).toContain('AccessExclusiveLock')
  expect(md).toMatch(/<details><summary>Schema diff \(1 lines\)<\/summary>[\s\S]*ADD CONSTRAINT x/)
  expect(md).toContain('| ✅ | availability | 20 | 1.23 ms | 2.5 ms | 200 ms |')
  expect(md).toContain('[Workflow run](https://github.com/acme/bookings/actions/runs/42)')
  expect(md).toContain('[Evidence artifact](https://example/artifact/9)')
  expect(md).not.toContain('Report cut')
})

test('ticks the sign-off checklist from the results, diff review and production sign-off left unticked', () => {
  const md = renderReportMarkdown(fullRun())
  for (const label of [
    'Connection & preflight',
    'No rows violate the new constraints',
    'Applied in a transaction',
    'Constraint and table exist (verify)',
    'Tests pass',
    'Hot query EXPLAIN under threshold'
  ]) {
    expect(md).toContain(`- [x] ${label}`)
  }
  expect(md).toMatch(/- \[ \] Production sign-off/)
  // A person reviews the diff: never ticked by the tool, even when the diff is attached.
  expect(md).toContain('- [ ] Schema diff reviewed _(diff attached, awaiting review)_')
})

test('failed or missing checks leave their items unticked', () => {
  const r = report(
    [
      check('connection', 'pass'),
      check('backup', 'fail', {}, ['no backup in 24h']),
      check('conflicts', 'fail', {
        constraints: [
          {
            file: 'm.sql',
            line: 3,
            table: 'public.table_holds',
            constraint: 'no_overlap',
            kind: 'exclude',
            count: 17,
            sample: [{ id: 1, table_id: 'T1' }],
            query: 'select',
            durationMs: 5
          }
        ]
      }),
      check('rehearsal', 'pass', {
        migrations: [{ version: '1', durationMs: 5, locks: [], diffText: '', overBudget: false }]
      })
    ],
    { stage: 'validate', status: 'failed', applied: [], pending: ['1'] }
  )
  const items = Object.fromEntries(signOffChecklist(r).map(i => [i.label, i]))
  expect(items['Connection & preflight'].done).toBe(false) // backup failed
  expect(items['No rows violate the new constraints'].done).toBe(false)
  expect(items['Applied in a transaction']).toMatchObject({
    done: true,
    note: 'rehearsed, rolled back'
  })
  expect(items['Constraint and table exist (verify)']).toMatchObject({
    done: false,
    note: 'not run in this stage'
  })
  expect(items['Schema diff reviewed'].done).toBe(false)
  const md = renderReportMarkdown(r)
  expect(md).toContain('**FAILED**')
  expect(md).toContain(
    '| ❌ | `no_overlap` | `public.table_holds` | exclude | 17 | `{"id":1,"table_id":"T1"}`'
  )
  expect(md).toContain('no backup in 24h')
})

test('a huge diff is cut to stay under the limit with a note; status and checks stay', () => {
  const r = fullRun()
  const diffLines = Array.from(
    { length: 20_000 },
    (_, i) => `+ column_${i} integer not null default ${i}`
  )
  findCheck(r.checks, 'schema-diff')!.details.diffText = diffLines.join('\n')
  const md = renderReportMarkdown(r)
  expect(md.length).toBeLessThanOrEqual(65_000)
  expect(md.split('\n')[0]).toBe(commentMarker('staging'))
  expect(md).toContain('**PASSED**')
  expect(md).toContain('| ✅ | tests `tests`')
  expect(md).toContain('- [ ] Production sign-off')
  expect(md).toMatch(/Report cut.*shortened schema diff/)
  expect(md).toMatch(/… \d+ of 20000 lines cut/)
  expect(md).toContain('+ column_0 integer')
  expect(md).not.toContain('+ column_19999 integer')
})

test('with a tight limit the least important sections go first', () => {
  const r = fullRun()
  findCheck(r.checks, 'schema-diff')!.details.diffText = 'x\n'.repeat(5000)
  const roomy = renderReportMarkdown(r, { maxLength: 3500 })
  expect(roomy.length).toBeLessThanOrEqual(3500)
  expect(roomy).toContain('Performance (1 probe')
  expect(roomy).toMatch(/Report cut.*shortened schema diff/)

  const tight = renderReportMarkdown(r, { maxLength: 2100 })
  expect(tight.length).toBeLessThanOrEqual(2100)
  expect(tight).toContain('| ✅ | connection')
  expect(tight).toContain('Sign-off checklist')
  expect(tight).not.toContain('Performance (1 probe')
  expect(tight).toMatch(/Report cut.*left out .*performance.*schema diff/)
})

test('monitor series become a mermaid xychart with a threshold line', () => {
  const points = [0, 1, 2, 3].map(i => ({
    at: new Date(Date.UTC(2026, 10, 13, 21, 0, i * 30)).toISOString(),
    value: i === 2 ? null : 10 + i
  }))
  const r = report(
    [
      check('monitor', 'fail', {
        series: [{ name: 'p95 latency', unit: 'ms', max: 12, points, breached: true }],
        intervalMs: 30_000,
        breaches: ['p95 latency 13 ms > 12 ms']
      })
    ],
    { stage: 'monitor', status: 'failed' }
  )
  const md = renderReportMarkdown(r)
  expect(md).toContain('```mermaid\nxychart-beta\n  title "p95 latency (ms) - BREACHED"')
  expect(md).toContain('x-axis ["0s", "30s", "1m30s"]')
  expect(md).toContain('line [10, 11, 13]')
  expect(md).toContain('line [12, 12, 12]')
  expect(md).toContain('- ❌ p95 latency 13 ms &gt; 12 ms')
})

test('the top is one screen: verdict, what changes, what it locks and for how long, data in the way', () => {
  const md = renderReportMarkdown(fullRun())
  const top = md.slice(0, md.indexOf('| | Check |'))
  expect(top).toContain('**PASSED**')
  expect(top).toContain(
    '- **Changes:** 1 migration applied (`20251113203000`) · schema diff +1 / −0 lines'
  )
  expect(top).toContain('`public.table_holds` AccessExclusiveLock for ~84 ms (`20251113203000`)')
  expect(top).toContain('- **Data in the way:** none, no existing row violates the new constraints')
  expect(top.split('\n').length).toBeLessThan(15)
  expect(headOf(md)).toBe('abcdef1234567') // the head commit, for the next run to compare
})

test('long sections are collapsed in <details>, the checks table and checklist are not', () => {
  const r = fullRun()
  findCheck(r.checks, 'conflicts')!.details.constraints = [
    {
      file: 'm.sql',
      line: 3,
      table: 'public.table_holds',
      constraint: 'no_overlap',
      kind: 'exclude',
      count: 2,
      sample: [{ id: 1 }, { id: 2 }],
      query: 'select',
      durationMs: 5
    }
  ]
  const md = renderReportMarkdown(r)
  const collapsed = (summary: RegExp) =>
    new RegExp(`<details><summary><b>${summary.source}[^<]*</b></summary>\\n\\n`).test(md)
  expect(collapsed(/Lint findings \(1 active\)/)).toBe(true)
  expect(collapsed(/Rehearsal locks/)).toBe(true)
  expect(collapsed(/Performance \(1 probe, 0 over threshold, 0 plan regressions\)/)).toBe(true)
  expect(collapsed(/Sample violating rows \(2\)/)).toBe(true)
  expect(md).toMatch(/<details><summary>Schema diff \(1 lines\)<\/summary>/)
  // Data in the way stays visible, above the fold and in the conflicts table.
  expect(md).toContain('- **Data in the way:** 2 rows violate `no_overlap` on `public.table_holds`')
  expect(md).toMatch(/^\| ❌ \| `no_overlap` \|/m)
  const opened = md.split('<details>').length - 1
  expect(md.split('</details>').length - 1).toBe(opened)
  expect(md.slice(md.lastIndexOf('</details>'))).toContain('#### Sign-off checklist')
})

test('full (report.md) is never cut; the comment is cut with a link to the artifact', () => {
  const r = fullRun()
  findCheck(r.checks, 'schema-diff')!.details.diffText = Array.from(
    { length: 20_000 },
    (_, i) => `+ column_${i} integer`
  ).join('\n')
  const full = renderReportMarkdown(r, { full: true, artifactUrl: 'https://example/a/1' })
  expect(full.length).toBeGreaterThan(65_536)
  expect(full).toContain('+ column_19999 integer')
  expect(full).not.toContain('Report cut')
  const comment = renderReportMarkdown(r, { artifactUrl: 'https://example/a/1' })
  expect(comment.length).toBeLessThanOrEqual(65_000)
  expect(comment).toContain(
    "The full report is `report.md` in the [run's evidence artifact](https://example/a/1)."
  )
})
