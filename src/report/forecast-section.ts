/**
 * The PR comment's lock forecast: per statement that locks an existing table more than ROW EXCLUSIVE, the lock,
 * the table's rows, the time measured in the rehearsal and the time forecast for the full table, against the
 * lock budget. Says where the row counts come from: a staging run cannot read production's database.
 */
import type { Report } from '../types.js'
import { formatMs, lockName, type LockForecast } from '../rehearse/forecast.js'
import { findCheck } from '../types.js'
import { cell as formatCell, code as formatCode, withThousands } from './format.js'

/** The forecast's cells are never shortened: a statement or a model cut at 300 characters would mislead. */
const UNCUT = Number.POSITIVE_INFINITY
const cell = (text: string) => formatCell(text, UNCUT)
const code = (text: string) => formatCode(text, UNCUT)

const count = withThousands

function measured(f: LockForecast): string {
  const where =
    f.rehearsedOn === 'shadow'
      ? `shadow copy, ${count(f.rehearsedRows)} rows${f.sampled ? ' (sample)' : ''}`
      : `live table, ${count(f.rehearsedRows)} rows`
  return `${formatMs(f.measuredMs)} (${where})`
}

export function renderForecast(report: Report): string {
  const check = findCheck(report.checks, 'rehearsal')
  const forecasts: LockForecast[] = check?.details.forecast ?? []
  if (forecasts.length === 0) return ''
  const mode = check?.details.rehearsalMode
  const lines = [
    '#### Lock forecast',
    '',
    mode === 'shadow'
      ? 'Statements that lock an existing table more than ROW EXCLUSIVE were rehearsed on shadow copies (the live tables were only read: no writer waited).'
      : 'Statements were rehearsed on the live tables (in a rolled-back transaction).',
    '',
    '| | Statement | Lock | Table rows | Measured | Forecast | Budget |',
    '|---|---|---|---:|---|---|---:|'
  ]
  for (const f of forecasts) {
    lines.push(
      `| ${f.overBudget ? '⚠️' : '✅'} | ${code(f.statement)} (${cell(`${f.file}:${f.line}`)}) | ${cell(lockName(f.lock))} on ${code(f.table)} | ${count(f.tableRows)} | ${cell(measured(f))} | **${formatMs(f.forecastMs)}** (${cell(f.model)}) | ${formatMs(f.budgetMs)} |`
    )
  }
  const sources = [...new Set(forecasts.map(f => `${f.forecastFor}: ${f.rowsSource}`))]
  lines.push('', ...sources.map(s => `Row counts for ${cell(s)}.`))
  const over = forecasts.filter(f => f.overBudget)
  for (const f of over)
    lines.push(
      '',
      `> Will hold ${lockName(f.lock)} on ${code(f.table)} for about ${formatMs(f.forecastMs)} on ${cell(f.forecastFor)}: over its lock budget of ${formatMs(f.budgetMs)}.`
    )
  return lines.join('\n')
}
