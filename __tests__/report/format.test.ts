/** Number formatting without ICU, and no ICU set-up anywhere in the engine. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withThousands } from '../../src/report/format.js'

test('withThousands writes what toLocaleString("en-US") writes for the counts the reports show', () => {
  for (const n of [0, 7, 999, 1000, 29_524, 300_000, 1_234_567, -1_234_567, 12.5])
    expect(withThousands(n)).toBe(n.toLocaleString('en-US'))
  expect(withThousands(Number.NaN)).toBe('NaN')
})

test('the engine sets up no ICU service: localeCompare, toLocale* and Intl cost 12–50 ms on first use', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src')
  const offenders: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts'))
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$|^\s*\*.*$/, '')
            if (/\.localeCompare\(|\.toLocale[A-Za-z]*\(|\bIntl\./.test(code))
              offenders.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`)
          })
    }
  }
  walk(root)
  expect(offenders).toEqual([])
})
