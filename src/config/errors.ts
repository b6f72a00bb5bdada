/** Bad usage or configuration: exit code 2, nothing was touched. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
