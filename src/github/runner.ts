/**
 * The two runner commands the action needs before anything else loads: read an input, mask a secret.
 * They write exactly what @actions/core's getInput and setSecret do, without loading @actions/core, whose
 * HTTP client (undici) costs ~100 ms before the first line (issue 15). Everything else uses @actions/core.
 */
import { EOL } from 'node:os'

/** An action input as the runner passes it (INPUT_<NAME>, spaces as _), trimmed; '' when not set. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** `::add-mask::<value>`: the runner replaces the value by *** in every later line of the log. */
export function setSecret(secret: string, write: (text: string) => void = stdoutWrite): void {
  write(`::add-mask::${escapeData(secret)}${EOL}`)
}

/** A command's data is one line: the runner decodes these three escapes. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function stdoutWrite(text: string): void {
  process.stdout.write(text)
}
