import { parseJunit } from '../../src/perf/junit.js'
import { percentile } from '../../src/perf/stats.js'
import { indexesUsed, indexedRelations, type PlanNode } from '../../src/perf/explain.js'
import { comparePlan } from '../../src/perf/plan-baseline.js'
import { renderChart } from '../../src/report/format.js'
import { tablesInStatement } from '../../src/perf/statements.js'
import { loadParser } from '../../src/sql/parser.js'
import type { MonitorSeries } from '../../src/types.js'

describe('percentile (nearest rank)', () => {
  test('p50 and p95 are observed values; one outlier in 20 does not move p95', () => {
    const values = [...Array(19).fill(1), 500]
    expect(percentile(values, 50)).toBe(1)
    expect(percentile(values, 95)).toBe(1)
    expect(percentile(values, 100)).toBe(500)
    expect(percentile([3, 1, 2], 50)).toBe(2)
  })
  test('bad p is refused, empty input is NaN', () => {
    expect(() => percentile([1], 101)).toThrow('percentile p is 101; allowed: 0 to 100')
    expect(percentile([], 95)).toBeNaN()
  })
})

describe('parseJunit', () => {
  test('sums <testsuite> elements, not the <testsuites> root', () => {
    const xml = `<?xml version="1.0"?>
<testsuites name="jest tests" tests="5" failures="1" errors="1">
  <testsuite name="a" tests="3" failures="1" errors="0" skipped="1"><testcase name="x"/></testsuite>
  <testsuite name='b' tests='2' failures='0' errors='1' skipped='0'/>
</testsuites>`
    expect(parseJunit(xml)).toEqual({ tests: 5, failures: 1, errors: 1, skipped: 1 })
  })
  test('falls back to the root, and returns null for something else', () => {
    expect(parseJunit('<testsuites tests="4" failures="2"></testsuites>')).toEqual({
      tests: 4,
      failures: 2,
      errors: 0,
      skipped: 0
    })
    expect(parseJunit('<html><body>no</body></html>')).toBeNull()
  })
})

const node = (type: string, extra: Partial<PlanNode> = {}, plans: PlanNode[] = []): PlanNode => ({
  'Node Type': type,
  ...extra,
  ...(plans.length ? { Plans: plans } : {})
})

describe('plan reading', () => {
  const plan = node('Nested Loop', {}, [
    node('Bitmap Heap Scan', { 'Relation Name': 'bookings' }, [
      node('Bitmap Index Scan', { 'Index Name': 'bookings_window_idx' })
    ]),
    node('Index Only Scan', { 'Relation Name': 'tables', 'Index Name': 'tables_pkey' }),
    node('Seq Scan', { 'Relation Name': 'holds' })
  ])
  test('finds index names recursively and the relations read through them', () => {
    expect(indexesUsed(plan)).toEqual(['bookings_window_idx', 'tables_pkey'])
    expect(indexedRelations(plan)).toEqual(['bookings', 'tables'])
  })
})

describe('comparePlan', () => {
  const indexScan = (idx: string, cost: number): PlanNode =>
    node('Index Scan', { 'Relation Name': 'items', 'Index Name': idx, 'Total Cost': cost })
  const before = {
    name: 'lookup',
    totalCost: 10,
    indexes: ['items_a_idx'],
    plan: indexScan('items_a_idx', 10)
  }

  test('cost over the threshold is a regression, under it is not', () => {
    const worse = comparePlan(
      before,
      { totalCost: 25, indexes: ['items_a_idx'], plan: indexScan('items_a_idx', 25) },
      2
    )
    expect(worse.regression.regressed).toBe(true)
    expect(worse.reasons[0]).toContain('estimated cost rose 2.5x (10 -> 25), over the 2x threshold')
    const fine = comparePlan(
      before,
      { totalCost: 15, indexes: ['items_a_idx'], plan: indexScan('items_a_idx', 15) },
      2
    )
    expect(fine.regression.regressed).toBe(false)
  })
  test('a table no longer read through an index regresses; swapping indexes on it does not', () => {
    const seq = comparePlan(
      before,
      { totalCost: 12, indexes: [], plan: node('Seq Scan', { 'Relation Name': 'items' }) },
      2
    )
    expect(seq.regression).toMatchObject({
      regressed: true,
      beforeIndexes: ['items_a_idx'],
      afterIndexes: []
    })
    expect(seq.reasons[0]).toContain(
      'items no longer read through an index (was items_a_idx, now no index)'
    )
    const swap = comparePlan(
      before,
      { totalCost: 9, indexes: ['items_b_idx'], plan: indexScan('items_b_idx', 9) },
      2
    )
    expect(swap.regression.regressed).toBe(false)
    expect(swap.regression.afterIndexes).toEqual(['items_b_idx'])
  })
})

describe('renderChart (the monitor charts)', () => {
  const series: MonitorSeries = {
    name: 'overlap "probe" p95',
    unit: 'ms',
    max: 200,
    points: [
      { at: '2026-11-20T10:00:30.000Z', value: 12.5 },
      { at: '2026-11-20T10:01:00.000Z', value: null },
      { at: '2026-11-20T10:01:30.000Z', value: 250 }
    ],
    breached: true
  }
  test('one mermaid xychart with the threshold line; missing samples left out; no quotes leak into titles', () => {
    const md = renderChart(series)
    expect(md.startsWith('```mermaid\nxychart-beta\n')).toBe(true)
    expect(md).toContain(`title "overlap 'probe' p95 (ms) - BREACHED"`)
    expect(md).toContain('x-axis ["0s", "1m00s"]')
    expect(md).toContain('y-axis "ms"')
    expect(md).toContain('line [12.5, 250]')
    expect(md).toContain('line [200, 200]')
    expect(md).toContain('threshold max 200 ms')
    expect(md.match(/```mermaid/g)).toHaveLength(1)
  })
  test('no points, no chart', () => {
    expect(renderChart({ name: 'empty', unit: '', points: [], breached: false })).toBe('')
  })
})

describe('tablesInStatement', () => {
  beforeAll(() => loadParser())
  const wanted = ['public.items', 'public.bookings']
  test('DML naming a wanted table, qualified or not; DDL and utility statements never', () => {
    expect(
      tablesInStatement(
        'select * from items i join public.bookings b on b.id = i.id where i.x = $1',
        wanted
      )
    ).toEqual(wanted)
    expect(tablesInStatement('update public.items set x = $1', wanted)).toEqual(['public.items'])
    expect(tablesInStatement('create index on public.items (x)', wanted)).toEqual([])
    expect(tablesInStatement('analyze public.items', wanted)).toEqual([])
    expect(tablesInStatement('select 1 from other.items', wanted)).toEqual([])
  })
})
