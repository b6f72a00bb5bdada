/** Number formatting without ICU, and no ICU set-up anywhere in the engine. */
import { withThousands } from '../../src/report/format.js'
import { engineSources } from '../helpers/sources.js'

test('withThousands writes what toLocaleString("en-US") writes for the counts the reports show', () => {
  for (const n of [0, 7, 999, 1000, 29_524, 300_000, 1_234_567, -1_234_567, 12.5])
    expect(withThousands(n)).toBe(n.toLocaleString('en-US'))
  expect(withThousands(Number.NaN)).toBe('NaN')
})

test('the engine sets up no ICU service: localeCompare, toLocale* and Intl cost 12–50 ms on first use', () => {
  const offenders: string[] = []
  for (const { file, code: text } of engineSources())
    text.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$|^\s*\*.*$/, '')
      if (/\.localeCompare\(|\.toLocale[A-Za-z]*\(|\bIntl\./.test(code))
        offenders.push(`${file}:${i + 1}: ${line.trim()}`)
    })
  expect(offenders).toEqual([])
})
