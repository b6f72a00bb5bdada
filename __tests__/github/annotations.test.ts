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

test('caps at 50 per level and says how many were left out', () => {
  const { calls, sink } = recordingSink()
  const many: Annotation[] = Array.from({ length: 70 }, (_, i) => ({
    level: 'warning',
    file: 'm.sql',
    line: i + 1,
    title: 't',
    message: `w${i}`
  }))
  emitAnnotations(
    [...many, { level: 'error', file: 'm.sql', line: 1, title: 't', message: 'e' }],
    sink
  )
  expect(calls.filter(c => c.level === 'warning')).toHaveLength(50)
  expect(calls.filter(c => c.level === 'error')).toHaveLength(1)
  const notice = calls.find(c => c.level === 'notice')
  expect(notice?.msg).toMatch(/^20 warnings more not shown/)
})
