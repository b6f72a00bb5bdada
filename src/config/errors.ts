/** Bad usage or configuration: exit code 2, nothing was touched. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** A gate refused to go on: exit code 1. */
export class GateError extends Error {
  override name = 'GateError'
}
