/**
 * The mark of the throwaway server's stand-in extensions (src/embedded/extensions): in their control file's
 * comment, so any check can tell a stand-in (DDL only) from the real extension without loading their SQL.
 */
export const STAND_IN_MARKER = 'migration-runbook stand-in'
