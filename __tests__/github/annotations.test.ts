import { emitAnnotations } from '../../src/github/annotations.js'
import type { Annotation } from '../../src/types.js'

function recordingSink() {
  const calls: { level: string; msg: string; props: object }[] = []
  const at = (level: string) => (msg: string, props: object) => calls.push({ level, msg, props })
  return { calls, sink: { error: at('error'), warning: at('warning'), notice: at('notice') } }
}

test('each annotation goes to its level with file, line, column and title', () => {
  const { calls, sink } = recordingSink()
  emitAnnotations(
    [
      {
        level: 'error',
        file: 'migrations/1_a.sql',
        line: 12,
        column: 3,
        title: 'lint: ban-drop-column',
        message: 'drops data'
      },
      {
        level: 'warning',
        file: 'migrations/1_a.sql',
        line: 20,
        title: 'conflicts',
        message: '17 rows'
      }
    ],
    sink
  )
  expect(calls).toEqual([
    {
      level: 'error',
      msg: 'drops data',
      props: {
        file: 'migrations/1_a.sql',
        startLine: 12,
        startColumn: 3,
        title: 'lint: ban-drop-column'
      }
    },
    {
      level: 'warning',
      msg: '17 rows',
      props: { file: 'migrations/1_a.sql', startLine: 20, title: 'conflicts' }
    }
  ])
})

test('GitHub shows 10 per level: the 10 that matter most are emitted, then how many more', () => {
  const { calls, sink } = recordingSink()
  const lint = (i: number): Annotation => ({
    level: 'error',
    file: 'migrations/20250101000000_a.sql',
    line: i + 1,
    title: 'lint: ban-drop-column',
    message: `lint ${i}`
  })
  const sidecar = (i: number): Annotation => ({
    level: 'error',
    file: 'migrations/rollback/20250101000000_a.sql',
    line: i + 1,
    title: 'migration failed',
    message: `rollback file ${i}`
  })
  const warnings: Annotation[] = Array.from({ length: 14 }, (_, i) => ({
    level: 'warning',
    file: 'migrations/20250101000000_a.sql',
    line: i + 1,
    title: 'over the lock budget',
    message: `w${i}`
  }))
  emitAnnotations(
    [
      ...Array.from({ length: 6 }, (_, i) => sidecar(i)),
      ...Array.from({ length: 12 }, (_, i) => lint(i)),
      ...warnings,
      {
        level: 'error',
        file: 'migrations/20250101000000_a.sql',
        line: 40,
        title: 'conflicts: no_overlap',
        message: '17 rows violate'
      },
      {
        level: 'error',
        file: 'migrations/20250101000000_a.sql',
        line: 41,
        title: 'migration failed',
        message: 'apply failed'
      }
    ],
    sink
  )
  const errors = calls.filter(c => c.level === 'error').map(c => c.msg)
  // Migration files before sidecars; within them a failed migration, then conflicts, then lint.
  expect(errors).toEqual([
    'apply failed',
    '17 rows violate',
    ...Array.from({ length: 8 }, (_, i) => `lint ${i}`)
  ])
  expect(calls.filter(c => c.level === 'warning').map(c => c.msg)).toEqual(
    Array.from({ length: 10 }, (_, i) => `w${i}`)
  )
  const notices = calls.filter(c => c.level === 'notice')
  expect(notices).toHaveLength(1)
  expect(notices[0].msg).toMatch(
    /^10 more errors, 4 more warnings not shown as annotations \(GitHub shows 10 per level/
  )
})

test('the "more" line takes one of the ten notice slots, so it is never itself hidden', () => {
  const { calls, sink } = recordingSink()
  emitAnnotations(
    Array.from({ length: 12 }, (_, i) => ({
      level: 'notice' as const,
      file: 'm.sql',
      line: i + 1,
      title: 'lint: x',
      message: `n${i}`
    })),
    sink
  )
  const notices = calls.filter(c => c.level === 'notice')
  expect(notices).toHaveLength(10)
  expect(notices[9].msg).toMatch(/^3 more notices not shown/)
})

test('exactly 10 of a level: all shown, no "more" line', () => {
  const { calls, sink } = recordingSink()
  emitAnnotations(
    Array.from({ length: 10 }, (_, i) => ({
      level: 'notice' as const,
      file: 'm.sql',
      line: i + 1,
      title: 't',
      message: `n${i}`
    })),
    sink
  )
  expect(calls.map(c => c.msg)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`))
})
