/** The stage table's own promises, read from the table itself (no database needed). */
import { ALL_CHECKS, STAGE_TABLE } from '../../src/stages/index.js'

test('only the checks that run for minutes by design are left out of the lock-wait watcher', () => {
  // tests runs the project's suite and monitor samples for its whole duration; the watcher polls every
  // 100 ms on a session of its own, so watching them would hold that session open for minutes.
  const long = ALL_CHECKS.filter(c => c.long).map(c => c.id)
  expect([...new Set(long)].sort()).toEqual(['monitor', 'tests'])
  expect(STAGE_TABLE['monitor-window'].checks.find(c => c.id === 'monitor')?.long).toBe(true)
  expect(STAGE_TABLE.monitor.checks.find(c => c.id === 'monitor')?.long).toBe(true)
})
