/** Judging one scheduled sample: static limits, and a spike against the previous interval as a rate. */
import { judgeSample, spikeLimit } from '../../src/monitor/evaluate.js'

const MIN = 60_000
const t0 = new Date('2026-11-29T10:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN)
const spike = { factor: 3, 'min-count': 5 }
const previous = { value: 10, since: at(0), takenAt: at(30) }

function judge(value: number, minutes = 30, extra = {}) {
  return judgeSample(
    {
      name: 'overlap-conflicts',
      unit: 'conflicts',
      value,
      spike,
      since: at(30),
      takenAt: at(30 + minutes),
      ...extra
    },
    previous
  )
}

test('a count up to factor × the previous interval is no spike; above it is', () => {
  expect(judge(30)).toEqual({ threshold: 30 })
  const j = judge(31)
  expect(j.threshold).toBe(30)
  expect(j.breach).toMatch(
    /^overlap-conflicts: 31 conflicts at .* is a spike: more than 3 × the previous interval's rate \(limit 30 conflicts\)$/
  )
})

test('a late cron run (an interval twice as long) doubles the allowed count', () => {
  expect(judge(55, 60)).toEqual({ threshold: 60 })
  expect(judge(61, 60).breach).toContain('is a spike')
})

test('min-count keeps small numbers from counting as a spike; no previous interval, no spike limit', () => {
  expect(spikeLimit(spike, at(30), at(60), { value: 0, since: at(0), takenAt: at(30) })).toBe(5)
  expect(judge(5, 30).breach).toBeUndefined()
  expect(spikeLimit(spike, at(30), at(60), undefined)).toBeUndefined()
  expect(
    judgeSample(
      { name: 'c', unit: '', value: 1000, spike, since: at(0), takenAt: at(30) },
      undefined
    )
  ).toEqual({ threshold: null })
})

test('max and spike together: the smaller limit is in force, and the max breach is named as such', () => {
  expect(judge(40, 30, { max: 50 }).threshold).toBe(30)
  expect(judge(60, 30, { max: 50 }).breach).toContain('is above max 50 conflicts')
})

test('a sample that failed to run is a breach that says so', () => {
  const j = judgeSample(
    {
      name: 'c',
      unit: '%',
      value: null,
      error: 'relation "x" does not exist (SQLSTATE 42P01)',
      max: 5,
      since: at(0),
      takenAt: at(30)
    },
    undefined
  )
  expect(j).toEqual({
    threshold: 5,
    breach: expect.stringContaining('failed: relation "x" does not exist')
  })
})
